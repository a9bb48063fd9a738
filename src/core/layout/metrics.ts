// Quality of a laid-out map, measured on the drawing itself (boxes, bands and polylines), so
// any layout can be judged the same way: ours, the baselines, or a map the user dragged.

import { LANE_HEADER_WIDTH, laneBands } from '../model/geometry';
import type { NodeBox, Point, ProcessMap } from '../model/types';
import { maxOf, minOf } from '../model/numbers';
import { countBends } from '../drawing/polyline';

export interface LayoutMetrics {
  nodes: number;
  flows: number;
  /** Proper crossings between segments of different flows. */
  crossings: number;
  bends: number;
  edgeLength: number;
  /** Bounding box of the nodes. */
  width: number;
  height: number;
  area: number;
  /** Control flows (sequence, message) drawn right to left: the process no longer reads left to right. */
  backwardFlows: number;
  /** Pairs of node boxes that overlap. */
  overlaps: number;
  /** Flows with a segment through the inside of a node box (their own ends included). */
  flowsThroughNodes: number;
  nodesOutsideBand: number;
  /** Segments neither horizontal nor vertical. */
  diagonalSegments: number;
  /** Flows whose first point is not on the source's border or last not on the target's. */
  detachedEnds: number;
  /** Nodes without a box and flows (between existing nodes) without points. */
  missing: number;
}

