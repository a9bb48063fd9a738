// Where each link of the layered graph meets a node, as an offset from the node's top: the
// ports of one side spread evenly, in the order of the items they lead to (as the router
// will spread them). Placement aligns ports rather than centres, so a node with two
// outgoing edges can still send both out straight.

import type { Layered } from './layers';
import type { LGraph } from './types';

export interface PortOffsets {
  /** left[a][k]: offset at a of its link to L.left[a][k]; right likewise. 0 for dummies. */
  left: number[][];
  right: number[][];
}

/** `eastExtra[v]`: ends on v's east side that are no link (edges inside a column, self-loops); they take the top ports. */
export function portOffsets(L: Layered, g: LGraph, eastExtra: readonly number[]): PortOffsets {
  const pos = new Int32Array(L.layer.length);
  for (const layer of L.layers) layer.forEach((item, p) => (pos[item] = p));
  const left = L.left.map((list) => list.map(() => 0));
  const right = L.right.map((list) => list.map(() => 0));
  for (let v = 0; v < L.nodes; v++) {
    const h = g.nodes[v]!.height;
    for (const [links, out, extra] of [
      [L.left[v]!, left[v]!, 0],
      [L.right[v]!, right[v]!, eastExtra[v] ?? 0],
    ] as const) {
      const n = links.length + extra;
      const order = links.map((_, k) => k).sort((a, b) => pos[links[a]!]! - pos[links[b]!]! || links[a]! - links[b]!);
      const diamond = g.nodes[v]!.kind === 'decision';
      order.forEach((k, i) => (out[k] = Math.round(diamond ? h / 2 : (h * (extra + i + 1)) / (n + 1))));
    }
  }
  return { left, right };
}

/** Port offset at j of its link to `to` (offsets: ports.left or .right, links: L.left or .right; few per item, so a scan). */
export function portOf(offsets: readonly number[][], links: readonly number[][], j: number, to: number): number {
  const k = links[j]!.indexOf(to);
  return k >= 0 ? offsets[j]![k]! : 0;
}
