import type { DataStore, Id, MapNode, ProcessMap, System, Workspace } from '../model/types';
import { accessReads, accessWrites, isCatalogueKind, isControlKind, laneDepartment, stepAccess } from '../model/vocabulary';
import { type FieldSet, fieldSet, mergeFieldSets } from './fieldKeys';

// Who reads and writes what, computed once per workspace so that every rule is a walk over
// ready indexes and the whole analysis stays linear in the size of the workspace.
//
// Node-kind semantics (FORMAT.md, made precise here):
// - start, end, step and decision are the control nodes: they act. A data flow between a
//   control node and a catalogued store or system is an access by that node, in the lane's
//   department (else the map's). Direction gives the access (control -> store writes,
//   store -> control reads) unless the flow's `access` says otherwise.
// - A dataStore node with a valid refId stands for that catalogue store; a store inside a
//   system (systemId) also counts as that system for integration, silos and the landscape.
// - A system node with a valid refId stands for the whole system: touching it touches the
//   system, and the customer fields of all its stores count as the system's.
// - document and note nodes hold nothing the catalogue knows about and are not accessed
//   in this sense; nodes without a valid refId are lint findings, not data.
// - A data flow between two stores or systems, or between two control nodes, is no access.

/** What a store or system node refers to: a store (and the system it lives in) or a whole system. */
export interface Target {
  storeId: Id | null;
  /** The store's system, or the system of a system node; null for a standalone store. */
  systemId: Id | null;
}

export interface DataAccess {
  map: ProcessMap;
  actor: MapNode;
  departmentId: Id | null;
  target: Target;
  read: boolean;
  write: boolean;
}

export interface MapIndex {
  map: ProcessMap;
  /** Data accesses of each node of this map that has any, in flow order. */
  accessesByNode: Map<Id, DataAccess[]>;
  laneById: Map<Id, ProcessMap['lanes'][number]>;
  /** Each flow's ends as positions in map.nodes (-1: no such node), so lint needs no second id index. */
  flowFrom: Int32Array;
  flowTo: Int32Array;
  /** What each node stands for in the catalogue, by position; undefined when nothing. */
  targets: (Target | undefined)[];
}

export interface AnalysisContext {
  ws: Workspace;
  storeById: Map<Id, DataStore>;
  systemById: Map<Id, System>;
  departmentName: (id: Id | null) => string;
  /**
   * Departments that take part: those that own a map or a lane with a step in it. A department
   * left in the list after its maps were deleted, or never used, takes no part in findings.
   */
  activeDepartments: Set<Id>;
  /** Symmetric and without self-links or links to systems not in the catalogue. */
  integrations: Map<Id, Set<Id>>;
  storesBySystem: Map<Id, DataStore[]>;
  storeFields: Map<Id, FieldSet>;
  systemFields: Map<Id, FieldSet>;
  maps: MapIndex[];
  accesses: DataAccess[];
  /** A system's accesses, including those to its stores through store nodes. */
  accessesBySystem: Map<Id, DataAccess[]>;
  /** A standalone store's accesses. */
  accessesByStore: Map<Id, DataAccess[]>;
  /** Maps on which a store node is drawn. */
  mapsByStore: Map<Id, Set<Id>>;
  /** Maps on which a system node (standing for all its stores) is drawn. */
  mapsBySystem: Map<Id, Set<Id>>;
}

/** The catalogue id a finding names for a target: the store if drawn as one, else the system. */
export const targetId = (t: Target): Id => (t.storeId ?? t.systemId)!;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const set = m.get(k);
  if (set) set.add(v);
  else m.set(k, new Set([v]));
}

/** The catalogue entry a store or system node stands for, or null when it has none. */
export function resolveTarget(ctx: Pick<AnalysisContext, 'storeById' | 'systemById'>, node: MapNode): Target | null {
  if (node.refId === undefined) return null;
  if (node.kind === 'dataStore') {
    const store = ctx.storeById.get(node.refId);
    if (!store) return null;
    // A store pointing at a system that is not in the catalogue is treated as standalone.
    const systemId = store.systemId !== null && ctx.systemById.has(store.systemId) ? store.systemId : null;
    return { storeId: store.id, systemId };
  }
  if (node.kind === 'system' && ctx.systemById.has(node.refId)) return { storeId: null, systemId: node.refId };
  return null;
}

