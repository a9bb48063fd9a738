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
import { SegmentGrid, type Box } from './segmentGrid';

export interface ShortcutNode extends Box {
  decision: boolean;
  /** A decision whose text hangs underneath: its bottom vertex stays free. */
  captionBelow: boolean;
}

/** Least length of a flow's first run out of its node and its last run into one (room for the arrowhead). */
const END_RUN = 12;
/** How close a route may come to a node it does not start or end at. */
const NODE_CLEARANCE = 6;
/** Two flows' ends on one node at least this far apart, so each can be told apart and clicked. */
const END_SPACING = 12;
/** Ends on a step's side keep this far from its corners. */
const CORNER_KEEP = 8;
/** Nodes at most this wide (events) carry no marks on their edges. */
const SMALL_NODE = 60;
/** What the marks on a box's top and bottom edges take from its left and right (nodeMarks: the tag ends 57 px in, the badge and notes mark take under 30). */
const MARKS_LEFT = 64;
const MARKS_RIGHT = 30;
/** How many places along a step's side are tried for one end. */
const SIDE_PLACES = 5;
/** How far under or over two nodes a U runs. */
const U_DEPTHS = [16, 26, 36];
/** Lane-edge levels tried above and below the two nodes. */
const CORRIDORS_BEYOND = 4;
/** Track positions tried in a channel, from its middle outwards. */
const CHANNEL_STEPS = [0, -10, 10];
/** Places along each side tried for routes with two corners (they have many more combinations). */
const TWO_BEND_PLACES = 2;
/** Channels tried for the one vertical of a long flow: this many nearest each end. */
const CHANNELS_EACH_END = 3;
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
 * whole new shape (candidates below), else the old one with its jogs taken out one by one.
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

/**
 * Where flows may meet a node's side: a decision's vertex; along a step's side, the current end
 * first, then the middle, then places ever further from it a flow's spacing apart.
 */
function sidePlaces(n: ShortcutNode, along: 'x' | 'y', current: number | null): number[] {
  const lo = along === 'x' ? n.x : n.y;
  const size = along === 'x' ? n.width : n.height;
  const mid = Math.round(lo + size / 2);
  if (n.decision) return [mid];
  // The top edge carries the "manual" tag at its left and the findings badge at its right, the
  // bottom edge the notes mark at its right: a flow meets a box's top or bottom between them.
  const [min, max] = along === 'x' && n.width > SMALL_NODE ? [lo + MARKS_LEFT, lo + size - MARKS_RIGHT] : [lo + CORNER_KEEP, lo + size - CORNER_KEEP];
  const out: number[] = current === null ? [] : [Math.round(current)];
  const centre = Math.round(Math.max(min, Math.min(max, mid)));
  for (let k = 0; out.length < SIDE_PLACES && k < 2 * SIDE_PLACES; k++) {
    const v = centre + Math.ceil(k / 2) * END_SPACING * (k % 2 === 0 ? 1 : -1);
    if (v >= min && v <= max) out.push(v);
  }
  return [...new Set(out)];
}

const within = (v: number, lo: number, hi: number) => v >= lo - 0.5 && v <= hi + 0.5;

/** Whether p lies on the given side of n. */
function onSide(n: Box, p: Point, side: 'N' | 'E' | 'S' | 'W'): boolean {
  if (side === 'N' || side === 'S') return Math.abs(p[1] - (side === 'N' ? n.y : n.y + n.height)) < 0.5 && within(p[0], n.x, n.x + n.width);
  return Math.abs(p[0] - (side === 'W' ? n.x : n.x + n.width)) < 0.5 && within(p[1], n.y, n.y + n.height);
}

/**
 * Routes from a to b grouped by their bends, fewest first: straight; an L (out of a side, into
 * the top, bottom or side of b); a Z with its vertical in a channel, or its horizontal between
 * the two rows; a U under or over both. Only shapes of at most `maxBends` bends are made: a
 * valid route of each shape turns exactly that often, and only fewer bends than now can win.
 */
