import {
  AlignmentType, Bookmark, BorderStyle, Footer, Header, HeadingLevel, type IStylesOptions, LineRuleType, PageNumber, PageOrientation, Paragraph,
  type ParagraphChild, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextDirection, TextRun, VerticalAlign, WidthType, HeightRule,
} from 'docx';
import { textWidth } from '../../drawing/textMetrics';
import type { Heading } from '../content';
import type { PageShape } from '../paper';
import { COLOURS } from '../reportColours';
import { plainText } from '../reportText';

// The building blocks of the Word report: its styles, page shapes, headings with bookmarks,
// and one table maker every table uses, so they all look alike (a dark header row repeated on
// each page, light rules, banded rows that never split across pages).

const FONT = 'Calibri';
export { COLOURS };

export const pageProperties = (shape: PageShape) => ({
  page: {
    // docx takes the sheet as it stands in portrait and turns it itself for landscape.
    size: { width: Math.min(shape.width, shape.height), height: Math.max(shape.width, shape.height), orientation: shape.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: shape.margins,
  },
});

/** Half-points, as docx counts font sizes. */
const pt = (points: number): number => points * 2;

export const REPORT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: pt(10.5), color: COLOURS.ink }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
    heading1: { run: { font: FONT, size: pt(18), bold: true, color: COLOURS.accent }, paragraph: { spacing: { before: 0, after: 200 }, keepNext: true, keepLines: true } },
    heading2: { run: { font: FONT, size: pt(14), bold: true, color: COLOURS.accent }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
    heading3: { run: { font: FONT, size: pt(11), bold: true, color: COLOURS.ink }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true } },
  },
};

export const text = (value: string, extra: Omit<ConstructorParameters<typeof TextRun>[0] & object, 'text'> = {}): TextRun =>
  new TextRun({ text: plainText(value), ...extra });

export const para = (value: string | ParagraphChild[], extra: Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children' | 'text'> = {}): Paragraph =>
  new Paragraph({ children: typeof value === 'string' ? [text(value)] : value, ...extra });

export const mutedPara = (value: string): Paragraph => para([text(value, { color: COLOURS.muted, italics: true })]);

/** A numbered heading, bookmarked so the contents list can link to it. */
export function headingPara(h: Heading, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: h.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    pageBreakBefore: opts.pageBreakBefore ?? false,
    children: [new Bookmark({ id: h.anchor, children: [text(`${h.number}   `, { color: COLOURS.muted }), text(h.title)] })],
  });
}

export const subHeading = (value: string, pageBreakBefore = false): Paragraph =>
  new Paragraph({ heading: HeadingLevel.HEADING_3, pageBreakBefore, children: [text(value)] });

/** The running header of every page but the cover: the workspace's name, right, over a rule. */
export function pageHeader(name: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule, space: 4 } },
        children: [text(name, { size: pt(8.5), color: COLOURS.muted })],
      }),
    ],
  });
}

/** The footer of every page but the cover: "Page 3 of 17". */
export function pageFooter(): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) => new TextRun({ children, size: pt(8.5), color: COLOURS.muted });
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES])] })],
  });
}

/** A cell's content: plain text, lines of text, or ready paragraphs. */
export type CellContent = string | string[] | Paragraph[];

export interface Column {
  title: string;
  /** Twips; the widths of a table add up to the page's text width. */
  width: number;
  align?: 'left' | 'center';
  /** The header's text runs upwards (a narrow column whose title would not fit across). */
  vertical?: boolean;
}

/** Twips a word takes in the table's header (bold 9 pt), measured wide (DejaVu), plus the cell's margins. */
export const headerWordTwips = (title: string): number => Math.ceil(Math.max(0, ...title.split(/\s+/).map((w) => textWidth(w, 9, true))) * 20) + CELL_MARGINS.left + CELL_MARGINS.right + 20;

const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule };
const CELL_MARGINS = { top: 40, bottom: 40, left: 100, right: 100 };
/** Table text: 9 pt. */
export const TABLE_TEXT = pt(9);

const shade = (fill: string) => ({ type: ShadingType.CLEAR, color: 'auto', fill });

function cellParagraphs(content: CellContent, align: Column['align'], run: { bold?: boolean; color?: string } = {}): Paragraph[] {
  const lines = typeof content === 'string' ? [content] : content;
  if (lines.length === 0) return [new Paragraph({})];
  if (typeof lines[0] !== 'string') return lines as Paragraph[];
  return (lines as string[]).map(
    (l) =>
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { after: 0, line: 252, lineRule: LineRuleType.AUTO },
        children: [text(l, { size: TABLE_TEXT, ...run })],
      }),
  );
}

export interface RowSpec {
  cells: CellContent[];
  /** A fill per cell (hex), or undefined for the row's band. */
  fills?: (string | undefined)[];
  /** A row spanning the whole table, shaded, such as "Systems" above a group. */
  group?: boolean;
}

/**
 * A table with a header row that repeats on every page. Rows stay whole unless `splitRows`
 * (for rows of long prose, where a whole row would leave half a page empty).
 */
export function reportTable(columns: Column[], rows: RowSpec[], opts: { splitRows?: boolean } = {}): Table {
  const cantSplit = !opts.splitRows;
  // Upright titles need the row as tall as the longest of them.
  const upright = columns.filter((c) => c.vertical).map((c) => Math.ceil(textWidth(c.title, 9, true) * 20) + 200);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...(upright.length ? { height: { value: Math.min(2600, Math.max(...upright)), rule: HeightRule.ATLEAST } } : {}),
    children: columns.map(
      (c) =>
        new TableCell({
          width: { size: c.width, type: WidthType.DXA },
          shading: shade(COLOURS.accent),
          margins: CELL_MARGINS,
          ...(c.vertical ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT, verticalAlign: VerticalAlign.BOTTOM } : {}),
          children: cellParagraphs(c.title, c.vertical ? 'left' : c.align, { bold: true, color: 'FFFFFF' }),
        }),
    ),
  });
  let band = false;
  const body = rows.map((r) => {
    if (r.group) {
      band = false;
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: columns.length,
            shading: shade(COLOURS.groupBand),
            margins: CELL_MARGINS,
            children: cellParagraphs(r.cells[0] ?? '', 'left', { bold: true }),
          }),
        ],
      });
    }
    band = !band;
    return new TableRow({
      cantSplit,
      children: columns.map((c, i) => {
        const fill = r.fills?.[i] ?? (band ? 'FFFFFF' : COLOURS.band);
        return new TableCell({
          width: { size: c.width, type: WidthType.DXA },
          shading: shade(fill),
          margins: CELL_MARGINS,
          children: cellParagraphs(r.cells[i] ?? '', c.align),
        });
      }),
    });
  });
  return new Table({
    width: { size: columns.reduce((n, c) => n + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: [header, ...body],
  });
}

/** Space after a table, which Word otherwise glues to the next paragraph. */
export const gap = (): Paragraph => new Paragraph({ spacing: { after: 120 }, children: [] });

