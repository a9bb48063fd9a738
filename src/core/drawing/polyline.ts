import type { Point } from '../model/types';

// Small facts about a route's points, shared by the router, its shortcuts and the metrics.

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(pts: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const a = out[out.length - 1];
    if (a && a[0] === p[0] && a[1] === p[1]) continue;
    const b = out[out.length - 2];
    if (a && b && ((b[0] === a[0] && a[0] === p[0]) || (b[1] === a[1] && a[1] === p[1]))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** Changes of direction along a route (a run that doubles back counts too). */
export function countBends(pts: readonly Point[]): number {
  let n = 0;
  // The direction of the last run, as signs; none yet while both are 0.
  let dirX = 0;
  let dirY = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const dx = Math.sign(pts[i + 1]![0] - pts[i]![0]);
    const dy = Math.sign(pts[i + 1]![1] - pts[i]![1]);
    if (dx === 0 && dy === 0) continue;
    if ((dirX !== 0 || dirY !== 0) && (dirX !== dx || dirY !== dy)) n++;
    dirX = dx;
    dirY = dy;
  }
  return n;
}
