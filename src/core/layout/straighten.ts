// After placement: make each run of a long edge's dummies in one lane share one y, when every
// one of them has room for it between its neighbours in the column. A run that lines up with
// its node's port runs straight into it. Each jog saved is a bend and a track saved.

import { GAP_NODE_TRACK, GAP_TRACK, PAD_NODE, PAD_TRACK } from './constants';
import type { Layered } from './layers';
import type { LGraph } from './types';

export function straightenRuns(L: Layered, g: LGraph, y: number[], laneTop: number[], laneHeight: number[], singlePort: (node: number, src: boolean) => boolean): void {
  const pos = new Int32Array(L.layer.length);
  for (const layer of L.layers) layer.forEach((item, p) => (pos[item] = p));
  const height = (i: number) => (i < L.nodes ? g.nodes[i]!.height : 0);
  /** Where dummy d may go without coming too close to its neighbours or leaving its band. */
  const room = (d: number): [number, number] => {
    const layer = L.layers[L.layer[d]!]!;
    const p = pos[d]!;
    const lane = L.lane[d]!;
    let lo = laneTop[lane]! + PAD_TRACK;
    let hi = laneTop[lane]! + laneHeight[lane]! - PAD_TRACK;
    const above = layer[p - 1];
    const below = layer[p + 1];
    if (above !== undefined && L.lane[above] === lane) lo = y[above]! + height(above) + (above < L.nodes ? GAP_NODE_TRACK : GAP_TRACK);
    else if (above !== undefined) lo = Math.max(lo, y[above]! + height(above) + (above < L.nodes ? PAD_NODE : PAD_TRACK));
    if (below !== undefined && L.lane[below] === lane) hi = y[below]! - (below < L.nodes ? GAP_NODE_TRACK : GAP_TRACK);
    return [lo, hi];
  };
  const centre = (i: number) => y[i]! + height(i) / 2;

  // Longest edges first: they have the most to gain.
  const order = L.chain.map((_, e) => e).sort((a, b) => L.chain[b]!.length - L.chain[a]!.length || a - b);
  for (const e of order) {
    const chain = L.chain[e]!;
    let i = 1;
    while (i < chain.length - 1) {
      const lane = L.lane[chain[i]!]!;
      let j = i;
      while (j + 1 < chain.length - 1 && L.lane[chain[j + 1]!] === lane) j++;
      const run = chain.slice(i, j + 1).filter((d) => L.owner[d]! < 0);
      const candidates: number[] = [];
      const first = chain[i - 1]!;
      const last = chain[j + 1]!;
      if (first < L.nodes && L.lane[first] === lane && singlePort(first, true)) candidates.push(Math.round(centre(first)));
      if (last < L.nodes && L.lane[last] === lane && singlePort(last, false)) candidates.push(Math.round(centre(last)));
      const ys = run.map((d) => y[d]!).sort((a, b) => a - b);
      if (ys.length > 0) candidates.push(ys[Math.floor(ys.length / 2)]!, ...ys);
      for (const c of candidates) {
        if (run.every((d) => y[d] === c || (room(d)[0] <= c && c <= room(d)[1]))) {
          for (const d of run) y[d] = c;
          break;
        }
      }
      i = j + 1;
    }
  }
}
