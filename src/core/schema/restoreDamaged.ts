import type { DataStore, Department, ProcessMap, System, Workspace, WorkspaceMeta } from '../model/types';
import { explainProblems, migrateRow, restoreWorkspaceMeta, validateRow, type StoredTable } from './storedRows';

// "Try to restore" a row set aside as damaged: bring it to this version's layout, check it
// again against the workspace as it is now, and say what to do with it, or why not.

export interface SetAside {
  table: string;
  id: string;
  row: unknown;
  /** The storage version that set it aside; rows from before versions were kept count as 1. */
  version?: number;
}

/** A record of the document, whole again: what the restoreDamagedRecord command takes. */
export type DocumentRecord =
  | { table: 'meta'; record: WorkspaceMeta }
  | { table: 'departments'; record: Department }
  | { table: 'systems'; record: System }
  | { table: 'dataStores'; record: DataStore }
  | { table: 'maps'; record: ProcessMap };

export type RestorePlan =
  /** Back into the document, by the undoable restoreDamagedRecord command. */
  | { ok: true; into: 'document'; change: DocumentRecord }
  /** Back into its table as it is: history, trash and bookkeeping rows are not in the document. */
  | { ok: true; into: 'table'; table: StoredTable; row: unknown }
  | { ok: false; reason: string };

const DOCUMENT_TABLES = new Set(['departments', 'systems', 'dataStores', 'maps']);
const TABLE_ROWS = new Set(['mapIndex', 'revisions', 'revisionMaps', 'trash']);

export function planRestore(q: SetAside, ws: Workspace): RestorePlan {
  const table = q.table as StoredTable;
  if (!DOCUMENT_TABLES.has(table) && !TABLE_ROWS.has(table) && table !== 'meta') return { ok: false, reason: `Lanemap does not keep records in “${q.table}”.` };
  const migrated = migrateRow(table, q.row, q.version ?? 1);
  if (!migrated.ok) return { ok: false, reason: migrated.reason };
  const ctx = { departmentIds: ws.departments.map((d) => d.id), systemIds: ws.systems.map((s) => s.id), dataStoreIds: ws.dataStores.map((d) => d.id) };
  const v = validateRow(table, migrated.row, ctx);
  if (!v.ok) return { ok: false, reason: `Still damaged: ${explainProblems(v.problems)}` };
  if (table === 'meta') {
    if (q.id !== 'workspace') return { ok: true, into: 'table', table, row: v.value };
    return { ok: true, into: 'document', change: { table: 'meta', record: restoreWorkspaceMeta(v.value, () => ws.meta.id).meta as WorkspaceMeta } };
  }
  if (table === 'maps') {
    const map = v.value as ProcessMap;
    if (ws.maps.some((m) => m.id === map.id)) return { ok: false, reason: `A map with the id “${map.id}” is already in the workspace.` };
    return { ok: true, into: 'document', change: { table: 'maps', record: map } };
  }
  if (DOCUMENT_TABLES.has(table)) return { ok: true, into: 'document', change: { table, record: v.value } as DocumentRecord };
  return { ok: true, into: 'table', table, row: v.value };
}
