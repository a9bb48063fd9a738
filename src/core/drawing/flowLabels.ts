import type { Id, MapNode, NodeBox, Point, ProcessMap } from '../model/types';
import type { Route } from './stepRoute';
import { placeLabel } from './nodeLabels';
import { nodeMarks } from './nodeMarks';
import { SCREEN_TEXT, type TextStyle } from './textStyle';
import { textWidth } from './textMetrics';

// Where each flow's label sits: on its line, in the middle of its longest run unless a node,
// another flow's line or another label is there; a decision's branch near where it leaves.
// A label under a node cannot be read ("Web form, phone or e-mail" half hidden by the
// spreadsheet it runs past), so the label slides along the run, then tries the other runs,
// longest first. The editor and the SVG export both ask here, so they agree.

/** The label box as the editor's CSS draws it (.flow-label): 11.5 px text, 5 px padding, a 1 px border. */
export const FLOW_LABEL = SCREEN_TEXT.flowLabel;

/** Width and height of a label's box. */
export function flowLabelSize(text: string, style: TextStyle['flowLabel'] = FLOW_LABEL): { width: number; height: number } {
  return {
    width: textWidth(text, style.size) + 2 * style.padX + 2,
    height: style.size * style.lineHeight + 2,
  };
}

/** Where along a run a label is tried, in order: the middle first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];
/** Clearance kept between a label and a node's outline. */
const CLEAR = 3;
/** Side of the grid cells that index the node boxes. */
const CELL = 160;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The flow a line's box belongs to: its own label may sit on it. */
  owner?: Id;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Boxes in grid cells, so a 1000-node map answers "what is here" without trying every node. */
class BoxGrid {
  // Numbered cells, not "x,y" strings: the grid of every line is built on each edit, and making
  // a string per cell was most of that time.
  private cells = new Map<number, Box[]>();

  add(b: Box): void {
    const [x0, x1, y0, y1] = span(b);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const key = cellKey(gx, gy);
        const list = this.cells.get(key);
        if (list) list.push(b);
        else this.cells.set(key, [b]);
      }
    }
  }

  /** How much of `b` the boxes cover (a box in several cells counted once), leaving out those of `except`. */
  covered(b: Box, except?: Id): number {
    const [x0, x1, y0, y1] = span(b);
    const seen = new Set<Box>();
    let area = 0;
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        for (const o of this.cells.get(cellKey(gx, gy)) ?? []) {
          if (seen.has(o) || (except !== undefined && o.owner === except) || !overlaps(o, b)) continue;
          seen.add(o);
          area += (Math.min(o.x + o.w, b.x + b.w) - Math.max(o.x, b.x)) * (Math.min(o.y + o.h, b.y + b.h) - Math.max(o.y, b.y));
        }
      }
    }
    return area;
  }
}

/** The first and last cell columns and rows a box reaches. */
const span = (b: Box): [number, number, number, number] => [Math.floor(b.x / CELL), Math.floor((b.x + b.w) / CELL), Math.floor(b.y / CELL), Math.floor((b.y + b.h) / CELL)];
/** One number per cell: distinct while a map stays within half a million cells (80 million px) of the origin. */
const cellKey = (gx: number, gy: number) => gx * 1_048_576 + gy;

const inflate = (b: NodeBox): Box => ({ x: b.x - CLEAR, y: b.y - CLEAR, w: b.width + 2 * CLEAR, h: b.height + 2 * CLEAR });

/**
 * What a node covers: its shape (a decision as a plus, its corners free), the caption under a
 * start or end, and its marks (manual tag, notes mark, and the findings badge when known), which
 * stand out over its edges.
 */
function nodeBoxes(n: MapNode, b: NodeBox, style: TextStyle, finding?: number | string): Box[] {
  const place = style.labels[n.kind]?.place;
  const shape =
    n.kind === 'decision'
      ? [inflate({ ...b, y: b.y + b.height / 4, height: b.height / 2 }), inflate({ ...b, x: b.x + b.width / 4, width: b.width / 2 })]
      : [inflate(b)];
  const marks = Object.values(nodeMarks(b.width, b.height, { manual: n.manual, notes: !!n.notes, findings: finding }, style))
    .filter((m): m is NodeBox => typeof m === 'object')
    // Their own boxes, not widened: a label may touch a mark, and is never pushed by one onto a word.
    .map((m): Box => ({ x: b.x + m.x, y: b.y + m.y, w: m.width, h: m.height }));
  const caption = place === 'below' || place === 'diamond' ? placeLabel(n.kind, n.label, b.width, b.height, style) : null;
  if (!caption?.below) return [...shape, ...marks];
  // The caption's box is as wide as its column; the words in it are what must stay readable.
  const width = Math.max(...caption.lines.map((l) => textWidth(l, caption.size)));
  return [...shape, ...marks, inflate({ x: b.x + (b.width - width) / 2, y: b.y + caption.box.y, width, height: caption.box.height })];
}

/**
 * Candidate centres for a label of this size: the route's own spot, then along each run,
 * longest run first, from its middle outwards; then the same spots with the label beside the
 * line instead of on it (left or right of an upright run, above or below a level one).
 */
