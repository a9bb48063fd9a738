import { flowLabelSize } from '../../drawing/flowLabels';
import { flowRoutes } from '../../drawing/flowRoutes';
import type { Route } from '../../drawing/stepRoute';
import type { Id, Point, Workspace } from '../../model/types';
import { drawFlows, type FlowPiece } from '../drawFlows';
import { drawLanes } from '../drawLanes';
import { type Badge, drawNodes, NODE_TEXT_DEFAULTS } from '../drawNodes';
import type { RenderedSvg } from '../renderMapSvg';
import { Extent, FONT_FAMILY, num, xmlText } from '../svgMarkup';
import type { PrintedMap } from './printLayout';

// A printed map too wide for the page is cut into parts between its columns, never through a
// step: each part repeats the lane names at its left, and a flow that runs on into the next
// part ends at the cut in a small ring, where the next part picks it up.

/** What one part shows of the map: from x0 to x1 of the laid-out map. */
export interface PartRange {
  x0: number;
  x1: number;
}

/** Kept between a cut and a node's edge, for its badge and the flows' arrowheads. */
const CLEAR = 8;

/** Where to cut between two columns: clear of flow labels, and as far as can be from any upright run of a flow. */
interface Cut {
  x: number;
  /** Clear of every label, and of every upright run by a few pixels. */
  clean: boolean;
}

function cutBetween(left: number, right: number, uprights: number[], labels: [number, number][]): Cut {
  const mid = (left + right) / 2;
  let best: Cut = { x: mid, clean: false };
  let bestScore = -Infinity;
  for (let x = Math.ceil(left + CLEAR); x <= right - CLEAR; x++) {
    const room = Math.min(Infinity, ...uprights.map((u) => Math.abs(u - x)));
    const through = labels.some(([a, b]) => x > a - 2 && x < b + 2);
    const score = Math.min(room, 8) - (through ? 100 : 0) - Math.abs(x - mid) / 100;
    if (score > bestScore) [best, bestScore] = [{ x, clean: !through && room >= 5 }, score];
  }
  return best;
}

/** The x-span of every flow label. */
function labelSpans(p: PrintedMap): [number, number][] {
  return routesOf(p).flatMap(({ flow, route }) => {
    const text = flow.label?.trim().replace(/\s+/g, ' ');
    if (!text) return [];
    const w = flowLabelSize(text, p.style.flowLabel).width;
    return [[route.label[0] - w / 2, route.label[0] + w / 2] as [number, number]];
  });
}

/** The routes of a printed map's flows, worked out once however many parts draw them. */
const routeCache = new WeakMap<PrintedMap, ReturnType<typeof flowRoutes>>();
function routesOf(p: PrintedMap): ReturnType<typeof flowRoutes> {
  let routes = routeCache.get(p);
  if (!routes) routeCache.set(p, (routes = flowRoutes(p.map, p.style, p.badges)));
  return routes;
}

/** x of every upright run of every flow. */
function uprightRuns(p: PrintedMap): number[] {
  const xs: number[] = [];
  for (const pts of Object.values(p.map.view.flowPoints)) {
    for (let i = 1; i < pts.length; i++) if (pts[i - 1]![0] === pts[i]![0] && pts[i - 1]![1] !== pts[i]![1]) xs.push(pts[i]![0]);
  }
  return xs;
}

/**
 * The map as parts no wider than `maxWidth` (with the header each repeats): as many whole
 * columns in each as fit. One part when the map fits; a column wider than a page is a part alone.
 */
export function splitParts(p: PrintedMap, maxWidth: number): PartRange[] {
  const start = p.style.headerWidth;
  if (p.width <= maxWidth || p.columns.length <= 1) return [{ x0: start, x1: p.width }];
  const uprights = uprightRuns(p);
  const labels = labelSpans(p);
  const cuts = p.columns.slice(0, -1).map((c, i) => cutBetween(c.right, p.columns[i + 1]!.left, uprights, labels));
  const fewest = greedyParts(p, cuts, start, maxWidth - start, false).length;
  // As few parts as the page allows, cut cleanly where that costs no extra part; then as even as
  // they can be: the narrowest room that still needs no more parts.
  const clean = greedyParts(p, cuts, start, maxWidth - start, true).length <= fewest;
  let lo = 1;
  let hi = maxWidth - start;
  while (hi - lo > 4) {
    const mid = (lo + hi) / 2;
    if (greedyParts(p, cuts, start, mid, clean).length <= fewest) hi = mid;
    else lo = mid;
  }
  return greedyParts(p, cuts, start, hi, clean);
}

/**
 * Whole columns into parts of at most `room` across, left to right, each as full as it goes,
 * unless that cut would run through a flow's label or along a flow: then a column or two back.
 */
