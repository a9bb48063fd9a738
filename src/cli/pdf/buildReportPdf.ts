import PDFDocument from 'pdfkit';
import type { Workspace } from '../../core/model/types';
import { type Heading, type ReportContent, reportContent } from '../../core/report/content';
import type { ReportOptions } from '../../core/report/options';
import { COLOURS } from '../../core/report/reportColours';
import { pageShape } from '../../core/report/paper';
import { para, PdfFlow, twipsToPt } from './pdfFlow';
import { department } from './pdfMaps';
import { across, commentsAppendix, cover, findingsRegister, glossary, recommendations, summary } from './pdfSections';
import type { Line } from './pdfText';

// The report as a PDF, without a browser: the same content as the Word and HTML reports
// (core/report's reportContent), laid out by pdfkit with the map pictures drawn as vectors by
// svg-to-pdfkit at their printed size. Every page but the cover carries the workspace's name
// at the top and "Page n of m" at the foot; the contents list gives each heading's page and
// links to it, and the PDF's outline (bookmarks) has the same entries.

export interface PdfReport {
  bytes: Uint8Array;
  /** Characters of the workspace the font cannot show, printed as "�" (the .docx and .html show them). */
  missing: string[];
  /** Map pictures taller than a page at 8 pt, shrunk to the page, with the size their smallest text prints at. */
  shrunk: { label: string; pt: number }[];
}

export async function buildReportPdf(ws: Workspace, opts: ReportOptions = {}): Promise<PdfReport> {
  const c = reportContent(ws, opts);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    lang: 'en-GB',
    info: {
      Title: `${c.cover.title}: ${c.cover.subtitle}`,
      Subject: c.cover.subtitle,
      Creator: 'Lanemap',
      ...(c.cover.preparedBy ? { Author: c.cover.preparedBy } : {}),
      Keywords: `process maps, findings, ${c.cover.date}`,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const flow = new PdfFlow(doc, c.paper);
  cover(flow, c.cover);
  // The contents come second but are written last, when every heading's page is known; their pages are kept now.
  const geometry = { left: flow.left, right: flow.right, top: flow.top, width: flow.width };
  const contents = contentsPages(flow, c);
  for (let i = 0; i < contents.length; i++) flow.newPage('portrait');
  if (c.summary) summary(flow, c.summary);
  for (const d of c.departments) department(flow, d);
  if (c.across) across(flow, c.across);
  if (c.recommendations) recommendations(flow, c.recommendations);
  if (c.findings) findingsRegister(flow, c.findings);
  if (c.glossary) glossary(flow, c.glossary);
  if (c.comments) commentsAppendix(flow, c.comments);

  writeContents(flow, contents, geometry);
  headersAndFooters(flow, c.runningHeader);
  doc.end();
  await ended;
  const bytes = new Uint8Array(chunks.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of chunks) {
    bytes.set(b, at);
    at += b.byteLength;
  }
  return { bytes, missing: [...flow.text.missing], shrunk: flow.shrunk };
}

interface ContentsEntry {
  heading: Heading;
  lines: Line[];
  y: number;
}

const TITLE_HEIGHT = 36;
const NUMBER_ROOM = 36;

/** The contents list laid out on as many pages as it needs (measured, not drawn). */
function contentsPages(flow: PdfFlow, c: ReportContent): ContentsEntry[][] {
  const pages: ContentsEntry[][] = [[]];
  let y = flow.top + TITLE_HEIGHT;
  for (const h of c.contents) {
    const indent = h.level === 2 ? 28 : 0;
    const lines = flow.lines(entryPara(h), flow.width - indent - NUMBER_ROOM);
    const before = h.level === 1 ? 6 : 0;
    const height = lines.reduce((n, l) => n + l.height, 0) + before + 2;
    if (y + height > flow.bottom) {
      pages.push([]);
      y = flow.top;
    }
    pages[pages.length - 1]!.push({ heading: h, lines, y: y + before });
    y += height;
  }
  return pages;
}

const entryPara = (h: Heading) => para([{ text: `${h.number}   `, color: COLOURS.muted }, { text: h.title, bold: h.level === 1 }], { after: 0 });

/** The contents on the pages kept for them (portrait, whatever the last page was). */
function writeContents(flow: PdfFlow, pages: ContentsEntry[][], g: { left: number; right: number; top: number; width: number }): void {
  const doc = flow.doc;
  const pageOf = new Map(flow.placed.map((p) => [p.heading.anchor, p.page]));
  pages.forEach((entries, i) => {
    doc.switchToPage(1 + i);
    if (i === 0) flow.text.drawLine(flow.lines(para([{ text: 'Contents', bold: true }], { size: 18, color: COLOURS.accent }), g.width)[0]!, g.left, g.top, g.width);
    for (const e of entries) {
      const indent = e.heading.level === 2 ? 28 : 0;
      let y = e.y;
      for (const l of e.lines) {
        flow.text.drawLine(l, g.left + indent, y, g.width - indent - NUMBER_ROOM);
        y += l.height;
      }
      const page = pageOf.get(e.heading.anchor);
      const last = e.lines[e.lines.length - 1]!;
      if (page !== undefined) flow.text.drawLine(flow.lines(para(String(page + 1), { after: 0 }), NUMBER_ROOM)[0]!, g.right - NUMBER_ROOM, y - last.height, NUMBER_ROOM, 'right');
      doc.goTo(g.left + indent, e.y, g.width - indent, y - e.y, e.heading.anchor);
    }
  });
}

/** The workspace's name at the top right over a rule, and "Page n of m" at the foot, on every page but the cover. */
function headersAndFooters(flow: PdfFlow, name: string): void {
  const doc = flow.doc;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    // The header and footer sit as far from the sheet's edge as the Word report's.
    const edge = twipsToPt(pageShape(flow.paper, page.width < page.height ? 'portrait' : 'landscape').margins.header);
    const [left, right] = [page.margins.left, page.width - page.margins.right];
    doc.markContent('Artifact', { type: 'Pagination' });
    const header = flow.lines(para(name, { size: 8.5, color: COLOURS.muted }), right - left)[0]!;
    flow.text.drawLine(header, left, edge, right - left, 'right');
    doc.moveTo(left, edge + header.height + 2).lineTo(right, edge + header.height + 2).lineWidth(0.5).strokeColor(`#${COLOURS.rule}`).stroke();
    const footer = flow.lines(para(`Page ${i - start + 1} of ${count}`, { size: 8.5, color: COLOURS.muted }), right - left)[0]!;
    flow.text.drawLine(footer, left, page.height - edge - footer.height, right - left, 'center');
    doc.endMarkedContent();
  }
}
