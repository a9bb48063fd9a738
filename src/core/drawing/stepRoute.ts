import type { NodeBox, Point } from '../model/types';

// The line of a flow as the canvas and the picture draw it (flowPath writes it). A routed flow
// follows its points (view.flowPoints); one without points leaves and enters by the sides
// flowSides picks and takes the step shape (the one React Flow calls "smooth step"): out of the
// side, across in the middle, into the other side, corners rounded.

export type Side = 't' | 'r' | 'b' | 'l';

/** How far past the border the editor's handles reach (half of a 9 px handle): lines start and end there. */
const HANDLE_REACH = 4.5;
/** Straight run out of and into a node before the first turn. */
export const STEP_OFFSET = 24;
/** Corner radius of an unrouted flow. */
export const STEP_RADIUS = 8;

/** The way out of each side. */
export const SIDE_DIRECTION: Record<Side, Point> = { t: [0, -1], r: [1, 0], b: [0, 1], l: [-1, 0] };
const DIR = SIDE_DIRECTION;

/**
 * Which sides a flow leaves and enters by: forward flows left to right, flows to another
 * band top to bottom, rework loops on the same row back underneath.
 */
export function flowSides(from: NodeBox, to: NodeBox): { source: Side; target: Side } {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  const gapX = dx > 0 ? to.x - (from.x + from.width) : from.x - (to.x + to.width);
  const gapY = dy > 0 ? to.y - (from.y + from.height) : from.y - (to.y + to.height);
  if (dx > 0 && gapX > 20) return { source: 'r', target: 'l' };
  if (gapY > 20) return dy > 0 ? { source: 'b', target: 't' } : { source: 't', target: 'b' };
  if (dx < 0) return { source: 'b', target: 'b' };
  return { source: 'r', target: 'l' };
}

/** Where a flow leaves or enters a side: the editor's handle, just outside the border. */
export function handlePoint(box: NodeBox, side: Side): Point {
  const [dx, dy] = DIR[side];
  const cx = box.x + box.width / 2 + (dx * box.width) / 2;
  const cy = box.y + box.height / 2 + (dy * box.height) / 2;
  return [cx + dx * HANDLE_REACH, cy + dy * HANDLE_REACH];
}

export interface Route {
  /** The corners, from the source's side to the target's. */
  points: Point[];
  /** Where the label sits. */
  label: Point;
  /** Whether the corners are drawn rounded. */
  rounded: boolean;
}

/** A routed polyline, its label in the middle of its longest segment. */
export function polylineRoute(points: Point[]): Route {
  let best = -1;
  let label: Point = points[0]!;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1]!;
    const [x2, y2] = points[i]!;
    const len = Math.abs(x2 - x1) + Math.abs(y2 - y1);
    if (len > best) {
      best = len;
      label = [(x1 + x2) / 2, (y1 + y2) / 2];
    }
  }
  return { points, label, rounded: false };
}

/** An unrouted flow between two boxes, shaped as the editor shapes it; `sides` when they are decided elsewhere. */
export function stepRoute(from: NodeBox, to: NodeBox, sides = flowSides(from, to)): Route {
  const s = handlePoint(from, sides.source);
  const t = handlePoint(to, sides.target);
  const sd = DIR[sides.source];
  const td = DIR[sides.target];
  // The axis the flow leaves along (0: x, 1: y) and which way along it the target lies.
  const axis = sd[0] !== 0 ? 0 : 1;
  const gs: Point = [s[0] + sd[0] * STEP_OFFSET, s[1] + sd[1] * STEP_OFFSET];
  const gt: Point = [t[0] + td[0] * STEP_OFFSET, t[1] + td[1] * STEP_OFFSET];
  const toward = gs[axis] < gt[axis] ? 1 : -1;
  let middle: Point[];
  let label: Point;
  if (sd[axis] * td[axis] === -1) {
    // Opposite sides: one crossing halfway between the two runs.
    const c: Point = [(gs[0] + gt[0]) / 2, (gs[1] + gt[1]) / 2];
    const forward = sd[axis] === toward;
    const acrossX: Point[] = [[c[0], gs[1]], [c[0], gt[1]]];
    const acrossY: Point[] = [[gs[0], c[1]], [gt[0], c[1]]];
    middle = (axis === 0) === forward ? acrossX : acrossY;
    label = c;
  } else {
    // The same side (a loop back underneath): one corner, the runs moved apart when they are close.
    middle = [sd[axis] === toward ? (axis === 0 ? [gt[0], gs[1]] : [gs[0], gt[1]]) : axis === 0 ? [gs[0], gt[1]] : [gt[0], gs[1]]];
    const diff = Math.abs(s[axis] - t[axis]);
    if (diff <= STEP_OFFSET) {
      const shift = Math.min(STEP_OFFSET - 1, STEP_OFFSET - diff);
      const moved = sd[axis] === toward ? gs : gt;
      const origin = sd[axis] === toward ? s : t;
      moved[axis] += (moved[axis] > origin[axis] ? -1 : 1) * shift;
    }
    const m = middle[0]!;
    const spanX = Math.max(Math.abs(gs[0] - m[0]), Math.abs(gt[0] - m[0]));
    const spanY = Math.max(Math.abs(gs[1] - m[1]), Math.abs(gt[1] - m[1]));
    label = spanX >= spanY ? [(gs[0] + gt[0]) / 2, m[1]] : [m[0], (gs[1] + gt[1]) / 2];
  }
  return { points: dropStraightThrough([s, gs, ...middle, gt, t]), label, rounded: true };
}

/** Removes corners the line runs straight through, so the next corner keeps its full rounding. */
export function dropStraightThrough(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (a && b && between(a, b, p)) out.pop();
    out.push(p);
  }
  return out;
}

const between = (a: Point, b: Point, c: Point) =>
  (a[0] === b[0] && b[0] === c[0] && (b[1] - a[1]) * (c[1] - b[1]) >= 0) || (a[1] === b[1] && b[1] === c[1] && (b[0] - a[0]) * (c[0] - b[0]) >= 0);
