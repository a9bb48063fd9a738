import { uuid } from '../../core/model/ids';
import { emptyWorkspace } from '../../core/model/factory';
import { toBundle } from '../../core/schema/bundleWrite';
import { rowValidatorFor } from '../../core/schema/rowValidator';
import { restoreStoredWorkspace } from '../../core/schema/storedWorkspace';
import { readEverythingReadable } from '../../persistence/readableRows';
import { datedName, downloadBlob } from '../io/download';

// "Download everything readable": a workspace bundle (shared/FORMAT.md) of every row that
// passes validation, plus, in a field of its own that readers keep and Lanemap's import
// leaves aside, the raw rows that did not (those found now and those set aside before).

export interface RecoveryDownload {
  file: string;
  maps: number;
  damaged: number;
  unreadable: string[];
}

export async function downloadReadable(dbName: string, name: string, now = new Date()): Promise<RecoveryDownload> {
  const { tables, quarantine, unreadable } = await readEverythingReadable(dbName);
  const restored = restoreStoredWorkspace(tables, uuid, await rowValidatorFor(tables));
  const ws = restored.workspace ?? emptyWorkspace(`ws-${uuid()}`, name);
  const damagedRecords = [
    ...restored.damaged.map((d) => ({ table: d.table, id: d.id, problem: d.explanation, row: d.row })),
    ...quarantine.map((q) => {
      const r = q as { table?: unknown; id?: unknown; explanation?: unknown; reason?: unknown; at?: unknown; row?: unknown };
      return { table: r.table, id: r.id, problem: r.explanation ?? r.reason, setAsideAt: r.at, row: r.row };
    }),
  ];
  const bundle = { ...toBundle(ws, now.toISOString()), damagedRecords, ...(unreadable.length > 0 ? { unreadableTables: unreadable } : {}) };
  const file = datedName(`${name} recovered`, 'lanemap.json', now);
  downloadBlob(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }), file);
  return { file, maps: ws.maps.length, damaged: damagedRecords.length, unreadable };
}
