import type { Severity } from '../analysis/types';
import { shapeOutline, SHAPE_STYLE } from '../model/shapes';
import type { Id, MapNode, ProcessMap } from '../model/types';
import { baseline, INK, placeLabel } from '../drawing/nodeLabels';
import { Extent, num, textBlock, xmlText } from './svgMarkup';
import { textWidth } from '../drawing/textMetrics';
import { SCREEN_TEXT, type TextStyle } from '../drawing/textStyle';

// Nodes as the editor draws them: the shared outline and palette, the label wrapped inside
// (under a start or end), and the small marks on the box: "manual", has notes, and how many
// findings concern it, coloured by the worst.

/** How many findings concern a node and the worst of them; `text` ("F2 F5") is shown instead of the count when given. */
export type Badge = { count: number; severity: Severity; text?: string };

/** The editor's severity colours (.sev-high, .sev-medium, .sev-low). */
export const SEVERITY_FILL: Record<Severity, string> = { high: '#b3261e', medium: '#9a5b00', low: '#51606f' };
const NORMAL_LINE = 1.164;

/** Set once on the group around all nodes; a label says only how it differs. */
export const NODE_TEXT_DEFAULTS = `font-size="13" text-anchor="middle" fill="${INK}"`;

export function drawNodes(map: ProcessMap, badges: Map<Id, Badge>, extent: Extent, style: TextStyle = SCREEN_TEXT, only?: (n: MapNode) => boolean): string {
  const out: string[] = [];
  for (const n of map.nodes) {
    const box = map.view.nodes[n.id];
    if (box && (!only || only(n))) out.push(drawNode(n, box.x, box.y, box.width, box.height, badges.get(n.id), extent, style));
  }
  return out.join('');
}

function drawNode(n: MapNode, x: number, y: number, w: number, h: number, badge: Badge | undefined, extent: Extent, style: TextStyle): string {
  const outline = shapeOutline(n.kind, w, h);
  const shape = SHAPE_STYLE[n.kind];
  // Relative to the node's top left; added to the extent at the node's place.
  const local = new Extent();
  local.add(-shape.strokeWidth / 2, -shape.strokeWidth / 2, w + shape.strokeWidth, h + shape.strokeWidth);
  const parts: string[] = [`<g class="node node-${n.kind}" transform="translate(${num(x)},${num(y)})">`];
  if (n.notes) parts.push(`<title>${xmlText(n.notes)}</title>`);
  parts.push(`<path d="${outline.body}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"/>`);
  if (outline.detail) parts.push(`<path d="${outline.detail}" fill="none" stroke="${shape.stroke}" stroke-width="1"/>`);
  const label = placeLabel(n.kind, n.label, w, h, style);
  if (label) {
    local.add(label.box.x, label.box.y, label.box.width, label.box.height);
    const attrs = [label.size !== 13 && `font-size="${label.size}"`, label.anchor !== 'middle' && `text-anchor="${label.anchor}"`].filter(Boolean).join(' ');
    parts.push(textBlock(label.lines, label.x, label.baselines, attrs));
  }
  const marks = style.marks;
  if (n.manual) parts.push(pill('manual', 8, -9, marks.manual, { fill: '#fff1d6', stroke: '#e8c27a', ink: '#7a4a00', padX: 6 }, local));
  if (n.notes) {
    const pw = textWidth('✎', marks.notes) + 10;
    const ph = marks.notes * NORMAL_LINE + 2;
    parts.push(pill('✎', w + 6 - pw, h + 8 - ph, marks.notes, { fill: '#fff', stroke: '#d5dde6', ink: INK, padX: 4 }, local));
  }
  if (badge) parts.push(findingBadge(badge, w, marks.badge, local));
  parts.push('</g>');
  extent.add(x + local.minX, y + local.minY, local.maxX - local.minX, local.maxY - local.minY);
  return parts.join('');
}

/** A rounded tag with one word in it, its top left at (x, y). */
function pill(text: string, x: number, y: number, size: number, c: { fill: string; stroke: string; ink: string; padX: number }, local: Extent): string {
  const w = textWidth(text, size) + 2 * c.padX + 2;
  const h = size * NORMAL_LINE + 2;
  local.add(x, y, w, h);
  return (
    `<rect x="${num(x + 0.5)}" y="${num(y + 0.5)}" width="${num(w - 1)}" height="${num(h - 1)}" rx="${num(Math.min(8, h / 2))}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1"/>` +
    `<text x="${num(x + 1 + c.padX)}" y="${num(baseline(y + 1, size, NORMAL_LINE))}" font-size="${size}" text-anchor="start" fill="${c.ink}">${xmlText(text)}</text>`
  );
}

/** The count of findings (or their numbers) in a round badge over the top right corner, white-ringed. */
function findingBadge(badge: Badge, w: number, size: number, local: Extent): string {
  const text = badge.text ?? String(badge.count);
  const h = Math.max(18, size * 1.5);
  const bw = Math.max(h, textWidth(text, size, true) + 12);
  const x = w + 9 - bw;
  const top = -h / 2;
  local.add(x, top, bw, h);
  return (
    `<g class="finding-badge" data-severity="${badge.severity}"><rect x="${num(x + 1)}" y="${num(top + 1)}" width="${num(bw - 2)}" height="${num(h - 2)}" rx="${num(h / 2 - 1)}" fill="${SEVERITY_FILL[badge.severity]}" stroke="#fff" stroke-width="2"/>` +
    `<text x="${num(x + bw / 2)}" y="${num(baseline(top, size, h / size))}" font-size="${size}" font-weight="700" fill="#fff">${xmlText(text)}</text></g>`
  );
}
