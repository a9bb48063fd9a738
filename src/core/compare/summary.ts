import { fieldSet } from '../analysis/fieldKeys';
import type { Finding, Severity } from '../analysis/types';
import { buildContext, resolveTarget } from '../analysis/accessIndex';
import { isControlKind } from '../model/vocabulary';
import type { Id, ProcessMap, Workspace } from '../model/types';

// The figures above the compared maps, for the policy document: how big each map is, how
// much of it is done by hand or handed between roles, which catalogue entries it touches and
// what the analysis found on it; then the customer data both maps write into stores that
// hold the same fields (the duplicates between these two departments).

export interface MapFigures {
  steps: number;
  decisions: number;
  /** Sequence and message flows from one lane into another. */
  handOffs: number;
  /** Control nodes marked as done by hand. */
  manualSteps: number;
  /** Catalogued systems touched, directly or through one of their stores; catalogue ids. */
  systems: Id[];
  /** Catalogued data stores drawn on the map; catalogue ids. */
  stores: Id[];
  /** Silo systems and stores this map uses (silo-system findings); catalogue ids. */
  silos: Id[];
  findings: Record<Severity, number>;
}

/** The workspace with `map` in it: in place of the map with its id (an older version), or added. */
export function withMap(ws: Workspace, map: ProcessMap): Workspace {
  const at = ws.maps.findIndex((m) => m.id === map.id);
  if (at >= 0 && ws.maps[at] === map) return ws;
  const maps = at >= 0 ? ws.maps.map((m, i) => (i === at ? map : m)) : [...ws.maps, map];
  return { ...ws, maps };
}

/** `findings` are the analysis of a workspace holding `map` (withMap); those about other maps are left out. */
export function mapFigures(ws: Workspace, map: ProcessMap, findings: readonly Finding[]): MapFigures {
  const laneOf = new Map(map.nodes.map((n) => [n.id, n.laneId]));
  const control = map.nodes.filter((n) => isControlKind(n.kind));
  const lookup = { storeById: new Map(ws.dataStores.map((d) => [d.id, d])), systemById: new Map(ws.systems.map((s) => [s.id, s])) };
  const systems = new Set<Id>();
  const stores = new Set<Id>();
  for (const n of map.nodes) {
    const t = resolveTarget(lookup, n);
    if (t?.storeId) stores.add(t.storeId);
    if (t?.systemId) systems.add(t.systemId);
  }
  const mine = findings.filter((f) => f.mapIds.includes(map.id));
  const count: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of mine) count[f.severity]++;
  return {
    steps: control.filter((n) => n.kind === 'step').length,
    decisions: control.filter((n) => n.kind === 'decision').length,
    handOffs: map.flows.filter((f) => f.kind !== 'data' && laneOf.has(f.from) && laneOf.has(f.to) && laneOf.get(f.from) !== laneOf.get(f.to)).length,
    manualSteps: control.filter((n) => n.manual === true).length,
    systems: ws.systems.filter((s) => systems.has(s.id)).map((s) => s.id),
    stores: ws.dataStores.filter((d) => stores.has(d.id)).map((d) => d.id),
    silos: mine.filter((f) => f.kind === 'silo-system').map((f) => f.subjects[0]!),
    findings: count,
  };
}

/** Catalogue stores a map's steps write to: a store node's store, or every store of a system node's system. */
export function storesWritten(ws: Workspace, map: ProcessMap): Set<Id> {
  const ctx = buildContext({ ...ws, maps: [map] });
  const out = new Set<Id>();
  for (const a of ctx.accesses) {
    if (!a.write) continue;
    if (a.target.storeId !== null) out.add(a.target.storeId);
    else for (const d of ctx.storesBySystem.get(a.target.systemId!) ?? []) out.add(d.id);
  }
  return out;
}

export interface SharedCustomerData {
  /** The store map A writes and the store map B writes; the same id when both write one store. */
  storeA: Id;
  storeB: Id;
  /** Normalised field keys ("name", "email") held by both. */
  fields: string[];
}

/**
 * Customer data that both maps write: the same store written by both (each department keys
 * the same customer), then pairs of stores that the duplicate-data rule matched (`findings`
 * of the workspace), one written by each map. Most shared fields first.
 */
export function sharedCustomerData(ws: Workspace, a: ProcessMap, b: ProcessMap, findings: readonly Finding[]): SharedCustomerData[] {
  const wa = storesWritten(ws, a);
  const wb = storesWritten(ws, b);
  const same: SharedCustomerData[] = [];
  for (const d of ws.dataStores) {
    if (!wa.has(d.id) || !wb.has(d.id)) continue;
    const fields = [...fieldSet(d.customerFields).keys()];
    if (fields.length > 0) same.push({ storeA: d.id, storeB: d.id, fields });
  }
  const pairs: SharedCustomerData[] = [];
  for (const f of findings) {
    for (const p of f.kind === 'duplicate-data' ? f.pairs ?? [] : []) {
      const [x, y] = p.stores;
      if (wa.has(x) && wb.has(y)) pairs.push({ storeA: x, storeB: y, fields: [...p.fields] });
      if (wa.has(y) && wb.has(x)) pairs.push({ storeA: y, storeB: x, fields: [...p.fields] });
    }
  }
  pairs.sort((p, q) => q.fields.length - p.fields.length);
  return [...same, ...pairs];
}
