import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { flowRoutes } from '../../core/drawing/flowRoutes';
import { fittedBoxes } from '../../core/drawing/nodeSize';
import { flowSides, type Route, stepRoute } from '../../core/drawing/stepRoute';
import { laneBands, mapWidth } from '../../core/model/geometry';
import { FLOW_STYLE } from '../../core/model/shapes';
import type { Flow, Id, MapNode, NodeBox, ProcessMap } from '../../core/model/types';
import { flowKindName, NODE_KIND_LABEL } from '../../core/model/vocabulary';
import type { Selection } from '../../state/uiStore';

// Turns the document into React Flow's nodes and edges. Node and edge objects are reused while
// what they draw is unchanged (record, box or route, selection), so React Flow re-renders only
// what an edit touched.

export type LaneNodeData = { laneId: Id; mapId: Id };
export type ShapeNodeData = { node: MapNode; badge?: NodeBadge; lit?: boolean };
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
 * the label clear of nodes and other labels). While an end is dragged, the step between the live boxes.
 */
export type FlowEdgeData = { flow: Flow; route: Route };

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
  rf: Node;
}

const sameBadge = (a?: NodeBadge, b?: NodeBadge) => a?.count === b?.count && a?.severity === b?.severity;

export function buildNodes(
  stored: ProcessMap,
  selection: Selection,
  drag: ReadonlyMap<Id, LiveBox>,
  laneResize: { laneId: Id; height: number } | null,
  cache: Map<Id, CacheEntry>,
  marks: Marks = NO_MARKS,
): Node[] {
  // Each node as big as its whole label needs, as the picture draws it.
  const map = fittedBoxes(stored);
  const width = mapWidth(map);
  const bands = laneBands(map);
  let shift = 0;
  const lanes: Node[] = bands.map((b) => {
    const height = laneResize?.laneId === b.laneId ? laneResize.height : b.height;
    const node: Node = {
      id: laneNodeId(b.laneId),
      type: 'lane',
      position: { x: 0, y: b.y + shift },
      width,
      height,
      measured: { width, height },
      data: { laneId: b.laneId, mapId: map.id } satisfies LaneNodeData,
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
      className: [selection.laneId === b.laneId && 'lane-selected', marks.lit.has(b.laneId) && 'lane-lit'].filter(Boolean).join(' ') || undefined,
    };
    if (laneResize?.laneId === b.laneId) shift += laneResize.height - b.height;
    return node;
  });
  const selected = new Set(selection.nodeIds);
  const seen = new Set<Id>();
  const shapes: Node[] = [];
  for (const n of map.nodes) {
    const stored = map.view.nodes[n.id];
    if (!stored) continue;
    const d = drag.get(n.id);
    const box = d ? { ...stored, ...d } : stored;
    const isSel = selected.has(n.id);
    const prev = cache.get(n.id);
    const badge = marks.badges.get(n.id);
    const lit = marks.lit.has(n.id);
    seen.add(n.id);
    if (prev && prev.node === n && prev.selected === isSel && sameBadge(prev.badge, badge) && prev.lit === lit && prev.box.x === box.x && prev.box.y === box.y && prev.box.width === box.width && prev.box.height === box.height) {
      shapes.push(prev.rf);
      continue;
    }
    const rf: Node = {
      id: n.id,
      type: 'shape',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // Said measured at its set size: a node object React Flow has not measured loses its
      // handles' places until the next measure, and every flow on it vanishes for that frame
      // (a click fell through the line; a flow label being typed was unmounted and lost).
      measured: { width: box.width, height: box.height },
      data: { node: n, badge, lit } satisfies ShapeNodeData,
      selected: isSel,
      connectable: n.kind !== 'note',
      ariaLabel: `${NODE_KIND_LABEL[n.kind]}: ${n.label}`,
    };
    cache.set(n.id, { node: n, box, selected: isSel, badge, lit, rf });
    shapes.push(rf);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return [...lanes, ...shapes];
}

/** The handles a flow without routed points uses: the same sides the SVG export draws. */
function handlesFor(from: NodeBox, to: NodeBox): { sourceHandle: string; targetHandle: string } {
  const sides = flowSides(from, to);
  return { sourceHandle: sides.source, targetHandle: sides.target };
}

/** Per map version: every flow's route and label spot. They look at every node, so once per edit, not per frame. */
const drawings = new WeakMap<ProcessMap, Map<Id, Route>>();
function drawingOf(map: ProcessMap): Map<Id, Route> {
  let drawing = drawings.get(map);
  if (!drawing) {
    drawing = new Map(flowRoutes(map).map(({ flow, route }) => [flow.id, route]));
    drawings.set(map, drawing);
  }
  return drawing;
}

interface EdgeCacheEntry {
  flow: Flow;
  route: Route;
  selected: boolean;
  rf: Edge;
}

const samePoint = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];
/** Routes are made anew for every map version; one that draws the same line keeps its edge object. */
const sameRoute = (a: Route, b: Route) => a === b || (a.rounded === b.rounded && samePoint(a.label, b.label) && a.points.length === b.points.length && a.points.every((p, i) => samePoint(p, b.points[i]!)));

/**
 * Edge objects are reused, as node objects are, while their flow, route and selection are
 * unchanged: React Flow then re-renders only the edges an edit touched, not every flow of the map.
 */
export function buildEdges(stored: ProcessMap, selection: Selection, drag: ReadonlyMap<Id, LiveBox>, cache: Map<Id, EdgeCacheEntry> = new Map()): Edge[] {
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
    // A flow whose end is moving follows it: the step between the boxes where they are now (the
    // move drops its old route; once stored, it may go round a node in its way, as in the picture).
    const route = drag.has(f.from) || drag.has(f.to) ? stepRoute(a, b) : (drawing.get(f.id) ?? stepRoute(a, b));
    const isSel = selected.has(f.id);
    const handles = handlesFor(a, b);
    const prev = cache.get(f.id);
    seen.add(f.id);
    if (prev && prev.flow === f && prev.selected === isSel && sameRoute(prev.route, route) && prev.rf.sourceHandle === handles.sourceHandle && prev.rf.targetHandle === handles.targetHandle) {
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
      data: { flow: f, route } satisfies FlowEdgeData,
      markerEnd: { type: FLOW_STYLE[f.kind].arrow === 'closed' ? MarkerType.ArrowClosed : MarkerType.Arrow, width: 16, height: 16, color: `var(--flow-${f.kind})` },
      className: `flow-${f.kind}`,
      ariaLabel: `${flowKindName(f.kind)}${f.label ? ` “${f.label}”` : ''}`,
    };
    cache.set(f.id, { flow: f, route, selected: isSel, rf });
    edges.push(rf);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return edges;
}
