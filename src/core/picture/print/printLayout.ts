import { diamondLines, placeLabel } from '../../drawing/nodeLabels';
import { sideBySideWidth } from '../../drawing/nodeMarks';
import { fitNodeSize } from '../../drawing/nodeSize';
import { textWidth, wrapText } from '../../drawing/textMetrics';
import { PRINT_TEXT, type TextStyle } from '../../drawing/textStyle';
import { buildGraph } from '../../layout/graph';
import { layoutOnColumns } from '../../layout/layout';
import { quickLayout } from '../../layout/quickLayout';
import { laneBands } from '../../model/geometry';
import type { Department, Id, MapNode, MapView, NodeBox, Point, ProcessMap } from '../../model/types';
import { VERTICAL_PAD, verticalNameLines } from '../drawLanes';

// A map laid out again for paper, as Visio's cross-functional shapes are: steps about an inch
// wide with whole words wrapped inside them, lane names up a narrow header, and the gaps of
// the screen layout shrunk. The columns and the order inside them are the ones the user sees
// (read from the drawing), so the printed map is recognisably theirs; the editor's own layout
// is never touched. Units are CSS pixels: placed at its own size, the picture prints its
// smallest text at 8.25 pt.

/** The layout's gaps (channels of 50, pads of 20) come out at this share on paper. */
const SHRINK = 0.45;
/** 60 pt: a step is a little under an inch wide unless a long word needs more. */
const STEP_WIDTH = 80;
const NOTE_WIDTH = 100;
const CIRCLE = 24;
const MIN_HEIGHT: Partial<Record<MapNode['kind'], number>> = { step: 36, document: 40, dataStore: 44, system: 36, note: 30 };
/** Clear space between the lane header and the first column. */
const LEAD = 12;
/** A lane's name gets at least this much length before it wraps. */
const MIN_NAME_LENGTH = 90;
/** Centres closer than this across are one column of the drawing. */
const SAME_COLUMN = 40;

export interface PrintedMap {
  /** The map with its geometry for paper (names of lanes from other departments say so). */
  map: ProcessMap;
  /** PRINT_TEXT with this map's lane header width. */
  style: TextStyle;
  /** What each node's findings badge says, as laid out for (flow labels keep clear of the badges). */
  badges?: ReadonlyMap<Id, string>;
  /** Every column's left and right edge, left to right: where the map may be cut. */
  columns: { left: number; right: number }[];
  width: number;
  height: number;
}

interface PrintSize {
  /** The box the layout keeps free. */
  width: number;
  height: number;
  /** Starts and ends: the circle drawn in the middle of that box (its caption below it). */
  circle?: boolean;
}

const longestWord = (label: string, size: number): number => Math.max(0, ...label.split(/\s+/).map((w) => textWidth(w, size)));

/**
 * The size a node takes on paper: as wide as a step or its longest word (or its manual tag and
 * its badge's `findings` side by side), as tall as its wrapped label.
 */
export function printSize(n: MapNode, findings?: string): PrintSize {
  const st = PRINT_TEXT.labels[n.kind];
  if (n.kind === 'start' || n.kind === 'end') {
    const caption = placeLabel(n.kind, n.label, CIRCLE, CIRCLE, PRINT_TEXT);
    const wide = caption ? Math.max(...caption.lines.map((l) => textWidth(l, st.size))) : 0;
    return { width: Math.max(CIRCLE, Math.ceil(wide)), height: CIRCLE + 2 * Math.ceil(caption?.box.height ?? 0), circle: true };
  }
  if (n.kind === 'decision') {
    // A flat diamond: a line at height y from the middle has w * (1 - 2|y| / h) across.
    const lines = wrapText(n.label, STEP_WIDTH - 10, { size: st.size, breakWords: false });
    const widest = Math.max(0, ...lines.map((l) => textWidth(l, st.size)));
    const text = lines.length * st.size * 1.2;
    let h = Math.max(44, Math.ceil(2.2 * text + 8));
    let w = Math.max(h, Math.ceil(widest / (1 - text / h) + 10));
    // The text goes inside when the diamond's own test (diamondLines) says it fits, as on screen; grown until it does.
    for (let i = 0; i < 20 && !diamondLines(n.label, w, h, PRINT_TEXT); i++) [w, h] = [Math.ceil(w * 1.1), Math.ceil(h * 1.05)];
    return { width: w, height: h };
  }
  const base = n.kind === 'note' ? NOTE_WIDTH : STEP_WIDTH;
  const marks = n.manual && findings ? sideBySideWidth(findings, PRINT_TEXT) : 0;
  const width = Math.ceil(Math.max(base, longestWord(n.label, st.size) + 2 * st.padX + 2, marks));
  // An inch wide (or its longest word), growing in height to hold every word and its marks' room, as a step grows on screen.
  return fitNodeSize(n.kind, n.label, width, MIN_HEIGHT[n.kind] ?? 36, true, PRINT_TEXT);
}

