// How each edge leaves and enters its nodes, and, for the naive baseline, where it crosses the
// columns between them (the free space nearest to a straight line).

import { FREE_MARGIN, GAP_TRACK } from './constants';
import type { Bands, EdgePlan, LGraph, Side } from './types';

export type Direction = 'forward' | 'back' | 'reverse' | 'same' | 'self';

export interface Sides {
  dir: Direction;
  src: Side;
  tgt: Side;
}

/**
 * Forward flows leave east and enter west. Loops back (rework) leave and enter by the top or
 * bottom and run under (or over) the nodes, away from the forward flow: below when the target
 * is in the same lane or a lower one, above when it is higher up. Data flows pointing left
 * (a store read by an earlier step) simply run leftwards, west to east.
 */
export function sidesOf(g: LGraph, column: readonly number[], e: number): Sides {
  const { from, to } = g.edges[e]!;
  if (from === to) return { dir: 'self', src: 'E', tgt: 'N' };
  const ca = column[from]!;
  const cb = column[to]!;
  if (ca < cb) return { dir: 'forward', src: 'E', tgt: 'W' };
  if (ca === cb) return { dir: 'same', src: 'E', tgt: 'E' };
  // A data flow says who reads and who writes, not what comes first: drawn straight leftwards.
  if (g.edges[e]!.kind === 'data') return { dir: 'reverse', src: 'W', tgt: 'E' };
  const up = g.nodes[to]!.lane < g.nodes[from]!.lane;
  const down = g.nodes[to]!.lane > g.nodes[from]!.lane;
  return { dir: 'back', src: up ? 'N' : 'S', tgt: down ? 'N' : 'S' };
}

/** Columns an edge visits, from its source's to its target's. */
export function columnPath(g: LGraph, column: readonly number[], e: number): number[] {
  const { from, to } = g.edges[e]!;
  const ca = column[from]!;
  const cb = column[to]!;
  if (from === to) return [ca];
  if (ca === cb) return [ca, ca];
  const step = ca < cb ? 1 : -1;
  const cols: number[] = [];
  for (let c = ca; c !== cb + step; c += step) cols.push(c);
  return cols;
}

/** Free vertical space of every column: gaps between node boxes, kept FREE_MARGIN away from them. */
class FreeSpace {
  private readonly free: [number, number][][];
  private readonly used: number[][];

  constructor(g: LGraph, column: readonly number[], count: number, bands: Bands) {
    const total = bands.laneTop.length > 0 ? bands.laneTop[bands.laneTop.length - 1]! + bands.laneHeight[bands.laneHeight.length - 1]! : 0;
    const boxes: [number, number][][] = Array.from({ length: count }, () => []);
    g.nodes.forEach((n, i) => boxes[column[i]!]!.push([bands.y[i]! - FREE_MARGIN, bands.y[i]! + n.height + FREE_MARGIN]));
    this.free = boxes.map((list) => {
      list.sort((a, b) => a[0] - b[0]);
      const gaps: [number, number][] = [];
      let lo = 4;
      for (const [a, b] of list) {
        if (a >= lo) gaps.push([lo, a]);
        lo = Math.max(lo, b);
      }
      if (total - 4 >= lo) gaps.push([lo, total - 4]);
      return gaps;
    });
    this.used = Array.from({ length: count }, () => []);
  }

  /** The free y nearest to `want` in a column, kept apart from tracks already taken there when the gap allows. */
  nearest(col: number, want: number): number {
    let best: [number, number] | undefined;
    let bestDist = Infinity;
    for (const gap of this.free[col]!) {
      const d = want < gap[0] ? gap[0] - want : want > gap[1] ? want - gap[1] : 0;
      if (d < bestDist) {
        bestDist = d;
        best = gap;
      }
    }
    if (!best) return want;
    return this.take(col, best, Math.min(best[1], Math.max(best[0], want)));
  }

  /** A track right above (N) or below (S) a node, in the gap that touches it. */
  beside(col: number, top: number, bottom: number, side: 'N' | 'S'): number {
    const edge = side === 'S' ? bottom + FREE_MARGIN : top - FREE_MARGIN;
    const gap = this.free[col]!.find((g) => g[0] <= edge + 0.5 && edge - 0.5 <= g[1]);
    if (!gap) return side === 'S' ? bottom + FREE_MARGIN / 2 : top - FREE_MARGIN / 2;
    return this.take(col, gap, edge, side === 'S' ? 1 : -1);
  }

  private take(col: number, gap: [number, number], y: number, prefer = 0): number {
    const used = this.used[col]!;
    const ok = (v: number) => v >= gap[0] && v <= gap[1] && !used.some((u) => Math.abs(u - v) < GAP_TRACK);
    let pick = Math.round(y);
    for (let k = 0; k <= 6; k++) {
      const d = k * GAP_TRACK;
      const found = (k === 0 ? [pick] : prefer > 0 ? [pick + d] : prefer < 0 ? [pick - d] : [pick + d, pick - d]).find(ok);
      if (found !== undefined) {
        pick = found;
        break;
      }
    }
    used.push(pick);
    return pick;
  }
}

/** Plans for the naive baseline: columns crossed at the free y nearest to the way the edge is going. */
export function freeSpacePlans(g: LGraph, column: readonly number[], count: number, bands: Bands): EdgePlan[] {
  const space = new FreeSpace(g, column, count, bands);
  const centre = (i: number) => bands.y[i]! + g.nodes[i]!.height / 2;
  return g.edges.map((edge, e) => {
    const s = sidesOf(g, column, e);
    const cols = columnPath(g, column, e);
    const ys: (number | null)[] = cols.map(() => null);
    if (s.dir === 'self') return { edge: e, srcSide: s.src, tgtSide: s.tgt, cols, ys, self: true };
    if (s.dir === 'same') return { edge: e, srcSide: s.src, tgtSide: s.tgt, cols, ys };
    const k = cols.length - 1;
    const at = (i: number, side: Side) => {
      const top = bands.y[i]!;
      return space.beside(column[i]!, top, top + g.nodes[i]!.height, side === 'N' ? 'N' : 'S');
    };
    let cur = centre(edge.from);
    if (s.dir === 'back') cur = ys[0] = at(edge.from, s.src);
    for (let i = 1; i < k; i++) cur = ys[i] = space.nearest(cols[i]!, cur);
    if (s.dir === 'back') ys[k] = at(edge.to, s.tgt);
    return { edge: e, srcSide: s.src, tgtSide: s.tgt, cols, ys };
  });
}