export function buildContext(ws: Workspace): AnalysisContext {
  const storeById = new Map(ws.dataStores.map((d) => [d.id, d]));
  const systemById = new Map(ws.systems.map((s) => [s.id, s]));
  const deptNames = new Map(ws.departments.map((d) => [d.id, d.name]));

  const integrations = new Map<Id, Set<Id>>(ws.systems.map((s) => [s.id, new Set<Id>()]));
  for (const s of ws.systems) {
    for (const other of s.integratesWith) {
      if (other === s.id || !systemById.has(other)) continue;
      integrations.get(s.id)!.add(other);
      integrations.get(other)!.add(s.id);
    }
  }

  const storesBySystem = new Map<Id, DataStore[]>();
  const storeFields = new Map<Id, FieldSet>();
  for (const d of ws.dataStores) {
    storeFields.set(d.id, fieldSet(d.customerFields));
    if (d.systemId !== null && systemById.has(d.systemId)) push(storesBySystem, d.systemId, d);
  }
  const systemFields = new Map<Id, FieldSet>();
  for (const s of ws.systems) systemFields.set(s.id, mergeFieldSets((storesBySystem.get(s.id) ?? []).map((d) => storeFields.get(d.id)!)));

  const base = { storeById, systemById };
  const maps: MapIndex[] = [];
  const accesses: DataAccess[] = [];
  const accessesBySystem = new Map<Id, DataAccess[]>();
  const accessesByStore = new Map<Id, DataAccess[]>();
  const mapsByStore = new Map<Id, Set<Id>>();
  const mapsBySystem = new Map<Id, Set<Id>>();
  const activeDepartments = new Set<Id>();

  for (const map of ws.maps) {
    if (map.departmentId !== null && deptNames.has(map.departmentId)) activeDepartments.add(map.departmentId);
    // Local to this map, so it dies young: kept in the context for the whole run, 15,000
    // entries would be promoted and cost a full garbage collection on every edit.
    const indexOf = new Map<Id, number>();
    const laneById = new Map<Id, ProcessMap['lanes'][number]>();
    for (const l of map.lanes) laneById.set(l.id, l);
    const accessesByNode = new Map<Id, DataAccess[]>();
    const { nodes, flows } = map;
    const flowFrom = new Int32Array(flows.length);
    const flowTo = new Int32Array(flows.length);
    const targets: (Target | undefined)[] = new Array(nodes.length);
    maps.push({ map, laneById, accessesByNode, flowFrom, flowTo, targets });
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      indexOf.set(n.id, i);
      if (isControlKind(n.kind)) {
        const dept = laneDepartment(map, laneById.get(n.laneId));
        if (dept !== null && deptNames.has(dept)) activeDepartments.add(dept);
      }
      if (!isCatalogueKind(n.kind)) continue;
      const t = resolveTarget(base, n);
      if (!t) continue;
      targets[i] = t;
      if (t.storeId !== null) addTo(mapsByStore, t.storeId, map.id);
      else addTo(mapsBySystem, t.systemId!, map.id);
    }
    const holds = (n: MapNode): boolean => targets[indexOf.get(n.id)!] !== undefined;
    for (let k = 0; k < flows.length; k++) {
      const f = flows[k]!;
      const fi = indexOf.get(f.from) ?? -1;
      const ti = indexOf.get(f.to) ?? -1;
      flowFrom[k] = fi;
      flowTo[k] = ti;
      if (f.kind !== 'data' || fi < 0 || ti < 0) continue;
      const from = nodes[fi]!;
      const to = nodes[ti]!;
      const use = stepAccess(f, from, to, holds);
      if (!use) continue;
      const actor = use.step;
      const target = targets[use.holder === from ? fi : ti]!;
      const access: DataAccess = {
        map,
        actor,
        departmentId: laneDepartment(map, laneById.get(actor.laneId)),
        target,
        read: accessReads(use.access),
        write: accessWrites(use.access),
      };
      accesses.push(access);
      // A system stands for its stores; a standalone store stands for itself.
      if (target.systemId !== null) push(accessesBySystem, target.systemId, access);
      else push(accessesByStore, target.storeId!, access);
      push(accessesByNode, actor.id, access);
    }
  }

  const departmentName = (id: Id | null): string => (id === null ? 'no department' : deptNames.get(id) ?? id);
  return {
    ws, storeById, systemById, departmentName, activeDepartments, integrations, storesBySystem, storeFields, systemFields,
    maps, accesses, accessesBySystem, accessesByStore, mapsByStore, mapsBySystem,
  };
}

/** Customer fields behind a target: the store's own, or all of a system's stores'. */
export function targetFields(ctx: AnalysisContext, t: Target): FieldSet {
  if (t.storeId !== null) return ctx.storeFields.get(t.storeId) ?? new Map();
  return ctx.systemFields.get(t.systemId!) ?? new Map();
}

export function targetName(ctx: AnalysisContext, t: Target): string {
  if (t.storeId !== null) return ctx.storeById.get(t.storeId)?.name ?? t.storeId;
  return ctx.systemById.get(t.systemId!)?.name ?? t.systemId!;
}

/** Data can move between the two without anyone typing it: same system, or integrated systems. */
export function integrated(ctx: AnalysisContext, a: Id | null, b: Id | null): boolean {
  if (a === null || b === null) return false;
  return a === b || (ctx.integrations.get(a)?.has(b) ?? false);
}

/** The accesses that touch a store: through its own node, or its system's node (which stands for all its stores). */
export function storeAccesses(ctx: AnalysisContext, store: DataStore): DataAccess[] {
  const inSystem = store.systemId !== null && ctx.systemById.has(store.systemId);
  const all = (inSystem ? ctx.accessesBySystem.get(store.systemId!) : ctx.accessesByStore.get(store.id)) ?? [];
  return all.filter((a) => a.target.storeId === store.id || a.target.storeId === null);
}

/**
 * Departments a store belongs to: those whose steps use it, each by the lane the step is in
 * (a Finance lane on an Admissions map is Finance's use); else its owner. Only departments
 * that take part (activeDepartments) count.
 */
export function storeDepartments(ctx: AnalysisContext, store: DataStore, uses: readonly DataAccess[] = storeAccesses(ctx, store)): Id[] {
  const out = new Set<Id>();
  for (const a of uses) if (a.departmentId !== null && ctx.activeDepartments.has(a.departmentId)) out.add(a.departmentId);
  if (out.size === 0 && store.ownerDepartmentId && ctx.activeDepartments.has(store.ownerDepartmentId)) out.add(store.ownerDepartmentId);
  return [...out];
}

/** Maps naming any of these stores, directly or through their system's node; in workspace order. */
export function mapsOfStores(ctx: AnalysisContext, storeIds: readonly Id[]): Id[] {
  const ids = new Set<Id>();
  for (const id of storeIds) {
    for (const m of ctx.mapsByStore.get(id) ?? []) ids.add(m);
    const sys = ctx.storeById.get(id)?.systemId;
    if (sys) for (const m of ctx.mapsBySystem.get(sys) ?? []) ids.add(m);
  }
  return ctx.ws.maps.filter((m) => ids.has(m.id)).map((m) => m.id);
}
