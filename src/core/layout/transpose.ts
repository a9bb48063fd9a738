// Local repair after the sweeps: swap two neighbours of one lane in a column whenever that
// removes crossings with both adjacent columns. A node and the dummies glued to it move as one.

import type { Layered } from './layers';

const MAX_PASSES = 8;

export function transpose(L: Layered): void {
  const pos = new Int32Array(L.layer.length);
  for (const layer of L.layers) layer.forEach((item, p) => (pos[item] = p));
  const unitOf = (layer: number[]) => {
    // Units: a node with its glued dummies, or one free item.
    const units: number[][] = [];
    for (const item of layer) {
      const o = item >= L.nodes ? L.owner[item]! : -1;
      const prev = units[units.length - 1];
      const prevOwner = prev ? ownerOf(L, prev[0]!) : -2;
      if ((o >= 0 || glues(L, item)) && prev && prevOwner === (o >= 0 ? o : item)) prev.push(item);
      else units.push([item]);
    }
    return units;
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let l = 0; l < L.layers.length; l++) {
      const units = unitOf(L.layers[l]!);
      for (let u = 0; u + 1 < units.length; u++) {
        const a = units[u]!;
        const b = units[u + 1]!;
        if (L.lane[a[0]!] !== L.lane[b[0]!]) continue;
        const now = cross(L, pos, a, b);
        const swapped = cross(L, pos, b, a);
        if (swapped < now) {
          units[u] = b;
          units[u + 1] = a;
          improved = true;
        }
      }
      const layer = units.flat();
      L.layers[l] = layer;
      layer.forEach((item, p) => (pos[item] = p));
    }
    if (!improved) break;
  }
}

/** Whether a node has dummies glued to it (so it heads a unit). */
const glues = (L: Layered, item: number) => item < L.nodes && L.glued[item]! > 0;
const ownerOf = (L: Layered, item: number) => (item >= L.nodes && L.owner[item]! >= 0 ? L.owner[item]! : item);

/** Crossings between the links of unit `a` placed above unit `b`, on both sides. */
function cross(L: Layered, pos: Int32Array, a: number[], b: number[]): number {
  let n = 0;
  for (const side of [L.left, L.right]) {
    for (const x of a) {
      for (const p of side[x]!) {
        for (const y of b) for (const q of side[y]!) if (pos[p]! > pos[q]!) n++;
      }
    }
  }
  return n;
}
