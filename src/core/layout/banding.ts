// The naive banding (DESIGN.md, "what works"): keep a layered layout's columns, sort each
// column's nodes by the layout's own y, and stack them into their lane's band. It never puts a
// node outside its band, but ignores which order would suit the lanes: the baseline to beat.

import { GAP_NODE, PAD_NODE } from './constants';
import type { Bands, LGraph } from './types';

/** Tops of the bands, stacked in lane order from y = 0. */
export function stackBands(heights: readonly number[]): number[] {
  const tops: number[] = [];
  let y = 0;
  for (const h of heights) {
    tops.push(y);
    y += h;
  }
  return tops;
}

export function naiveBanding(g: LGraph, column: readonly number[], columnCount: number, orderY: readonly number[]): Bands {
  // cells[lane][column] = nodes in the layout's vertical order.
  const cells: number[][][] = Array.from({ length: g.laneCount }, () => Array.from({ length: columnCount }, () => []));
  const order = g.nodes.map((_, i) => i).sort((a, b) => orderY[a]! - orderY[b]! || a - b);
  for (const i of order) cells[g.nodes[i]!.lane]![column[i]!]!.push(i);

  const need = (cell: number[]) => cell.reduce((h, i) => h + g.nodes[i]!.height, 0) + GAP_NODE * Math.max(0, cell.length - 1);
  const laneHeight = cells.map((row, lane) => Math.ceil(Math.max(g.laneMin[lane]!, ...row.map((c) => need(c) + 2 * PAD_NODE))));
  const laneTop = stackBands(laneHeight);

  // Each cell is centred in its band, so single-node cells of a lane line up.
  const y = new Array<number>(g.nodes.length).fill(0);
  cells.forEach((row, lane) => {
    for (const cell of row) {
      let top = laneTop[lane]! + Math.floor((laneHeight[lane]! - need(cell)) / 2);
      for (const i of cell) {
        y[i] = top;
        top += g.nodes[i]!.height + GAP_NODE;
      }
    }
  });
  return { laneTop, laneHeight, y };
}
