// Shared shapes of the lane layout. The pipeline works on node and edge indices (list order of
// the map), never on object key order, so the same map always gives the same drawing.

import type { ElkLayoutArguments, ElkNode } from 'elkjs/lib/elk-api';
import type { FlowKind, Id, MapView, NodeKind } from '../model/types';

/**
 * What the layout needs from ELK: `new ELK()` from elk.bundled.js in Node, or an elk-api
 * instance backed by a Web Worker in the browser. Injected, so this module never loads the
 * 1.6 MB bundle itself.
 */
export interface ElkLike {
  layout(graph: ElkNode, args?: ElkLayoutArguments): Promise<ElkNode>;
}

export interface LayoutStats {
  columns: number;
  /** Crossings between adjacent columns before and after the lane-aware ordering sweeps. */
  orderCrossingsBefore: number;
  orderCrossingsAfter: number;
  /** Milliseconds spent in ELK and in our own phases. */
  elkMs: number;
  ownMs: number;
}

export interface LayoutResult {
  /** Boxes for every node, heights for every lane, points for every flow whose ends exist. */
  view: MapView;
  stats?: LayoutStats;
}

export interface LayoutOptions {
  elk?: ElkLike;
}

export type Side = 'N' | 'E' | 'S' | 'W';

export interface LNode {
  id: Id;
  kind: NodeKind;
  lane: number;
  width: number;
  height: number;
  /** A decision whose text hangs under the diamond (too long for inside): its bottom vertex is kept free. */
  captionBelow?: boolean;
}

export interface LEdge {
  flowId: Id;
  kind: FlowKind;
  from: number;
  to: number;
}

/** A map reduced to what the layout reads: indices in list order, lanes as numbers. */
export interface LGraph {
  nodes: LNode[];
  edges: LEdge[];
  laneIds: Id[];
  laneCount: number;
  /** The least height of each lane's band: room for its whole name across the header. */
  laneMin: number[];
}

/** Lanes stacked from y = 0, and every node's top-left corner inside its band. */
export interface Bands {
  laneTop: number[];
  laneHeight: number[];
  /** Top of every node. */
  y: number[];
}

/**
 * How one edge travels: the columns it visits in order (consecutive entries differ by one,
 * or are equal for an edge between two nodes of one column) and the y at which it crosses
 * each of them. A null y is filled with the port's y by the router (east and west ends).
 */
export interface EdgePlan {
  edge: number;
  srcSide: Side;
  tgtSide: Side;
  cols: number[];
  ys: (number | null)[];
  self?: boolean;
}
