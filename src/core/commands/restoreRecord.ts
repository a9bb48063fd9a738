import type { Id, ProcessMap, WorkspaceMeta } from '../model/types';
import { CommandError, workspaceCommand } from './define';

// A record set aside as damaged when the workspace was loaded, put back once it reads whole
// again ("Try to restore" in the Damaged records panel). An ordinary command: undo takes it
// back like any other edit, and the copy set aside stays where it is.

/** The record as core/schema's planRestore checked it. */
export type RestorableRecord =
  | { table: 'meta'; record: WorkspaceMeta }
  | { table: 'maps'; record: ProcessMap }
  | { table: 'departments' | 'systems' | 'dataStores'; record: { id: Id } };

/** The record in place of the one of its id (the stand-in shown meanwhile), or added at the end of its list. */
export const restoreDamagedRecord = workspaceCommand<RestorableRecord>('restoreDamagedRecord', 'Restore damaged record', (ws, a) => {
  if (a.table === 'meta') return { ...ws, meta: structuredClone(a.record) };
  if (a.table === 'maps') {
    if (ws.maps.some((m) => m.id === a.record.id)) throw new CommandError(`A map with the id “${a.record.id}” is already in the workspace, so this one was not put back.`);
    return { ...ws, maps: [...ws.maps, structuredClone(a.record)] };
  }
  const list = ws[a.table] as { id: string }[];
  const record = structuredClone(a.record);
  const next = list.some((r) => r.id === record.id) ? list.map((r) => (r.id === record.id ? record : r)) : [...list, record];
  return { ...ws, [a.table]: next };
});
