import SVGtoPDF from 'svg-to-pdfkit';
import type { Heading } from '../../core/report/content';
import { COLOURS } from '../../core/report/reportColours';
import { type Orientation, type PageShape, pageShape, type Paper } from '../../core/report/paper';
import { type Doc, type Line, linesHeight, type Para, PdfText, type Run } from './pdfText';

// The PDF report's pages as a column of text that flows from page to page: paragraphs broken
// between lines, headings kept with what follows them, pictures whole on a page. Units are
// points (the page shapes are in twips: 20 a point; CSS pixels are 3/4 of a point).

export const BODY = 10;
export const SMALL = 8.5;
/** Heading sizes: part, map, sub-heading. */
const HEADING_SIZE = { 1: 17, 2: 13, 3: 10.5 } as const;
/** Below a heading there is room for at least this much of what follows, or the heading starts the next page. */
const KEEP_WITH_NEXT = 56;

/** Points a picture may take of the foot margin: the page number sits lower. */
const PICTURE_OVERHANG = 10;
/** The least size of a map's text on paper. */
const MIN_PRINTED_PT = 8;

export const twipsToPt = (twips: number): number => twips / 20;
export const pxToPt = (px: number): number => px * 0.75;

export const para = (text: string | Run[], extra: Partial<Omit<Para, 'runs'>> = {}): Para => ({
  runs: typeof text === 'string' ? [{ text }] : text,
  size: BODY,
  color: COLOURS.ink,
  after: 6,
  ...extra,
});

export const muted = (text: string): Para => para([{ text, italic: true }], { color: COLOURS.muted });

/** Where a heading landed, for the contents list (0-based page index). */
export interface Placed {
  heading: Heading;
  page: number;
  y: number;
}

export class PdfFlow {
  readonly text: PdfText;
  shape!: PageShape;
  left = 0;
  right = 0;
  top = 0;
  bottom = 0;
  y = 0;
  readonly placed: Placed[] = [];
  private outlineTop: PDFKit.PDFOutline | undefined;
  /** Pictures too tall for a page at 8 pt, shrunk to fit, with the size their smallest text prints at. */
  readonly shrunk: { label: string; pt: number }[] = [];

  constructor(readonly doc: Doc, readonly paper: Paper) {
    this.text = new PdfText(doc);
  }

  get width(): number {
    return this.right - this.left;
  }

