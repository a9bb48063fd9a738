import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { drawsFlowsAlike, flowRoutes } from '../../core/drawing/flowRoutes';
import { fittedBoxes } from '../../core/drawing/nodeSize';
import { flowSides, type Route, stepRoute } from '../../core/drawing/stepRoute';
import { laneBands, mapWidth, MIN_LANE_HEIGHT } from '../../core/model/geometry';
import { FLOW_STYLE } from '../../core/model/shapes';
import type { Flow, Id, MapNode, NodeBox, ProcessMap } from '../../core/model/types';
import { minLaneHeights } from '../../core/commands/lanes';
import { commentCounts } from '../../core/commands/comments';
import { count, flowKindName, laneOwnDepartment, NODE_KIND_LABEL } from '../../core/model/vocabulary';
import type { Selection } from '../../state/uiStore';

// Turns the document into React Flow's nodes and edges. Node and edge objects are reused while
// what they draw is unchanged (record, box or route, selection), so React Flow re-renders only
// what an edit touched.

/**
 * What a lane band draws, worked out once per map version (laneDataOf): a lane re-renders when
 * its own name, place or limits change, not on every edit of the map.
 */
export type LaneNodeData = {
  laneId: Id;
  mapId: Id;
  name: string;
  index: number;
  last: boolean;
  /** The department it belongs to when that is not the map's own. */
  ownDepartment: Id | null;
  /** The least height that still holds its nodes and name (resizing stops there). */
  minHeight: number;
};
/** `comments`: how many comments the step has (its thread is open unless the step says resolved). */
export type ShapeNodeData = { node: MapNode; badge?: NodeBadge; lit?: boolean; comments?: number };
/** Findings that concern a node: how many, and the worst severity. */
export type NodeBadge = { count: number; severity: 'high' | 'medium' | 'low' };

/** What the analysis adds to the drawing: badges on nodes, and the nodes and lanes of the picked finding. */
export interface Marks {
  badges: Map<Id, NodeBadge>;
  lit: Set<Id>;
}
export const NO_MARKS: Marks = { badges: new Map(), lit: new Set() };
/**
 * `route`: the line the edge draws and where its label goes, as core/drawing gives them to the SVG
 * export too (routed points, else the way round a node, else the step between the two boxes;
 * the label clear of nodes and other labels). `ends`: the boxes of its two nodes, for the line
 * it draws while one of them is dragged (followRoute).
 */
export type FlowEdgeData = { flow: Flow; route: Route; ends: { from: NodeBox; to: NodeBox } };

/**
 * The line a flow draws while an end of it is dragged: the step between the live boxes (the
 * move drops its old route; once stored, it may go round a node in its way, as in the picture).
 */
export function followRoute(data: FlowEdgeData, from?: { x: number; y: number }, to?: { x: number; y: number }): Route {
  if (!from && !to) return data.route;
  return stepRoute(from ? { ...data.ends.from, ...from } : data.ends.from, to ? { ...data.ends.to, ...to } : data.ends.to);
}

/** Where a node is drawn while it moves or is resized: its live place, and its live size when resized. */
export type LiveBox = { x: number; y: number; width?: number; height?: number };

export const laneNodeId = (laneId: Id) => `lane:${laneId}`;
export const isLaneNodeId = (id: string) => id.startsWith('lane:');
export const laneIdOfNode = (id: string) => id.slice('lane:'.length);

interface CacheEntry {
  node: MapNode;
  box: NodeBox;
  selected: boolean;
  badge: NodeBadge | undefined;
  lit: boolean;
  comments: number | undefined;
  rf: Node;
}

/** The node objects of the last build, handed back while what they draw is the same. */
export interface NodeCache {
  shapes: Map<Id, CacheEntry>;
  lanes: Map<Id, Node>;
}
export const newNodeCache = (): NodeCache => ({ shapes: new Map(), lanes: new Map() });

const laneData = new WeakMap<ProcessMap, Map<Id, LaneNodeData>>();
/** Per map version, as the lane bands draw it; the heights look at every node, so once per edit, not per frame. */
function laneDataOf(map: ProcessMap): Map<Id, LaneNodeData> {
  let data = laneData.get(map);
  if (!data) {
    const minHeights = minLaneHeights(map);
    data = new Map(
      map.lanes.map((lane, index) => [
        lane.id,
        { laneId: lane.id, mapId: map.id, name: lane.name, index, last: index === map.lanes.length - 1, ownDepartment: laneOwnDepartment(map, lane), minHeight: minHeights.get(lane.id) ?? MIN_LANE_HEIGHT },
      ]),
    );
    laneData.set(map, data);
  }
  return data;
}

const sameLaneData = (a: LaneNodeData, b: LaneNodeData) =>
  a.mapId === b.mapId && a.name === b.name && a.index === b.index && a.last === b.last && a.ownDepartment === b.ownDepartment && a.minHeight === b.minHeight;
