import type { Id, MapReviewState } from '../core/model/types';
import type { LanemapDB } from './db';

// The list of maps as the small index table holds it: read at start before the maps themselves,
// so a workspace of hundreds of maps lists them while the rest is still being read and checked.
// Only shown, never written back or edited from: the loaded workspace replaces it.

export interface ListedMap {
  id: Id;
  name: string;
  departmentId: Id | null;
  nodeCount: number;
  /** Where the map stands (absent: a draft, or not known yet while the list comes from the index). */
  review?: MapReviewState;
}

export interface EarlyMapList {
  maps: ListedMap[];
  departments: { id: Id; name: string }[];
}

const text = (v: unknown): v is string => typeof v === 'string';

/** The index rows and department names that look whole; a damaged one is left for the full load to deal with. */
export async function readMapList(db: LanemapDB): Promise<EarlyMapList> {
  const [index, departments] = await db.transaction('r', [db.mapIndex, db.departments], () => Promise.all([db.mapIndex.toArray(), db.departments.toArray()]));
  // As stored: any row may be damaged, so nothing is taken on trust.
  const rows = index as unknown as Partial<Record<keyof ListedMap, unknown>>[];
  return {
    maps: rows.flatMap((r) =>
      text(r.id) && text(r.name) && (r.departmentId === null || text(r.departmentId)) && Number.isFinite(r.nodeCount) ? [{ id: r.id, name: r.name, departmentId: r.departmentId, nodeCount: Number(r.nodeCount) }] : [],
    ),
    departments: (departments as { id?: unknown; name?: unknown }[]).flatMap((d) => (text(d.id) && text(d.name) ? [{ id: d.id, name: d.name }] : [])),
  };
}
