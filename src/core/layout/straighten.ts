// After placement: make each run of a long edge's dummies in one lane share one y, when every
// one of them has room for it between its neighbours in the column. A run that lines up with
// its node's port runs straight into it. Each jog saved is a bend and a track saved.

import { GAP_NODE_TRACK, GAP_TRACK, PAD_NODE, PAD_TRACK } from './constants';
import type { Layered } from './layers';
import type { PortOffsets } from './portOffsets';
import type { LGraph } from './types';

export function straightenRuns(L: Layered, g: LGraph, y: number[], laneTop: number[], laneHeight: number[], ports: PortOffsets): void {
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

  /** Puts every dummy of the run on one level, the first candidate all have room for. */
  const levelRun = (run: number[], ports: (number | null)[]): boolean => {
    const ys = run.map((d) => y[d]!).sort((a, b) => a - b);
    const median = ys[Math.floor(ys.length / 2)]!;
    // Else the level nearest the median that every dummy has room for.
    const lo = Math.max(...run.map((d) => room(d)[0]));
    const hi = Math.min(...run.map((d) => room(d)[1]));
    const candidates = [...ports.filter((p): p is number => p !== null), median, ...ys, ...(lo <= hi ? [Math.round(Math.min(hi, Math.max(lo, median)))] : [])];
    for (const c of candidates) {
      if (run.every((d) => y[d] === c || (room(d)[0] <= c && c <= room(d)[1]))) {
        for (const d of run) y[d] = c;
        return true;
      }
    }
    return false;
  };
  /** The run cut, left to right, into the fewest consecutive pieces whose rooms share a level. */
  const piecesWithCommonRoom = (run: number[]): number[][] => {
    const pieces: number[][] = [];
    let lo = -Infinity;
    let hi = Infinity;
    for (const d of run) {
      const [a, b] = room(d);
      if (pieces.length === 0 || Math.max(lo, a) > Math.min(hi, b)) {
        pieces.push([d]);
        [lo, hi] = [a, b];
      } else {
        pieces[pieces.length - 1]!.push(d);
        [lo, hi] = [Math.max(lo, a), Math.min(hi, b)];
      }
    }
    return pieces;
  };

  // Longest edges first: they have the most to gain.
  const order = L.chain.map((_, e) => e).sort((a, b) => L.chain[b]!.length - L.chain[a]!.length || a - b);
  for (const e of order) {
    const chain = L.chain[e]!;
    // Runs of consecutive dummies in one lane (a loop's glued dummies included).
    let i = 0;
    while (i < chain.length) {
      if (chain[i]! < L.nodes) {
        i++;
        continue;
      }
      const lane = L.lane[chain[i]!]!;
      let j = i;
      while (j + 1 < chain.length && chain[j + 1]! >= L.nodes && L.lane[chain[j + 1]!] === lane) j++;
      const run = chain.slice(i, j + 1);
      const first = chain[i - 1] ?? -1;
      const last = chain[j + 1] ?? -1;
      // Level with the port of the node the run starts or ends at, if it touches one.
      const startPort = first >= 0 && first < L.nodes && L.lane[first] === lane ? y[first]! + portAt(L, ports, first, chain[i]!) : null;
      const endPort = last >= 0 && last < L.nodes && L.lane[last] === lane ? y[last]! + portAt(L, ports, last, chain[j]!) : null;
      if (!levelRun(run, [startPort, endPort])) {
        // No one level fits the whole run: the fewest pieces that each fit one, so the run
        // jogs only where a neighbour leaves it no room, not at every column.
        const pieces = piecesWithCommonRoom(run);
        pieces.forEach((piece, k) => levelRun(piece, [k === 0 ? startPort : null, k === pieces.length - 1 ? endPort : null]));
      }
      i = j + 1;
    }
  }
}

/** Offset at node v of its link to item d, whichever side d is on. */
function portAt(L: Layered, ports: PortOffsets, v: number, d: number): number {
  const k = L.right[v]!.indexOf(d);
  if (k >= 0) return ports.right[v]![k]!;
  const m = L.left[v]!.indexOf(d);
  return m >= 0 ? ports.left[v]![m]! : 0;
}
