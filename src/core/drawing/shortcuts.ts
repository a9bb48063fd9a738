// After routing: a flow whose route turns more than it needs to takes a route with fewer corners
// where one is free. The router follows the columns a flow crosses, so a hand-off to the next
// lane turns twice (out east, down a channel, into the west side) and a rework loop or a long
// flow turns at every jog; an L into the target's top, or one U under both nodes, reads better,
// and a long flow still jogging after that may run along one lane-edge corridor instead.
// A shorter route is taken only when it passes through no node, runs along no other flow,
// meets its nodes where no other flow does, and weighs no more than the old one: its bends,
// each worth CROSSINGS_PER_BEND crossings, plus its crossings.

import type { Point } from '../model/types';
import { countBends, simplify } from './polyline';
import { SegmentGrid } from './segmentGrid';
import { candidates, CORNER_KEEP, corridorRoutes, END_SPACING, onSide, type ShortcutNode } from './shortcutShapes';

export type { ShortcutNode } from './shortcutShapes';

/** Least length of a flow's first run out of its node and its last run into one (room for the arrowhead). */
const END_RUN = 12;
/** How close a route may come to a node it does not start or end at. */
const NODE_CLEARANCE = 6;
/**
 * What a bend weighs against a crossing. A flow that snakes from level to level across the map
 * (a store's reader far away) is easier to follow along one straight run that crosses a few more
 * lines than the snake did. Measured on every benchmark family: bends per flow fell (most on
 * the generator, 1.69 to 1.44) and crossings stayed under 0.6x naive banding; with crossings
 * weighing more than bends (the rule before) the snakes stayed.
 */
const CROSSINGS_PER_BEND = 2;

/**
 * Replaces, in place, the points of each flow for which a route with fewer bends is free: a
 * whole new shape (shortcutShapes.ts), else the old one with its jogs taken out one by one.
 * `gaps` are the x-ranges between columns, where a vertical may run; `corridors` the levels,
 * sorted, along the edges of the lanes, where no node is and a long flow may run. Flows with
 * the most bends go first; the result depends only on the input.
 */
export function takeShortcuts(
  nodes: readonly ShortcutNode[],
  edges: readonly { from: number; to: number }[],
  points: Point[][],
  gaps: readonly [number, number][],
  corridors: readonly number[],
): void {
  const grid = new SegmentGrid(nodes);
  const ends: { edge: number; at: Point; target: boolean }[][] = nodes.map(() => []);
  points.forEach((pts, e) => {
    if (pts.length < 2) return;
    grid.addRoute(e, pts);
    ends[edges[e]!.from]!.push({ edge: e, at: pts[0]!, target: false });
    ends[edges[e]!.to]!.push({ edge: e, at: pts[pts.length - 1]!, target: true });
  });
  const order = points.map((pts, e) => ({ e, bends: countBends(pts) })).filter((o) => o.bends > 0);
  order.sort((a, b) => b.bends - a.bends || a.e - b.e);
  for (const { e } of order) {
    const { from, to } = edges[e]!;
    if (from === to) continue;
    const freeEnd = (node: number, at: Point, target: boolean) =>
      ends[node]!.every((o) => {
        if (o.edge === e) return true;
        const apart = Math.hypot(o.at[0] - at[0], o.at[1] - at[1]);
        // Flows may meet at a decision's vertex only when all of them come in.
        return nodes[node]!.decision ? apart >= 1 || (o.target && target) : apart >= END_SPACING;
      });
    /** The crossings of a free route, or null when it is not free. */
    const crossingsIfFree = (pts: Point[]): number | null => {
      if (!shapeOk(pts) || !freeEnd(from, pts[0]!, false) || !freeEnd(to, pts[pts.length - 1]!, true)) return null;
      if (grid.hitsNode(pts, from, to, NODE_CLEARANCE)) return null;
      return grid.crossings(e, pts);
    };
    let route = points[e]!;
    let bends = countBends(route);
    let crossings = grid.crossings(e, route) ?? Infinity;
    const take = (pts: Point[], c: number) => {
      route = pts;
      bends = countBends(pts);
      crossings = c;
    };
    const best = bestCandidate(candidates(nodes[from]!, nodes[to]!, route, gaps, corridors, bends - 1), bends, crossings, crossingsIfFree);
    if (best) take(best.pts, best.crossings);
    // Then jogs: two parallel runs joined by a short cross run become one, where that is free.
    // Only the few runs around the jog change, so only they are checked.
    for (let changed = bends > 0; changed; ) {
      changed = false;
      for (const jog of withoutJogs(route, nodes[from]!, nodes[to]!)) {
        const first = jog.from === 0;
        const last = jog.to === route.length - 1;
        const before = route.slice(jog.from, jog.to + 1);
        const after = simplify(jog.window);
        if (!runsOk(after, first, last)) continue;
        if ((first && !freeEnd(from, after[0]!, false)) || (last && !freeEnd(to, after[after.length - 1]!, true))) continue;
        if (grid.hitsNode(after, from, to, NODE_CLEARANCE)) continue;
        const c = grid.crossings(e, after);
        if (c === null) continue;
        const pts = simplify([...route.slice(0, jog.from), ...after, ...route.slice(jog.to + 1)]);
        const saved = bends - countBends(pts);
        if (saved <= 0 || c > (grid.crossings(e, before) ?? Infinity) + CROSSINGS_PER_BEND * saved) continue;
        route = pts;
        bends = countBends(pts);
        changed = true;
        break;
      }
    }
    // Last, a long flow that still jogs: one long run across, if that turns less. Weighed
    // against what the route crosses now, jogs taken out or not.
    crossings = grid.crossings(e, route) ?? Infinity;
    if (bends > 3) {
      const long = bestCandidate(corridorRoutes(nodes[from]!, nodes[to]!, route, gaps, corridors, bends - 1), bends, crossings, crossingsIfFree);
      if (long) take(long.pts, long.crossings);
    }
    if (route === points[e]) continue;
    grid.removeRoute(e);
    grid.addRoute(e, route);
    points[e] = route;
    for (const end of ends[from]!) if (end.edge === e && !end.target) end.at = route[0]!;
    for (const end of ends[to]!) if (end.edge === e && end.target) end.at = route[route.length - 1]!;
  }
}

