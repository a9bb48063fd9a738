import { validateMapRecord } from './records';
import { revisionOf } from './revisionRecords';

// Steps between versions of the browser database's layout, in order. Each is a pure function
// over the rows of the tables it reads, so it runs the same in the browser (inside the
// database's upgrade, on open) and in a unit test. The database keeps the version it was
// last written at in its `schema` row; data from a newer version is never rewritten.
//
// The workspace file (FORMAT.md) has its own version: a change here does not change the file.

export { STORAGE_VERSION } from './storageVersion';
import { STORAGE_VERSION } from './storageVersion';

/** Rows of the stored tables, by table name, as a migration sees them. */
export type StoredTables = Record<string, unknown[]>;

export interface MigrationContext {
  /** Milliseconds since 1970: the time a migration stamps on what it creates. */
  now: number;
  newId: () => string;
}

export interface Migration {
  /** The version this step produces, from data at `version - 1`. */
  version: number;
  title: string;
  reads: readonly string[];
  /** The tables the step returns; each replaces what was stored in it. */
  writes: readonly string[];
  migrate: (tables: StoredTables, ctx: MigrationContext) => StoredTables;
}

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const idsOf = (rows: unknown[] | undefined): string[] => (rows ?? []).filter(isRow).map((r) => r.id).filter((id): id is string => typeof id === 'string');

/** The meta rows with the schema row set to `version`. */
function withSchemaRow(meta: unknown[] | undefined, version: number): unknown[] {
  return [...(meta ?? []).filter((r) => !(isRow(r) && r.key === 'schema')), { key: 'schema', version }];
}

/**
 * Version 2: every save of a map keeps a revision, and a deleted map goes to a trash. Maps
 * saved before have no history yet, so each readable map gets a first revision of itself as
 * it was last saved: "restore" has something to go back to from the first day. A map that
 * does not pass validation gets none; loading sets it aside as before.
 */
const revisionsAndTrash: Migration = {
  version: 2,
  title: 'Revisions and trash; a first revision of every map',
  reads: ['meta', 'maps', 'departments', 'systems', 'dataStores'],
  writes: ['meta', 'revisions', 'revisionMaps', 'trash'],
  migrate: (t, ctx) => {
    const catalogue = { departmentIds: idsOf(t.departments), systemIds: idsOf(t.systems), dataStoreIds: idsOf(t.dataStores) };
    const revisions: unknown[] = [];
    const revisionMaps: unknown[] = [];
    for (const raw of t.maps ?? []) {
      const v = validateMapRecord(raw, catalogue);
      if (!v.ok) continue;
      const saved = Date.parse(v.map.updatedAt);
      const { row, body } = revisionOf(v.map, Number.isFinite(saved) && saved <= ctx.now ? saved : ctx.now, ctx.newId());
      revisions.push(row);
      revisionMaps.push(body);
    }
    return { meta: withSchemaRow(t.meta, 2), revisions, revisionMaps, trash: [] };
  },
};

/**
 * Version 3: an edit journal, where each edit is written the moment it is made, before the
 * debounced save. It starts empty; the step only raises the schema row, so a Lanemap that does
 * not know the journal (and would not trim it) opens the data read-only.
 */
const editJournal: Migration = {
  version: 3,
  title: 'An edit journal',
  reads: ['meta'],
  writes: ['meta', 'journal'],
  migrate: (t) => ({ meta: withSchemaRow(t.meta, 3), journal: [] }),
};

/** Every step, oldest first. Add a step (and a Dexie version in db.ts) for each new layout. */
export const MIGRATIONS: readonly Migration[] = [revisionsAndTrash, editJournal];

export function migrationTo(version: number): Migration | undefined {
  return MIGRATIONS.find((m) => m.version === version);
}

/**
 * Run the steps from `from` up to `to` on a copy of the tables. Tables no step writes are
 * handed back as they came. Refuses to go down: newer data is opened read-only instead.
 */
export function migrateTables(tables: StoredTables, from: number, ctx: MigrationContext, to = STORAGE_VERSION): { tables: StoredTables; applied: number[] } {
  if (from > to) throw new Error(`Stored data is at version ${from}, newer than this version of Lanemap (${to}); it is not migrated.`);
  let current = { ...tables };
  const applied: number[] = [];
  for (const step of MIGRATIONS) {
    if (step.version <= from || step.version > to) continue;
    current = { ...current, ...step.migrate(current, ctx) };
    applied.push(step.version);
  }
  return { tables: current, applied };
}
