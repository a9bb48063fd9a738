import type { NodeBox, Point } from '../model/types';
import { dropStraightThrough, flowSides, handlePoint, SIDE_DIRECTION, STEP_OFFSET, stepRoute } from './stepRoute';

// A flow the layout has not routed (drawn since the last Auto layout) takes the editor's smooth
// step: out of one side, across, into the other. Where that runs through another node (a step
// added at the end of a row, a store placed under its step) it would look as if it came from
// that node. Such a flow goes round instead: out of the same side, along one clear corridor
// (a row above or below the nodes in the way, or a column beside them), into the same side.

/** Space kept between a corridor and the nodes it passes. */
const CLEARANCE = 16;
/** How far around the two ends obstacles are looked for. */
const REACH = 400;
/** Corridors tried per direction, nearest first. */
const TRIES = 16;
/** A bend costs as much as this many pixels of line. */
const BEND_COST = 40;

const crosses = (b: NodeBox, [x1, y1]: Point, [x2, y2]: Point): boolean =>
  Math.min(x1, x2) < b.x + b.width && Math.max(x1, x2) > b.x && Math.min(y1, y2) < b.y + b.height && Math.max(y1, y2) > b.y;

/** Whether a polyline keeps out of every obstacle; its first and last runs may touch their own ends. */
function clear(points: Point[], obstacles: NodeBox[], ends: NodeBox[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const [p, q] = [points[i - 1]!, points[i]!];
    if (obstacles.some((o) => crosses(o, p, q))) return false;
    if (i > 1 && i < points.length - 1 && ends.some((o) => crosses(o, p, q))) return false;
  }
  return true;
}

function cost(points: Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.abs(points[i]![0] - points[i - 1]![0]) + Math.abs(points[i]![1] - points[i - 1]![1]);
  return length + BEND_COST * (points.length - 2);
}

/**
 * The points of a way round for a flow from `from` to `to` whose smooth step would cross one of
 * the map's other nodes (`boxes`: every node's box, the flow's own ends among them, by identity),
 * or null when the smooth step is clear (it stays as it is) or no corridor is clear either.
 */
export function detourRoute(from: NodeBox, to: NodeBox, boxes: readonly NodeBox[]): Point[] | null {
  const left = Math.min(from.x, to.x) - REACH;
  const right = Math.max(from.x + from.width, to.x + to.width) + REACH;
  const top = Math.min(from.y, to.y) - REACH;
  const bottom = Math.max(from.y + from.height, to.y + to.height) + REACH;
  const near = boxes.filter((o) => o !== from && o !== to && o.x < right && o.x + o.width > left && o.y < bottom && o.y + o.height > top);
  const ends = [from, to];
  if (clear(stepRoute(from, to).points, near, [])) return null;

  const sides = flowSides(from, to);
  const s = handlePoint(from, sides.source);
  const t = handlePoint(to, sides.target);
  const [sdx, sdy] = SIDE_DIRECTION[sides.source];
  const [tdx, tdy] = SIDE_DIRECTION[sides.target];
  const gs: Point = [s[0] + sdx * STEP_OFFSET, s[1] + sdy * STEP_OFFSET];
  const gt: Point = [t[0] + tdx * STEP_OFFSET, t[1] + tdy * STEP_OFFSET];
  const edges = [...near, ...ends];
  const nearest = (values: number[], a: number, b: number) =>
    [...new Set(values)].sort((u, v) => Math.abs(u - a) + Math.abs(u - b) - (Math.abs(v - a) + Math.abs(v - b)) || u - v).slice(0, TRIES);
  const rows = nearest(edges.flatMap((o) => [o.y - CLEARANCE, o.y + o.height + CLEARANCE]), gs[1], gt[1]);
  const columns = nearest(edges.flatMap((o) => [o.x - CLEARANCE, o.x + o.width + CLEARANCE]), gs[0], gt[0]);
  const candidates: Point[][] = [
    ...rows.map((y): Point[] => [s, gs, [gs[0], y], [gt[0], y], gt, t]),
    ...columns.map((x): Point[] => [s, gs, [x, gs[1]], [x, gt[1]], gt, t]),
  ].map(dropStraightThrough);
  let best: Point[] | null = null;
  let bestCost = Infinity;
  for (const c of candidates) {
    if (!clear(c, near, ends)) continue;
    const k = cost(c);
    if (k < bestCost) [best, bestCost] = [c, k];
  }
  return best;
}
