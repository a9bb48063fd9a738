// The routes tried for a flow by shortcuts.ts, by shape: straight, an L, a Z through a channel
// or between two rows, a U under or over both nodes, and for a long flow one run along a
// lane-edge corridor. Also where a flow may meet a node's side.

import type { Point } from '../model/types';
import type { Box } from './segmentGrid';

export interface ShortcutNode extends Box {
  decision: boolean;
  /** A decision whose text hangs underneath: its bottom vertex stays free. */
  captionBelow: boolean;
}

/** Two flows' ends on one node at least this far apart, so each can be told apart and clicked. */
export const END_SPACING = 12;
/** Ends on a step's side keep this far from its corners. */
export const CORNER_KEEP = 8;
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
export function onSide(n: Box, p: Point, side: 'N' | 'E' | 'S' | 'W'): boolean {
  if (side === 'N' || side === 'S') return Math.abs(p[1] - (side === 'N' ? n.y : n.y + n.height)) < 0.5 && within(p[0], n.x, n.x + n.width);
  return Math.abs(p[0] - (side === 'W' ? n.x : n.x + n.width)) < 0.5 && within(p[1], n.y, n.y + n.height);
}

/**
 * Routes from a to b grouped by their bends, fewest first: straight; an L (out of a side, into
 * the top, bottom or side of b); a Z with its vertical in a channel, or its horizontal between
 * the two rows; a U under or over both. Only shapes of at most `maxBends` bends are made: a
 * valid route of each shape turns exactly that often, and only fewer bends than now can win.
 */
export function candidates(a: ShortcutNode, b: ShortcutNode, old: readonly Point[], gaps: readonly [number, number][], corridors: readonly number[], maxBends: number): Point[][][] {
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
  // One node wholly left of the other: a route may leave and enter by their sides.
  const sideways = forward || bRight <= a.x;

  // Leaving or entering by a side, pointing the way the other node lies.
  const exitX = forward ? aRight : a.x;
  const entryX = forward ? b.x : bRight;
  if (sideways) {
    for (const y of new Set([...ysA, ...ysB])) if (ysA.includes(y) && ysB.includes(y)) straight.push([[exitX, y], [entryX, y]]);
  }
  if (sideways && maxBends >= 1) {
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
  if (sideways && maxBends >= 2) {
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
export function corridorRoutes(a: ShortcutNode, b: ShortcutNode, old: readonly Point[], gaps: readonly [number, number][], corridors: readonly number[], maxBends: number): [Point[][], Point[][]] {
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
