// From plans to polylines: ports, channel tracks, column positions, then the points of every
// edge, axis-parallel from the source's border to the target's.

import type { Point } from '../model/types';
import { layoutChannels } from './channels';
import { STUB } from './constants';
import { assignPorts, fanOutDecisions, type Port } from './ports';
import { simplify } from '../drawing/polyline';
import { takeShortcuts } from '../drawing/shortcuts';
import type { Bands, EdgePlan, LGraph } from './types';

export interface Routed {
  /** Left of every node. */
  x: number[];
  /** Points of every edge of the graph, by edge index. */
  points: Point[][];
}

/** How far inside a lane's edge a long flow may run along it. */
const CORRIDOR_INSETS = [5, 12];
/** How far a self-loop reaches out right of its node. */
const SELF_REACH = 14;

export function routeEdges(g: LGraph, column: readonly number[], count: number, bands: Bands, plans: EdgePlan[]): Routed {
  fanOutDecisions(g, bands, plans);
  const ports = assignPorts(g, bands, plans);
  const ch = layoutChannels(g, column, count, plans);
  const x = g.nodes.map((n, i) => ch.colX[column[i]!]! + Math.round((ch.colW[column[i]!]! - n.width) / 2));
  const points: Point[][] = g.edges.map(() => []);
  plans.forEach((p, pi) => {
    const { from, to } = g.edges[p.edge]!;
    const pts: Point[] = [];
    const k = p.cols.length - 1;
    if (p.self) {
      const right = x[from]! + g.nodes[from]!.width;
      const y = ports.src[pi]!.at;
      const top = bands.y[from]!;
      const px = x[from]! + ports.tgt[pi]!.at;
      pts.push([right, y], [right + SELF_REACH, y], [right + SELF_REACH, top - STUB], [px, top - STUB], [px, top]);
    } else {
      endPoints(g, x, bands, from, ports.src[pi]!, p.ys[0]!, pts, false);
      for (let s = 0; s < k; s++) {
        const tx = ch.trackX(pi, s);
        if (tx !== undefined) pts.push([tx, p.ys[s]!], [tx, p.ys[s + 1]!]);
      }
      endPoints(g, x, bands, to, ports.tgt[pi]!, p.ys[k]!, pts, true);
    }
    points[p.edge] = simplify(pts);
  });
  const boxes = g.nodes.map((n, i) => ({ x: x[i]!, y: bands.y[i]!, width: n.width, height: n.height, decision: n.kind === 'decision', captionBelow: n.captionBelow === true }));
  const gaps: [number, number][] = [];
  for (let c = 1; c < count; c++) gaps.push([ch.colX[c - 1]! + ch.colW[c - 1]!, ch.colX[c]!]);
  // Just inside each lane's edges, where no node comes (nodes keep PAD_NODE from them).
  const corridors = bands.laneTop.flatMap((top, l) => CORRIDOR_INSETS.flatMap((d) => [top + d, top + bands.laneHeight[l]! - d])).sort((p, q) => p - q);
  takeShortcuts(boxes, g.edges, points, gaps, corridors);
  return { x, points };
}

/** The border point, and for top and bottom ports the stub to the level the edge runs at. */
function endPoints(g: LGraph, x: number[], bands: Bands, node: number, port: Port, level: number, pts: Point[], last: boolean): void {
  const n = g.nodes[node]!;
  const top = bands.y[node]!;
  let ends: Point[];
  if (port.side === 'E') ends = [[x[node]! + n.width, port.at]];
  else if (port.side === 'W') ends = [[x[node]!, port.at]];
  else {
    const px = x[node]! + port.at;
    const border = port.side === 'N' ? top : top + n.height;
    ends = [[px, border], [px, level]];
  }
  if (last) ends.reverse();
  pts.push(...ends);
}
