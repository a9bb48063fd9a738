import type { DataStore, Id, ProcessMap, System, Workspace } from '../model/types';
import { withoutCommentsOn } from './comments';
import { routesOf } from './routes';

// Two valid edits can meet in a map that points nowhere: my undo removes a step a colleague has
// just drawn a flow to, or they delete a lane while I put a step back in it. Such a map is
// mended the way the commands themselves delete: a step goes with its lane (as deleteLane
// does), a flow with either end, comments with their step, geometry with its record, and a
// link to a catalogue entry that is gone is dropped (as deleting the entry "anyway" does).

/** The catalogue a map's records may point at. */
export interface CatalogueIds {
  departments: ReadonlySet<Id>;
  systems: ReadonlySet<Id>;
  dataStores: ReadonlySet<Id>;
}

export const catalogueIds = (ws: Workspace): CatalogueIds => ({
  departments: new Set(ws.departments.map((d) => d.id)),
  systems: new Set(ws.systems.map((s) => s.id)),
  dataStores: new Set(ws.dataStores.map((s) => s.id)),
});

/** Only the entries of `record` whose key is in `ids`; the same object when all are. */
function onlyKeys<T>(record: Record<Id, T>, ids: ReadonlySet<Id>): Record<Id, T> {
  const keys = Object.keys(record);
  return keys.every((k) => ids.has(k)) ? record : Object.fromEntries(keys.filter((k) => ids.has(k)).map((k) => [k, record[k]!]));
}

/** `list` without the items `keep` refuses; the same array when it keeps them all. */
function only<T>(list: T[], keep: (item: T) => boolean): T[] {
  const kept = list.filter(keep);
  return kept.length === list.length ? list : kept;
}

/** A link to an entry not in `ids` (absent and null link nothing). */
const gone = (id: Id | null | undefined, ids: ReadonlySet<Id>) => typeof id === 'string' && id !== '' && !ids.has(id);

/** Catalogue links that point at nothing, dropped (lanes, steps) or cleared (the map's department). */
function mendMapLinks(map: ProcessMap, cat: CatalogueIds): ProcessMap {
  let next = map;
  if (gone(map.departmentId, cat.departments)) next = { ...next, departmentId: null };
  if (map.lanes.some((l) => gone(l.departmentId, cat.departments))) {
    next = { ...next, lanes: map.lanes.map((l) => (gone(l.departmentId, cat.departments) ? (({ departmentId: _d, ...rest }) => rest)(l) : l)) };
  }
  const refGone = (n: ProcessMap['nodes'][number]) =>
    (n.kind === 'system' && gone(n.refId, cat.systems)) || (n.kind === 'dataStore' && gone(n.refId, cat.dataStores));
  if (map.nodes.some(refGone)) {
    next = { ...next, nodes: map.nodes.map((n) => (refGone(n) ? (({ refId: _r, ...rest }) => rest)(n) : n)) };
  }
  return next;
}

/**
 * The map without references that point at nothing: the same object when none do. With the
 * catalogue, links to departments, systems and stores are checked too.
 */
export function mendMap(map: ProcessMap, catalogue?: CatalogueIds): ProcessMap {
  const linked = catalogue ? mendMapLinks(map, catalogue) : map;
  const laneIds = new Set(linked.lanes.map((l) => l.id));
  const nodes = only(linked.nodes, (n) => laneIds.has(n.laneId));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const flows = only(linked.flows, (f) => nodeIds.has(f.from) && nodeIds.has(f.to));
  const view = linked.view;
  const boxes = onlyKeys(view.nodes, nodeIds);
  const laneHeights = onlyKeys(view.laneHeights, laneIds);
  const flowPoints = routesOf(view.flowPoints, flows);
  const sameView = boxes === view.nodes && laneHeights === view.laneHeights && flowPoints === view.flowPoints;
  const mended = nodes === linked.nodes && flows === linked.flows && sameView
    ? linked
    : { ...linked, nodes, flows, view: sameView ? view : { nodes: boxes, laneHeights, flowPoints } };
  const orphaned = new Set((mended.comments ?? []).map((c) => c.nodeId).filter((id) => !nodeIds.has(id)));
  return withoutCommentsOn(mended, orphaned);
}

/**
 * The workspace without links to catalogue entries that are gone, after an undo or redo took
 * away an entry others point at (undoing my "add system" that a colleague has drawn, or that I
 * linked under another map's history): dropped as deleting the entry anyway drops them. The
 * same workspace when nothing points nowhere.
 */
export function mendCatalogueLinks(ws: Workspace): Workspace {
  const cat = catalogueIds(ws);
  const noDept = (id: Id | null | undefined) => gone(id, cat.departments);
  const systems = mapChanged(ws.systems, (s): System => {
    const integratesWith = only(s.integratesWith, (id) => cat.systems.has(id));
    if (integratesWith === s.integratesWith && !noDept(s.ownerDepartmentId)) return s;
    return { ...s, integratesWith, ...(noDept(s.ownerDepartmentId) ? { ownerDepartmentId: null } : {}) };
  });
  const dataStores = mapChanged(ws.dataStores, (d): DataStore => {
    if (!gone(d.systemId, cat.systems) && !noDept(d.ownerDepartmentId)) return d;
    return { ...d, ...(gone(d.systemId, cat.systems) ? { systemId: null } : {}), ...(noDept(d.ownerDepartmentId) ? { ownerDepartmentId: null } : {}) };
  });
  const maps = mapChanged(ws.maps, (m) => mendMap(m, cat));
  return systems === ws.systems && dataStores === ws.dataStores && maps === ws.maps ? ws : { ...ws, systems, dataStores, maps };
}

/** `list` with `f` applied to each item; the same array when `f` gave back every item as it was. */
function mapChanged<T>(list: T[], f: (item: T) => T): T[] {
  const out = list.map(f);
  return out.every((x, i) => x === list[i]) ? list : out;
}
