import type { Flow, Id, Lane, MapNode, ProcessMap } from '../../../src/core/model/types';

// A second department's version of a map, made from the first: new ids, other lane names, steps
// relabelled, left out (their flows joined round them) or added (spliced into a flow). The truth
// of the pair is every kept control node: the node it came from is the one a person would pair.

export interface Edit {
  /** Department id of the new map and its own lanes. */
  departmentId: Id;
  name: string;
  /** Lane id -> the new lane's name (and the lane keeps its place). */
  lanes?: Record<Id, string>;
  /** Node id -> its new label; null leaves the node out. */
  labels?: Record<Id, string | null>;
  /** Node id -> catalogue id the new map's node points at instead (another department's store). */
  refIds?: Record<Id, Id | undefined>;
  /** Steps added after a node, in that node's lane unless one is given. */
  insert?: { after: Id; label: string; lane?: Id; kind?: MapNode['kind'] }[];
}

export interface Derived {
  map: ProcessMap;
  /** [id in the source map, id in the derived map]. */
  truth: [Id, Id][];
}

const CONTROL = new Set(['start', 'end', 'step', 'decision']);

export function derive(src: ProcessMap, edit: Edit, prefix = 'r-'): Derived {
  const id = (x: Id) => `${prefix}${x}`;
  const labels = edit.labels ?? {};
  const gone = new Set(Object.entries(labels).filter(([, v]) => v === null).map(([k]) => k));
  const lanes: Lane[] = src.lanes.map((l) => ({
    id: id(l.id),
    name: edit.lanes?.[l.id] ?? l.name,
    ...(l.departmentId === src.departmentId ? { departmentId: edit.departmentId } : l.departmentId ? { departmentId: l.departmentId } : {}),
  }));
  const nodes: MapNode[] = [];
  for (const n of src.nodes) {
    if (gone.has(n.id)) continue;
    const label = labels[n.id] ?? n.label;
    const refId = n.id in (edit.refIds ?? {}) ? edit.refIds![n.id] : n.refId;
    const copy: MapNode = { ...n, id: id(n.id), laneId: id(n.laneId), label };
    if (refId) copy.refId = refId;
    else delete copy.refId;
    nodes.push(copy);
  }
  let flows: Flow[] = src.flows.map((f) => ({ ...f, id: id(f.id), from: id(f.from), to: id(f.to) }));
  // Join the flows round a node left out: every way in goes to every way out.
  for (const g of gone) {
    const x = id(g);
    const ins = flows.filter((f) => f.to === x && f.kind !== 'data');
    const outs = flows.filter((f) => f.from === x && f.kind !== 'data');
    flows = flows.filter((f) => f.from !== x && f.to !== x);
    for (const i of ins) for (const o of outs) flows.push({ id: `${i.id}~${o.id}`, kind: i.kind, from: i.from, to: o.to });
  }
  (edit.insert ?? []).forEach((ins, k) => {
    const after = id(ins.after);
    const lane = ins.lane ? id(ins.lane) : nodes.find((n) => n.id === after)!.laneId;
    const nid = `${prefix}new-${k}`;
    nodes.push({ id: nid, kind: ins.kind ?? 'step', laneId: lane, label: ins.label });
    const outs = flows.filter((f) => f.from === after && f.kind !== 'data');
    for (const o of outs) o.from = nid;
    flows.push({ id: `${prefix}fnew-${k}`, kind: 'sequence', from: after, to: nid });
  });
  const map: ProcessMap = {
    id: id(src.id), name: edit.name, departmentId: edit.departmentId, lanes, nodes, flows,
    view: { nodes: {}, laneHeights: {}, flowPoints: {} }, updatedAt: src.updatedAt,
  };
  const truth = src.nodes.filter((n) => CONTROL.has(n.kind) && !gone.has(n.id)).map((n): [Id, Id] => [n.id, id(n.id)]);
  return { map, truth };
}