function candidates(a: ShortcutNode, b: ShortcutNode, old: readonly Point[], gaps: readonly [number, number][], corridors: readonly number[], maxBends: number): Point[][][] {
  const start = old[0]!;
  const end = old[old.length - 1]!;
  const aRight = a.x + a.width;
  const bRight = b.x + b.width;
  const aBottom = a.y + a.height;
  const bBottom = b.y + b.height;
  const ysA = sidePlaces(a, 'y', onSide(a, start, 'E') || onSide(a, start, 'W') ? start[1] : null);
  const ysB = sidePlaces(b, 'y', onSide(b, end, 'E') || onSide(b, end, 'W') ? end[1] : null);
  const xsA = sidePlaces(a, 'x', onSide(a, start, 'N') || onSide(a, start, 'S') ? start[0] : null);
  const xsB = sidePlaces(b, 'x', onSide(b, end, 'N') || onSide(b, end, 'S') ? end[0] : null);
  const bottomA = !a.captionBelow;
  const bottomB = !b.captionBelow;
  const straight: Point[][] = [];
  const ell: Point[][] = [];
  const two: Point[][] = [];
  const forward = b.x >= aRight;
  const backward = bRight <= a.x;

  // Leaving or entering by a side, pointing the way the other node lies.
  const exitX = forward ? aRight : a.x;
  const entryX = forward ? b.x : bRight;
  if (forward || backward) {
    for (const y of new Set([...ysA, ...ysB])) if (ysA.includes(y) && ysB.includes(y)) straight.push([[exitX, y], [entryX, y]]);
  }
  if ((forward || backward) && maxBends >= 1) {
    // Out of a's side, then down or up into b's top or bottom.
    for (const y of ysA)
      for (const x of xsB) {
        if (b.y >= y) ell.push([[exitX, y], [x, y], [x, b.y]]);
        else if (bBottom <= y && bottomB) ell.push([[exitX, y], [x, y], [x, bBottom]]);
      }
    // Out of a's top or bottom, then across into b's side.
    for (const x of xsA)
      for (const y of ysB) {
        if (y >= aBottom && bottomA) ell.push([[x, aBottom], [x, y], [entryX, y]]);
        else if (y <= a.y) ell.push([[x, a.y], [x, y], [entryX, y]]);
      }
  }
  if ((forward || backward) && maxBends >= 2) {
    // Side to side with one vertical in a channel between.
    const lo = Math.min(aRight, bRight);
    const hi = Math.max(a.x, b.x);
    const between = gaps.filter(([l, r]) => l >= lo - 0.5 && r <= hi + 0.5);
    const near = between.length <= 2 * CHANNELS_EACH_END ? between : [...between.slice(0, CHANNELS_EACH_END), ...between.slice(-CHANNELS_EACH_END)];
    for (const [l, r] of near)
      for (const step of CHANNEL_STEPS) {
        const x = Math.round((l + r) / 2 + step);
        if (x <= l + 2 || x >= r - 2) continue;
        for (const y1 of ysA.slice(0, TWO_BEND_PLACES)) for (const y2 of ysB.slice(0, TWO_BEND_PLACES)) if (y1 !== y2) two.push([[exitX, y1], [x, y1], [x, y2], [entryX, y2]]);
      }
  }
  // Straight down or up, one node above the other.
  for (const x of xsA) {
    if (!xsB.includes(x)) continue;
    if (b.y >= aBottom && bottomA) straight.push([[x, aBottom], [x, b.y]]);
    else if (a.y >= bBottom && bottomB) straight.push([[x, a.y], [x, bBottom]]);
  }
  if (maxBends < 2) return [straight, ell, two];
  // Top or bottom to top or bottom: across between the rows, or a U under or over both.
  const levels: { y: number; fromBottom: boolean; toBottom: boolean }[] = [];
  if (b.y >= aBottom) for (const y of [aBottom + 16, (aBottom + b.y) / 2, b.y - 16]) levels.push({ y: Math.round(y), fromBottom: true, toBottom: false });
  if (a.y >= bBottom) for (const y of [bBottom + 16, (bBottom + a.y) / 2, a.y - 16]) levels.push({ y: Math.round(y), fromBottom: false, toBottom: true });
  for (const d of U_DEPTHS) {
    levels.push({ y: Math.max(aBottom, bBottom) + d, fromBottom: true, toBottom: true });
    levels.push({ y: Math.min(a.y, b.y) - d, fromBottom: false, toBottom: false });
  }
  const lanes = nearCorridors(corridors, Math.min(a.y, b.y), Math.max(aBottom, bBottom));
  for (const y of lanes) {
    const fromBottom = y >= aBottom;
    const toBottom = y >= bBottom;
    if ((fromBottom || y <= a.y) && (toBottom || y <= b.y)) levels.push({ y, fromBottom, toBottom });
  }
  for (const { y, fromBottom, toBottom } of levels) {
    if ((fromBottom && !bottomA) || (toBottom && !bottomB)) continue;
    for (const x1 of xsA.slice(0, TWO_BEND_PLACES))
      for (const x2 of xsB.slice(0, TWO_BEND_PLACES)) if (x1 !== x2) two.push([[x1, fromBottom ? aBottom : a.y], [x1, y], [x2, y], [x2, toBottom ? bBottom : b.y]]);
  }
  return [straight, ell, two];
}

