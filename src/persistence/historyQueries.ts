import { liveQuery } from 'dexie';
import type { Id, ProcessMap } from '../core/model/types';
import type { RevisionBody, RevisionRow } from '../core/schema/revisionRecords';
import { checkRow } from '../core/schema/rowValidator';
import { explainProblems } from '../core/schema/rowWords';
import { quarantineOne, setAside } from './quarantine';
import type { LanemapDB, TrashRow } from './db';
import { trashExpired } from './revisionPolicy';

// Reading a map's history and the trash: for the history panel, the trash dialog and the
// compare screen. Functions take the database; the UI passes `activeDb()`, set at start-up.

export type { RevisionRow, RevisionSummary } from '../core/schema/revisionRecords';
export type { TrashRow } from './db';

let active: LanemapDB | null = null;
const activeListeners = new Set<() => void>();

/** The open workspace's database (null when browser storage is unavailable). */
export const activeDb = (): LanemapDB | null => active;
export const setActiveDb = (db: LanemapDB | null): void => {
  if (db === active) return;
  active = db;
  for (const fn of activeListeners) fn();
};
/** Another workspace was opened: the trash and history read its database from now on. */
export function onActiveDbChange(fn: () => void): () => void {
  activeListeners.add(fn);
  return () => activeListeners.delete(fn);
}

/** A map's revisions, newest first (descriptions only; `revisionMap` reads a version itself). */
export async function listRevisions(db: LanemapDB, mapId: Id): Promise<RevisionRow[]> {
  const rows = await db.revisions.where('[mapId+at]').between([mapId, -Infinity], [mapId, Infinity]).toArray();
  return rows.reverse();
}

/**
 * The map as it was in one revision, or undefined when that revision has been pruned or is
 * damaged. There can be thousands, so they are checked here, when one is read, not at load:
 * a damaged one is set aside like any other row (the "Damaged records" panel lists it).
 */
export async function revisionMap(db: LanemapDB, revisionId: string): Promise<ProcessMap | undefined> {
  const row = await db.revisionMaps.get(revisionId);
  if (row === undefined) return undefined;
  const v = await checkRow('revisionMaps', row);
  if (v.ok) return (v.value as RevisionBody).map;
  const explanation = explainProblems(v.problems);
  const reason = v.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  await quarantineOne(db, 'revisionMaps', setAside({ table: 'revisionMaps', id: revisionId, reason, explanation, row }, Date.now())).catch((e) =>
    console.warn('Lanemap: a damaged version could not be set aside', e),
  );
  return undefined;
}

/** Call `onChange` with the map's revisions now and after every save, in any tab. Returns a stop function. */
export function watchRevisions(db: LanemapDB, mapId: Id, onChange: (rows: RevisionRow[]) => void, onError?: (e: unknown) => void): () => void {
  const sub = liveQuery(() => listRevisions(db, mapId)).subscribe({ next: onChange, error: onError });
  return () => sub.unsubscribe();
}

/** Deleted maps still kept, most recently deleted first. */
export async function listTrash(db: LanemapDB, now = Date.now()): Promise<TrashRow[]> {
  const rows = await db.trash.orderBy('deletedAt').reverse().toArray();
  return rows.filter((r) => !trashExpired(r.deletedAt, now));
}

export function watchTrash(db: LanemapDB, onChange: (rows: TrashRow[]) => void, onError?: (e: unknown) => void): () => void {
  const sub = liveQuery(() => listTrash(db)).subscribe({ next: onChange, error: onError });
  return () => sub.unsubscribe();
}

/** Remove a deleted map for good, with its history. Refused while the map is back in the workspace. */
export async function deleteForever(db: LanemapDB, mapId: Id): Promise<void> {
  await db.transaction('rw', [db.trash, db.maps, db.revisions, db.revisionMaps], async () => {
    if (await db.maps.get(mapId)) throw new Error('This map is in the workspace again; delete it from the map list first.');
    await db.trash.delete(mapId);
    await dropHistoryOf(db, [mapId]);
  });
}

/**
 * Housekeeping at start-up: maps in the trash for more than 30 days go, and so does the
 * history of maps that are neither in the workspace nor in the trash. Returns what went.
 */
export async function purgeExpired(db: LanemapDB, now = Date.now()): Promise<{ trash: number; revisions: number }> {
  return db.transaction('rw', [db.trash, db.maps, db.revisions, db.revisionMaps], async () => {
    const expired = (await db.trash.toArray()).filter((r) => trashExpired(r.deletedAt, now)).map((r) => r.id);
    await db.trash.bulkDelete(expired);
    const live = new Set<string>([...(await db.maps.toCollection().primaryKeys()), ...(await db.trash.toCollection().primaryKeys())]);
    const historyOf = (await db.revisions.orderBy('mapId').uniqueKeys()) as string[];
    const orphans = historyOf.filter((id) => !live.has(id));
    const revisions = await dropHistoryOf(db, orphans);
    return { trash: expired.length, revisions };
  });
}

async function dropHistoryOf(db: LanemapDB, mapIds: Id[]): Promise<number> {
  if (mapIds.length === 0) return 0;
  const ids = await db.revisions.where('mapId').anyOf(mapIds).primaryKeys();
  await db.revisions.bulkDelete(ids);
  await db.revisionMaps.bulkDelete(ids);
  return ids.length;
}
