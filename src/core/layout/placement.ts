// Vertical placement inside the bands. Each lane is as tall as its fullest column needs; then
// every (column, lane) cell places its items, in their order, as close as it can to where
// their neighbours in the next columns are, so chains and long edges run straight. Each cell's
// problem is a weighted isotonic regression (pool-adjacent-violators), solved exactly.

import { stackBands } from './banding';
import { GAP_NODE, GAP_NODE_TRACK, GAP_TRACK, MIN_BAND, PAD_NODE, PAD_TRACK } from './constants';
import type { Layered } from './layers';
import { straightenRuns } from './straighten';
import type { Bands, LGraph } from './types';

const SWEEPS = Number(process.env.SWEEPS ?? 8);
const MEDIAN = process.env.MEDIAN === '1';
const BOTH = process.env.BOTH !== '0';

export interface Placement {
  bands: Bands;
  /** Top of every item: a node's box, or the line a dummy's edge runs along. */
  itemY: number[];
}

export function placeItems(L: Layered, g: LGraph, singlePort: (node: number, src: boolean) => boolean = () => false): Placement {
  const total = L.layer.length;
  const height = (i: number) => (i < L.nodes ? g.nodes[i]!.height : 0);
  const gap = (a: number, b: number) => (a < L.nodes && b < L.nodes ? GAP_NODE : a < L.nodes || b < L.nodes ? GAP_NODE_TRACK : GAP_TRACK);
  const pad = (i: number) => (i < L.nodes ? PAD_NODE : PAD_TRACK);

  // Cells: runs of one lane inside each column, with each item's offset from the cell's first.
  const cells: { lane: number; items: number[]; offset: number[]; need: number }[] = [];
  for (const layer of L.layers) {
    let start = 0;
    while (start < layer.length) {
      const lane = L.lane[layer[start]!]!;
      let end = start;
      while (end < layer.length && L.lane[layer[end]!] === lane) end++;
      const items = layer.slice(start, end);
      const offset = [0];
      for (let k = 1; k < items.length; k++) offset.push(offset[k - 1]! + height(items[k - 1]!) + gap(items[k - 1]!, items[k]!));
      const lastItem = items[items.length - 1]!;
      const need = pad(items[0]!) + offset[offset.length - 1]! + height(lastItem) + pad(lastItem);
      cells.push({ lane, items, offset, need });
      start = end;
    }
  }
  const laneHeight = new Array<number>(g.laneCount).fill(MIN_BAND);
  for (const c of cells) laneHeight[c.lane] = Math.max(laneHeight[c.lane]!, Math.ceil(c.need));
  const laneTop = stackBands(laneHeight);

  const y = new Float64Array(total);
  const centre = (i: number) => y[i]! + height(i) / 2;
  for (const c of cells) {
    const top = laneTop[c.lane]! + (laneHeight[c.lane]! - c.need) / 2 + pad(c.items[0]!);
    c.items.forEach((item, k) => (y[item] = top + c.offset[k]!));
  }

  // Cells column by column, alternately pulled by the left and the right neighbours, then both.
  const byLayer: (typeof cells)[] = L.layers.map(() => []);
  for (const c of cells) byLayer[L.layer[c.items[0]!]!]!.push(c);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const mode = BOTH && sweep === SWEEPS - 1 ? 2 : sweep % 2;
    const order = byLayer.map((_, l) => (mode === 1 ? byLayer.length - 1 - l : l));
    for (const l of order) {
      for (const c of byLayer[l]!) {
        const want: number[] = [];
        const weight: number[] = [];
        for (const item of c.items) {
          const ys: number[] = [];
          const ws: number[] = [];
          const pull = (nb: number[], w: number[]) => nb.forEach((j, k) => (ys.push(centre(j)), ws.push(w[k]!)));
          if (mode !== 1) pull(L.left[item]!, L.leftW[item]!);
          if (mode !== 0) pull(L.right[item]!, L.rightW[item]!);
          // Without neighbours an item stays put unless others push it.
          const sw = ws.reduce((a, b) => a + b, 0);
          want.push(sw > 0 ? (MEDIAN ? weightedMedian(ys, ws) : ys.reduce((a, v, k) => a + v * ws[k]!, 0) / sw) - height(item) / 2 : y[item]!);
          weight.push(sw > 0 ? sw : 0.01);
        }
        const lo = laneTop[c.lane]! + pad(c.items[0]!);
        const lastItem = c.items[c.items.length - 1]!;
        const hi = laneTop[c.lane]! + laneHeight[c.lane]! - pad(lastItem) - height(lastItem) - c.offset[c.offset.length - 1]!;
        const z = isotonic(want.map((w, k) => w - c.offset[k]!), weight);
        c.items.forEach((item, k) => (y[item] = Math.min(hi, Math.max(lo, z[k]!)) + c.offset[k]!));
      }
    }
  }

  const itemY = Array.from(y, (v) => Math.round(v));
  if (process.env.STRAIGHT !== '0') straightenRuns(L, g, itemY, laneTop, laneHeight, singlePort);
  return { bands: { laneTop, laneHeight, y: itemY.slice(0, L.nodes) }, itemY };
}

/** Weighted least squares fit of a non-decreasing sequence (pool adjacent violators). */
export function isotonic(target: readonly number[], weight: readonly number[]): number[] {
  const value: number[] = [];
  const w: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < target.length; i++) {
    value.push(target[i]!);
    w.push(weight[i]!);
    size.push(1);
    while (value.length > 1 && value[value.length - 2]! > value[value.length - 1]!) {
      const v2 = value.pop()!;
      const w2 = w.pop()!;
      const s2 = size.pop()!;
      const k = value.length - 1;
      value[k] = (value[k]! * w[k]! + v2 * w2) / (w[k]! + w2);
      w[k]! += w2;
      size[k]! += s2;
    }
  }
  const out: number[] = [];
  value.forEach((v, k) => {
    for (let s = 0; s < size[k]!; s++) out.push(v);
  });
  return out;
}

/** The value where half the weight lies on either side (the lower one on a tie). */
function weightedMedian(values: number[], weights: number[]): number {
  const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const half = weights.reduce((a, b) => a + b, 0) / 2;
  let acc = 0;
  for (const i of idx) {
    acc += weights[i]!;
    if (acc >= half) return values[i]!;
  }
  return values[idx[idx.length - 1]!]!;
}
