import type { Severity } from '../analysis/types';
import { shapeOutline, SHAPE_STYLE } from '../model/shapes';
import type { Id, MapNode, NodeBox, ProcessMap } from '../model/types';
import { baseline, INK, placeLabel } from '../drawing/nodeLabels';
import { Extent, num, textBlock, xmlText } from './svgMarkup';
import { SCREEN_TEXT, type TextStyle } from '../drawing/textStyle';
import { MANUAL_TAG, MARK_LINE, nodeMarks, NOTES_MARK } from '../drawing/nodeMarks';

// Nodes as the editor draws them: the shared outline and palette, the label wrapped inside
// (under a start or end), and the small marks on the box: "manual", has notes, and how many
// findings concern it, coloured by the worst.

/** How many findings concern a node and the worst of them; `text` ("F2 F5") is shown instead of the count when given. */
export type Badge = { count: number; severity: Severity; text?: string };

/** The editor's severity colours (.sev-high, .sev-medium, .sev-low). */
export const SEVERITY_FILL: Record<Severity, string> = { high: '#b3261e', medium: '#9a5b00', low: '#51606f' };

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
  const marks = nodeMarks(w, h, { manual: n.manual, notes: !!n.notes, findings: badge && (badge.text ?? badge.count) }, style);
  if (marks.manual) parts.push(pill(MANUAL_TAG.text, marks.manual, style.marks.manual, { fill: '#fff1d6', stroke: '#e8c27a', ink: '#7a4a00', padX: MANUAL_TAG.padX }, local));
  if (marks.notes) parts.push(pill(NOTES_MARK.text, marks.notes, style.marks.notes, { fill: '#fff', stroke: '#d5dde6', ink: INK, padX: NOTES_MARK.padX }, local));
  if (badge && marks.finding) parts.push(findingBadge(badge, marks.finding, style.marks.badge, local));
  parts.push('</g>');
  extent.add(x + local.minX, y + local.minY, local.maxX - local.minX, local.maxY - local.minY);
  return parts.join('');
}

/** A rounded tag with one word in it, in its box. */
function pill(text: string, b: NodeBox, size: number, c: { fill: string; stroke: string; ink: string; padX: number }, local: Extent): string {
  local.add(b.x, b.y, b.width, b.height);
  return (
    `<rect x="${num(b.x + 0.5)}" y="${num(b.y + 0.5)}" width="${num(b.width - 1)}" height="${num(b.height - 1)}" rx="${num(Math.min(8, b.height / 2))}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1"/>` +
    `<text x="${num(b.x + 1 + c.padX)}" y="${num(baseline(b.y + 1, size, MARK_LINE))}" font-size="${size}" text-anchor="start" fill="${c.ink}">${xmlText(text)}</text>`
  );
}

/** The count of findings (or their numbers) in a round badge over the top right corner, white-ringed. */
function findingBadge(badge: Badge, b: NodeBox, size: number, local: Extent): string {
  const text = badge.text ?? String(badge.count);
  local.add(b.x, b.y, b.width, b.height);
  return (
    `<g class="finding-badge" data-severity="${badge.severity}"><rect x="${num(b.x + 1)}" y="${num(b.y + 1)}" width="${num(b.width - 2)}" height="${num(b.height - 2)}" rx="${num(b.height / 2 - 1)}" fill="${SEVERITY_FILL[badge.severity]}" stroke="#fff" stroke-width="2"/>` +
    `<text x="${num(b.x + b.width / 2)}" y="${num(baseline(b.y, size, b.height / size))}" font-size="${size}" font-weight="700" fill="#fff">${xmlText(text)}</text></g>`
  );
}
