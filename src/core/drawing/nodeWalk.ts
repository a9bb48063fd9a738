import { laneBands } from '../model/geometry';
import type { Id, MapNode, NodeBox, ProcessMap } from '../model/types';
import { isControlKind } from '../model/vocabulary';

// Moving the selection with the arrow keys: along the process where it goes (Right to the
// next step, Left to the one before) and across lanes (Up, Down) to the nearest node. What the
// flows do not say (a store, the end of a path) is found by where nodes are drawn.

export type WalkDirection = 'left' | 'right' | 'up' | 'down';

const centre = (b: NodeBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Where the arrow keys start with nothing selected: the first start, else the top-left node. */
export function firstNode(map: ProcessMap): Id | null {
  const drawn = map.nodes.filter((n) => map.view.nodes[n.id]);
  const order = new Map(laneBands(map).map((b, i) => [b.laneId, i]));
  const key = (n: MapNode) => [n.kind === 'start' ? 0 : 1, order.get(n.laneId) ?? 0, map.view.nodes[n.id]!.x] as const;
  const sorted = drawn.sort((a, b) => {
    const [p, q] = [key(a), key(b)];
    return p[0] - q[0] || p[1] - q[1] || p[2] - q[2];
  });
  return sorted[0]?.id ?? null;
}

/** The node an arrow key goes to from `fromId`, or null where there is none that way. */
export function walkFrom(map: ProcessMap, fromId: Id, dir: WalkDirection): Id | null {
  const from = map.nodes.find((n) => n.id === fromId);
  const box = from && map.view.nodes[from.id];
  if (!from || !box) return null;
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const c = centre(box);
  if (dir === 'left' || dir === 'right') {
    // Along the control flow first; of several ways on, the one drawn nearest in height.
    const along = map.flows
      .filter((f) => f.kind !== 'data' && (dir === 'right' ? f.from === fromId : f.to === fromId))
      .map((f) => byId.get(dir === 'right' ? f.to : f.from))
      .filter((n): n is MapNode => !!n && isControlKind(n.kind) && !!map.view.nodes[n.id]);
    if (along.length) return nearest(along.map((n) => n.id), map, (p) => Math.abs(p.y - c.y));
  }
  const sign = dir === 'right' || dir === 'down' ? 1 : -1;
  const horizontal = dir === 'left' || dir === 'right';
  const ahead = map.nodes.filter((n) => {
    const b = map.view.nodes[n.id];
    if (!b || n.id === fromId) return false;
    const p = centre(b);
    return sign * (horizontal ? p.x - c.x : p.y - c.y) > 1;
  });
  // Straight on counts more than off to the side.
  return nearest(ahead.map((n) => n.id), map, (p) => (horizontal ? Math.abs(p.x - c.x) + 3 * Math.abs(p.y - c.y) : Math.abs(p.y - c.y) + 3 * Math.abs(p.x - c.x)));
}

function nearest(ids: Id[], map: ProcessMap, cost: (p: { x: number; y: number }) => number): Id | null {
  let best: Id | null = null;
  let bestCost = Infinity;
  for (const id of ids) {
    const k = cost(centre(map.view.nodes[id]!));
    if (k < bestCost) [best, bestCost] = [id, k];
  }
  return best;
}
