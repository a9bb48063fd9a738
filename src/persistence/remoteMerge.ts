import type { Table as ChangeTable } from '../core/commands/diff';
import type { Id, ProcessMap, Workspace } from '../core/model/types';
import type { CatalogueTable } from '../core/schema/records';
import { rowValidatorFor, type RowValidator } from '../core/schema/rowValidator';
import type { MapIndexRow, MetaRow, WorkspaceRow } from './db';
import { CATALOGUE } from './loadWorkspace';

// Taking what other tabs saved into this tab's workspace. Pure: the rules decide, record by
// record, whose copy wins:
// - a record this tab changed and has not saved yet keeps this tab's copy;
// - a map this tab holds the edit lock of keeps this tab's copy unless the stored one is
//   newer (the other tab's last save before it handed the map over);
// - anything else takes the stored copy: last write per record wins.

export interface RemoteSnapshot {
  meta: MetaRow[];
  index: MapIndexRow[];
  departments: unknown[];
  systems: unknown[];
  dataStores: unknown[];
}

export interface MergeRules {
  isPending: (table: ChangeTable, id: Id) => boolean;
  isHeldHere: (mapId: Id) => boolean;
}

export interface MergeResult {
  workspace: Workspace;
  /** Maps whose copy here was replaced or removed: their undo history no longer applies. */
  replacedMaps: Id[];
}

type MapPlan = { fetch: Id[]; remove: Id[]; rewrite: Id[] };

/** Which maps to read from storage, which to drop here, and which to save again from here. */
export function planMaps(local: Workspace, snap: RemoteSnapshot, rules: MergeRules): MapPlan {
  const plan: MapPlan = { fetch: [], remove: [], rewrite: [] };
  const stored = new Map(snap.index.map((r) => [r.id, r]));
  for (const map of local.maps) {
    if (rules.isPending('maps', map.id)) continue;
    const row = stored.get(map.id);
    const held = rules.isHeldHere(map.id);
    if (!row) {
      if (!held) plan.remove.push(map.id);
    } else if (row.updatedAt !== map.updatedAt) {
      if (!held || row.updatedAt > map.updatedAt) plan.fetch.push(map.id);
      else plan.rewrite.push(map.id);
    }
  }
  const here = new Set(local.maps.map((m) => m.id));
  for (const row of snap.index) if (!here.has(row.id) && !rules.isPending('maps', row.id)) plan.fetch.push(row.id);
  return plan;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function mergeCatalogue<T extends { id: Id }>(table: CatalogueTable, mine: T[], rows: unknown[], rules: MergeRules, check: RowValidator): T[] {
  const theirs = new Map<Id, T>();
  /** Stored rows that fail validation: not a deletion, so this tab's copy stays. */
  const unreadable = new Set<unknown>();
  for (const row of rows) {
    const v = check.validateRow(table, row);
    if (v.ok) theirs.set((v.value as T).id, v.value as T);
    else unreadable.add((row as { id?: unknown } | null)?.id);
  }
  let changed = false;
  const out: T[] = [];
  for (const r of mine) {
    const stored = theirs.get(r.id);
    theirs.delete(r.id);
    if (rules.isPending(table, r.id) || (!stored && unreadable.has(r.id))) out.push(r);
    else if (!stored) changed = true; // deleted in another tab
    else if (same(stored, r)) out.push(r);
    else {
      out.push(stored);
      changed = true;
    }
  }
  for (const [id, r] of theirs) {
    if (rules.isPending(table, id)) continue; // deleted here, not saved yet
    out.push(r);
    changed = true;
  }
  return changed ? out : mine;
}

/** The validator for a snapshot and its fetched maps: zod is loaded only when one is not whole. */
export function remoteRowValidator(snap: RemoteSnapshot, fetched: ReadonlyMap<Id, unknown>): Promise<RowValidator> {
  const { meta, departments, systems, dataStores } = snap;
  return rowValidatorFor({ meta: meta.filter((r) => r.key === 'workspace'), departments, systems, dataStores, maps: [...fetched.values()] });
}

/**
 * The local workspace with the stored changes taken in, or null when nothing differs.
 * `fetched` holds the stored rows of the maps `planMaps` asked for; `check` reads the rows
 * (remoteRowValidator).
 */
export function mergeRemote(local: Workspace, snap: RemoteSnapshot, fetched: ReadonlyMap<Id, unknown>, rules: MergeRules, check: RowValidator): MergeResult | null {
  const departments = mergeCatalogue('departments', local.departments, snap.departments, rules, check);
  const systems = mergeCatalogue('systems', local.systems, snap.systems, rules, check);
  const dataStores = mergeCatalogue('dataStores', local.dataStores, snap.dataStores, rules, check);

  let meta = local.meta;
  const wsRow = snap.meta.find((r): r is WorkspaceRow => r.key === 'workspace');
  if (wsRow && !rules.isPending('meta', local.meta.id)) {
    // A stored row that does not read whole (a name of the wrong type) never replaces this tab's.
    const stored = check.restoreWorkspaceMeta(wsRow, () => local.meta.id);
    if (stored.problems.length === 0 && !same(stored.meta, local.meta)) meta = stored.meta;
  }

  const plan = planMaps(local, snap, rules);
  const ctx = { departmentIds: departments.map((d) => d.id), systemIds: systems.map((s) => s.id), dataStoreIds: dataStores.map((d) => d.id) };
  const incoming = new Map<Id, ProcessMap>();
  for (const id of plan.fetch) {
    const v = check.validateRow('maps', fetched.get(id), ctx);
    if (v.ok && (v.value as ProcessMap).id === id) incoming.set(id, v.value as ProcessMap);
  }
  const removed = new Set(plan.remove);
  const replaced: Id[] = [...removed];
  const maps: ProcessMap[] = [];
  for (const m of local.maps) {
    if (removed.has(m.id)) continue;
    const next = incoming.get(m.id);
    incoming.delete(m.id);
    if (next && !same(next, m)) replaced.push(m.id);
    maps.push(next && !same(next, m) ? next : m);
  }
  maps.push(...incoming.values());

  const mapsChanged = replaced.length > 0 || maps.length !== local.maps.length;
  const catalogueChanged = CATALOGUE.some((t, i) => [departments, systems, dataStores][i] !== local[t]);
  if (!mapsChanged && !catalogueChanged && meta === local.meta) return null;
  return { workspace: { meta, departments, systems, dataStores, maps: mapsChanged ? maps : local.maps }, replacedMaps: replaced };
}
