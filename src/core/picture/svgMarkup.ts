// The small pieces every part of the SVG writer shares: safe text, short numbers, and the
// running extent of what has been drawn (so the viewBox holds all of it).

import { num } from '../drawing/flowPath';
import { writableText } from '../text/bidi';

/** Text for element content or an attribute value: illegal characters and bidi controls dropped, markup escaped. */
export function xmlText(value: string): string {
  return writableText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Numbers are written as the flow lines are (drawing/flowPath): one rounding for the whole picture.
export { num };

/** The smallest box around everything drawn so far. */
export class Extent {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  add(x: number, y: number, width = 0, height = 0): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.minX = Math.min(this.minX, x);
    this.minY = Math.min(this.minY, y);
    this.maxX = Math.max(this.maxX, x + width);
    this.maxY = Math.max(this.maxY, y + height);
  }

  get empty(): boolean {
    return this.minX > this.maxX;
  }
}

/**
 * The editor's fonts (system-ui), then the ones Word, LibreOffice and resvg are sure to find.
 * Segoe UI leads: it is what system-ui is on Windows, and some SVG readers (Word's among them)
 * may take only the first name in the list.
 */
export const FONT_FAMILY = "'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/**
 * Lines of real text (selectable, searchable): one <text> with a <tspan> per line, each at
 * its own baseline. `attrs` is already escaped markup (fill, font-size, anchor).
 */
export function textBlock(lines: readonly string[], x: number, baselines: readonly number[], attrs: string): string {
  const more = attrs ? ` ${attrs}` : '';
  if (lines.length === 1) return `<text x="${num(x)}" y="${num(baselines[0]!)}"${more}>${xmlText(lines[0]!)}</text>`;
  const spans = lines.map((l, i) => `<tspan x="${num(x)}" y="${num(baselines[i]!)}">${xmlText(l)}</tspan>`).join('');
  return `<text${more}>${spans}</text>`;
}