function candidates({ points, label }: Route, width: number, height: number): Point[] {
  const runs: { a: Point; b: Point; len: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
    if (len > 0) runs.push({ a, b, len });
  }
  // Stable: equal runs keep their order along the line.
  runs.sort((p, q) => q.len - p.len);
  const on: Point[] = [];
  const beside: Point[] = [];
  for (const { a, b } of runs) {
    const upright = a[0] === b[0];
    const [dx, dy] = upright ? [width / 2 + CLEAR, 0] : [0, height / 2 + CLEAR];
    for (const t of ALONG) {
      const x = a[0] + (b[0] - a[0]) * t;
      const y = a[1] + (b[1] - a[1]) * t;
      on.push([x, y]);
      beside.push([x - dx, y - dy], [x + dx, y + dy]);
    }
  }
  return [label, ...on, ...beside];
}

/** Spots along a line from its start, nearest first: where a decision's branch is named ("Yes", "No"). */
function startCandidates({ points }: Route, width: number, height: number): Point[] {
  const on: Point[] = [];
  const beside: Point[] = [];
  let walked = 0;
  for (let i = 1; i < points.length && walked < START_REACH; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
    if (len === 0) continue;
    const upright = a[0] === b[0];
    const along = (upright ? height : width) / 2 + CLEAR;
    const [dx, dy] = upright ? [width / 2 + CLEAR, 0] : [0, height / 2 + CLEAR];
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    for (let d = i === 1 ? along : 0; d <= len && walked + d < START_REACH; d += 6) {
      const x = a[0] + ux * d;
      const y = a[1] + uy * d;
      on.push([x, y]);
      beside.push([x + dx, y + dy], [x - dx, y - dy]);
    }
    walked += len;
  }
  return [...on, ...beside];
}

/** How far along its line a branch's name is looked for before the usual spots. */
const START_REACH = 90;

/** Every run of every line as a thin box, owned by its flow: a label set on another flow's line hides it. */
function lineBoxes(routes: { flow: { id: Id }; route: Route }[]): BoxGrid {
  const grid = new BoxGrid();
  for (const { flow, route } of routes) {
    for (let i = 1; i < route.points.length; i++) {
      const [x1, y1] = route.points[i - 1]!;
      const [x2, y2] = route.points[i]!;
      grid.add({ x: Math.min(x1, x2) - 1, y: Math.min(y1, y2) - 1, w: Math.abs(x2 - x1) + 2, h: Math.abs(y2 - y1) + 2, owner: flow.id });
    }
  }
  return grid;
}

/**
 * The label centre of every labelled flow in `routes`, keyed by flow id. Flows are placed in
 * order, each clear of the nodes and of the labels placed before it where its line allows.
 */
export function placeFlowLabels(
  map: Pick<ProcessMap, 'nodes' | 'view'>,
  routes: { flow: { id: Id; label?: string; from?: Id }; route: Route }[],
  style: TextStyle = SCREEN_TEXT,
  findings?: ReadonlyMap<Id, number | string>,
): Map<Id, Point> {
  const placed = new Map<Id, Point>();
  // Most flows have no label: a map without any needs no grid of its nodes and lines.
  if (!routes.some(({ flow }) => flow.label?.trim())) return placed;
  const nodes = new BoxGrid();
  const decisions = new Set<Id>();
  for (const n of map.nodes) {
    const b = map.view.nodes[n.id];
    if (b) for (const box of nodeBoxes(n, b, style, findings?.get(n.id))) nodes.add(box);
    if (n.kind === 'decision') decisions.add(n.id);
  }
  const lines = lineBoxes(routes);
  const labels = new BoxGrid();
  for (const { flow, route } of routes) {
    const text = flow.label?.trim().replace(/\s+/g, ' ');
    if (!text) continue;
    const { width, height } = flowLabelSize(text, style.flowLabel);
    const boxAt = ([cx, cy]: Point): Box => ({ x: cx - width / 2, y: cy - height / 2, w: width, h: height });
    // The first spot clear of nodes and labels; failing that, the one that hides least.
    let best = route.label;
    let bestCost = [Infinity, Infinity];
    // A decision's branch is named where it leaves, so Yes and No read at the diamond.
    const spots = flow.from !== undefined && decisions.has(flow.from) ? [...startCandidates(route, width, height), ...candidates(route, width, height)] : candidates(route, width, height);
    for (const c of spots) {
      const box = boxAt(c);
      // The lane headers' column counts as a node: a label there hides the lane's name.
      const underHeader = Math.max(0, style.headerWidth + CLEAR - box.x) * box.h;
      const cost = [nodes.covered(box) + underHeader, labels.covered(box) + lines.covered(box, flow.id)];
      if (cost[0]! < bestCost[0]! || (cost[0] === bestCost[0] && cost[1]! < bestCost[1]!)) [best, bestCost] = [c, cost];
      if (cost[0] === 0 && cost[1] === 0) break;
    }
    placed.set(flow.id, best);
    labels.add(boxAt(best));
  }
  return placed;
}
