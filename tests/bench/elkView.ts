// ELK's own drawing as a map view, to measure it like any other layout: nodes where ELK put
// them (shifted right of the lane headers), edges along ELK's sections.

import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { LAYOUT_LEFT } from '../../src/core/layout/constants';
import type { MapView, Point } from '../../src/core/model/types';

/** ELK ids map back to node and flow ids; coordinates must be absolute (ELK's ROOT coordinates). */
export function elkView(out: ElkNode, nodeIds: Map<string, string>, flowIds: Map<string, string>, laneHeights: Record<string, number>): MapView {
  const view: MapView = { nodes: {}, laneHeights: { ...laneHeights }, flowPoints: {} };
  const leaves: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  const walk = (n: ElkNode) => {
    edges.push(...((n.edges ?? []) as ElkExtendedEdge[]));
    for (const c of n.children ?? []) {
      if (nodeIds.has(c.id)) leaves.push(c);
      else walk(c);
    }
  };
  walk(out);
  const dx = LAYOUT_LEFT - Math.min(...leaves.map((c) => c.x ?? 0));
  for (const c of leaves) view.nodes[nodeIds.get(c.id)!] = { x: (c.x ?? 0) + dx, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
  for (const e of edges) {
    const pts: Point[] = [];
    for (const s of e.sections ?? []) for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) pts.push([p.x + dx, p.y]);
    const id = flowIds.get(e.id);
    if (id && pts.length > 1) view.flowPoints[id] = pts;
  }
  return view;
}
