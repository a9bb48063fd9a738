import type { Point } from '../model/types';
import { STEP_RADIUS } from './stepRoute';

// The line of a flow as SVG path data, written once for the canvas edge and the SVG picture,
// so the two cannot draw different curves from the same route.

/** A coordinate with at most one decimal: short output, and the same text on every run. */
export function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(r === 0 ? 0 : r);
}

const dist = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** The point `r` from `from` on the way to `to`. */
function toward(from: Point, to: Point, r: number): Point {
  const len = dist(from, to) || 1;
  return [from[0] + ((to[0] - from[0]) * r) / len, from[1] + ((to[1] - from[1]) * r) / len];
}

/** One piece of a flow's line: where it starts, and the one path command drawn from there. */
interface Piece {
  from: Point;
  draw: string;
}

/**
 * The line through a route's points, piece by piece: each straight run, and where `rounded`,
 * each corner as a quarter curve of STEP_RADIUS, smaller where a run is too short to hold it
 * (never more than half of either run, so two corners on one short run meet in its middle
 * instead of overlapping).
 */
function pieces(points: readonly Point[], rounded: boolean): Piece[] {
  const out: Piece[] = [];
  let at = points[0]!;
  // Straight runs as H and V where they can be: routes are orthogonal, and the file gets shorter.
  // Nothing where two corners on a short run meet in its middle.
  const lineTo = (p: Point) => {
    const sameX = num(p[0]) === num(at[0]);
    const sameY = num(p[1]) === num(at[1]);
    if (!(sameX && sameY)) out.push({ from: at, draw: sameY ? `H${num(p[0])}` : sameX ? `V${num(p[1])}` : `L${num(p[0])},${num(p[1])}` });
    at = p;
  };
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const c = points[i + 1]!;
    const r = rounded ? Math.min(dist(a, b) / 2, dist(b, c) / 2, STEP_RADIUS) : 0;
    if (r === 0 || (a[0] === b[0] && b[0] === c[0]) || (a[1] === b[1] && b[1] === c[1])) {
      lineTo(b);
      continue;
    }
    const bend = toward(b, c, r);
    lineTo(toward(b, a, r));
    out.push({ from: at, draw: `Q${num(b[0])},${num(b[1])} ${num(bend[0])},${num(bend[1])}` });
    at = bend;
  }
  if (points.length > 1) lineTo(points[points.length - 1]!);
  return out;
}

const moveTo = (p: Point) => `M${num(p[0])},${num(p[1])}`;

/** Path data through a route's points: its pieces (above) drawn as one line. */
export function flowPath(points: readonly Point[], rounded: boolean): string {
  if (points.length === 0) return '';
  return moveTo(points[0]!) + pieces(points, rounded).map((p) => p.draw).join('');
}

/**
 * The same line as flowPath, each straight run and corner its own path. For a dashed flow on
 * the canvas: Chromium dashes a whole path again for each tile it repaints that the path
 * touches, while a straight line's dashes are cut to the tile. Dragging a step on the
 * 1,000-step bench map went from 51 to 62 frames a second (bare React Flow: 62).
 */
export function flowPathPieces(points: readonly Point[], rounded: boolean): string[] {
  if (points.length === 0) return [];
  return pieces(points, rounded).map((p) => moveTo(p.from) + p.draw);
}
