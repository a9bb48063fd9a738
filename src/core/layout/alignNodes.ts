// After the runs are straightened: a node moves up or down inside its room (between its
// neighbours in the column, inside its band) when that puts more of its links level with the
// port at their other end. A step handing on to the next one in line then joins it with a
// straight line instead of a jog, wherever the column leaves it the room.

import { GAP_NODE, GAP_NODE_TRACK, GAP_TRACK, PAD_NODE } from './constants';
import type { Layered } from './layers';
import { type PortOffsets, portOf } from './portOffsets';
import type { LGraph } from './types';

/** Ports this close read as level. */
const LEVEL = 1;

export function alignNodes(L: Layered, g: LGraph, y: number[], laneTop: readonly number[], laneHeight: readonly number[], ports: PortOffsets): void {
  const pos = new Int32Array(L.layer.length);
  for (const layer of L.layers) layer.forEach((item, p) => (pos[item] = p));
  const height = (i: number) => (i < L.nodes ? g.nodes[i]!.height : 0);
  const gap = (a: number, b: number) => (a < L.nodes && b < L.nodes ? GAP_NODE : a < L.nodes || b < L.nodes ? GAP_NODE_TRACK : GAP_TRACK);
  const room = (v: number): [number, number] => {
    const layer = L.layers[L.layer[v]!]!;
    const lane = L.lane[v]!;
    let lo = laneTop[lane]! + PAD_NODE;
    let hi = laneTop[lane]! + laneHeight[lane]! - PAD_NODE - height(v);
    const above = layer[pos[v]! - 1];
    const below = layer[pos[v]! + 1];
    if (above !== undefined && L.lane[above] === lane) lo = Math.max(lo, y[above]! + height(above) + gap(above, v));
    if (below !== undefined && L.lane[below] === lane) hi = Math.min(hi, y[below]! - gap(v, below) - height(v));
    return [lo, hi];
  };
  const decision = (i: number) => i < L.nodes && g.nodes[i]!.kind === 'decision';
  /** For each link of v: the top v needs for the link to run level (links to a decision aside). */
  const levels = (v: number): number[] => [
    ...L.left[v]!.flatMap((u, k) => (decision(u) ? [] : [y[u]! + portOf(ports.right, L.right, u, v) - ports.left[v]![k]!])),
    ...L.right[v]!.flatMap((u, k) => (decision(u) ? [] : [y[u]! + portOf(ports.left, L.left, u, v) - ports.right[v]![k]!])),
  ];
  const straight = (want: number[], top: number) => want.filter((w) => Math.abs(w - top) < LEVEL).length;

  for (let v = 0; v < L.nodes; v++) {
    // A node carrying a loop's glued tracks keeps them; a decision fans its flows out through
    // its vertices (ports.ts), not where the offsets say, so it stays and its links don't count.
    if (L.glued[v]! > 0 || decision(v)) continue;
    const want = levels(v);
    if (want.length === 0) continue;
    const [lo, hi] = room(v);
    let best = y[v]!;
    let score = straight(want, best);
    for (const w of want) {
      const top = Math.round(w);
      if (top < lo || top > hi) continue;
      const s = straight(want, top);
      if (s > score) [best, score] = [top, s];
    }
    y[v] = best;
  }
}

