// Vertical placement inside the bands. Each lane is as tall as its fullest column needs; then
// every (column, lane) cell places its items, in their order, as close as it can to where
// their neighbours in the next columns are, so chains and long edges run straight. Each cell's
// problem is a weighted isotonic regression (pool-adjacent-violators), solved exactly.

import { stackBands } from './banding';
import { GAP_NODE, GAP_NODE_TRACK, GAP_TRACK, PAD_NODE, PAD_TRACK } from './constants';
import type { Layered } from './layers';
import { type PortOffsets, portOf } from './portOffsets';
import { straightenRuns } from './straighten';
import { alignNodes } from './alignNodes';
import type { Bands, LGraph } from './types';

const SWEEPS = 8;
const STRAIGHTEN_PASSES = 3;
/** How strongly a loop's glued dummy keeps to its node (a long edge's link weighs 8). */
const GLUE_WEIGHT = 16;

export interface Placement {
  bands: Bands;
  /** Top of every item: a node's box, or the line a dummy's edge runs along. */
  itemY: number[];
}

interface Cell {
  lane: number;
  items: number[];
  /** Each item's least distance from the cell's first item's top. */
  offset: number[];
  need: number;
}

export function placeItems(L: Layered, g: LGraph, ports: PortOffsets): Placement {
  const height = (i: number) => (i < L.nodes ? g.nodes[i]!.height : 0);
  const gap = (a: number, b: number) => (a < L.nodes && b < L.nodes ? GAP_NODE : a < L.nodes || b < L.nodes ? GAP_NODE_TRACK : GAP_TRACK);
  const pad = (i: number) => (i < L.nodes ? PAD_NODE : PAD_TRACK);

  // Cells: runs of one lane inside each column.
  const byLayer: Cell[][] = L.layers.map((layer) => {
    const cells: Cell[] = [];
    for (let start = 0, end = 0; start < layer.length; start = end) {
      const lane = L.lane[layer[start]!]!;
      while (end < layer.length && L.lane[layer[end]!] === lane) end++;
      const items = layer.slice(start, end);
      const offset = [0];
      for (let k = 1; k < items.length; k++) offset.push(offset[k - 1]! + height(items[k - 1]!) + gap(items[k - 1]!, items[k]!));
      const last = items[items.length - 1]!;
      cells.push({ lane, items, offset, need: pad(items[0]!) + offset[offset.length - 1]! + height(last) + pad(last) });
    }
    return cells;
  });
  const laneHeight = [...g.laneMin];
  for (const c of byLayer.flat()) laneHeight[c.lane] = Math.max(laneHeight[c.lane]!, Math.ceil(c.need));
  const laneTop = stackBands(laneHeight);

  // Start with every cell centred in its band.
  const y = new Float64Array(L.layer.length);
  for (const c of byLayer.flat()) {
    const top = laneTop[c.lane]! + (laneHeight[c.lane]! - c.need) / 2 + pad(c.items[0]!);
    c.items.forEach((item, k) => (y[item] = top + c.offset[k]!));
  }

  // Column by column, each item wants its ports level with its neighbours' ports (the
  // weighted median of what they ask), alternately looking left and right, both at the end.
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const mode = sweep === SWEEPS - 1 ? 2 : sweep % 2;
    for (let s = 0; s < byLayer.length; s++) {
      const cells = byLayer[mode === 1 ? byLayer.length - 1 - s : s]!;
      for (const c of cells) {
        const want: number[] = [];
        const weight: number[] = [];
        for (const item of c.items) {
          const asks: number[] = [];
          const ws: number[] = [];
          if (mode !== 1) L.left[item]!.forEach((j, k) => (asks.push(y[j]! + portOf(ports.right, L.right, j, item) - ports.left[item]![k]!), ws.push(L.leftW[item]![k]!)));
          if (mode !== 0) L.right[item]!.forEach((j, k) => (asks.push(y[j]! + portOf(ports.left, L.left, j, item) - ports.right[item]![k]!), ws.push(L.rightW[item]![k]!)));
          // A loop's dummy glued to its node hugs it, so the loop runs close under (or over) the nodes.
          const owner = item >= L.nodes ? L.owner[item]! : -1;
          if (owner >= 0) {
            asks.push(L.ownerSide[item] === 'S' ? y[owner]! + height(owner) + GAP_NODE_TRACK : y[owner]! - GAP_NODE_TRACK);
            ws.push(GLUE_WEIGHT);
          }
          // Without neighbours an item stays put unless others push it.
          want.push(asks.length > 0 ? weightedMedian(asks, ws) : y[item]!);
          weight.push(asks.length > 0 ? ws.reduce((a, b) => a + b, 0) : 0.01);
        }
        const lo = laneTop[c.lane]! + pad(c.items[0]!);
        const last = c.items[c.items.length - 1]!;
        const hi = laneTop[c.lane]! + laneHeight[c.lane]! - pad(last) - height(last) - c.offset[c.offset.length - 1]!;
        const z = isotonic(want.map((w, k) => w - c.offset[k]!), weight);
        c.items.forEach((item, k) => (y[item] = Math.min(hi, Math.max(lo, z[k]!)) + c.offset[k]!));
      }
    }
  }

  const itemY = Array.from(y, (v) => Math.round(v));
  // A run levelled can free room its neighbours' runs lacked: a few passes take most of it.
  for (let pass = 0; pass < STRAIGHTEN_PASSES; pass++) straightenRuns(L, g, itemY, laneTop, laneHeight, ports);
  alignNodes(L, g, itemY, laneTop, laneHeight, ports);
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
