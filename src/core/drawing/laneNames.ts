import { laneBands, laneHeight } from '../model/geometry';
import type { Id, Lane, Point, ProcessMap } from '../model/types';
import { laneOwnDepartment } from '../model/vocabulary';
import { wrapText } from './textMetrics';
import type { TextStyle } from './textStyle';

// A lane's name is shown whole, never cut with "…": wrapped across the header on screen (and
// in the picture drawn like it), and a band too short for its wrapped name grows. The canvas
// header, the picture and the commands that size lanes all measure it here.

/** The header's inner space: left and right, top and bottom (the editor's .lane-header padding). */
export const HEADER_PAD_X = 8;
export const HEADER_PAD_Y = 10;
/** Gap between the name and the department tag under it. */
export const TAG_GAP = 4;
/** CSS `line-height: normal` for DejaVu Sans: the department tag's lines. */
export const TAG_LINE = 1.164;
/** The department tag's inner space: left and right, top and bottom. */
export const TAG_PAD_X = 5;
export const TAG_PAD_Y = 1;
/** Room under the name for the header's move and delete buttons (screen only; the picture leaves it empty). */
const TOOLS_ROW = 26;

/** Width the name's lines may take inside a header of `style.headerWidth` (its 1 px right border kept clear). */
export function laneNameWidth(style: TextStyle): number {
  return style.headerWidth - 2 * HEADER_PAD_X - 1;
}

/** The name's lines across the header: every word, wrapped at spaces, a word too long for a line cut at its edge. */
export function laneNameLines(name: string, style: TextStyle): string[] {
  return wrapText(name, laneNameWidth(style), { size: style.laneName.size, bold: true });
}

/** The department tag's lines under the name: all of its words. */
export function laneTagLines(tag: string, style: TextStyle): string[] {
  return wrapText(tag, laneNameWidth(style) - 2 * TAG_PAD_X, { size: style.laneTag });
}

/**
 * The band height a lane's header needs for its whole name across it, with its department tag
 * (`tag`: the department's name, '' when it is not known here, undefined for none) and the
 * header's buttons under them.
 */
export function laneHeaderNeed(name: string, tag: string | undefined, style: TextStyle): number {
  // Measured once per name and style: the canvas asks for every lane on every edit.
  const known = headerNeeds.get(style) ?? headerNeeds.set(style, new Map()).get(style)!;
  const key = `${name}\u0000${tag ?? '\u0001'}`;
  let need = known.get(key);
  if (need === undefined) {
    if (known.size > 2000) known.clear();
    need = measureHeaderNeed(name, tag, style);
    known.set(key, need);
  }
  return need;
}
const headerNeeds = new WeakMap<TextStyle, Map<string, number>>();

function measureHeaderNeed(name: string, tag: string | undefined, style: TextStyle): number {
  const nameLines = Math.max(1, laneNameLines(name, style).length);
  const tagLines = tag === undefined ? 0 : Math.max(1, laneTagLines(tag, style).length);
  const tagHeight = tagLines ? TAG_GAP + tagLines * style.laneTag * TAG_LINE + 2 * TAG_PAD_Y : 0;
  return Math.ceil(2 * HEADER_PAD_Y + nameLines * style.laneName.size * style.laneName.lineHeight + tagHeight + TAG_GAP + TOOLS_ROW);
}

/**
 * The map with every band at least as tall as `need(laneId)`: a band that grows keeps its
 * nodes where they are, and everything below it moves down by as much, routes included (their
 * orthogonal segments stay so, as both ends of a level segment move together). The same map
 * when no band grows.
 */
export function growBands(map: ProcessMap, need: (laneId: Id) => number): ProcessMap {
  const grow = laneBands(map)
    .map((b) => ({ ...b, extra: Math.ceil(need(b.laneId) - b.height) }))
    .filter((g) => g.extra > 0);
  if (grow.length === 0) return map;
  const shift = (y: number) => grow.reduce((dy, g) => (y >= g.y + g.height ? dy + g.extra : dy), 0);
  const laneHeights = { ...map.view.laneHeights };
  for (const g of grow) laneHeights[g.laneId] = laneHeight(map.view, g.laneId) + g.extra;
  const nodes = Object.fromEntries(Object.entries(map.view.nodes).map(([id, b]) => [id, { ...b, y: b.y + shift(b.y) }]));
  const flowPoints = Object.fromEntries(Object.entries(map.view.flowPoints).map(([id, pts]) => [id, pts.map(([x, y]): Point => [x, y + shift(y)])]));
  return { ...map, view: { ...map.view, nodes, laneHeights, flowPoints } };
}

/**
 * The band height `lane` needs for its whole name and its department's tag (shown when the
 * lane's department is not the map's; named by `departmentName`, else counted as one line).
 */
export function laneNeed(map: ProcessMap, lane: Lane, style: TextStyle, departmentName?: (id: Id) => string | undefined): number {
  const own = laneOwnDepartment(map, lane);
  const tag = own ? (departmentName?.(own) ?? '') : undefined;
  return laneHeaderNeed(lane.name, tag, style);
}

/** The map with every band tall enough for its lane's whole name (growBands). */
export function withWholeLaneNames(map: ProcessMap, style: TextStyle, departmentName?: (id: Id) => string | undefined): ProcessMap {
  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  return growBands(map, (laneId) => laneNeed(map, lanes.get(laneId)!, style, departmentName));
}
