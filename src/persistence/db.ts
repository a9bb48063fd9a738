import { uuid } from '../core/model/ids';
import Dexie, { type Table, type Transaction } from 'dexie';
import type { DataStore, Department, Id, ProcessMap, System } from '../core/model/types';
import type { StoredTables } from '../core/schema/migrations';
import type { RevisionBody, RevisionRow } from '../core/schema/revisionRecords';
import type { JournalRow } from './journalRows';

// The browser database. One row per map document plus a small index (DESIGN.md: documents
// load ~30x faster than one row per node). Catalogue records are small: one row each.

export const DB_NAME = 'lanemap';

export interface SchemaRow {
  key: 'schema';
  version: number;
}
export interface WorkspaceRow {
  key: 'workspace';
  id: Id;
  name: string;
  [extra: string]: unknown;
}
/** Display order of each list: IndexedDB hands rows back sorted by id, not as the user arranged them. */
export interface OrderRow {
  key: 'order';
  departments: Id[];
  systems: Id[];
  dataStores: Id[];
  maps: Id[];
}
/** Left by the tab that found storage emptied under it and wrote the workspace again, so other open tabs tell their user too. */
export interface EmptiedRow {
  key: 'emptied';
  /** When it was found (ms since 1970). */
  at: number;
}
export type MetaRow = SchemaRow | WorkspaceRow | OrderRow | EmptiedRow;

export interface MapIndexRow {
  id: Id;
  name: string;
  departmentId: Id | null;
  updatedAt: string;
  nodeCount: number;
  flowCount: number;
}

/** A stored row that failed validation, moved here intact so nothing is lost. */
export interface QuarantineRow {
  /** Auto-numbered, so a second bad copy of the same record never overwrites the first. */
  seq?: number;
  table: string;
  id: string;
  reason: string;
  /** What is wrong, in plain words, for the "Damaged records" panel. */
  explanation?: string;
  at: string;
  /** The storage version (STORAGE_VERSION) that set it aside: restoring migrates it from there. */
  version?: number;
  /** When "Try to restore" put it back (ms since 1970); the row itself is kept. */
  restoredAt?: number;
  row: unknown;
}

/** A deleted map, kept for TRASH_DAYS so a workshop's map is never lost by one click. */
export interface TrashRow {
  id: Id;
  /** Milliseconds since 1970. */
  deletedAt: number;
  map: ProcessMap;
}

export interface DBOptions {
  /** The clock migrations stamp with (tests pass their own). */
  now?: () => number;
}

export class LanemapDB extends Dexie {
  // `declare`: a class field would shadow the tables Dexie puts on the instance.
  declare meta: Table<MetaRow, string>;
  declare maps: Table<ProcessMap, Id>;
  declare mapIndex: Table<MapIndexRow, Id>;
  declare departments: Table<Department, Id>;
  declare systems: Table<System, Id>;
  declare dataStores: Table<DataStore, Id>;
  declare quarantine: Table<QuarantineRow, number>;
  declare revisions: Table<RevisionRow, string>;
  declare revisionMaps: Table<RevisionBody, string>;
  declare trash: Table<TrashRow, Id>;
  declare journal: Table<JournalRow, number>;

  constructor(name: string = DB_NAME, opts: DBOptions = {}) {
    super(name);
    const now = opts.now ?? Date.now;
    // Each version's layout stays declared: a browser may still hold any of them. Dexie
    // numbers match STORAGE_VERSION, and each upgrade runs that version's migration step.
    this.version(1).stores({
      meta: 'key',
      maps: 'id',
      mapIndex: 'id, departmentId, updatedAt',
      departments: 'id',
      systems: 'id',
      dataStores: 'id',
      quarantine: '++seq, table, id',
    });
    this.version(2)
      .stores({ revisions: 'id, mapId, [mapId+at]', revisionMaps: 'id', trash: 'id, deletedAt' })
      .upgrade((tx) => runMigration(tx, 2, now));
    this.version(3)
      .stores({ journal: '++seq, tab' })
      .upgrade((tx) => runMigration(tx, 3, now));
  }

  /**
   * Open again a database the browser closed under us (site data cleared), before a transaction
   * needs it. Dexie would reopen it on the transaction's first request, but a transaction made
   * to wait for that loses track of its awaits in Chromium: it writes everything, then fails as
   * "committed too early", and the save is reported failed. One we closed ourselves stays closed.
   */
  async openIfClosedByBrowser(): Promise<void> {
    if (!this.isOpen() && !this.hasBeenClosed()) await this.open();
  }
}

/** One migration step inside the database's upgrade transaction: read, transform, write back. */
async function runMigration(tx: Transaction, version: number, now: () => number): Promise<void> {
  // Data a newer Lanemap wrote is left as it is (it opens read-only); only the tables are made.
  const schema = (await tx.table('meta').get('schema')) as { version?: unknown } | undefined;
  if (typeof schema?.version === 'number' && schema.version >= version) return;
  // The steps check maps with zod, so they are loaded only when an upgrade runs; waitFor keeps
  // the upgrade's transaction open while the script loads.
  const { migrationTo } = await Dexie.waitFor(import('../core/schema/migrations'));
  const step = migrationTo(version)!;
  const tables: StoredTables = {};
  for (const name of step.reads) tables[name] = await tx.table(name).toArray();
  const out = step.migrate(tables, { now: now(), newId: () => uuid() });
  for (const name of step.writes) {
    const table = tx.table(name);
    await table.clear();
    const rows = out[name] ?? [];
    if (rows.length > 0) await table.bulkAdd(rows);
  }
}