  /** The index of the page being written. */
  get page(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  newPage(orientation: Orientation = this.shape?.orientation ?? 'portrait'): void {
    const s = pageShape(this.paper, orientation);
    this.shape = s;
    const m = s.margins;
    const size: [number, number] = [twipsToPt(s.width), twipsToPt(s.height)];
    this.doc.addPage({ size, margins: { top: twipsToPt(m.top), bottom: twipsToPt(m.bottom), left: twipsToPt(m.left), right: twipsToPt(m.right) } });
    [this.left, this.right, this.top, this.bottom] = [twipsToPt(m.left), size[0] - twipsToPt(m.right), twipsToPt(m.top), size[1] - twipsToPt(m.bottom)];
    this.y = this.top;
  }

  /** Points left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  /** A new page unless `height` fits below; at the top of a page nothing moves. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top + 0.01) this.newPage();
  }

  gap(points: number): void {
    this.y = Math.min(this.bottom, this.y + points);
  }

  lines(p: Para, width = this.width): Line[] {
    return this.text.wrap(p, width);
  }

  /** A paragraph, broken between lines at the foot of a page; `keep` keeps that much of what follows with it. */
  para(p: Para, opts: { indent?: number; keep?: number; whole?: boolean; width?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const width = opts.width ?? this.width;
    const lines = this.lines(p, width - indent);
    const all = linesHeight(lines);
    if (opts.whole || opts.keep) this.ensure(all + (opts.keep ?? 0));
    else this.ensure(Math.min(all, lines[0]!.height * 2));
    for (const l of lines) {
      this.ensure(l.height);
      this.text.drawLine(l, this.left + indent, this.y, width - indent, p.align);
      this.y += l.height;
    }
    this.y += p.after ?? 0;
  }

  bullet(p: Para): void {
    const lines = this.lines(p, this.width - 14);
    this.ensure(Math.min(linesHeight(lines), lines[0]!.height * 2));
    this.text.drawLine(this.lines(para('•', { size: p.size, color: p.color }))[0]!, this.left + 3, this.y, 10);
    this.para(p, { indent: 14 });
  }

  /** A numbered heading, kept with what follows; a destination for links and an entry in the outline. */
  heading(h: Heading, opts: { newPage?: boolean; keep?: number; aside?: string; width?: number } = {}): void {
    if (opts.newPage) this.newPage('portrait');
    const p = this.headingPara(h, opts.aside);
    const lines = this.lines(p, opts.width);
    if (this.y > this.top) this.gap(h.level === 1 ? 0 : 8);
    this.ensure(linesHeight(lines) + (opts.keep ?? KEEP_WITH_NEXT));
    this.doc.addNamedDestination(h.anchor, 'XYZ', this.left, this.y, null);
    this.placed.push({ heading: h, page: this.page, y: this.y });
    // The outline links an entry to the page it is added on: this one.
    const title = `${h.number}  ${this.text.printable(h.title)}`;
    if (h.level === 1 || !this.outlineTop) this.outlineTop = this.doc.outline.addItem(title);
    else this.outlineTop.addItem(title);
    this.para(p, { whole: true, ...(opts.width ? { width: opts.width } : {}) });
  }

  /** A heading's paragraph; a map's facts go on its line (`aside`), so its picture keeps all the page it can. */
  headingPara(h: Heading, aside?: string): Para {
    const extra: Run[] = aside ? [{ text: `   ${aside}`, bold: false, size: 9, color: COLOURS.muted }] : [];
    return this.fitted(para([{ text: `${h.number}  `, color: COLOURS.muted }, { text: h.title }, ...extra], { size: HEADING_SIZE[h.level], color: COLOURS.accent, after: h.level === 1 ? 10 : 5 }), true);
  }

  /** A sub-heading without a number (Steps, Systems), kept with what follows. */
  subHeading(title: string, keep = KEEP_WITH_NEXT): void {
    if (this.y > this.top) this.gap(6);
    const p = this.fitted(para([{ text: title, bold: true }], { size: HEADING_SIZE[3], after: 4 }));
    this.ensure(linesHeight(this.lines(p)) + keep);
    this.para(p, { whole: true });
  }

  /** Bold runs where asked, and a size small enough that no word is wider than the page: a heading never breaks inside a word. */
  fitted(p: Para, bold = true): Para {
    const runs = p.runs.map((r) => ({ ...r, bold: r.bold ?? bold }));
    let size = p.size;
    const widest = (s: number) => Math.max(...runs.flatMap((r) => this.text.printable(r.text).split(/\s+/).map((w) => this.text.width(w, r.bold ? 'bold' : 'regular', s))));
    while (size > BODY && widest(size) > this.width) size -= 0.5;
    return { ...p, runs, size };
  }

  /**
   * An SVG picture at its size in points, centred, on this page if it fits, else at the top of
   * the next. To stay on the page of its heading it may be shrunk a little, never so far that its
   * smallest text prints under 8 pt.
   */
  picture(svg: string, width: number, height: number, label: string, align: 'center' | 'right' = 'center'): void {
    const least = this.leastScale(svg, width);
    const fits = () => Math.min(1, (this.room + PICTURE_OVERHANG) / height, this.width / width);
    // A picture too tall for any page at 8 pt stays below its heading, shrunk; the writer names it.
    const tooTall = (this.bottom - this.top + PICTURE_OVERHANG) / height < least;
    if (fits() < least && this.y > this.top && !tooTall) this.newPage();
    const scale = fits();
    if (scale < least) this.shrunk.push({ label, pt: Math.floor((MIN_PRINTED_PT * scale) / least * 10) / 10 });
    const [w, h] = [width * scale, height * scale];
    const x = align === 'right' ? this.right - w : this.left + (this.width - w) / 2;
    this.doc.addContent(`/Figure <</Alt ${pdfString(this.text.printable(label))}>> BDC`);
    // svg-to-pdfkit honours the size asked only with a preserveAspectRatio; else it takes the SVG's own.
    SVGtoPDF(this.doc, this.svgText(svg), x, this.y, {
      width: w,
      height: h,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (_family: string, bold: boolean) => (bold ? 'bold' : 'regular'),
      warningCallback: () => undefined,
    });
    this.doc.addContent('EMC');
    this.y += h;
  }

  /** The least scale a picture drawn `width` points wide may take with its smallest text at 8 pt. */
  leastScale(svg: string, width: number): number {
    const printed = smallestText(svg, width);
    return printed ? Math.min(1, MIN_PRINTED_PT / printed) : 1;
  }

  /** Whether a picture fits on a fresh page of this shape below `above` points of other things, at 8 pt or more. */
  fitsBelow(above: number, svg: string, width: number, height: number): boolean {
    return above + height * this.leastScale(svg, width) <= this.bottom - this.top + PICTURE_OVERHANG;
  }

  /** The picture's text with the characters the font lacks replaced, as in the rest of the document. */
  private svgText(svg: string): string {
    return svg.replace(/>([^<]+)</g, (_m, t: string) => `>${this.text.printable(t)}<`);
  }
}

/** The smallest text of an SVG, in points, when it is drawn `width` points wide. */
function smallestText(svg: string, width: number): number | undefined {
  const view = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(svg);
  const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  return view && sizes.length ? Math.min(...sizes) * (width / Number(view[1])) : undefined;
}

/** A PDF text string: UTF-16 with a byte-order mark, as hex. */
function pdfString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}
