// The report's pages: A4 or US Letter, portrait for text, landscape for maps that are wide.
// Sizes in twips (1/1440 inch), as Word counts them; CSS pixels are 1/96 inch (15 twips).

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];
export type Orientation = 'portrait' | 'landscape';

export const PAPER_NAME: Record<Paper, string> = { a4: 'A4', letter: 'US Letter' };

/** The sheet, short side first. */
const SHEET: Record<Paper, { short: number; long: number }> = {
  a4: { short: 11906, long: 16838 },
  letter: { short: 12240, long: 15840 },
};

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** From the sheet's edge to the running header and the footer. */
  header: number;
  footer: number;
}

/** Text pages: 2 cm all round. Map pages: half an inch at the sides, so a wide map loses fewer columns to a cut. */
const TEXT_MARGINS: Margins = { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 };
const MAP_MARGINS: Margins = { top: 800, bottom: 800, left: 720, right: 720, header: 360, footer: 360 };

export interface PageShape {
  paper: Paper;
  orientation: Orientation;
  /** The sheet in twips. */
  width: number;
  height: number;
  margins: Margins;
  /** The text area in twips. */
  textWidth: number;
  textHeight: number;
}

export function pageShape(paper: Paper, orientation: Orientation): PageShape {
  const s = SHEET[paper];
  const [width, height] = orientation === 'portrait' ? [s.short, s.long] : [s.long, s.short];
  const margins = orientation === 'portrait' ? TEXT_MARGINS : MAP_MARGINS;
  return { paper, orientation, width, height, margins, textWidth: width - margins.left - margins.right, textHeight: height - margins.top - margins.bottom };
}

export const twipsToPx = (twips: number): number => twips / 15;
export const pxToTwips = (px: number): number => px * 15;
/** Millimetres, for CSS @page rules. */
export const twipsToMm = (twips: number): number => Math.round((twips / 1440) * 25.4 * 10) / 10;
