import { laneAtY, laneBands, LANE_HEADER_WIDTH, NODE_SIZE, snap } from '../model/geometry';
import type { Flow, Id, MapNode, NodeBox, NodeKind, ProcessMap } from '../model/types';
import { fitNodeBox, fitNodeSize } from '../drawing/nodeSize';
import { makeRoom } from './makeRoom';
import { withoutCommentsOn } from './comments';
import { CommandError, mapCommand } from './define';
import { inferFlowKind } from './flows';
import { dropRoutesTouching, routesOf } from './routes';

const GAP_X = 60;

/** Where a new node goes when the user did not say: right of the lane's rightmost node, centred in the band. */
export function placeInLane(map: ProcessMap, laneId: Id, kind: NodeKind, after?: Id): { x: number; y: number } {
  const band = laneBands(map).find((b) => b.laneId === laneId);
  if (!band) throw new CommandError(`No lane with id "${laneId}"`);
  const size = NODE_SIZE[kind];
  const anchor = after ? map.view.nodes[after] : undefined;
  const y = Math.round(band.y + (band.height - size.height) / 2);
  const inLane = map.nodes.filter((n) => n.laneId === laneId).flatMap((n) => map.view.nodes[n.id] ?? []);
  let x = LANE_HEADER_WIDTH + 40;
  if (anchor) x = anchor.x + anchor.width + GAP_X;
  else for (const b of inLane) x = Math.max(x, b.x + b.width + GAP_X);
  // Step past anything already in the way, so a new node never lands on another.
  for (let moved = true; moved; ) {
    moved = false;
    for (const b of inLane) {
      if (x < b.x + b.width + 20 && x + size.width + 20 > b.x && y < b.y + b.height && y + size.height > b.y) {
        x = b.x + b.width + GAP_X;
        moved = true;
      }
    }
  }
  // Centred exactly (not snapped) so flows between neighbours run straight.
  return { x: snap(x), y };
}

export interface AddNodeArgs {
  mapId: Id;
  nodeId: Id;
  kind: NodeKind;
  laneId: Id;
  label: string;
  x?: number;
  y?: number;
  /** Connect from this node to the new one in the same edit ("add after"). */
  connectFrom?: { nodeId: Id; flowId: Id };
}

export const addNode = mapCommand<AddNodeArgs>('addNode', 'Add node', (map, a) => {
  if (map.nodes.some((n) => n.id === a.nodeId)) throw new CommandError(`Node id "${a.nodeId}" is taken`);
  const size = fitNodeSize(a.kind, a.label, NODE_SIZE[a.kind].width, NODE_SIZE[a.kind].height);
  const pos = a.x !== undefined && a.y !== undefined ? { x: a.x, y: a.y } : placeInLane(map, a.laneId, a.kind, a.connectFrom?.nodeId);
  const laneId = a.x !== undefined && a.y !== undefined ? (laneAtY(map, pos.y + size.height / 2) ?? a.laneId) : a.laneId;
  const node: MapNode = { id: a.nodeId, kind: a.kind, laneId, label: a.label };
  let flows = map.flows;
  const from = a.connectFrom ? map.nodes.find((n) => n.id === a.connectFrom!.nodeId) : undefined;
  if (a.connectFrom && from) {
    flows = [...flows, { id: a.connectFrom.flowId, kind: inferFlowKind(map, from, node), from: from.id, to: node.id }];
  }
  return {
    ...map,
    nodes: [...map.nodes, node],
    flows,
    view: { ...map.view, nodes: { ...map.view.nodes, [node.id]: { ...pos, ...size } } },
  };
});

export type NodePatch = Partial<Pick<MapNode, 'label' | 'kind' | 'manual' | 'notes' | 'refId' | 'minutesPerCase' | 'casesPerYear'>>;

const MEASURE_WORDS = { minutesPerCase: 'Minutes per case', casesPerYear: 'Cases a year' } as const;

/** A measure is a number of 0 or more, or absent (undefined clears it). */
export function checkMeasure(what: string, v: number | undefined): void {
  if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new CommandError(`${what} must be a number of 0 or more`);
}

