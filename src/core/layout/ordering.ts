// Lane-aware crossing minimisation. Every column must list its nodes lane by lane (the bands
// are stacked in the user's order), but inside a lane, and for the dummies of long edges which
// may pass through any lane, the order is free. Barycentre sweeps under that constraint,
// keeping the best order seen, then assigning each dummy to a lane consistent with the order.

import { DLANE, type Layered } from './layers';

export interface OrderResult {
  crossingsBefore: number;
  crossingsAfter: number;
}

const MAX_ROUNDS = 12;

/** Orders L.layers in place, starting from the nodes' y in `startY` (e.g. ELK's). */
export function orderLayers(L: Layered, startY: readonly number[]): OrderResult {
  const total = L.layer.length;
  const key = new Float64Array(total);
  const pos = new Float64Array(total);
  for (let i = 0; i < L.nodes; i++) key[i] = startY[i]!;
  // Dummies start on the straight line between their edge's ends.
  for (const chain of L.chain) {
    const k = chain.length - 1;
    if (k < 1) continue;
    const a = endKey(L, chain[0]!, startY);
    const b = endKey(L, chain[k]!, startY);
    for (let i = 0; i <= k; i++) if (chain[i]! >= L.nodes) key[chain[i]!] = a + ((b - a) * i) / k;
  }
  const glued = gluedByOwner(L);
  for (const layer of L.layers) sortLayer(L, layer, key, glued);
  refreshPos(L, pos);

  const before = countCrossings(L);
  let best = before;
  let bestLayers = L.layers.map((l) => [...l]);
  let stale = 0;
  for (let round = 0; round < MAX_ROUNDS && best > 0 && stale < 3; round++) {
    const down = round % 2 === 0;
    const n = L.layers.length;
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
      sortLayer(L, layer, key, glued);
      if (LANESPACE) {
        if (DLANE === 'free') assignLayerLanes(L, layer);
        lanePositions(L, layer, pos);
      } else layer.forEach((item, p) => (pos[item] = p));
    }
    const c = countCrossings(L);
    if (c < best) {
      best = c;
      bestLayers = L.layers.map((l) => [...l]);
      stale = 0;
    } else stale++;
  }
  L.layers = bestLayers;
  refreshPos(L, pos);
  if (DLANE === 'free') assignDummyLanes(L);
  return { crossingsBefore: before, crossingsAfter: best };
}

const endKey = (L: Layered, item: number, startY: readonly number[]) => (item < L.nodes ? startY[item]! : startY[L.owner[item]!] ?? 0);

function refreshPos(L: Layered, pos: Float64Array): void {
  for (const layer of L.layers) {
    if (LANESPACE) {
      if (DLANE === 'free') assignLayerLanes(L, layer);
      lanePositions(L, layer, pos);
    } else layer.forEach((item, p) => (pos[item] = p));
  }
}

const LANESPACE = process.env.LANESPACE === '1';

/** Positions in lane units: lane + (rank in the lane's cell + 1/2) / cell size. */
function lanePositions(L: Layered, layer: number[], pos: Float64Array): void {
  let start = 0;
  while (start < layer.length) {
    const lane = L.lane[layer[start]!]!;
    let end = start;
    while (end < layer.length && L.lane[layer[end]!] === lane) end++;
    for (let k = start; k < end; k++) pos[layer[k]!] = lane + (k - start + 0.5) / (end - start);
    start = end;
  }
}

/** Glued dummies of each node: above (outermost first) and below (innermost first). */
function gluedByOwner(L: Layered): Map<number, { above: number[]; below: number[] }> {
  const map = new Map<number, { above: number[]; below: number[] }>();
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

/**
 * Nodes sorted by lane, then key; free dummies sorted by key and merged in where their key
 * falls; glued dummies put back next to their node.
 */
function sortLayer(L: Layered, layer: number[], key: Float64Array, glued: Map<number, { above: number[]; below: number[] }>): void {
  const prev = new Map(layer.map((item, p) => [item, p]));
  const tie = (a: number, b: number) => key[a]! - key[b]! || prev.get(a)! - prev.get(b)!;
  const fixed = DLANE !== 'free';
  const reals = layer.filter((i) => (fixed ? L.owner[i]! < 0 : i < L.nodes)).sort((a, b) => L.lane[a]! - L.lane[b]! || tie(a, b));
  const dummies = fixed ? [] : layer.filter((i) => i >= L.nodes && L.owner[i]! < 0).sort(tie);
  let r = 0;
  let d = 0;
  let out = 0;
  const put = (item: number) => (layer[out++] = item);
  while (r < reals.length || d < dummies.length) {
    if (r >= reals.length || (d < dummies.length && key[dummies[d]!]! < key[reals[r]!]!)) put(dummies[d++]!);
    else {
      const v = reals[r++]!;
      const g = glued.get(v);
      if (g) g.above.forEach(put);
      put(v);
      if (g) g.below.forEach(put);
    }
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
      // Earlier pairs ending strictly below b cross this one.
      let le = 0;
      for (let i = b; i > 0; i -= i & -i) le += tree[i]!;
      total += seen - le;
      for (let i = b; i <= size; i += i & -i) tree[i]!++;
      seen++;
    }
  }
  return total;
}

/**
 * A free dummy may sit in any lane between the nodes above and below it; it keeps to its
 * source's lane when it can, else its target's, and lanes never decrease down a column.
 */
function assignDummyLanes(L: Layered): void {
  for (const layer of L.layers) assignLayerLanes(L, layer);
}

function assignLayerLanes(L: Layered, layer: number[]): void {
  const last = L.laneCount - 1;
  {
    let above = 0;
    for (let p = 0; p < layer.length; p++) {
      const item = layer[p]!;
      if (item < L.nodes || L.owner[item]! >= 0) {
        above = L.lane[item]!;
        continue;
      }
      let below = last;
      for (let q = p + 1; q < layer.length; q++) {
        const o = layer[q]!;
        if (o < L.nodes || L.owner[o]! >= 0) {
          below = L.lane[o]!;
          break;
        }
      }
      const chain = L.chain[L.edge[item]!]!;
      const s = laneOfEnd(L, chain[0]!);
      const t = laneOfEnd(L, chain[chain.length - 1]!);
      const pref = s >= above && s <= below ? s : t >= above && t <= below ? t : Math.min(below, Math.max(above, s));
      L.lane[item] = Math.max(pref, above);
      above = L.lane[item]!;
    }
  }
}

const laneOfEnd = (L: Layered, item: number) => (item < L.nodes ? L.lane[item]! : L.lane[L.owner[item]!]!);