interface Seg {
  flow: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const EPS = 0.5;

export function measureLayout(map: ProcessMap): LayoutMetrics {
  const boxes = new Map<string, NodeBox>();
  let missing = 0;
  for (const n of map.nodes) {
    const b = map.view.nodes[n.id];
    if (b) boxes.set(n.id, b);
    else missing++;
  }
  const segs: Seg[] = [];
  let bends = 0;
  let edgeLength = 0;
  let detachedEnds = 0;
  let flows = 0;
  let backwardFlows = 0;
  map.flows.forEach((f, fi) => {
    const a = boxes.get(f.from);
    const b = boxes.get(f.to);
    if (!a || !b) return;
    flows++;
    if (f.kind !== 'data' && f.from !== f.to && b.x + b.width / 2 <= a.x + a.width / 2) backwardFlows++;
    const pts = map.view.flowPoints[f.id];
    if (!pts || pts.length < 2) {
      missing++;
      return;
    }
    if (!onBorder(a, pts[0]!) || !onBorder(b, pts[pts.length - 1]!)) detachedEnds++;
    for (let i = 0; i + 1 < pts.length; i++) {
      const [x1, y1] = pts[i]!;
      const [x2, y2] = pts[i + 1]!;
      if (x1 === x2 && y1 === y2) continue;
      segs.push({ flow: fi, x1, y1, x2, y2 });
      edgeLength += Math.hypot(x2 - x1, y2 - y1);
    }
    bends += countBends(pts);
  });

  const all = [...boxes.values()];
  const left = minOf(all.map((b) => b.x));
  const top = minOf(all.map((b) => b.y));
  const width = all.length > 0 ? maxOf(all.map((b) => b.x + b.width)) - left : 0;
  const height = all.length > 0 ? maxOf(all.map((b) => b.y + b.height)) - top : 0;

  return {
    nodes: map.nodes.length,
    flows,
    crossings: countCrossings(segs),
    bends,
    edgeLength: Math.round(edgeLength),
    width: Math.round(width),
    height: Math.round(height),
    area: Math.round(width * height),
    backwardFlows,
    overlaps: countOverlaps(all),
    flowsThroughNodes: countThrough(segs, all),
    nodesOutsideBand: countOutside(map),
    diagonalSegments: segs.filter((s) => s.x1 !== s.x2 && s.y1 !== s.y2).length,
    detachedEnds,
    missing,
  };
}

function onBorder(b: NodeBox, [x, y]: Point): boolean {
  const inX = x >= b.x - EPS && x <= b.x + b.width + EPS;
  const inY = y >= b.y - EPS && y <= b.y + b.height + EPS;
  const onV = Math.abs(x - b.x) <= EPS || Math.abs(x - b.x - b.width) <= EPS;
  const onH = Math.abs(y - b.y) <= EPS || Math.abs(y - b.y - b.height) <= EPS;
  return (onV && inY) || (onH && inX);
}

/** Horizontal against vertical through sorted verticals; anything diagonal against everything. */
function countCrossings(segs: Seg[]): number {
  const hs = segs.filter((s) => s.y1 === s.y2);
  const vs = segs.filter((s) => s.x1 === s.x2 && s.y1 !== s.y2).sort((a, b) => a.x1 - b.x1);
  const ds = segs.filter((s) => s.x1 !== s.x2 && s.y1 !== s.y2);
  const vx = vs.map((v) => v.x1);
  let count = 0;
  for (const h of hs) {
    const x0 = Math.min(h.x1, h.x2);
    const x1 = Math.max(h.x1, h.x2);
    for (let i = lowerBound(vx, x0); i < vs.length && vx[i]! < x1; i++) {
      const v = vs[i]!;
      if (v.flow === h.flow || v.x1 <= x0) continue;
      if (h.y1 > Math.min(v.y1, v.y2) && h.y1 < Math.max(v.y1, v.y2)) count++;
    }
  }
  for (let i = 0; i < ds.length; i++) {
    for (const s of segs) {
      if (s.flow === ds[i]!.flow || s === ds[i]) continue;
      // A diagonal against another diagonal is seen from both sides: count it from the first only.
      if (ds.includes(s) && ds.indexOf(s) < i) continue;
      if (properCross(ds[i]!, s)) count++;
    }
  }
  return count;
}

function lowerBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

function properCross(a: Seg, b: Seg): boolean {
  const o1 = orient(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
  const o2 = orient(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
  const o3 = orient(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
  const o4 = orient(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

function countOverlaps(boxes: NodeBox[]): number {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width - EPS; j++) {
      const b = sorted[j]!;
      if (b.y < a.y + a.height - EPS && a.y < b.y + b.height - EPS) n++;
    }
  }
  return n;
}

/** Flows with a segment entering a box's open interior; boxes bucketed on a coarse grid. */
function countThrough(segs: Seg[], boxes: NodeBox[]): number {
  const CELL = 256;
  const grid = new Map<string, NodeBox[]>();
  for (const b of boxes) {
    for (let gx = Math.floor(b.x / CELL); gx <= Math.floor((b.x + b.width) / CELL); gx++) {
      for (let gy = Math.floor(b.y / CELL); gy <= Math.floor((b.y + b.height) / CELL); gy++) {
        const k = `${gx},${gy}`;
        const list = grid.get(k);
        if (list) list.push(b);
        else grid.set(k, [b]);
      }
    }
  }
  const bad = new Set<number>();
  for (const s of segs) {
    if (bad.has(s.flow)) continue;
    const seen = new Set<NodeBox>();
    for (let gx = Math.floor(Math.min(s.x1, s.x2) / CELL); gx <= Math.floor(Math.max(s.x1, s.x2) / CELL) && !bad.has(s.flow); gx++) {
      for (let gy = Math.floor(Math.min(s.y1, s.y2) / CELL); gy <= Math.floor(Math.max(s.y1, s.y2) / CELL); gy++) {
        for (const b of grid.get(`${gx},${gy}`) ?? []) {
          if (seen.has(b)) continue;
          seen.add(b);
          if (segmentEntersBox(s, b)) {
            bad.add(s.flow);
            break;
          }
        }
      }
    }
  }
  return bad.size;
}

/** Whether a segment meets the open interior of a box (Liang-Barsky clipping with a small inset). */
function segmentEntersBox(s: Seg, b: NodeBox): boolean {
  const x0 = b.x + EPS;
  const x1 = b.x + b.width - EPS;
  const y0 = b.y + EPS;
  const y1 = b.y + b.height - EPS;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, s.x1 - x0) && clip(dx, x1 - s.x1) && clip(-dy, s.y1 - y0) && clip(dy, y1 - s.y1) && t0 < t1;
}

function countOutside(map: ProcessMap): number {
  const bands = laneBands(map);
  const byLane = new Map(bands.map((b) => [b.laneId, b]));
  let n = 0;
  for (const node of map.nodes) {
    const box = map.view.nodes[node.id];
    const band = byLane.get(node.laneId) ?? bands[0];
    if (!box || !band) continue;
    if (box.y < band.y - EPS || box.y + box.height > band.y + band.height + EPS || box.x < LANE_HEADER_WIDTH - EPS) n++;
  }
  return n;
}