export const updateNode = mapCommand<{ mapId: Id; nodeId: Id; patch: NodePatch }>('updateNode', 'Edit node', (map, a) => {
  const node = map.nodes.find((n) => n.id === a.nodeId);
  if (!node) throw new CommandError(`No node with id "${a.nodeId}"`);
  const patch = { ...a.patch };
  if (patch.label !== undefined) patch.label = patch.label.trim();
  for (const k of ['minutesPerCase', 'casesPerYear'] as const) if (k in patch) checkMeasure(MEASURE_WORDS[k], patch[k]);
  // An empty note, no refId and manual=false are all "absent": clearing what is not there changes nothing.
  const same = (x: unknown, y: unknown) => x === y || (!x && !y && typeof x !== 'number');
  const changed = (Object.keys(patch) as (keyof NodePatch)[]).some((k) => !same(patch[k], node[k]));
  if (!changed) return map;
  const next: MapNode = { ...node, ...patch };
  // Optional fields are absent rather than empty, so the bundle stays clean.
  for (const k of ['notes', 'refId', 'manual'] as const) if (!next[k]) delete next[k];
  for (const k of ['minutesPerCase', 'casesPerYear'] as const) if (next[k] === undefined) delete next[k];
  let nodes = map.view.nodes;
  const box = nodes[node.id];
  if (patch.kind && patch.kind !== node.kind && box) {
    // A new shape keeps its centre.
    const size = NODE_SIZE[patch.kind];
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    nodes = { ...nodes, [node.id]: { x: snap(cx - size.width / 2), y: snap(cy - size.height / 2), ...size } };
  }
  // A longer label grows the box around its centre; it never shrinks what a person sized.
  const now = nodes[node.id];
  const fitted = now && fitNodeBox(next.kind, next.label, now);
  if (fitted && fitted !== now) nodes = { ...nodes, [node.id]: fitted };
  const updated = { ...map, nodes: map.nodes.map((n) => (n.id === node.id ? next : n)), view: { ...map.view, nodes } };
  // A box that grew (or took a new shape) moves aside the neighbours it would now cover, in the same edit.
  return nodes[node.id] !== map.view.nodes[node.id] ? makeRoom(updated, new Set([node.id])) : updated;
});

/**
 * Put nodes at new positions (a drag, a nudge). A node whose centre lands in another
 * lane's band belongs to that lane from then on.
 */
export const moveNodes = mapCommand<{ mapId: Id; moves: { nodeId: Id; x: number; y: number }[] }>('moveNodes', 'Move', (map, a) => {
  const boxes = { ...map.view.nodes };
  const laneOf = new Map<Id, Id>();
  let changed = false;
  for (const m of a.moves) {
    const node = map.nodes.find((n) => n.id === m.nodeId);
    const box = boxes[m.nodeId];
    if (!node || !box) continue;
    const x = Math.max(LANE_HEADER_WIDTH, Math.round(m.x));
    const y = Math.round(m.y);
    if (x === box.x && y === box.y) continue;
    changed = true;
    boxes[m.nodeId] = { ...box, x, y };
    const lane = laneAtY(map, y + box.height / 2);
    if (lane && lane !== node.laneId) laneOf.set(node.id, lane);
  }
  if (!changed) return map;
  const nodes = laneOf.size ? map.nodes.map((n) => (laneOf.has(n.id) ? { ...n, laneId: laneOf.get(n.id)! } : n)) : map.nodes;
  // Routed points no longer fit moved nodes; their flows are drawn between handles again.
  const moved = new Set(a.moves.map((m) => m.nodeId));
  const flowPoints = dropRoutesTouching(map, moved);
  return { ...map, nodes, view: { ...map.view, nodes: boxes, flowPoints } };
});

/** Move nodes into a lane chosen by name (the inspector): they keep x and land centred in the band. */
export const setNodeLane = mapCommand<{ mapId: Id; nodeIds: Id[]; laneId: Id }>('setNodeLane', 'Change lane', (map, a) => {
  const band = laneBands(map).find((b) => b.laneId === a.laneId);
  if (!band) throw new CommandError(`No lane with id "${a.laneId}"`);
  const ids = new Set(a.nodeIds.filter((id) => map.nodes.some((n) => n.id === id && n.laneId !== a.laneId)));
  if (ids.size === 0) return map;
  const boxes = { ...map.view.nodes };
  for (const id of ids) {
    const b = boxes[id];
    if (b) boxes[id] = { ...b, y: Math.round(band.y + (band.height - b.height) / 2) };
  }
  return {
    ...map,
    nodes: map.nodes.map((n) => (ids.has(n.id) ? { ...n, laneId: a.laneId } : n)),
    view: { ...map.view, nodes: boxes, flowPoints: dropRoutesTouching(map, ids) },
  };
});

/**
 * Every node one lane up (-1) or down (1), each from its own lane, keeping its place in the
 * band as far as the new band allows. When one of them has no lane that way, none moves, so
 * a selection keeps its shape.
 */