/**
 * The free candidate that weighs least (bends times CROSSINGS_PER_BEND plus crossings; then the
 * shortest), if it turns less than the old route (`bends`, `crossings`) and weighs no more.
 */
function bestCandidate(groups: Point[][][], bends: number, crossings: number, crossingsIfFree: (pts: Point[]) => number | null): { pts: Point[]; crossings: number } | null {
  let best: { pts: Point[]; crossings: number; cost: number; length: number } | null = null;
  const limit = bends * CROSSINGS_PER_BEND + crossings;
  for (const group of groups) {
    for (const pts of group) {
      const b = countBends(pts);
      // Checking a route costs more than counting its bends: those that cannot win are skipped.
      if (b >= bends || (best && b * CROSSINGS_PER_BEND > best.cost)) continue;
      const c = crossingsIfFree(pts);
      if (c === null) continue;
      const cost = b * CROSSINGS_PER_BEND + c;
      if (cost > limit) continue;
      const length = routeLength(pts);
      if (!best || cost < best.cost || (cost === best.cost && length < best.length)) best = { pts, crossings: c, cost, length };
    }
  }
  return best;
}

/**
 * The route with one jog taken out, every way it can be: for runs i-1 and i+1 parallel and
 * the same way, either moves onto the other's line (the runs beyond stretch to meet it). Each
 * comes as the window of points from..to that changes. An end that moves stays on its side of
 * its node, clear of the corners; a decision's ends never move.
 */
function withoutJogs(pts: readonly Point[], a: ShortcutNode, b: ShortcutNode): { from: number; to: number; window: Point[] }[] {
  const out: { from: number; to: number; window: Point[] }[] = [];
  const last = pts.length - 1;
  for (let i = 1; i + 1 < last; i++) {
    const p = pts[i - 1]!;
    const q = pts[i]!;
    const r = pts[i + 1]!;
    const s = pts[i + 2]!;
    // The axis the two parallel runs go along (0: x), and the one the jog crosses.
    const along = p[1] === q[1] ? 0 : 1;
    const across = 1 - along;
    if (r[across] !== s[across] || Math.sign(q[along] - p[along]) !== Math.sign(s[along] - r[along])) continue;
    for (const [lo, hi, to] of [[i + 1, i + 2, q[across]], [i - 1, i, r[across]]] as const) {
      // The moved points and one more each side: the runs that stretch.
      const from = Math.max(0, lo - 1);
      const until = Math.min(last, hi + 1);
      const window = pts.slice(from, until + 1).map((pt, k): Point => (from + k >= lo && from + k <= hi ? (across === 0 ? [to as number, pt[1]] : [pt[0], to as number]) : [pt[0], pt[1]]));
      if (lo === 0 && !endMayMove(a, pts[0]!, window[0]!)) continue;
      if (hi === last && !endMayMove(b, pts[last]!, window[window.length - 1]!)) continue;
      out.push({ from, to: until, window });
    }
  }
  return out;
}

/** Whether an end may slide from `was` to `now` along its node's side. */
function endMayMove(n: ShortcutNode, was: Point, now: Point): boolean {
  if (was[0] === now[0] && was[1] === now[1]) return true;
  if (n.decision) return false;
  for (const side of ['N', 'E', 'S', 'W'] as const) {
    if (!onSide(n, was, side)) continue;
    const horizontal = side === 'N' || side === 'S';
    const v = horizontal ? now[0] : now[1];
    const lo = horizontal ? n.x : n.y;
    const size = horizontal ? n.width : n.height;
    return onSide(n, now, side) && v >= lo + CORNER_KEEP && v <= lo + size - CORNER_KEEP;
  }
  return false;
}

const routeLength = (pts: readonly Point[]) => pts.reduce((s, p, i) => (i === 0 ? 0 : s + runLength(pts[i - 1]!, p)), 0);

/** Axis-parallel runs, first and last long enough to be seen leaving and entering. */
const shapeOk = (pts: readonly Point[]) => runsOk(pts, true, true);

/** Axis-parallel runs of some length; the first or last, when it touches a node, long enough to be seen there. */
function runsOk(pts: readonly Point[], first: boolean, last: boolean): boolean {
  if (pts.length < 2) return false;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x2, y2] = pts[i + 1]!;
    if (x1 !== x2 && y1 !== y2) return false;
    if (x1 === x2 && y1 === y2) return false;
  }
  return (!first || runLength(pts[0]!, pts[1]!) >= END_RUN) && (!last || runLength(pts[pts.length - 2]!, pts[pts.length - 1]!) >= END_RUN);
}

const runLength = (p: Point, q: Point) => Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]);
