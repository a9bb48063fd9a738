// The layered graph our ordering and placement work on: every node in its column, and every
// edge that spans columns split into one dummy item per column it crosses, so that its track
// through that column gets a place (and space) like a node. Loops back also get a dummy in
// their source's and target's own columns, right above or below the node: the track of the
// U they run along, under or over the forward flow.

import { columnPath, sidesOf } from './plans';
import type { LGraph } from './types';

export interface Layered {
  /** Items 0 .. nodes-1 are the nodes; the rest are dummies. */
  nodes: number;
  laneCount: number;
  layer: number[];
  lane: number[];
  /** For a dummy: its edge; -1 for nodes. */
  edge: number[];
  /** For a dummy glued above (N) or below (S) its node: that node; else -1. */
  owner: number[];
  ownerSide: ('N' | 'S' | null)[];
  /** For a node: how many dummies are glued to it. */
  glued: number[];
  /** Columns spanned by a glued dummy's edge: shorter loops nest inside longer ones. */
  span: number[];
  /** Neighbours in the previous and next column, with the weight of the link. */
  left: number[][];
  right: number[][];
  leftW: number[][];
  rightW: number[][];
  /** Items along each edge's column path (empty for edges inside one column). */
  chain: number[][];
  /** Items of every column, top to bottom. */
  layers: number[][];
}

/** Straight long edges matter more than straight short ones (as in Brandes-Koepf's priorities). */
export const linkWeight = (L: Layered, a: number, b: number): number => {
  const dummies = Number(a >= L.nodes) + Number(b >= L.nodes);
  return dummies === 2 ? 8 : dummies === 1 ? 2 : 1;
};

export function buildLayered(g: LGraph, column: readonly number[], count: number): Layered {
  const n = g.nodes.length;
  const L: Layered = {
    nodes: n,
    laneCount: g.laneCount,
    layer: [...column],
    lane: g.nodes.map((v) => v.lane),
    edge: new Array(n).fill(-1),
    owner: new Array(n).fill(-1),
    ownerSide: new Array(n).fill(null),
    glued: new Array(n).fill(0),
    span: new Array(n).fill(0),
    left: g.nodes.map(() => []),
    right: g.nodes.map(() => []),
    leftW: [],
    rightW: [],
    chain: [],
    layers: Array.from({ length: count }, () => []),
  };
  const dummy = (e: number, layer: number, lane: number, owner = -1, side: 'N' | 'S' | null = null, span = 0): number => {
    const id = L.layer.length;
    L.layer.push(layer);
    L.lane.push(lane);
    L.edge.push(e);
    L.owner.push(owner);
    L.ownerSide.push(side);
    if (owner >= 0) L.glued[owner]!++;
    L.span.push(span);
    L.left.push([]);
    L.right.push([]);
    return id;
  };
  g.edges.forEach((edge, e) => {
    const s = sidesOf(g, column, e);
    const chain: number[] = [];
    if (s.dir === 'forward' || s.dir === 'reverse' || s.dir === 'back') {
      const direct = s.dir !== 'back';
      const cols = columnPath(g, column, e);
      const span = cols.length;
      cols.forEach((c, i) => {
        const k = cols.length - 1;
        if (direct && i === 0) chain.push(edge.from);
        else if (direct && i === k) chain.push(edge.to);
        else if (i === 0) chain.push(dummy(e, c, g.nodes[edge.from]!.lane, edge.from, s.src as 'N' | 'S', span));
        else if (i === k) chain.push(dummy(e, c, g.nodes[edge.to]!.lane, edge.to, s.tgt as 'N' | 'S', span));
        else chain.push(dummy(e, c, g.nodes[edge.from]!.lane));
      });
      for (let i = 0; i + 1 < chain.length; i++) {
        const [a, b] = cols[i]! < cols[i + 1]! ? [chain[i]!, chain[i + 1]!] : [chain[i + 1]!, chain[i]!];
        L.right[a]!.push(b);
        L.left[b]!.push(a);
      }
    }
    L.chain.push(chain);
  });
  L.leftW = L.left.map((list, a) => list.map((b) => linkWeight(L, a, b)));
  L.rightW = L.right.map((list, a) => list.map((b) => linkWeight(L, a, b)));
  for (let i = 0; i < L.layer.length; i++) L.layers[L.layer[i]!]!.push(i);
  return L;
}
