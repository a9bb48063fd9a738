import { parseBundleText, toBundle, type ParseResult } from '../../core/schema/bundle';
import type { Workspace } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { recordBackup } from '../storage/backupStore';
import { datedName, downloadBlob } from './download';

/** Download the whole workspace as one file; it counts as a backup. Returns the file name. */
export function exportWorkspace(ws: Workspace): string {
  const text = JSON.stringify(toBundle(ws, new Date().toISOString()), null, 2);
  const name = datedName(ws.meta.name, 'lanemap.json');
  downloadBlob(new Blob([text], { type: 'application/json' }), name);
  recordBackup(name);
  return name;
}

/** "Download backup" wherever it is offered: the open workspace, said in a message. */
export function downloadBackup(): string | null {
  const ws = useDocument.getState().workspace;
  if (!ws) return null;
  const file = exportWorkspace(ws);
  useUi.getState().toast({ tone: 'info', message: `Downloaded ${file}. Keep it somewhere safe: “Import” reads it back.` });
  return file;
}

/** Files over this are refused before reading: a workspace bundle is a few MB at most. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export async function readWorkspaceFile(file: File): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [{ path: '(file)', message: `The file is ${(file.size / 1e6).toFixed(1)} MB; Lanemap reads workspace files up to 20 MB.` }] };
  }
  return parseBundleText(await file.text());
}
