// Where each edge touches its nodes. Several edges on one side are spread along it, in the
// order that keeps them from crossing next to the node.

import { STUB } from './constants';
import type { Bands, EdgePlan, LGraph, Side } from './types';

export interface Port {
  side: Side;
  /** Absolute y on an east or west side; x offset from the node's left on a north or south side. */
  at: number;
}

interface End {
  plan: EdgePlan;
  src: boolean;
  /** E/W: y of the level the edge goes to next. N/S: 0 going left, 1 going right, then distance of the turn from the border. */
  key: number;
  key2: number;
}

const last = <T>(a: readonly T[]): T => a[a.length - 1]!;

/**
 * Decisions' branches fan out: with two or more forward branches, the one heading highest
 * leaves by the top vertex and the one heading lowest by the bottom, when their next level is
 * above or below the decision; the others leave east, and never two of them where a vertex
 * is still free.
 */
export function fanOutDecisions(g: LGraph, bands: Bands, plans: EdgePlan[]): void {
  const out = new Map<number, EdgePlan[]>();
  for (const p of plans) {
    const from = g.edges[p.edge]!.from;
    if (g.nodes[from]!.kind !== 'decision' || p.self || p.srcSide !== 'E' || p.cols.length < 2 || p.cols[1]! <= p.cols[0]!) continue;
    const list = out.get(from) ?? [];
    list.push(p);
    out.set(from, list);
  }
  for (const [d, list] of out) {
    if (list.length < 2) continue;
    const next = (p: EdgePlan) => p.ys[1] ?? centre(g, bands, g.edges[p.edge]!.to);
    list.sort((a, b) => next(a) - next(b) || a.edge - b.edge);
    const top = bands.y[d]!;
    const bottom = top + g.nodes[d]!.height;
    // Only onto a vertex no loop already uses.
    const used = (side: Side) => plans.some((p) => (g.edges[p.edge]!.from === d && p.srcSide === side) || (g.edges[p.edge]!.to === d && p.tgtSide === side));
    if (next(list[0]!) < top && !used('N')) {
      list[0]!.srcSide = 'N';
      list[0]!.ys[0] = top - STUB;
    }
    if (next(last(list)) > bottom && !used('S') && last(list).srcSide === 'E') {
      last(list).srcSide = 'S';
      last(list).ys[0] = bottom + STUB;
    }
    // Two branches must never share the east vertex, or neither can be told or clicked apart
    // where they leave: the lowest takes the bottom vertex, or the highest the top one when
    // the decision's text hangs underneath.
    const east = list.filter((p) => p.srcSide === 'E');
    if (east.length < 2) continue;
    const below = g.nodes[d]!.captionBelow === true;
    if (!below && !used('S')) {
      last(east).srcSide = 'S';
      last(east).ys[0] = bottom + STUB;
    } else if (!used('N')) {
      east[0]!.srcSide = 'N';
      east[0]!.ys[0] = top - STUB;
    } else if (!used('S')) {
      last(east).srcSide = 'S';
      last(east).ys[0] = bottom + STUB;
    }
  }
}

const centre = (g: LGraph, bands: Bands, i: number) => bands.y[i]! + g.nodes[i]!.height / 2;

/** Ports of every plan's two ends; fills the plans' open ys (east and west ends) with the port's y. */
export function assignPorts(g: LGraph, bands: Bands, plans: EdgePlan[]): { src: Port[]; tgt: Port[] } {
  const sides = new Map<string, End[]>();
  const add = (node: number, side: Side, end: End) => {
    const k = `${node}:${side}`;
    const list = sides.get(k);
    if (list) list.push(end);
    else sides.set(k, [end]);
  };
  for (const p of plans) {
    const { from, to } = g.edges[p.edge]!;
    const k = p.cols.length - 1;
    if (p.self) {
      add(from, 'E', { plan: p, src: true, key: -Infinity, key2: 0 });
      add(to, 'N', { plan: p, src: false, key: 1, key2: -STUB });
      continue;
    }
    add(from, p.srcSide, endKey(p, true, p.ys[1] ?? centre(g, bands, to), bands.y[from]!, g.nodes[from]!.height));
    add(to, p.tgtSide, endKey(p, false, p.ys[k - 1] ?? centre(g, bands, from), bands.y[to]!, g.nodes[to]!.height));
  }

  const src: Port[] = new Array(plans.length);
  const tgt: Port[] = new Array(plans.length);
  const byEdge = new Map(plans.map((p, i) => [p.edge, i]));
  // Sides in a fixed order (node, then N E S W) so the result never depends on insertion order.
  const keys = [...sides.keys()].sort((a, b) => {
    const [na, sa] = a.split(':');
    const [nb, sb] = b.split(':');
    return Number(na) - Number(nb) || 'NESW'.indexOf(sa!) - 'NESW'.indexOf(sb!);
  });
  for (const key of keys) {
    const [nodeText, sideText] = key.split(':');
    const node = Number(nodeText);
    const side = sideText as Side;
    const ends = sides.get(key)!;
    ends.sort((a, b) => a.key - b.key || a.key2 - b.key2 || a.plan.edge - b.plan.edge || Number(b.src) - Number(a.src));
    const n = g.nodes[node]!;
    const vertical = side === 'E' || side === 'W';
    const length = vertical ? n.height : n.width;
    ends.forEach((end, i) => {
      // A decision is drawn as a diamond: its edges meet it at the vertices.
      const offset = Math.round(n.kind === 'decision' ? length / 2 : (length * (i + 1)) / (ends.length + 1));
      const port: Port = { side, at: vertical ? bands.y[node]! + offset : offset };
      const idx = byEdge.get(end.plan.edge)!;
      if (end.src) src[idx] = port;
      else tgt[idx] = port;
      if (vertical) {
        const at = end.src ? 0 : end.plan.cols.length - 1;
        if (end.plan.ys[at] === null) end.plan.ys[at] = port.at;
      }
    });
  }
  return { src, tgt };
}

/**
 * East and west ends sort by where they go next. North and south ends: those turning left
 * first, nearest turn leftmost; then those turning right, nearest turn rightmost. So the short
 * stubs never cross each other next to the node.
 */
function endKey(p: EdgePlan, src: boolean, nextY: number, top: number, height: number): End {
  const side = src ? p.srcSide : p.tgtSide;
  if (side === 'E' || side === 'W') return { plan: p, src, key: nextY, key2: 0 };
  const k = p.cols.length - 1;
  const here = src ? p.cols[0]! : p.cols[k]!;
  const there = src ? p.cols[1] ?? here : p.cols[k - 1] ?? here;
  const slot = (src ? p.ys[0] : p.ys[k]) ?? top;
  const distance = side === 'N' ? top - slot : slot - (top + height);
  const left = there < here;
  return { plan: p, src, key: left ? 0 : 1, key2: left ? distance : -distance };
}
