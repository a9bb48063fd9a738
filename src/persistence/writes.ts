import type { Table } from 'dexie';
import type { Table as ChangeTable } from '../core/commands/diff';
import type { Id, ProcessMap, Workspace } from '../core/model/types';
import { STORAGE_VERSION } from '../core/schema/storageVersion';
import { revisionOf } from '../core/schema/revisionRecords';
import type { LanemapDB, MapIndexRow, MetaRow, OrderRow } from './db';
import { trimJournal, type JournalCover } from './journal';
import { recordKey } from './journalRows';
import { CATALOGUE } from './catalogueTables';
import { revisionsToDrop } from './revisionPolicy';

// The write transactions. A deleted map's trash row is written in the same transaction as the
// map itself: a save either keeps both or neither. A save of edits writes the records alone;
// versions of maps (revisions) are taken in transactions of their own, at most every so often
// (repository.ts), so a save stays one put per record. Whole rewrites (first run, site data
// cleared) still keep a version of every map in the same transaction.

export type Dirty = { table: ChangeTable; id: Id };

export interface WriteContext {
  /** Milliseconds since 1970, stamped on revisions and trash rows. */
  now: number;
  newId: () => string;
  /** The last value of each map deleted since the previous write: it goes to the trash. */
  removed: ReadonlyMap<Id, ProcessMap>;
  /**
   * Maps that were absent before an edit in this write (made, restored from the trash, a
   * deletion undone): only these can have a trash row to take back. Not given: any map can.
   */
  added?: ReadonlySet<Id>;
  /** The journal rows this save makes redundant (none given: the journal is left as it is). */
  journal?: JournalCover;
}

const allTables = (db: LanemapDB) => [db.meta, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores, db.revisions, db.revisionMaps, db.trash, db.journal];

/** What a batch of dirty records comes to: rows to put and ids to delete, per table. */
export interface WritePlan {
  meta: MetaRow[];
  records: { table: (typeof CATALOGUE)[number]; put: { id: Id }[]; gone: Id[] }[];
  maps: { put: ProcessMap[]; gone: Id[] };
}

export function planWrites(ws: Workspace, batch: Dirty[]): WritePlan {
  const meta: MetaRow[] = [];
  if (batch.some((d) => d.table === 'meta')) meta.push({ key: 'workspace', ...ws.meta });
  if (batch.some((d) => d.table !== 'meta')) meta.push(orderRow(ws));
  const split = <T extends { id: Id }>(rows: T[], table: ChangeTable) => {
    const wanted = batch.filter((d) => d.table === table).map((d) => d.id);
    const current = new Map<Id, T>(rows.map((r) => [r.id, r]));
    return { put: wanted.map((id) => current.get(id)).filter((r) => r !== undefined), gone: wanted.filter((id) => !current.has(id)) };
  };
  return { meta, records: CATALOGUE.map((table) => ({ table, ...split<{ id: Id }>(ws[table], table) })), maps: split(ws.maps, 'maps') };
}

/**
 * The current value of each dirty record, plus the map index, list order and trash, in one
 * transaction. It also looks for the workspace row every save leaves: a database without it
 * was deleted under the open app (site data cleared) and made again empty by Dexie, so the
 * whole workspace is written from memory instead of the changed records. Says which it did.
 * Every request is issued at once: IndexedDB runs them in order (the look comes first), and
 * awaiting each reply in turn cost a round trip per request. `plan` is planWrites(ws, batch).
 */
export function writeChecked(db: LanemapDB, ws: Workspace, plan: WritePlan, batch: Dirty[], ctx: WriteContext): Promise<'records' | 'all'> {
  return db.transaction('rw', allTables(db), async () => {
    const present = db.meta.get('workspace');
    const jobs = [issuePlan(db, plan, ctx, true)];
    if (ctx.journal) jobs.push(trimJournal(db, ctx.journal, new Set(batch.map((d) => recordKey(d.table, d.id)))));
    const [stored] = await Promise.all([present, ...jobs]);
    if (stored) return 'records';
    // The records just written go too: everything is written again from memory. The mark
    // tells the other open tabs, which find the workspace row back and would not know.
    await replaceAll(db, ws, ctx);
    await db.meta.put({ key: 'emptied', at: ctx.now });
    return 'all';
  });
}

/**
 * The page is closing: every request is issued at once, in one transaction, with no read
 * first. A closing page lets requests already issued finish, but nothing that waits for a
 * reply gets to run (a deleted map not known from the edit is not trashed; the next normal
 * save does that).
 */
export function writePlanAtOnce(db: LanemapDB, plan: WritePlan, ctx: WriteContext): Promise<void> {
  const tables = [db.meta, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores, db.trash];
  return db.transaction('rw', tables, () => issuePlan(db, plan, ctx, false));
}