/** The drawing's columns: node centres sorted across, a new column where they move on by more than SAME_COLUMN. */
function drawnColumns(map: ProcessMap): { column: number[]; count: number; centreY: number[] } {
  const centre = map.nodes.map((n) => {
    const b = map.view.nodes[n.id]!;
    return [b.x + b.width / 2, b.y + b.height / 2] as const;
  });
  const order = map.nodes.map((_, i) => i).sort((a, b) => centre[a]![0] - centre[b]![0] || a - b);
  const column = new Array<number>(map.nodes.length).fill(0);
  let count = 0;
  let first = -Infinity;
  for (const i of order) {
    if (centre[i]![0] - first > SAME_COLUMN) {
      count++;
      first = centre[i]![0];
    }
    column[i] = count - 1;
  }
  return { column, count, centreY: centre.map((c) => c[1]) };
}

const scaleBox = (b: NodeBox, k: number): NodeBox => ({ x: b.x * k, y: b.y * k, width: b.width * k, height: b.height * k });

/** The map laid out for paper; `badges` says what each node's finding badge will say ("F2 F5"). */
export function printLayout(source: ProcessMap, departments: readonly Department[] = [], badges?: ReadonlyMap<Id, string>): PrintedMap {
  const drawn = source.nodes.some((n) => !source.view.nodes[n.id]) ? quickLayout(source) : source;
  const sizes = new Map(drawn.nodes.map((n) => [n.id, printSize(n, badges?.get(n.id))]));
  const cols = drawnColumns(drawn);
  // Laid out at 1/SHRINK of the paper size, then scaled down: boxes come out at their paper size, the gaps at SHRINK of the screen's.
  const big: ProcessMap = {
    ...drawn,
    view: { ...drawn.view, nodes: Object.fromEntries(drawn.nodes.map((n) => [n.id, { x: 0, y: 0, width: sizes.get(n.id)!.width / SHRINK, height: sizes.get(n.id)!.height / SHRINK }])) },
  };
  const { view: laid } = layoutOnColumns(big, buildGraph(big), cols);
  const view: MapView = {
    nodes: Object.fromEntries(Object.entries(laid.nodes).map(([id, b]) => [id, scaleBox(b, SHRINK)])),
    laneHeights: Object.fromEntries(Object.entries(laid.laneHeights).map(([id, h]) => [id, h * SHRINK])),
    flowPoints: Object.fromEntries(Object.entries(laid.flowPoints).map(([id, pts]) => [id, pts.map(([x, y]): Point => [x * SHRINK, y * SHRINK])])),
  };
  shrinkCircles(drawn, view, sizes);

  const lanes = drawn.lanes.map((l) => {
    const dept = l.departmentId && l.departmentId !== drawn.departmentId ? departments.find((d) => d.id === l.departmentId) : undefined;
    return dept ? { ...l, name: `${l.name.trim()} (${dept.name.trim()})` } : l;
  });
  const map: ProcessMap = { ...drawn, lanes, view };
  const headerWidth = fitLaneNames(map);
  const style: TextStyle = { ...PRINT_TEXT, headerWidth };

  const columns = Array.from({ length: cols.count }, () => ({ left: Infinity, right: -Infinity }));
  drawn.nodes.forEach((n, i) => {
    const b = view.nodes[n.id]!;
    // A start's or end's caption is wider than its circle: the column is as wide as the caption.
    const half = Math.max(b.width, sizes.get(n.id)!.width) / 2;
    const c = columns[cols.column[i]!]!;
    c.left = Math.min(c.left, b.x + b.width / 2 - half);
    c.right = Math.max(c.right, b.x + b.width / 2 + half);
  });
  const kept = columns.filter((c) => Number.isFinite(c.left));
  // The first column (a start's caption included) starts just right of the header.
  const dx = kept.length ? headerWidth + LEAD - kept[0]!.left : 0;
  shiftX(view, dx);
  for (const c of kept) [c.left, c.right] = [c.left + dx, c.right + dx];
  const right = Math.max(headerWidth + LEAD, ...kept.map((c) => c.right), ...Object.values(view.flowPoints).flat().map((p) => p[0]));
  const height = laneBands(map).reduce((h, b) => h + b.height, 0);
  return { map, style, ...(badges ? { badges } : {}), columns: kept, width: Math.ceil(right + LEAD), height };
}