function greedyParts(p: PrintedMap, cuts: Cut[], start: number, room: number, preferClean: boolean): PartRange[] {
  const parts: PartRange[] = [];
  const last = p.columns.length - 1;
  const endAfter = (c: number) => (c === last ? p.width : cuts[c]!.x);
  let x0 = start;
  let first = 0;
  while (first <= last) {
    let c = first;
    while (c < last && endAfter(c + 1) - x0 <= room) c++;
    if (preferClean && c < last && !cuts[c]!.clean) {
      const back = [c - 1, c - 2].find((k) => k >= first && cuts[k]!.clean);
      if (back !== undefined) c = back;
    }
    parts.push({ x0, x1: endAfter(c) });
    x0 = endAfter(c);
    first = c + 1;
  }
  return parts;
}

/** The pieces of an upright-and-level polyline between x0 and x1, with which ends were cut. */
export function clipRoute(points: Point[], x0: number, x1: number): { points: Point[]; cutStart: boolean; cutEnd: boolean }[] {
  const pieces: { points: Point[]; cutStart: boolean; cutEnd: boolean }[] = [];
  let current: Point[] | null = null;
  let cutStart = false;
  const inside = (x: number) => x >= x0 && x <= x1;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (i === 0) {
      if (inside(p[0])) current = [p];
      continue;
    }
    const a = points[i - 1]!;
    // The run from a to p, limited to [x0, x1] (runs are level or upright).
    const lo = Math.max(x0, Math.min(a[0], p[0]));
    const hi = Math.min(x1, Math.max(a[0], p[0]));
    if (lo > hi) {
      if (current) pieces.push({ points: current, cutStart, cutEnd: true });
      current = null;
      continue;
    }
    const enter: Point = a[0] === p[0] ? a : [a[0] < p[0] ? lo : hi, a[1]];
    const leave: Point = a[0] === p[0] ? p : [a[0] < p[0] ? hi : lo, p[1]];
    if (!current) {
      current = [enter];
      cutStart = true;
    }
    current.push(leave);
    if (!inside(p[0])) {
      pieces.push({ points: current, cutStart, cutEnd: true });
      current = null;
    }
  }
  if (current && current.length > 1) pieces.push({ points: current, cutStart, cutEnd: false });
  return pieces;
}

export interface PrintSvgOptions {
  /** The part to draw; the whole map when absent. */
  range?: PartRange;
  /** A badge per node, with its text ("F2 F5"). */
  badges?: Map<Id, Badge>;
  /** Read by screen readers and shown as the picture's tooltip. */
  label?: string;
}

/** A printed map, or one part of it, as SVG at its paper size in CSS pixels. */
export function renderPrintSvg(p: PrintedMap, ws: Pick<Workspace, 'departments'>, opts: PrintSvgOptions = {}): RenderedSvg {
  const header = p.style.headerWidth;
  const { x0, x1 } = opts.range ?? { x0: header, x1: p.width };
  const width = Math.ceil(header + (x1 - x0));
  const body = new Extent();
  const inRange = (x: number) => x >= x0 && x < x1;

  const pieces: FlowPiece[] = [];
  for (const { flow, route } of routesOf(p)) {
    // The label goes with the part that holds its middle, once, moved in if it would stick out of the part.
    let labelHere = inRange(route.label[0]);
    const half = flow.label?.trim() ? flowLabelSize(flow.label.trim().replace(/\s+/g, ' '), p.style.flowLabel).width / 2 : 0;
    const label: Point = [Math.min(Math.max(route.label[0], x0 + half + 2), x1 - half - 2), route.label[1]];
    for (const piece of clipRoute(route.points, x0, x1)) {
      const r: Route = { points: piece.points, label, rounded: route.rounded };
      pieces.push({ flow, route: r, cutStart: piece.cutStart, cutEnd: piece.cutEnd, labelled: labelHere });
      labelHere = false;
    }
  }
  const flows = drawFlows(pieces, body, p.style);
  const nodes = drawNodes(p.map, opts.badges ?? new Map(), body, p.style, (n) => {
    const b = p.map.view.nodes[n.id]!;
    return inRange(b.x + b.width / 2);
  });
  const lanesExtent = new Extent();
  const lanes = drawLanes(p.map, ws, width, lanesExtent, p.style);

  const dx = header - x0;
  const top = Math.floor(Math.min(0, body.empty ? 0 : body.minY - 1));
  const bottom = Math.ceil(Math.max(p.height, body.empty ? 0 : body.maxY + 1));
  const height = bottom - top;
  const name = opts.label ?? p.map.name;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 ${top} ${width} ${height}" font-family="${xmlText(FONT_FAMILY)}" role="img" aria-label="${xmlText(name)}">` +
    `<title>${xmlText(name)}</title><rect y="${top}" width="${width}" height="${height}" fill="#fff"/>` +
    `<g class="lanes">${lanes}</g><g transform="translate(${num(dx)},0)"><g class="flows">${flows.lines}</g><g class="flow-labels">${flows.labels}</g>` +
    `<g class="nodes" ${NODE_TEXT_DEFAULTS.replace('font-size="13"', `font-size="${p.style.labels.step.size}"`)}>${nodes}</g></g></svg>`;
  return { svg, width, height };
}