/** A lane band is redrawn only when what it shows changes (not on every move or rename of a step). */
const sameLane = (a: Node, b: Node) =>
  a.position.y === b.position.y && a.width === b.width && a.height === b.height && a.className === b.className && sameLaneData(a.data as LaneNodeData, b.data as LaneNodeData);

const sameBadge = (a?: NodeBadge, b?: NodeBadge) => a?.count === b?.count && a?.severity === b?.severity;

export function buildNodes(
  stored: ProcessMap,
  selection: Selection,
  drag: ReadonlyMap<Id, LiveBox>,
  laneResize: { laneId: Id; height: number } | null,
  { shapes: cache, lanes: laneCache }: NodeCache,
  marks: Marks = NO_MARKS,
): Node[] {
  // Each node as big as its whole label needs, as the picture draws it.
  const map = fittedBoxes(stored);
  const width = mapWidth(map);
  const bands = laneBands(map);
  const lanesData = laneDataOf(stored);
  let shift = 0;
  const lanes: Node[] = bands.flatMap((b) => {
    const data = lanesData.get(b.laneId);
    if (!data) return [];
    const height = laneResize?.laneId === b.laneId ? laneResize.height : b.height;
    const node: Node = {
      id: laneNodeId(b.laneId),
      type: 'lane',
      position: { x: 0, y: b.y + shift },
      width,
      height,
      measured: { width, height },
      handles: [],
      data,
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
      className: [selection.laneId === b.laneId && 'lane-selected', marks.lit.has(b.laneId) && 'lane-lit'].filter(Boolean).join(' ') || undefined,
    };
    if (laneResize?.laneId === b.laneId) shift += laneResize.height - b.height;
    const prev = laneCache.get(b.laneId);
    if (prev && sameLane(prev, node)) return prev;
    laneCache.set(b.laneId, node);
    return node;
  });
  if (laneCache.size > bands.length) for (const id of laneCache.keys()) if (!bands.some((b) => b.laneId === id)) laneCache.delete(id);
  const selected = new Set(selection.nodeIds);
  const seen = new Set<Id>();
  const shapes: Node[] = [];
  const said = commentCounts(map);
  for (const n of map.nodes) {
    const stored = map.view.nodes[n.id];
    if (!stored) continue;
    const d = drag.get(n.id);
    const box = d ? { ...stored, ...d } : stored;
    const isSel = selected.has(n.id);
    const prev = cache.get(n.id);
    const badge = marks.badges.get(n.id);
    const lit = marks.lit.has(n.id);
    const comments = said.get(n.id);
    seen.add(n.id);
    if (prev && prev.node === n && prev.selected === isSel && sameBadge(prev.badge, badge) && prev.lit === lit && prev.comments === comments && prev.box.x === box.x && prev.box.y === box.y && prev.box.width === box.width && prev.box.height === box.height) {
      shapes.push(prev.rf);
      continue;
    }
    const rf: Node = {
      id: n.id,
      type: 'shape',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // Said measured at its set size, with its handles: a node object React Flow has not
      // measured loses its handles' places until the next measure, and every flow on it vanishes
      // for that frame (a click fell through the line; a flow label being typed was unmounted and lost).
      measured: { width: box.width, height: box.height },
      handles: n.kind === 'note' ? [] : sideHandles(box.width, box.height),
      data: { node: n, badge, lit, ...(comments ? { comments } : {}) } satisfies ShapeNodeData,
      selected: isSel,
      connectable: n.kind !== 'note',
      // A screen reader hears what the canvas shows beside the label: its comments, open or resolved.
      ariaLabel: `${NODE_KIND_LABEL[n.kind]}: ${n.label}${comments ? `, ${count(comments, 'comment')} (${n.commentsResolved ? 'resolved' : 'open'})` : ''}`,
    };
    cache.set(n.id, { node: n, box, selected: isSel, badge, lit, comments, rf });
    shapes.push(rf);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return [...lanes, ...shapes];
}

/**
 * The nodes as a drag shows them: those being dragged at their live places, every other node
 * object as it was. A mouse move costs one pass over the list, not a rebuild of every node
 * (lane widths, comment counts and cache checks look at the whole map).
 */
export function placeDragged(nodes: Node[], places: ReadonlyMap<Id, { x: number; y: number }>): Node[] {
  if (places.size === 0) return nodes;
  return nodes.map((n) => {
    const p = places.get(n.id);
    return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
}

/** The handles a flow without routed points uses: the same sides the SVG export draws. */
function handlesFor(from: NodeBox, to: NodeBox): { sourceHandle: string; targetHandle: string } {
  const sides = flowSides(from, to);
  return { sourceHandle: sides.source, targetHandle: sides.target };
}

/** Per map version: every flow's route and label spot. They look at every node, so once per edit, not per frame. */
const drawings = new WeakMap<ProcessMap, Map<Id, Route>>();
/** The map version drawn last: an edit that changes nothing drawn (a step renamed) keeps its drawing. */
let lastDrawn: { map: ProcessMap; drawing: Map<Id, Route> } | null = null;
function drawingOf(map: ProcessMap): Map<Id, Route> {
  let drawing = drawings.get(map);
  if (!drawing) {
    drawing = lastDrawn && drawsFlowsAlike(lastDrawn.map, map) ? lastDrawn.drawing : new Map(flowRoutes(map).map(({ flow, route }) => [flow.id, route]));
    drawings.set(map, drawing);
    lastDrawn = { map, drawing };
  }
  return drawing;
}

interface EdgeCacheEntry {
  flow: Flow;
  route: Route;
  ends: FlowEdgeData['ends'];
  selected: boolean;
  rf: Edge;
}

const samePoint = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];
const sameBox = (a: NodeBox, b: NodeBox) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
/** Routes are made anew for every map version; one that draws the same line keeps its edge object. */
const sameRoute = (a: Route, b: Route) => a === b || (a.rounded === b.rounded && samePoint(a.label, b.label) && a.points.length === b.points.length && a.points.every((p, i) => samePoint(p, b.points[i]!)));

/** Each flow's last edge object, and the last list handed out. */
export interface EdgeCache {
  entries: Map<Id, EdgeCacheEntry>;
  last: Edge[];
}
export const newEdgeCache = (): EdgeCache => ({ entries: new Map(), last: [] });

/**
 * Edge objects are reused, as node objects are, while their flow, route and selection are
 * unchanged: React Flow then re-renders only the edges an edit touched, not every flow of the map.
 * When none changed (a step picked, a field edited) the last list itself is handed back, so React
 * Flow does not take in the edges again (it rebuilds its index of every connection for a new list).
 */
export function buildEdges(stored: ProcessMap, selection: Selection, drag: ReadonlyMap<Id, LiveBox>, edgeCache: EdgeCache = newEdgeCache()): Edge[] {
  const cache = edgeCache.entries;
  const map = fittedBoxes(stored);
  const selected = new Set(selection.flowIds);
  const drawing = drawingOf(map);
  const boxOf = (id: Id): NodeBox | undefined => {
    const b = map.view.nodes[id];
    const d = drag.get(id);
    return b && d ? { ...b, ...d } : b;
  };
  const edges: Edge[] = [];
  const seen = new Set<Id>();
  for (const f of map.flows) {
    const a = boxOf(f.from);
    const b = boxOf(f.to);
    if (!a || !b) continue;
    // A flow whose end is moving (laid out, resized) follows it, as a dragged one does in followRoute.
    const route = drag.has(f.from) || drag.has(f.to) ? stepRoute(a, b) : (drawing.get(f.id) ?? stepRoute(a, b));
    const isSel = selected.has(f.id);
    const handles = handlesFor(a, b);
    const prev = cache.get(f.id);
    seen.add(f.id);
    const ends = { from: a, to: b };
    if (prev && prev.flow === f && prev.selected === isSel && sameRoute(prev.route, route) && sameBox(prev.ends.from, a) && sameBox(prev.ends.to, b) && prev.rf.sourceHandle === handles.sourceHandle && prev.rf.targetHandle === handles.targetHandle) {
      edges.push(prev.rf);
      continue;
    }
    const rf: Edge = {
      id: f.id,
      source: f.from,
      target: f.to,
      ...handles,
      type: 'flow',
      selected: isSel,
      data: { flow: f, route, ends } satisfies FlowEdgeData,
      markerEnd: { type: FLOW_STYLE[f.kind].arrow === 'closed' ? MarkerType.ArrowClosed : MarkerType.Arrow, width: 16, height: 16, color: `var(--flow-${f.kind})` },
      className: `flow-${f.kind}`,
      ariaLabel: `${flowKindName(f.kind)}${f.label ? ` “${f.label}”` : ''}`,
    };
    cache.set(f.id, { flow: f, route, ends, selected: isSel, rf });
    edges.push(rf);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  const last = edgeCache.last;
  if (edges.length === last.length && edges.every((e, i) => e === last[i])) return last;
  edgeCache.last = edges;
  return edges;
}

/**
 * The four handles ShapeNode draws (9 px, centred on each side; app.css), given with each node
 * so React Flow need not draw a node to learn them: it draws a node whose handles it does not
 * know even when it is off screen, and on opening a big map that was every node.
 */
export function sideHandles(width: number, height: number): NodeHandle[] {
  const h = 9;
  const half = h / 2;
  return [
    { id: 't', type: 'source', position: Position.Top, x: width / 2 - half, y: -half, width: h, height: h },
    { id: 'r', type: 'source', position: Position.Right, x: width - half, y: height / 2 - half, width: h, height: h },
    { id: 'b', type: 'source', position: Position.Bottom, x: width / 2 - half, y: height - half, width: h, height: h },
    { id: 'l', type: 'source', position: Position.Left, x: -half, y: height / 2 - half, width: h, height: h },
  ];
}
