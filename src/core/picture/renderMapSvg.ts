import { nodeBadges } from '../analysis/focus';
import type { Finding } from '../analysis/types';
import { quickLayout } from '../layout/quickLayout';
import { mapWidth } from '../model/geometry';
import type { Id, ProcessMap, Workspace } from '../model/types';
import { drawFlows } from './drawFlows';
import { flowRoutes } from '../drawing/flowRoutes';
import { fittedBoxes } from '../drawing/nodeSize';
import { withWholeLaneNames } from '../drawing/laneNames';
import { SCREEN_TEXT } from '../drawing/textStyle';
import { drawLanes } from './drawLanes';
import { type Badge, drawNodes, NODE_TEXT_DEFAULTS } from './drawNodes';
import { baseline, INK } from '../drawing/nodeLabels';
import { Extent, FONT_FAMILY, num, textBlock, xmlText } from './svgMarkup';
import { wrapText } from '../drawing/textMetrics';

// A whole map as a standalone SVG, drawn from the model (no browser): lanes, nodes, flows and
// labels as the editor shows them, optionally with finding badges and a title block. Text is
// real text; every string from the user is escaped; nothing in it runs.

export interface SvgOptions {
  /** Draw a badge on each node these findings concern, as the editor does. */
  findings?: Finding[];
  /** A title block above the map: its name, its department and the date. */
  title?: boolean;
  /** ISO date for the title block; today when not given. */
  date?: string;
  /** White margin around the drawing, in pixels. */
  padding?: number;
}

export interface RenderedSvg {
  svg: string;
  /** The picture's size in CSS pixels (the viewBox's). */
  width: number;
  height: number;
}

const DEFAULT_PADDING = 16;
const TITLE_SIZE = 18;
const SUBTITLE_SIZE = 12.5;
const TITLE_GAP = 14;
const MUTED = '#5a6878';

export function renderMapSvg(source: ProcessMap, ws: Workspace, opts: SvgOptions = {}): RenderedSvg {
  // A map with nodes that have no place yet (an import, a script) is drawn with the quick layout.
  // Every node as big as its label needs, and every band as tall as its lane's whole name, so
  // the picture holds every word.
  const placed = fittedBoxes(source.nodes.some((n) => !source.view.nodes[n.id]) ? quickLayout(source) : source);
  const map = withWholeLaneNames(placed, SCREEN_TEXT, (id) => ws.departments.find((d) => d.id === id)?.name);
  const padding = Math.max(0, opts.padding ?? DEFAULT_PADDING);
  const extent = new Extent();

  const lanes = drawLanes(map, ws, mapWidth(map), extent);
  const badges = opts.findings ? nodeBadges(opts.findings, map, ws) : new Map<Id, Badge>();
  const flows = drawFlows(flowRoutes(map, undefined, new Map([...badges].map(([id, b]) => [id, b.count]))), extent);
  const nodes = drawNodes(map, badges, extent);
  let empty = '';
  if (extent.empty) {
    empty = `<text x="0" y="${num(baseline(0, 13, 1.2))}" font-size="13" fill="${MUTED}">This map has no lanes or steps yet.</text>`;
    extent.add(0, 0, 400, 16);
  }

  const department = ws.departments.find((d) => d.id === map.departmentId)?.name;
  const title = opts.title ? titleBlock(map.name, department, opts.date ?? new Date().toISOString().slice(0, 10), extent) : '';

  const left = extent.minX - padding;
  const top = extent.minY - padding;
  const width = Math.ceil(extent.maxX - extent.minX + 2 * padding);
  const height = Math.ceil(extent.maxY - extent.minY + 2 * padding);
  const name = department ? `${map.name} (${department})` : map.name;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlText(FONT_FAMILY)}" role="img" aria-label="${xmlText(name)}">` +
    // No ids anywhere: several maps can sit inline in one HTML page without clashing.
    `<title>${xmlText(name)}</title>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<g transform="translate(${num(-left)},${num(-top)})">${title}<g class="lanes">${lanes}</g><g class="flows">${flows.lines}</g><g class="flow-labels">${flows.labels}</g><g class="nodes" ${NODE_TEXT_DEFAULTS}>${nodes}</g>${empty}</g>` +
    '</svg>';
  return { svg, width, height };
}

/**
 * The map's name in bold, then its department and the date, above the drawing's left edge. Both
 * wrap and the block grows to hold them: a printed report has no way to expand a cut line.
 */
function titleBlock(name: string, department: string | undefined, date: string, extent: Extent): string {
  const x = extent.minX;
  const width = Math.max(400, extent.maxX - extent.minX);
  const nameLines = wrapText(name || 'Untitled map', width, { size: TITLE_SIZE, bold: true });
  const sub = [department, date].filter(Boolean).join(' · ');
  const subLines = wrapText(sub, width, { size: SUBTITLE_SIZE });
  const lh = TITLE_SIZE * 1.25;
  const subLh = SUBTITLE_SIZE * 1.3;
  const height = nameLines.length * lh + 4 + subLines.length * subLh;
  const top = extent.minY - TITLE_GAP - height;
  const nameBase = nameLines.map((_, i) => baseline(top + i * lh, TITLE_SIZE, 1.25));
  const subTop = top + nameLines.length * lh + 4;
  const subBase = subLines.map((_, i) => baseline(subTop + i * subLh, SUBTITLE_SIZE, 1.3));
  extent.add(x, top, width, height);
  return (
    `<g class="title-block">${textBlock(nameLines, x, nameBase, `font-size="${TITLE_SIZE}" font-weight="700" fill="${INK}"`)}` +
    `${subLines.length ? textBlock(subLines, x, subBase, `font-size="${SUBTITLE_SIZE}" fill="${MUTED}"`) : ''}</g>`
  );
}
