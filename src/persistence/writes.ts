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

// The write transactions. A map's revision and a deleted map's trash row are written in the
// same transaction as the map itself: a save either keeps all of them or none.

export type Dirty = { table: ChangeTable; id: Id };

export interface WriteContext {
  /** Milliseconds since 1970, stamped on revisions and trash rows. */
  now: number;
  newId: () => string;
  /** The last value of each map deleted since the previous write: it goes to the trash. */
  removed: ReadonlyMap<Id, ProcessMap>;
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
 * The current value of each dirty record, plus the map index, list order, revisions and trash,
 * in one transaction. It first looks for the workspace row every save leaves: a database without
 * it was deleted under the open app (site data cleared) and made again empty by Dexie, so the
 * whole workspace is written from memory instead of the changed records. Says which it did.
 */
export function writeChecked(db: LanemapDB, ws: Workspace, batch: Dirty[], ctx: WriteContext): Promise<'records' | 'all'> {
  return db.transaction('rw', allTables(db), async () => {
    if (await db.meta.get('workspace')) {
      if (ctx.journal) await trimJournal(db, ctx.journal, new Set(batch.map((d) => recordKey(d.table, d.id))));
      await putRecords(db, planWrites(ws, batch), ctx);
      return 'records';
    }
    await replaceAll(db, ws, ctx);
    return 'all';
  });
}

async function putRecords(db: LanemapDB, plan: WritePlan, ctx: WriteContext): Promise<void> {
  if (plan.meta.length > 0) await db.meta.bulkPut(plan.meta);
  for (const { table, put, gone } of plan.records) {
    const store = db[table] as unknown as Table<{ id: Id }, Id>;
    if (put.length > 0) await store.bulkPut(put);
    if (gone.length > 0) await store.bulkDelete(gone);
  }
  if (plan.maps.put.length + plan.maps.gone.length > 0) await writeMaps(db, plan.maps.put, plan.maps.gone, ctx);
}

/**
 * The page is closing: every request is issued at once, in one transaction, with no read
 * first. A closing page lets requests already issued finish, but nothing that waits for a
 * reply (a read, the revision bookkeeping) gets to run; the next normal save adds those.
 */
export function writePlanAtOnce(db: LanemapDB, plan: WritePlan, ctx: WriteContext): Promise<void> {
  const tables = [db.meta, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores, db.trash];
  return db.transaction('rw', tables, () => {
    const jobs: Promise<unknown>[] = [];
    if (plan.meta.length > 0) jobs.push(db.meta.bulkPut(plan.meta));
    for (const { table, put, gone } of plan.records) {
      const store = db[table] as unknown as Table<{ id: Id }, Id>;
      if (put.length > 0) jobs.push(store.bulkPut(put));
      if (gone.length > 0) jobs.push(store.bulkDelete(gone));
    }
    const { put, gone } = plan.maps;
    if (put.length > 0) jobs.push(db.maps.bulkPut(put), db.mapIndex.bulkPut(put.map(indexRow)), db.trash.bulkDelete(put.map((m) => m.id)));
    if (gone.length > 0) {
      const trash = gone.flatMap((id) => (ctx.removed.has(id) ? [{ id, deletedAt: ctx.now, map: ctx.removed.get(id)! }] : []));
      if (trash.length > 0) jobs.push(db.trash.bulkPut(trash));
      jobs.push(db.maps.bulkDelete(gone), db.mapIndex.bulkDelete(gone));
    }
    return Promise.all(jobs).then(() => undefined);
  });
}

async function writeMaps(db: LanemapDB, put: ProcessMap[], gone: Id[], ctx: WriteContext): Promise<void> {
  if (put.length > 0) {
    await db.maps.bulkPut(put);
    await db.mapIndex.bulkPut(put.map(indexRow));
    // Back from the trash (restored, or the deletion undone).
    await db.trash.bulkDelete(put.map((m) => m.id));
    for (const map of put) await recordRevision(db, map, ctx);
  }
  if (gone.length > 0) {
    const stored = await db.maps.bulkGet(gone);
    const trash = gone.flatMap((id, i) => {
      const map = ctx.removed.get(id) ?? stored[i];
      return map ? [{ id, deletedAt: ctx.now, map }] : [];
    });
    if (trash.length > 0) await db.trash.bulkPut(trash);
    await db.maps.bulkDelete(gone);
    await db.mapIndex.bulkDelete(gone);
  }
}

/** Keep this save of the map as a revision (unless it equals the newest), then prune. */
async function recordRevision(db: LanemapDB, map: ProcessMap, ctx: WriteContext): Promise<void> {
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
  await writeMaps(db, ws.maps, [], ctx);
}

export function orderRow(ws: Workspace): OrderRow {
  const idsOf = (rows: { id: Id }[]) => rows.map((r) => r.id);
  return { key: 'order', departments: idsOf(ws.departments), systems: idsOf(ws.systems), dataStores: idsOf(ws.dataStores), maps: idsOf(ws.maps) };
}

export function indexRow(m: ProcessMap): MapIndexRow {
  return { id: m.id, name: m.name, departmentId: m.departmentId, updatedAt: m.updatedAt, nodeCount: m.nodes.length, flowCount: m.flows.length };
}