/** Channels tried next to each node for a corridor route, and places along a top or bottom. */
const CORRIDOR_CHANNELS = 2;
/** How many of the old route's longest horizontal runs lend their level to a corridor route. */
const OWN_LEVELS = 3;

/**
 * For a flow that jogs along its way: routes with three bends (one end on a top or bottom) and
 * four (side to side) along one lane-edge corridor, or the level of one of its own longest runs,
 * reached through the channel next to each node.
 */
function corridorRoutes(a: ShortcutNode, b: ShortcutNode, old: readonly Point[], gaps: readonly [number, number][], corridors: readonly number[], maxBends: number): [Point[][], Point[][]] {
  const forward = b.x >= a.x + a.width;
  if (!forward && b.x + b.width > a.x) return [[], []];
  const [start, end] = [old[0]!, old[old.length - 1]!];
  const yA = sidePlaces(a, 'y', onSide(a, start, 'E') || onSide(a, start, 'W') ? start[1] : null)[0]!;
  const yB = sidePlaces(b, 'y', onSide(b, end, 'E') || onSide(b, end, 'W') ? end[1] : null)[0]!;
  const xsA = sidePlaces(a, 'x', onSide(a, start, 'N') || onSide(a, start, 'S') ? start[0] : null);
  const xsB = sidePlaces(b, 'x', onSide(b, end, 'N') || onSide(b, end, 'S') ? end[0] : null);
  const [exitX, entryX] = forward ? [a.x + a.width, b.x] : [a.x, b.x + b.width];
  const lo = Math.min(a.x + a.width, b.x + b.width);
  const hi = Math.max(a.x, b.x);
  const between = gaps.filter(([l, r]) => l >= lo - 0.5 && r <= hi + 0.5);
  if (between.length < 2) return [[], []];
  // Nearest channels first: those just past a, those just before b; in each, its middle.
  const ordered = forward ? between : [...between].reverse();
  const tracks = (gs: readonly [number, number][]) => gs.map(([l, r]) => Math.round((l + r) / 2));
  // The old route's own first and last verticals are free for it: tried first.
  const inChannel = (x: number | undefined) => (x !== undefined && between.some(([l, r]) => x > l && x < r) ? [x] : []);
  const nearA = [...new Set([...inChannel(old[1]?.[0]), ...tracks(ordered.slice(0, CORRIDOR_CHANNELS))])];
  const nearB = [...new Set([...inChannel(old[old.length - 2]?.[0]), ...tracks(ordered.slice(-CORRIDOR_CHANNELS).reverse())])];
  const three: Point[][] = [];
  const four: Point[][] = [];
  // Besides the corridors, the levels of the old route's longest runs across: each is free along
  // part of the way already.
  const runs = old.slice(1).map((p, i) => ({ y: p[1], len: p[1] === old[i]![1] ? Math.abs(p[0] - old[i]![0]) : 0 })).filter((r) => r.len > 0);
  const ownLevels = runs.sort((p, q) => q.len - p.len).slice(0, OWN_LEVELS).map((r) => r.y);
  for (const y of new Set([...nearCorridors(corridors, Math.min(a.y, b.y), Math.max(a.y + a.height, b.y + b.height)), ...ownLevels])) {
    // Which of a node's top and bottom faces the corridor, if one does (a hanging caption blocks the bottom).
    const faceA = y <= a.y ? a.y : y >= a.y + a.height && !a.captionBelow ? a.y + a.height : null;
    const faceB = y <= b.y ? b.y : y >= b.y + b.height && !b.captionBelow ? b.y + b.height : null;
    for (const xa of nearA) {
      if (maxBends >= 4) for (const xb of nearB) if (xa !== xb) four.push([[exitX, yA], [xa, yA], [xa, y], [xb, y], [xb, yB], [entryX, yB]]);
      if (faceB !== null) for (const x of xsB.slice(0, TWO_BEND_PLACES)) three.push([[exitX, yA], [xa, yA], [xa, y], [x, y], [x, faceB]]);
    }
    if (faceA !== null) for (const x of xsA.slice(0, TWO_BEND_PLACES)) for (const xb of nearB) three.push([[x, faceA], [x, y], [xb, y], [xb, yB], [entryX, yB]]);
  }
  return [three, four];
}

/** The lane-edge levels between top and bottom, and the few nearest beyond each. */
function nearCorridors(corridors: readonly number[], top: number, bottom: number): number[] {
  const above = corridors.filter((y) => y < top).slice(-CORRIDORS_BEYOND);
  const below = corridors.filter((y) => y > bottom).slice(0, CORRIDORS_BEYOND);
  return [...above, ...corridors.filter((y) => y >= top && y <= bottom), ...below];
}
