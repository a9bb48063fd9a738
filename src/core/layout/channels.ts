// The vertical parts of every edge run in the channels between columns. Each gets a track
// (an x) in its channel, ordered so that few of them cross, and packed so that tracks whose
// y-ranges do not overlap share an x; each channel is as wide as its tracks need.

import { LAYOUT_LEFT, MIN_CHANNEL, TRACK_SPACING } from './constants';
import type { EdgePlan, LGraph } from './types';
import { maxOf } from '../model/numbers';

interface Segment {
  plan: number;
  step: number;
  /** y of the horizontal meeting the vertical from the left, and from the right. */
  yL: number;
  yR: number;
  /** Both horizontals on the left: an edge between two nodes of one column. */
  loop: boolean;
  lo: number;
  hi: number;
  track: number;
}

export interface Channels {
  colX: number[];
  colW: number[];
  /** x of the vertical of a plan's step from cols[step] to cols[step + 1], or undefined when it runs straight. */
  trackX(plan: number, step: number): number | undefined;
}

/** Two tracks whose y-ranges come closer than this need different x's. */
const Y_CLEARANCE = 4;

export function layoutChannels(g: LGraph, column: readonly number[], count: number, plans: readonly EdgePlan[]): Channels {
  const colW = new Array<number>(count).fill(1);
  g.nodes.forEach((n, i) => (colW[column[i]!] = Math.max(colW[column[i]!]!, n.width)));

  // Channel c lies left of column c; channel `count` is right of the last one.
  const channels: Segment[][] = Array.from({ length: count + 1 }, () => []);
  plans.forEach((p, pi) => {
    if (p.self) return;
    for (let s = 0; s + 1 < p.cols.length; s++) {
      const a = p.cols[s]!;
      const b = p.cols[s + 1]!;
      const ya = p.ys[s]!;
      const yb = p.ys[s + 1]!;
      const loop = a === b;
      const [yL, yR] = a <= b ? [ya, yb] : [yb, ya];
      if (!loop && yL === yR) continue;
      const ch = loop ? a + 1 : Math.max(a, b);
      channels[ch]!.push({ plan: pi, step: s, yL, yR, loop, lo: Math.min(ya, yb), hi: Math.max(ya, yb), track: 0 });
    }
  });

  const tracks = new Map<string, number>();
  // Nothing uses the channel left of the first column: that column starts at LAYOUT_LEFT.
  const width = channels.map((segs, ch) => (ch === 0 ? 0 : Math.max(MIN_CHANNEL, (assignTracks(segs, plans) + 1) * TRACK_SPACING)));

  const colX = new Array<number>(count).fill(LAYOUT_LEFT);
  for (let c = 1; c < count; c++) colX[c] = colX[c - 1]! + colW[c - 1]! + width[c]!;
  channels.forEach((segs, ch) => {
    if (ch === 0 || segs.length === 0) return;
    const left = colX[ch - 1]! + colW[ch - 1]!;
    const used = 1 + maxOf(segs.map((s) => s.track));
    const start = left + (width[ch]! - (used - 1) * TRACK_SPACING) / 2;
    for (const s of segs) tracks.set(`${s.plan}:${s.step}`, Math.round(start + s.track * TRACK_SPACING));
  });
  return { colX, colW, trackX: (plan, step) => tracks.get(`${plan}:${step}`) };
}

/**
 * Orders a channel's segments left to right, then packs them. Edges between nodes of one
 * column come first, shortest innermost; then segments going down, the one starting lowest
 * leftmost; then segments going up, the one starting highest leftmost. For two overlapping
 * segments these orders are the ones with fewer crossings. Returns the number of tracks.
 */
function assignTracks(segs: Segment[], plans: readonly EdgePlan[]): number {
  const group = (s: Segment) => (s.loop ? 0 : s.yR > s.yL ? 1 : 2);
  segs.sort((a, b) => {
    const ga = group(a);
    const gb = group(b);
    if (ga !== gb) return ga - gb;
    const d = ga === 0 ? a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo : ga === 1 ? b.yL - a.yL || b.yR - a.yR : a.yL - b.yL || a.yR - b.yR;
    return d || plans[a.plan]!.edge - plans[b.plan]!.edge || a.step - b.step;
  });
  let count = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    let t = 0;
    for (let j = 0; j < i; j++) {
      const o = segs[j]!;
      if (o.track >= t && o.lo - Y_CLEARANCE < s.hi && s.lo < o.hi + Y_CLEARANCE) t = o.track + 1;
    }
    s.track = t;
    count = Math.max(count, t + 1);
  }
  return count;
}
