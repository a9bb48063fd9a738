// Automatic lane layout: ELK layered for the columns and a first order, then our lane-aware
// ordering sweeps, placement inside the bands and orthogonal routing in the channels.
// Pure: runs unchanged in Node and in a Web Worker; ELK is injected.

import type { MapView, ProcessMap } from '../model/types';
import { naiveBanding } from './banding';
import { ELK_OPTIONS, elkColumns } from './elkGraph';
import { buildGraph } from './graph';
import { buildLayered } from './layers';
import { orderLayers } from './ordering';
import { placeItems } from './placement';
import { columnPath, freeSpacePlans, sidesOf } from './plans';
import { routeEdges } from './routing';
import type { Bands, EdgePlan, ElkLike, LayoutOptions, LayoutResult, LGraph } from './types';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function layoutMap(map: ProcessMap, opts: LayoutOptions = {}): Promise<LayoutResult> {
  const elk = requireElk(opts.elk);
  const g = buildGraph(map);
  const t0 = now();
  const cols = await elkColumns(elk, g, process.env.OURELK ? { ...ELK_OPTIONS, ...JSON.parse(process.env.OURELK) } : ELK_OPTIONS);
  const t1 = now();
  const L = buildLayered(g, cols.column, cols.count);
  const order = orderLayers(L, cols.centreY);
  const { bands, itemY } = placeItems(L, g, singlePorts(g, cols.column));
  const plans: EdgePlan[] = g.edges.map((_, e) => {
    const s = sidesOf(g, cols.column, e);
    const path = columnPath(g, cols.column, e);
    const chain = L.chain[e]!;
    // Dummies give the y of every column crossed; east and west ends take their port's y later.
    const ys = path.map((_, i) => (chain.length > 0 && chain[i]! >= L.nodes ? itemY[chain[i]!]! : null));
    return { edge: e, srcSide: s.src, tgtSide: s.tgt, cols: path, ys, self: s.dir === 'self' || undefined };
  });
  const view = drawView(map, g, cols.column, cols.count, bands, plans);
  return {
    view,
    stats: {
      columns: cols.count,
      orderCrossingsBefore: order.crossingsBefore,
      orderCrossingsAfter: order.crossingsAfter,
      elkMs: t1 - t0,
      ownMs: now() - t1,
    },
  };
}

/** Whether a node has exactly one edge end on its east side (src) or west side (target). */
function singlePorts(g: LGraph, column: readonly number[]): (node: number, src: boolean) => boolean {
  const east = new Array<number>(g.nodes.length).fill(0);
  const west = new Array<number>(g.nodes.length).fill(0);
  g.edges.forEach((e, i) => {
    const s = sidesOf(g, column, i);
    if (s.src === 'E') east[e.from]!++;
    if (s.tgt === 'E') east[e.to]!++;
    if (s.tgt === 'W') west[e.to]!++;
  });
  return (node, src) => (src ? east[node] === 1 : west[node] === 1);
}

/** The baseline: ELK's columns and order, naively banded, routed by the same router. */
export async function naiveLayout(map: ProcessMap, opts: LayoutOptions = {}): Promise<LayoutResult> {
  const g = buildGraph(map);
  const cols = await elkColumns(requireElk(opts.elk), g);
  return { view: bandPositions(map, g, cols.column, cols.count, cols.centreY) };
}

/** Naive banding and routing of any layered layout's columns and vertical order (ELK's, dagre's). */
export function bandPositions(map: ProcessMap, g: LGraph, column: readonly number[], count: number, orderY: readonly number[]): MapView {
  const bands = naiveBanding(g, column, count, orderY);
  return drawView(map, g, column, count, bands, freeSpacePlans(g, column, count, bands));
}

function drawView(map: ProcessMap, g: LGraph, column: readonly number[], count: number, bands: Bands, plans: EdgePlan[]): MapView {
  const routed = routeEdges(g, column, count, bands, plans);
  const view: MapView = { nodes: {}, laneHeights: {}, flowPoints: {} };
  g.nodes.forEach((n, i) => (view.nodes[n.id] = { x: routed.x[i]!, y: bands.y[i]!, width: n.width, height: n.height }));
  map.lanes.forEach((lane, i) => (view.laneHeights[lane.id] = bands.laneHeight[i]!));
  g.edges.forEach((e, i) => (view.flowPoints[e.flowId] = routed.points[i]!));
  return view;
}

/** The map with the layout's geometry; everything semantic untouched. */
export function applyLayout(map: ProcessMap, result: LayoutResult): ProcessMap {
  return { ...map, view: result.view };
}

function requireElk(elk: ElkLike | undefined): ElkLike {
  if (!elk) throw new Error('layoutMap needs an ELK instance: pass { elk } (in Node, defaultElk() from layout/elkNode)');
  return elk;
}