/** Issue the plan's requests together (inside a transaction). `readStored`: trash a deleted map not known from the edit as stored. */
function issuePlan(db: LanemapDB, plan: WritePlan, ctx: WriteContext, readStored: boolean): Promise<void> {
  const jobs: Promise<unknown>[] = [];
  if (plan.meta.length > 0) jobs.push(db.meta.bulkPut(plan.meta));
  for (const { table, put, gone } of plan.records) {
    const store = db[table] as unknown as Table<{ id: Id }, Id>;
    if (put.length > 0) jobs.push(store.bulkPut(put));
    if (gone.length > 0) jobs.push(store.bulkDelete(gone));
  }
  const { put, gone } = plan.maps;
  if (put.length > 0) {
    jobs.push(db.maps.bulkPut(put), db.mapIndex.bulkPut(put.map(indexRow)));
    // Back from the trash (restored, or the deletion undone).
    const back = put.filter((m) => ctx.added?.has(m.id) ?? true).map((m) => m.id);
    if (back.length > 0) jobs.push(db.trash.bulkDelete(back));
  }
  if (gone.length > 0) jobs.push(trashGone(db, gone, ctx, readStored));
  return Promise.all(jobs).then(() => undefined);
}

async function trashGone(db: LanemapDB, gone: Id[], ctx: WriteContext, readStored: boolean): Promise<void> {
  const unknown = readStored ? gone.filter((id) => !ctx.removed.has(id)) : [];
  const stored = new Map<Id, ProcessMap>();
  if (unknown.length > 0) for (const m of await db.maps.bulkGet(unknown)) if (m) stored.set(m.id, m);
  const trash = gone.flatMap((id) => {
    const map = ctx.removed.get(id) ?? stored.get(id);
    return map ? [{ id, deletedAt: ctx.now, map }] : [];
  });
  const jobs: Promise<unknown>[] = [db.maps.bulkDelete(gone), db.mapIndex.bulkDelete(gone)];
  if (trash.length > 0) jobs.push(db.trash.bulkPut(trash));
  await Promise.all(jobs);
}

/** Keep the maps as they are now as versions of themselves (each unless it equals its newest), in one transaction. */
export function writeVersions(db: LanemapDB, maps: readonly ProcessMap[], ctx: Pick<WriteContext, 'now' | 'newId'>): Promise<void> {
  return db.transaction('rw', [db.revisions, db.revisionMaps], async () => {
    for (const map of maps) await recordRevision(db, map, ctx);
  });
}

/** Keep the map as a revision (unless it equals the newest), then prune. */
async function recordRevision(db: LanemapDB, map: ProcessMap, ctx: Pick<WriteContext, 'now' | 'newId'>): Promise<void> {
  const existing = await db.revisions.where('mapId').equals(map.id).toArray();
  const newest = existing.reduce<(typeof existing)[number] | undefined>((a, r) => (Number.isFinite(r.at) && (!a || r.at > a.at) ? r : a), undefined);
  // Strictly later than the newest, so two saves in one millisecond keep their order.
  const at = Math.max(ctx.now, (newest?.at ?? 0) + 1);
  const { row, body } = revisionOf(map, at, ctx.newId());
  // A damaged stored row (no summary) must not stop this save: it only counts as different.
  if (newest?.summary?.hash === row.summary.hash) return;
  await db.revisions.add(row);
  await db.revisionMaps.add(body);
  const drop = revisionsToDrop([...existing, row], ctx.now);
  if (drop.length > 0) {
    await db.revisions.bulkDelete(drop);
    await db.revisionMaps.bulkDelete(drop);
  }
}

/** Replace the workspace's records by `ws` (revisions and trash stay), in one transaction. */
export function writeAll(db: LanemapDB, ws: Workspace, ctx: WriteContext): Promise<void> {
  return db.transaction('rw', allTables(db), () => replaceAll(db, ws, ctx));
}

async function replaceAll(db: LanemapDB, ws: Workspace, ctx: WriteContext): Promise<void> {
  const main = [db.meta, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores];
  if (ctx.journal) await trimJournal(db, ctx.journal, 'all');
  await Promise.all(main.map((t) => t.clear()));
  await Promise.all([
    db.meta.bulkPut([{ key: 'schema', version: STORAGE_VERSION }, { key: 'workspace', ...ws.meta }, orderRow(ws)]),
    db.departments.bulkPut(ws.departments),
    db.systems.bulkPut(ws.systems),
    db.dataStores.bulkPut(ws.dataStores),
  ]);
  const maps = ws.maps;
  await db.maps.bulkPut(maps);
  await db.mapIndex.bulkPut(maps.map(indexRow));
  await db.trash.bulkDelete(maps.map((m) => m.id));
  for (const map of maps) await recordRevision(db, map, ctx);
}

/** Every record of the workspace, as dirty entries. */
export function everyRecord(ws: Workspace): Dirty[] {
  const rows: Dirty[] = [{ table: 'meta', id: 'workspace' }, ...ws.maps.map((m): Dirty => ({ table: 'maps', id: m.id }))];
  for (const table of CATALOGUE) for (const r of ws[table]) rows.push({ table, id: r.id });
  return rows;
}

export function orderRow(ws: Workspace): OrderRow {
  const idsOf = (rows: { id: Id }[]) => rows.map((r) => r.id);
  return { key: 'order', departments: idsOf(ws.departments), systems: idsOf(ws.systems), dataStores: idsOf(ws.dataStores), maps: idsOf(ws.maps) };
}

export function indexRow(m: ProcessMap): MapIndexRow {
  return { id: m.id, name: m.name, departmentId: m.departmentId, updatedAt: m.updatedAt, nodeCount: m.nodes.length, flowCount: m.flows.length };
}
