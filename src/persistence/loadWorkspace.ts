import { uuid } from '../core/model/ids';
import type { Workspace } from '../core/model/types';
import { STORAGE_VERSION } from '../core/schema/storageVersion';
import { rowValidatorFor } from '../core/schema/rowValidator';
import { restoreStoredWorkspace, type RawTables, type RestoredWorkspace } from '../core/schema/storedWorkspace';
import type { LanemapDB, MetaRow, QuarantineRow } from './db';
import { describeSaveError } from './saveErrors';
import { indexRow, orderRow } from './writes';
import { setAside } from './quarantine';

export { CATALOGUE } from './catalogueTables';

// Reading the stored workspace: every row of every table goes through validate -> migrate ->
// restore on its own (core/schema/storedWorkspace), and a bad one is set aside (quarantined)
// with a warning while the rest of the workspace opens, what pointed at it included.

export interface StoredWorkspace {
  /** null on first run: the database holds nothing yet. */
  workspace: Workspace | null;
  warnings: string[];
  /** Written by a newer Lanemap: open it, never write it. */
  newerVersion: number | null;
  /** Rows that failed validation, to move to the quarantine table. */
  bad: QuarantineRow[];
  /** What to write in their place, and the index entries to write again. */
  repairs: Pick<RestoredWorkspace, 'standIns' | 'reindex'>;
  /** The workspace row was missing: it needs writing. */
  metaMissing: boolean;
}

/** The tables read at load. A version's map (revisionMaps) is checked when it is read, not here: there can be thousands. */
const READ: readonly (keyof RawTables & string)[] = ['meta', 'maps', 'departments', 'systems', 'dataStores', 'mapIndex', 'revisions', 'trash'];

export async function readStoredWorkspace(db: LanemapDB, now: number): Promise<StoredWorkspace> {
  const tables = READ.map((name) => db.table(name));
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  const raw: RawTables = Object.fromEntries(READ.map((name, i) => [name, rows[i]]));
  // Rows that are all whole are read without loading zod; one that is not loads it, to say why.
  const r = restoreStoredWorkspace(raw, uuid, await rowValidatorFor(raw));
  const warnings = [...r.warnings];
  if (r.newerVersion !== null) {
    warnings.unshift(
      `This workspace was saved by a newer version of Lanemap (schema ${r.newerVersion}); this version reads up to ${STORAGE_VERSION}. ` +
        'It is open read-only: changes will not be saved. Update Lanemap to edit it.',
    );
  }
  const bad = r.damaged.map((d) =>
    setAside({ table: d.table, id: d.id, reason: d.problems.map((p) => `${p.path}: ${p.message}`).join('; '), explanation: d.explanation, row: d.row }, now),
  );
  return { workspace: r.workspace, warnings, newerVersion: r.newerVersion, bad, repairs: { standIns: r.standIns, reindex: r.reindex }, metaMissing: r.metaMissing };
}

/**
 * Move bad rows to the quarantine table and put what stands in for them in their place, in
 * one transaction, so a row is never lost: a damaged workspace or order row is replaced by
 * the one read from it, a record others point at by its stand-in, a map's entry in the list
 * of maps written again.
 */
export async function quarantineRows(db: LanemapDB, stored: StoredWorkspace): Promise<void> {
  const { bad, repairs, workspace, warnings } = stored;
  if (bad.length === 0 && repairs.standIns.length === 0 && repairs.reindex.length === 0) return;
  const tables = [db.quarantine, db.meta, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores, db.revisions, db.trash];
  try {
    await db.transaction('rw', tables, async () => {
      if (bad.length > 0) await db.quarantine.bulkAdd(bad);
      const meta: MetaRow[] = [];
      for (const q of bad) {
        if (q.table !== 'meta') await db.table(q.table).delete(q.id);
        else if (q.id === 'workspace' && workspace) meta.push({ key: 'workspace', ...workspace.meta });
        else if (q.id === 'order' && workspace) meta.push(orderRow(workspace));
        else if (q.id === 'schema') meta.push({ key: 'schema', version: STORAGE_VERSION });
        if (q.table === 'maps') await db.mapIndex.delete(q.id);
      }
      if (meta.length > 0) await db.meta.bulkPut(meta);
      for (const s of repairs.standIns) await db.table(s.table).put(s.record);
      if (repairs.reindex.length > 0) await db.mapIndex.bulkPut(repairs.reindex.map(indexRow));
    });
  } catch (e) {
    // Left where they were: still skipped, and found again on the next load.
    warnings.push(`The unreadable records could not be moved aside (${describeSaveError(e)}); they stay in storage untouched.`);
  }
}
