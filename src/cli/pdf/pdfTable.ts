import { COLOURS } from '../../core/report/reportColours';
import type { Line, Para } from './pdfText';
import { para, type PdfFlow, SMALL } from './pdfFlow';

// One table maker for every table of the PDF report, as the Word report has: a dark header
// row repeated at the top of each page the table runs onto, light rules, banded rows that
// stay whole on a page (unless `splitRows`, for rows of long prose), group rows across the
// whole table, and upright titles for columns too narrow for theirs.

export interface Column {
  title: string;
  /** Points; a table's columns add up to the text width. */
  width: number;
  align?: 'left' | 'center';
  /** The title runs upwards. */
  vertical?: boolean;
}

/** A cell's content: plain text, lines of text, or paragraphs. */
export type Cell = string | string[] | Para[];

export interface Row {
  cells: Cell[];
  /** A fill per cell (hex), or undefined for the row's band. */
  fills?: (string | undefined)[];
  /** One cell across the whole table, shaded (a group's name). */
  group?: boolean;
}

const PAD = { x: 4, y: 3 };

export const cellPara = (text: string, extra: Partial<Para> = {}): Para => para(text, { size: SMALL, after: 0, ...extra });

function cellParas(c: Cell, align: Column['align'], extra: Partial<Para> = {}): Para[] {
  const list = typeof c === 'string' ? [c] : c;
  if (list.length === 0) return [];
  if (typeof list[0] !== 'string') return list as Para[];
  return (list as string[]).map((t) => cellPara(t, { ...(align === 'center' ? { align: 'center' as const } : {}), ...extra }));
}

interface Laid {
  /** Each cell's lines, with the paragraph each belongs to (for its alignment and space after). */
  cells: { line: Line; para: Para; gapAfter: number }[][];
  fills: (string | undefined)[];
  group: boolean;
}

const cellHeight = (lines: Laid['cells'][number]): number => lines.reduce((n, l) => n + l.line.height + l.gapAfter, 0);

export function table(flow: PdfFlow, columns: Column[], rows: Row[], opts: { splitRows?: boolean } = {}): void {
  const t = flow.text;
  const x0 = flow.left;
  const total = columns.reduce((n, c) => n + c.width, 0);
  const layCell = (c: Cell, width: number, align: Column['align'], extra: Partial<Para> = {}) =>
    cellParas(c, align, extra).flatMap((p) => {
      const lines = t.wrap(p, width - 2 * PAD.x);
      return lines.map((line, i) => ({ line, para: p, gapAfter: i === lines.length - 1 ? (p.after ?? 0) : 0 }));
    });

  // The header: titles wrapped between words, or upright.
  const head = columns.map((c) => (c.vertical ? [] : layCell(c.title, c.width, c.align, { runs: [{ text: c.title, bold: true }], color: 'FFFFFF' })));
  const upright = Math.max(0, ...columns.filter((c) => c.vertical).map((c) => t.width(t.printable(c.title), 'bold', SMALL) + 2 * PAD.y));
  const headHeight = Math.max(upright, ...head.map(cellHeight)) + 2 * PAD.y;

  let band = false;
  const laid: Laid[] = rows.map((r) => {
    if (r.group) {
      band = false;
      return { cells: [layCell(r.cells[0] ?? '', total, 'left', { runs: [{ text: String(r.cells[0] ?? ''), bold: true }] })], fills: [COLOURS.groupBand], group: true };
    }
    band = !band;
    return {
      cells: columns.map((c, i) => layCell(r.cells[i] ?? '', c.width, c.align)),
      fills: columns.map((_, i) => r.fills?.[i] ?? (band ? 'FFFFFF' : COLOURS.band)),
      group: false,
    };
  });

  const widths = (row: Laid) => (row.group ? [total] : columns.map((c) => c.width));
  const drawHeader = () => {
    let x = x0;
    flow.doc.rect(x0, flow.y, total, headHeight).fill(`#${COLOURS.accent}`);
    columns.forEach((c, i) => {
      if (c.vertical) {
        const title = t.wrap(cellPara(c.title, { runs: [{ text: c.title, bold: true }], color: 'FFFFFF' }), 1000)[0]!;
        flow.doc.save();
        flow.doc.rotate(-90, { origin: [x + c.width / 2, flow.y + headHeight - PAD.y] });
        t.drawLine(title, x + c.width / 2, flow.y + headHeight - PAD.y - title.height / 2, 1000);
        flow.doc.restore();
      } else drawCellLines(head[i]!, x, flow.y, c.width);
      x += c.width;
    });
    flow.y += headHeight;
  };
  const drawCellLines = (lines: Laid['cells'][number], x: number, y: number, width: number) => {
    let at = y + PAD.y;
    for (const l of lines) {
      t.drawLine(l.line, x + PAD.x, at, width - 2 * PAD.x, l.para.align);
      at += l.line.height + l.gapAfter;
    }
  };
  const drawRow = (row: Laid, cells: Laid['cells'], height: number) => {
    let x = x0;
    const ws = widths(row);
    cells.forEach((lines, i) => {
      flow.doc.rect(x, flow.y, ws[i]!, height).fillAndStroke(`#${row.fills[i] ?? 'FFFFFF'}`, `#${COLOURS.rule}`);
      drawCellLines(lines, x, flow.y, ws[i]!);
      x += ws[i]!;
    });
    flow.y += height;
  };

  const firstRow = laid[0] ? Math.max(...laid[0].cells.map(cellHeight)) + 2 * PAD.y : 0;
  flow.ensure(headHeight + Math.min(firstRow, 120));
  flow.doc.lineWidth(0.5);
  drawHeader();
  const fresh = () => {
    flow.newPage();
    flow.doc.lineWidth(0.5);
    drawHeader();
  };
  for (const row of laid) {
    let cells = row.cells;
    for (;;) {
      const height = Math.max(...cells.map(cellHeight)) + 2 * PAD.y;
      if (height <= flow.room + 0.01) {
        drawRow(row, cells, height);
        break;
      }
      const pageRoom = flow.bottom - flow.top - headHeight;
      // A whole row moves to the next page, unless it may split or would not fit a page at all.
      if (!opts.splitRows && height <= pageRoom) {
        fresh();
        continue;
      }
      const [now, later] = splitCells(cells, flow.room - 2 * PAD.y);
      if (now.every((c) => c.length === 0)) {
        fresh();
        continue;
      }
      drawRow(row, now, Math.max(...now.map(cellHeight)) + 2 * PAD.y);
      cells = later;
      fresh();
    }
  }
  flow.gap(8);
}

/** Each cell's lines that fit in `room`, and the rest. */
function splitCells(cells: Laid['cells'], room: number): [Laid['cells'], Laid['cells']] {
  const now: Laid['cells'] = [];
  const later: Laid['cells'] = [];
  for (const lines of cells) {
    let used = 0;
    let n = 0;
    while (n < lines.length && used + lines[n]!.line.height <= room) used += lines[n]!.line.height + lines[n++]!.gapAfter;
    now.push(lines.slice(0, n));
    later.push(lines.slice(n));
  }
  return [now, later];
}