export const shiftNodesLane = mapCommand<{ mapId: Id; nodeIds: Id[]; by: -1 | 1 }>('shiftNodesLane', 'Change lane', (map, a) => {
  const bands = laneBands(map);
  const index = new Map(bands.map((b, i) => [b.laneId, i]));
  const ids = new Set(a.nodeIds);
  const moving = map.nodes.filter((n) => ids.has(n.id) && index.has(n.laneId));
  if (moving.length === 0 || moving.some((n) => !bands[index.get(n.laneId)! + a.by])) return map;
  const target = new Map(moving.map((n) => [n.id, bands[index.get(n.laneId)! + a.by]!]));
  const boxes = { ...map.view.nodes };
  for (const n of moving) {
    const b = boxes[n.id];
    const from = bands[index.get(n.laneId)!]!;
    const to = target.get(n.id)!;
    if (b) boxes[n.id] = { ...b, y: Math.round(Math.min(Math.max(to.y, b.y - from.y + to.y), to.y + Math.max(0, to.height - b.height))) };
  }
  return {
    ...map,
    nodes: map.nodes.map((n) => (target.has(n.id) ? { ...n, laneId: target.get(n.id)!.laneId } : n)),
    view: { ...map.view, nodes: boxes, flowPoints: dropRoutesTouching(map, new Set(target.keys())) },
  };
});

/** Delete nodes and flows; flows touching a deleted node go with it. */
export const deleteElements = mapCommand<{ mapId: Id; nodeIds: Id[]; flowIds: Id[] }>('deleteElements', 'Delete', (map, a) => {
  const nodeIds = new Set(a.nodeIds);
  const flowIds = new Set(a.flowIds);
  const flows = map.flows.filter((f) => !flowIds.has(f.id) && !nodeIds.has(f.from) && !nodeIds.has(f.to));
  const nodes = map.nodes.filter((n) => !nodeIds.has(n.id));
  if (flows.length === map.flows.length && nodes.length === map.nodes.length) return map;
  const boxes = { ...map.view.nodes };
  for (const id of nodeIds) delete boxes[id];
  const flowPoints = routesOf(map.view.flowPoints, flows);
  return withoutCommentsOn({ ...map, nodes, flows, view: { ...map.view, nodes: boxes, flowPoints } }, nodeIds);
});

export interface Fragment {
  nodes: MapNode[];
  flows: Flow[];
  boxes: Record<Id, NodeBox>;
}

/** Copy: the selected nodes and the flows between them. */
export function copyFragment(map: ProcessMap, nodeIds: Id[]): Fragment {
  const ids = new Set(nodeIds);
  const nodes = map.nodes.filter((n) => ids.has(n.id));
  const flows = map.flows.filter((f) => ids.has(f.from) && ids.has(f.to));
  const boxes: Record<Id, NodeBox> = {};
  for (const n of nodes) {
    const b = map.view.nodes[n.id];
    if (b) boxes[n.id] = b;
  }
  return { nodes, flows, boxes };
}

/**
 * Paste a fragment with fresh ids (given by the caller in `idMap` order), offset by (dx, dy).
 * Nodes whose lane is not in this map, or that land outside it, go to the lane under them.
 */
export const pasteFragment = mapCommand<{ mapId: Id; fragment: Fragment; newIds: Id[]; dx: number; dy: number }>(
  'pasteFragment',
  'Paste',
  (map, a) => {
    const { fragment } = a;
    if (fragment.nodes.length === 0 || map.lanes.length === 0) return map;
    if (a.newIds.length < fragment.nodes.length + fragment.flows.length) throw new CommandError('Not enough ids to paste');
    const taken = new Set([...map.nodes.map((n) => n.id), ...map.flows.map((f) => f.id)]);
    if (a.newIds.some((id) => taken.has(id))) throw new CommandError('An id to paste with is taken');
    const rename = new Map<Id, Id>();
    fragment.nodes.forEach((n, i) => rename.set(n.id, a.newIds[i]!));
    const boxes = { ...map.view.nodes };
    const nodes: MapNode[] = fragment.nodes.map((n) => {
      const id = rename.get(n.id)!;
      const src = fragment.boxes[n.id] ?? { x: LANE_HEADER_WIDTH + 40, y: 0, ...NODE_SIZE[n.kind] };
      const box = { ...src, x: Math.max(LANE_HEADER_WIDTH, src.x + a.dx), y: src.y + a.dy };
      boxes[id] = box;
      const laneId = laneAtY(map, box.y + box.height / 2) ?? map.lanes[0]!.id;
      // Pasted past the first or last band: pull it inside the lane it joins.
      const band = laneBands(map).find((b) => b.laneId === laneId)!;
      box.y = Math.min(Math.max(box.y, band.y), band.y + band.height - box.height);
      return { ...n, id, laneId };
    });
    const flows: Flow[] = fragment.flows.map((f, i) => ({
      ...f,
      id: a.newIds[fragment.nodes.length + i]!,
      from: rename.get(f.from)!,
      to: rename.get(f.to)!,
    }));
    return { ...map, nodes: [...map.nodes, ...nodes], flows: [...map.flows, ...flows], view: { ...map.view, nodes: boxes } };
  },
);
