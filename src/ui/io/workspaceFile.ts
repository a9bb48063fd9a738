import { toBundle } from '../../core/schema/bundleWrite';
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
