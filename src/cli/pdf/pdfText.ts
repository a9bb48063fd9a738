import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { plainText } from '../../core/report/reportText';

// Text for the PDF report: DejaVu Sans (free licence, from the dejavu-fonts-ttf package; the
// widths the map pictures were wrapped by), characters the font cannot show replaced by "�"
// and remembered so the CLI can say so, and lines wrapped between words by our own measure, so
// the writer knows every line's height before it draws it (tables repeat headers, headings
// keep with what follows).

export type Doc = PDFKit.PDFDocument;
export type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontName, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

let fontBytes: Record<FontName, Buffer> | undefined;
/** The font files, read once per process. */
function fonts(): Record<FontName, Buffer> {
  if (!fontBytes) {
    const dir = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    const read = (file: string) => readFileSync(join(dir, file));
    fontBytes = { regular: read(FILES.regular), bold: read(FILES.bold), italic: read(FILES.italic), boldItalic: read(FILES.boldItalic) };
  }
  return fontBytes;
}

/** A piece of text in one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points; the paragraph's size when absent. */
  size?: number;
  color?: string;
}

/** A paragraph: runs wrapped together to a width. */
export interface Para {
  runs: Run[];
  size: number;
  color: string;
  /** Extra points after the paragraph. */
  after?: number;
  align?: 'left' | 'center' | 'right';
}

export interface Segment {
  text: string;
  font: FontName;
  size: number;
  color: string;
  /** From the line's left edge. */
  x: number;
}

export interface Line {
  segments: Segment[];
  width: number;
  height: number;
  /** The largest size on the line, which sets its baseline. */
  size: number;
}

const LEADING = 1.25;
const REPLACEMENT = '\uFFFD';

const fontOf = (r: Run): FontName => (r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular');

/** The fonts of one document, with a width cache and the characters it had to replace. */
export class PdfText {
  readonly missing = new Set<string>();
  private readonly widths = new Map<string, number>();
  private readonly ascent: number;
  private readonly hasGlyph: (cp: number) => boolean;
  private readonly replacement: string;

  constructor(readonly doc: Doc) {
    const bytes = fonts();
    for (const name of Object.keys(FILES) as FontName[]) doc.registerFont(name, bytes[name]);
    doc.font('regular');
    // pdfkit keeps the fontkit font of an embedded font; it says which characters have a glyph.
    const font = (doc as unknown as { _font: { ascender: number; font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font;
    this.ascent = font.ascender / 1000;
    const has = font.font?.hasGlyphForCodePoint?.bind(font.font);
    this.hasGlyph = has ?? (() => true);
    this.replacement = this.hasGlyph(0xfffd) ? REPLACEMENT : '?';
  }

  /** A user's text as the font can print it: no control characters, unknown characters replaced (and remembered). */
  printable(value: string): string {
    const clean = plainText(value);
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(clean)) return clean;
    let out = '';
    for (const ch of clean) {
      const cp = ch.codePointAt(0)!;
      if (cp < 128 || this.hasGlyph(cp)) out += ch;
      else {
        this.missing.add(ch);
        out += this.replacement;
      }
    }
    return out;
  }

  width(text: string, font: FontName, size: number): number {
    const key = `${font}|${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc.font(font).fontSize(size).widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  /** The paragraph as lines no wider than `width`, broken between words (a word wider than a line alone is broken). */
  wrap(p: Para, width: number): Line[] {
    const lines: Line[] = [];
    let line: Segment[] = [];
    let x = 0;
    let pendingSpace: Segment | null = null;
    const finish = () => {
      const size = Math.max(p.size, ...line.map((s) => s.size));
      lines.push({ segments: merge(line), width: x, height: size * LEADING, size });
      line = [];
      x = 0;
      pendingSpace = null;
    };
    for (const run of p.runs) {
      const font = fontOf(run);
      const size = run.size ?? p.size;
      const color = run.color ?? p.color;
      const text = this.printable(run.text);
      for (const piece of text.split(/(\n|[ \t]+)/)) {
        if (piece === '') continue;
        if (piece === '\n') {
          finish();
          continue;
        }
        if (/^[ \t]+$/.test(piece)) {
          if (line.length) pendingSpace = { text: ' ', font, size, color, x };
          continue;
        }
        let word = piece;
        const space: Segment | null = pendingSpace;
        const spaceW = space ? this.width(' ', space.font, space.size) : 0;
        let w = this.width(word, font, size);
        if (line.length && x + spaceW + w > width) finish();
        else if (space) {
          line.push({ ...space, x });
          x += spaceW;
        }
        pendingSpace = null;
        // A word wider than the whole line goes in pieces that fit.
        while (w > width && word.length > 1) {
          let n = word.length - 1;
          while (n > 1 && this.width(word.slice(0, n), font, size) > width - x) n--;
          line.push({ text: word.slice(0, n), font, size, color, x });
          x += this.width(word.slice(0, n), font, size);
          finish();
          word = word.slice(n);
          w = this.width(word, font, size);
        }
        line.push({ text: word, font, size, color, x });
        x += w;
      }
    }
    if (line.length || lines.length === 0) finish();
    return lines;
  }

  /** Draws a line with its top at y; `left` and `width` place it for its alignment. */
  drawLine(l: Line, left: number, y: number, width: number, align: Para['align'] = 'left'): void {
    const shift = align === 'center' ? (width - l.width) / 2 : align === 'right' ? width - l.width : 0;
    const baseline = y + (l.height - l.size * LEADING) + l.size * (this.ascent + (LEADING - 1) / 2);
    for (const s of l.segments) {
      this.doc.font(s.font).fontSize(s.size).fillColor(`#${s.color}`);
      this.doc.text(s.text, left + shift + s.x, baseline - s.size * this.ascent, { lineBreak: false });
    }
  }
}

/** Neighbouring segments in one style become one, so a line is a few text operations. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.font === s.font && last.size === s.size && last.color === s.color) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** The height of lines stacked. */
export const linesHeight = (lines: Line[]): number => lines.reduce((n, l) => n + l.height, 0);
