import { parseBundleText, toBundle, type ParseResult } from '../../core/schema/bundle';
import type { Workspace } from '../../core/model/types';
import { datedName, downloadBlob } from './download';

export function exportWorkspace(ws: Workspace): string {
  const text = JSON.stringify(toBundle(ws, new Date().toISOString()), null, 2);
  const name = datedName(ws.meta.name, 'lanemap.json');
  downloadBlob(new Blob([text], { type: 'application/json' }), name);
  return name;
}

/** Files over this are refused before reading: a workspace bundle is a few MB at most. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export async function readWorkspaceFile(file: File): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [{ path: '(file)', message: `The file is ${(file.size / 1e6).toFixed(1)} MB; Lanemap reads workspace files up to 20 MB.` }] };
  }
  return parseBundleText(await file.text());
}