/**
 * Starts and ends had room kept for their caption above and below the circle, so flows meet
 * them at the circle's middle; now the box is the circle, and flows that stopped at the kept
 * room's edge run on to the circle.
 */
function shrinkCircles(map: ProcessMap, view: MapView, sizes: Map<Id, PrintSize>): void {
  const circles = new Map<Id, { old: NodeBox; cx: number; cy: number }>();
  for (const n of map.nodes) {
    if (!sizes.get(n.id)!.circle) continue;
    const old = view.nodes[n.id]!;
    const cx = old.x + old.width / 2;
    const cy = old.y + old.height / 2;
    view.nodes[n.id] = { x: cx - CIRCLE / 2, y: cy - CIRCLE / 2, width: CIRCLE, height: CIRCLE };
    circles.set(n.id, { old, cx, cy });
  }
  const r = CIRCLE / 2 - 2;
  const meet = (p: Point, q: Point, c: { old: NodeBox; cx: number; cy: number }): Point => {
    if (q[1] === p[1] && Math.abs(p[1] - c.cy) < 1) return [p[0] < c.cx ? c.cx - r : c.cx + r, p[1]];
    if (q[0] === p[0]) return [p[0], p[1] < c.cy ? c.cy - Math.sqrt(Math.max(0, r * r - (p[0] - c.cx) ** 2)) : c.cy + Math.sqrt(Math.max(0, r * r - (p[0] - c.cx) ** 2))];
    return p;
  };
  for (const f of map.flows) {
    const pts = view.flowPoints[f.id];
    if (!pts || pts.length < 2) continue;
    const from = circles.get(f.from);
    const to = circles.get(f.to);
    if (from) pts[0] = meet(pts[0]!, pts[1]!, from);
    if (to) pts[pts.length - 1] = meet(pts[pts.length - 1]!, pts[pts.length - 2]!, to);
  }
}

/**
 * Each lane's name runs up the header in at most three lines; a band too short for its name
 * grows (its content stays in the middle, what is below moves down). Returns the header width.
 */
function fitLaneNames(map: ProcessMap): number {
  const { size, lineHeight } = PRINT_TEXT.laneName;
  let lines = 1;
  const view = map.view;
  const bands = laneBands(map);
  // Lanes bottom to top, so moving what is below a band never moves a band still to be looked at.
  const grow: { top: number; bottom: number; extra: number }[] = [];
  bands.forEach((band, i) => {
    const lane = map.lanes[i]!;
    const names = verticalNameLines(lane.name, Math.max(band.height, MIN_NAME_LENGTH), PRINT_TEXT);
    lines = Math.max(lines, names.length);
    const need = Math.max(0, ...names.map((l) => textWidth(l, size, true))) + 2 * VERTICAL_PAD;
    if (need > band.height) {
      grow.push({ top: band.y, bottom: band.y + band.height, extra: Math.ceil(need - band.height) });
      view.laneHeights[lane.id] = Math.ceil(need);
    }
  });
  for (const g of grow.reverse()) {
    const at = (y: number) => (y >= g.bottom ? g.extra : y >= g.top ? g.extra / 2 : 0);
    for (const b of Object.values(view.nodes)) b.y += at(b.y);
    for (const pts of Object.values(view.flowPoints)) for (const p of pts) p[1] += at(p[1]);
  }
  return Math.ceil(lines * size * lineHeight + 2 * VERTICAL_PAD);
}

function shiftX(view: MapView, dx: number): void {
  if (dx === 0) return;
  for (const b of Object.values(view.nodes)) b.x += dx;
  for (const pts of Object.values(view.flowPoints)) for (const p of pts) p[0] += dx;
}
