// Lane-aware crossing minimisation. Every column must list its items lane by lane (the bands
// are stacked in the user's order); inside a lane the order is free. Long edges' dummies are
// first given lanes (dummyLanes.ts), then barycentre sweeps sort each lane of each column,
// keeping the best order seen, and a transposition pass repairs what the sweeps left.

import { assignDummyLanes } from './dummyLanes';
import type { Layered } from './layers';
import { transpose } from './transpose';

export interface OrderResult {
  crossingsBefore: number;
  crossingsAfter: number;
}

const MAX_ROUNDS = 12;

type Glued = Map<number, { above: number[]; below: number[] }>;

/** Orders L.layers in place, starting from the nodes' y in `startY` (e.g. ELK's). */
export function orderLayers(L: Layered, startY: readonly number[]): OrderResult {
  assignDummyLanes(L);
  const key = new Float64Array(L.layer.length);
  const pos = new Float64Array(L.layer.length);
  for (let i = 0; i < L.nodes; i++) key[i] = startY[i]!;
  // Dummies start on the straight line between their edge's ends.
  for (const chain of L.chain) {
    const k = chain.length - 1;
    if (k < 1) continue;
    const a = startY[ownerOf(L, chain[0]!)]!;
    const b = startY[ownerOf(L, chain[k]!)]!;
    for (let i = 1; i < k; i++) key[chain[i]!] = a + ((b - a) * i) / k;
  }
  const glued = gluedByOwner(L);
  refresh(L, pos);
  for (const layer of L.layers) sortLayer(L, layer, key, glued, pos);
  refresh(L, pos);

  const before = countCrossings(L);
  let best = before;
  let bestLayers = L.layers.map((l) => [...l]);
  let stale = 0;
  const n = L.layers.length;
  for (let round = 0; round < MAX_ROUNDS && best > 0 && stale < 3; round++) {
    const down = round % 2 === 0;
    for (let s = 1; s < n; s++) {
      const l = down ? s : n - 1 - s;
      const layer = L.layers[l]!;
      const refLen = L.layers[down ? l - 1 : l + 1]!.length;
      for (const i of layer) {
        const nb = down ? L.left[i]! : L.right[i]!;
        if (nb.length === 0) key[i] = (pos[i]! * refLen) / Math.max(1, layer.length);
        else {
          let sum = 0;
          for (const j of nb) sum += pos[j]!;
          key[i] = sum / nb.length;
        }
      }
      sortLayer(L, layer, key, glued, pos);
      layer.forEach((item, p) => (pos[item] = p));
    }
    const c = countCrossings(L);
    if (c < best) {
      best = c;
      bestLayers = L.layers.map((l) => [...l]);
      stale = 0;
    } else stale++;
  }
  L.layers = bestLayers;
  transpose(L);
  return { crossingsBefore: before, crossingsAfter: countCrossings(L) };
}

const ownerOf = (L: Layered, item: number) => (item >= L.nodes && L.owner[item]! >= 0 ? L.owner[item]! : item);

function refresh(L: Layered, pos: Float64Array): void {
  for (const layer of L.layers) layer.forEach((item, p) => (pos[item] = p));
}

/** Glued dummies of each node: above (outermost first) and below (innermost first). */
function gluedByOwner(L: Layered): Glued {
  const map: Glued = new Map();
  for (let i = L.nodes; i < L.layer.length; i++) {
    const o = L.owner[i]!;
    if (o < 0) continue;
    let g = map.get(o);
    if (!g) map.set(o, (g = { above: [], below: [] }));
    (L.ownerSide[i] === 'N' ? g.above : g.below).push(i);
  }
  for (const g of map.values()) {
    g.below.sort((a, b) => L.span[a]! - L.span[b]! || a - b);
    g.above.sort((a, b) => L.span[b]! - L.span[a]! || b - a);
  }
  return map;
}

/** Items sorted by lane, then key (ties by the previous order, `pos`); glued dummies next to their node. */
function sortLayer(L: Layered, layer: number[], key: Float64Array, glued: Glued, pos: Float64Array): void {
  const free = layer.filter((i) => i < L.nodes || L.owner[i]! < 0);
  free.sort((a, b) => L.lane[a]! - L.lane[b]! || key[a]! - key[b]! || pos[a]! - pos[b]!);
  let out = 0;
  for (const v of free) {
    const g = glued.get(v);
    if (g) for (const d of g.above) layer[out++] = d;
    layer[out++] = v;
    if (g) for (const d of g.below) layer[out++] = d;
  }
}

/** Crossings between every pair of adjacent columns (inversions, counted with a Fenwick tree). */
export function countCrossings(L: Layered): number {
  const pos = new Int32Array(L.layer.length);
  for (const layer of L.layers) layer.forEach((item, p) => (pos[item] = p));
  let total = 0;
  for (let l = 0; l + 1 < L.layers.length; l++) {
    const pairs: number[] = [];
    for (const a of L.layers[l]!) for (const b of L.right[a]!) pairs.push(pos[a]! * 1e6 + pos[b]!);
    if (pairs.length < 2) continue;
    pairs.sort((x, y) => x - y);
    const size = L.layers[l + 1]!.length;
    const tree = new Int32Array(size + 1);
    let seen = 0;
    for (const p of pairs) {
      const b = (p % 1e6) + 1;
      // Earlier pairs ending strictly below this one's end cross it.
      let le = 0;
      for (let i = b; i > 0; i -= i & -i) le += tree[i]!;
      total += seen - le;
      for (let i = b; i <= size; i += i & -i) tree[i]!++;
      seen++;
    }
  }
  return total;
}
