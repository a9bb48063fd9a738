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
const cellOf = (v: number) => Math.floor(v / CELL);

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
  /** The run being checked (scan). */
  private readonly run: Run = { edge: -1, x1: 0, y1: 0, x2: 0, y2: 0 };

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
    const run = this.run;
    return this.scan(pts, clearance, this.nodeCells, (list, stamp) => {
      for (const i of list) {
        if (this.nodeSeen[i] === stamp) continue;
        this.nodeSeen[i] = stamp;
        const pad = i === from || i === to ? -0.5 : clearance;
        const n = this.nodes[i]!;
        if (run.x2 > n.x - pad && run.x1 < n.x + n.width + pad && run.y2 > n.y - pad && run.y1 < n.y + n.height + pad) return true;
      }
      return false;
    });
  }

  /**
   * How many runs of other routes this route crosses or touches; null when one of its runs
   * lies along a run of another route (the two would read as one line).
   */
  crossings(edge: number, pts: readonly Point[]): number | null {
    let count = 0;
    const c = PARALLEL_CLEARANCE;
    const s = this.run;
    // A run of another route crossed by two of these runs is two crossings.
    const along = this.scan(pts, c, this.segCells, (list, stamp) => {
      const sh = s.y1 === s.y2;
      for (const id of list) {
        const o = this.segs[id];
        if (!o || o.edge === edge || this.segSeen[id] === stamp) continue;
        this.segSeen[id] = stamp;
        const oh = o.y1 === o.y2;
        if (sh === oh) {
          // Parallel: along each other when close across and overlapping lengthwise; then the
          // route is not free, whatever else it crosses.
          const across = sh ? Math.abs(s.y1 - o.y1) : Math.abs(s.x1 - o.x1);
          const overlap = sh ? Math.min(s.x2, o.x2) - Math.max(s.x1, o.x1) : Math.min(s.y2, o.y2) - Math.max(s.y1, o.y1);
          if (across < c && overlap > -c) return true;
        } else if (sh ? meets(s, o) : meets(o, s)) {
          count++;
        }
      }
      return false;
    });
    return along ? null : count;
  }

  /**
   * Each run of a route in turn, its bounds in `this.run`: `visit` gets every list of `cells`
   * within `pad` of it, with a fresh stamp per run (a run looks at all that is near it, seen by
   * an earlier run or not), and stops the scan by returning true. One visitor per route and one
   * bounds object for all: this runs for every candidate route of every flow.
   */
  private scan(pts: readonly Point[], pad: number, cells: Map<number, number[]>, visit: (list: number[], stamp: number) => boolean): boolean {
    const run = this.run;
    for (let r = 0; r + 1 < pts.length; r++) {
      const [ax, ay] = pts[r]!;
      const [bx, by] = pts[r + 1]!;
      run.x1 = Math.min(ax, bx);
      run.y1 = Math.min(ay, by);
      run.x2 = Math.max(ax, bx);
      run.y2 = Math.max(ay, by);
      const stamp = ++this.stamp;
      const cx2 = cellOf(run.x2 + pad);
      const cy2 = cellOf(run.y2 + pad);
      for (let cx = cellOf(run.x1 - pad); cx <= cx2; cx++) {
        for (let cy = cellOf(run.y1 - pad); cy <= cy2; cy++) {
          const list = cells.get(key(cx, cy));
          if (list && visit(list, stamp)) return true;
        }
      }
    }
    return false;
  }

  private cells(x1: number, y1: number, x2: number, y2: number, visit: (k: number) => void): void {
    const cx2 = cellOf(x2);
    const cy2 = cellOf(y2);
    for (let cx = cellOf(x1); cx <= cx2; cx++) for (let cy = cellOf(y1); cy <= cy2; cy++) visit(key(cx, cy));
  }
}

/** Whether a horizontal run and a vertical one cross or touch. */
const meets = (h: Run, v: Run) => v.x1 >= h.x1 - 0.5 && v.x1 <= h.x2 + 0.5 && h.y1 >= v.y1 - 0.5 && h.y1 <= v.y2 + 0.5;

function push(map: Map<number, number[]>, k: number, v: number): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
