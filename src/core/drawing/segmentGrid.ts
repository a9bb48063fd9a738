// Node boxes and the axis-parallel runs of routed flows, bucketed in a square grid so that a
// proposed route is checked against what lies near it only (a 1,000-step map has thousands of
// runs). Used by shortcuts.ts to tell whether a route is free.

import type { Point } from '../model/types';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Run {
  edge: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const CELL = 128;
/** Two parallel runs closer than this look like one line. */
const PARALLEL_CLEARANCE = 4;

const key = (cx: number, cy: number) => cx * 1_000_003 + cy;

/** The runs of a route, each with its ends in increasing order. */
function runsOf(edge: number, pts: readonly Point[]): Run[] {
  const out: Run[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[i + 1]!;
    out.push({ edge, x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) });
  }
  return out;
}

export class SegmentGrid {
  private readonly nodeCells = new Map<number, number[]>();
  private readonly segCells = new Map<number, number[]>();
  private readonly segs: (Run | null)[] = [];
  private readonly byEdge = new Map<number, number[]>();
  private stamp = 0;
  private readonly nodeSeen: Int32Array;
  private segSeen = new Int32Array(64);

  constructor(private readonly nodes: readonly Box[]) {
    this.nodeSeen = new Int32Array(nodes.length);
    nodes.forEach((n, i) => this.cells(n.x, n.y, n.x + n.width, n.y + n.height, (k) => push(this.nodeCells, k, i)));
  }

  addRoute(edge: number, pts: readonly Point[]): void {
    const ids: number[] = [];
    for (const s of runsOf(edge, pts)) {
      const id = this.segs.length;
      this.segs.push(s);
      ids.push(id);
      this.cells(s.x1, s.y1, s.x2, s.y2, (k) => push(this.segCells, k, id));
    }
    this.byEdge.set(edge, ids);
    if (this.segSeen.length < this.segs.length) {
      const grown = new Int32Array(this.segs.length * 2);
      grown.set(this.segSeen);
      this.segSeen = grown;
    }
  }

  /** Forgets a route; its cells keep the ids, which now point at nothing. */
  removeRoute(edge: number): void {
    for (const id of this.byEdge.get(edge) ?? []) this.segs[id] = null;
    this.byEdge.delete(edge);
  }

  /**
   * Whether a route comes within `clearance` of a node other than its two ends, or runs
   * through the inside of one of its ends.
   */
  hitsNode(pts: readonly Point[], from: number, to: number, clearance: number): boolean {
    for (const s of runsOf(-1, pts)) {
      // Each run checks every node near it, including those a previous run saw.
      const stamp = ++this.stamp;
      let hit = false;
      this.cells(s.x1 - clearance, s.y1 - clearance, s.x2 + clearance, s.y2 + clearance, (k) => {
        if (hit) return;
        for (const i of this.nodeCells.get(k) ?? []) {
          if (this.nodeSeen[i] === stamp) continue;
          this.nodeSeen[i] = stamp;
          const pad = i === from || i === to ? -0.5 : clearance;
          const n = this.nodes[i]!;
          if (s.x2 > n.x - pad && s.x1 < n.x + n.width + pad && s.y2 > n.y - pad && s.y1 < n.y + n.height + pad) {
            hit = true;
            return;
          }
        }
      });
      if (hit) return true;
    }
    return false;
  }

  /**
   * How many runs of other routes this route crosses or touches; null when one of its runs
   * lies along a run of another route (the two would read as one line).
   */
  crossings(edge: number, pts: readonly Point[]): number | null {
    let count = 0;
    let along = false;
    for (const s of runsOf(edge, pts)) {
      // A run of another route crossed by two of these runs is two crossings.
      const stamp = ++this.stamp;
      const c = PARALLEL_CLEARANCE;
      this.cells(s.x1 - c, s.y1 - c, s.x2 + c, s.y2 + c, (k) => {
        for (const id of this.segCells.get(k) ?? []) {
          const o = this.segs[id];
          if (!o || o.edge === edge || this.segSeen[id] === stamp) continue;
          this.segSeen[id] = stamp;
          const sh = s.y1 === s.y2;
          const oh = o.y1 === o.y2;
          if (sh === oh) {
            // Parallel: along each other when close across and overlapping lengthwise.
            const across = sh ? Math.abs(s.y1 - o.y1) : Math.abs(s.x1 - o.x1);
            const overlap = sh ? Math.min(s.x2, o.x2) - Math.max(s.x1, o.x1) : Math.min(s.y2, o.y2) - Math.max(s.y1, o.y1);
            if (across < c && overlap > -c) along = true;
          } else {
            const [h, v] = sh ? [s, o] : [o, s];
            if (v.x1 >= h.x1 - 0.5 && v.x1 <= h.x2 + 0.5 && h.y1 >= v.y1 - 0.5 && h.y1 <= v.y2 + 0.5) count++;
          }
        }
      });
    }
    return along ? null : count;
  }

  private cells(x1: number, y1: number, x2: number, y2: number, visit: (k: number) => void): void {
    const cx2 = Math.floor(x2 / CELL);
    const cy2 = Math.floor(y2 / CELL);
    for (let cx = Math.floor(x1 / CELL); cx <= cx2; cx++) for (let cy = Math.floor(y1 / CELL); cy <= cy2; cy++) visit(key(cx, cy));
  }
}

function push(map: Map<number, number[]>, k: number, v: number): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
