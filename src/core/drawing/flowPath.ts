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

/**
 * Path data through a route's points. Where `rounded`, each corner is a quarter curve of
 * STEP_RADIUS, smaller where a run is too short to hold it (never more than half of either run,
 * so two corners on one short run meet in its middle instead of overlapping).
 */
export function flowPath(points: readonly Point[], rounded: boolean): string {
  if (points.length === 0) return '';
  let at = points[0]!;
  let d = `M${num(at[0])},${num(at[1])}`;
  // Straight runs as H and V where they can be: routes are orthogonal, and the file gets shorter.
  // Nothing where two corners on a short run meet in its middle.
  const lineTo = (p: Point) => {
    const sameX = num(p[0]) === num(at[0]);
    const sameY = num(p[1]) === num(at[1]);
    if (!(sameX && sameY)) d += sameY ? `H${num(p[0])}` : sameX ? `V${num(p[1])}` : `L${num(p[0])},${num(p[1])}`;
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
    const out = toward(b, c, r);
    lineTo(toward(b, a, r));
    d += `Q${num(b[0])},${num(b[1])} ${num(out[0])},${num(out[1])}`;
    at = out;
  }
  if (points.length > 1) lineTo(points[points.length - 1]!);
  return d;
}
