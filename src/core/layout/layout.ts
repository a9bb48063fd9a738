// Automatic lane layout. Pure: runs unchanged in Node and in a Web Worker; ELK is injected.
//
// 1. Columns (acyclic.ts, elkGraph.ts): ELK layered, given the flows oriented by what they
//    mean: only rework loops run backwards, and a store sits at the median column of the steps
//    using it. ELK's own ordering, placement and routing are switched off: we redo them.
// 2. Order (layers.ts, dummyLanes.ts, ordering.ts, transpose.ts): every edge spanning columns
//    gets a dummy per column crossed; a long edge between lanes changes lane once, where that
//    crosses the least; barycentre sweeps then order each lane of each column, and a
//    transposition pass repairs what they left.
// 3. Place (placement.ts, straighten.ts, alignNodes.ts): lanes grow to their fullest column;
//    each cell's items are placed (isotonic regression) so ports line up, long runs are
//    straightened (in as few level pieces as their neighbours allow), and a step moves level
//    with its neighbour in line where its column has room.
// 4. Route (plans.ts, ports.ts, channels.ts, routing.ts): axis-parallel polylines from border
//    to border, vertical parts on tracks in the channels between columns, loops under their
//    nodes, decisions fanning out through their vertices.
// The naive baseline (naiveLayout) keeps ELK's columns and order and bands them as they are
// (banding.ts), routed by the same router.

import type { MapView, ProcessMap } from '../model/types';
import { reversedForLayering } from './acyclic';
import { naiveBanding } from './banding';
import { elkColumns, type ElkColumns, LAYERING_OPTIONS } from './elkGraph';
import { buildGraph } from './graph';
import { attachNotes } from './notes';
import { buildLayered } from './layers';
import { orderLayers, type OrderResult } from './ordering';
import { placeItems } from './placement';
import { portOffsets } from './portOffsets';
import { columnPath, freeSpacePlans, sidesOf } from './plans';
import { routeEdges } from './routing';
import type { Bands, EdgePlan, ElkLike, LayoutOptions, LayoutResult, LGraph } from './types';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Positions of every node, heights of every lane and points of every flow (whose ends exist). */
export async function layoutMap(map: ProcessMap, opts: LayoutOptions = {}): Promise<LayoutResult> {
  const elk = requireElk(opts.elk);
  const g = buildGraph(map);
  const t0 = now();
  const cols = attachNotes(map, g, await elkColumns(elk, g, LAYERING_OPTIONS, reversedForLayering(g)));
  const t1 = now();
  const { view, order } = layoutOnColumns(map, g, cols);
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

/**
 * Phases 2 to 4 on columns from anywhere: ELK's in layoutMap, or the quick longest-path
 * columns that give a map without positions a clean first drawing at once (quickLayout).
 */
export function layoutOnColumns(map: ProcessMap, g: LGraph, cols: ElkColumns): { view: MapView; order: OrderResult } {
  const L = buildLayered(g, cols.column, cols.count);
  const order = orderLayers(L, cols.centreY);
  const { bands, itemY } = placeItems(L, g, portOffsets(L, g, eastExtras(g, cols.column)));
  const plans: EdgePlan[] = g.edges.map((_, e) => {
    const s = sidesOf(g, cols.column, e);
    const path = columnPath(g, cols.column, e);
    const chain = L.chain[e]!;
    // Dummies give the y of every column crossed; east and west ends take their port's y later.
    const ys = path.map((_, i) => (chain.length > 0 && chain[i]! >= L.nodes ? itemY[chain[i]!]! : null));
    return { edge: e, srcSide: s.src, tgtSide: s.tgt, cols: path, ys, self: s.dir === 'self' || undefined };
  });
  return { view: drawView(map, g, cols.column, cols.count, bands, plans), order };
}

/** Ends on each node's east side that are no link between columns: edges inside one column, self-loops. */
function eastExtras(g: LGraph, column: readonly number[]): number[] {
  const extra = new Array<number>(g.nodes.length).fill(0);
  g.edges.forEach((e, i) => {
    const s = sidesOf(g, column, i);
    if (s.dir === 'same') extra[e.to]!++;
    if (s.dir === 'same' || s.dir === 'self') extra[e.from]!++;
  });
  return extra;
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
export function withLayout(map: ProcessMap, result: LayoutResult): ProcessMap {
  return { ...map, view: result.view };
}

function requireElk(elk: ElkLike | undefined): ElkLike {
  if (!elk) throw new Error('layoutMap needs an ELK instance: pass { elk } (in Node, defaultElk() from layout/elkNode)');
  return elk;
}
