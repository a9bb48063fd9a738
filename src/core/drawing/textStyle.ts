import { LANE_HEADER_WIDTH } from '../model/geometry';
import type { NodeKind } from '../model/types';

// The sizes of every piece of text in a drawn map, in one table per medium: the screen's (the
// editor's CSS in numbers) and paper's, where the smallest text must print at 8 pt or more and
// a step is about an inch wide. The canvas, the picture and the print layout all read a table
// from here, so what is measured is what is drawn. Every word of a label is shown in both.

export interface LabelStyle {
  size: number;
  /** Inner space of the label's box: left and right, top, bottom. */
  padX: number;
  padTop: number;
  padBottom: number;
  align: 'middle' | 'start';
  /** 'center' in the shape, 'top' of the shape, 'below' it, or 'diamond': inside when it fits, else below. */
  place: 'center' | 'top' | 'below' | 'diamond';
  /** A word too long for the line is cut (most kinds) or sticks out (under starts and ends). */
  breakWords: boolean;
}

export interface TextStyle {
  labels: Record<NodeKind, LabelStyle>;
  /** Width of the label under a start, an end or a decision too full for its text. */
  belowWidth: number;
  /**
   * Room kept free at the top and bottom of a box-shaped node for its marks: the "manual" tag
   * and the findings badge on the top edge, the notes mark on the bottom one (see nodeMarks).
   */
  markClear: number;
  /** Flow labels: one line in a bordered box. */
  flowLabel: { size: number; padX: number; lineHeight: number };
  /** Lane names: their size, and whether they run up the header (paper) or across it (screen). */
  laneName: { size: number; lineHeight: number; vertical: boolean };
  /** The department tag under a lane's name. */
  laneTag: number;
  /** The small marks on a node: "manual", the notes pencil, the finding badge. */
  marks: { manual: number; notes: number; badge: number };
  /** Width of the lane header, where it is fixed (screen); paper sizes it to the names. */
  headerWidth: number;
}

const PLAIN: LabelStyle = { size: 13, padX: 12, padTop: 4, padBottom: 4, align: 'middle', place: 'center', breakWords: true };
const BELOW: LabelStyle = { size: 12, padX: 0, padTop: 3, padBottom: 0, align: 'middle', place: 'below', breakWords: false };

export const SCREEN_TEXT: TextStyle = {
  labels: {
    start: BELOW,
    end: BELOW,
    step: PLAIN,
    document: PLAIN,
    decision: { ...PLAIN, size: 11.5, padX: 0, padTop: 0, padBottom: 0, place: 'diamond' },
    system: { ...PLAIN, padX: 16 },
    dataStore: { ...PLAIN, padTop: 14 },
    note: { size: 12.5, padX: 10, padTop: 8, padBottom: 8, align: 'start', place: 'top', breakWords: true },
  },
  belowWidth: 130,
  markClear: 10,
  flowLabel: { size: 11.5, padX: 5, lineHeight: 1.164 },
  laneName: { size: 14, lineHeight: 1.25, vertical: false },
  laneTag: 11.5,
  marks: { manual: 10.5, notes: 11, badge: 11 },
  headerWidth: LANE_HEADER_WIDTH,
};

/**
 * Paper, in CSS pixels (1/96 inch, 0.75 pt): the picture placed at its own size prints its
 * smallest text at 11 px = 8.25 pt. Words are never cut: a shape grows to hold its longest word.
 */
const PRINT_SIZE = 11;
const PRINT_PLAIN: LabelStyle = { size: PRINT_SIZE, padX: 5, padTop: 4, padBottom: 4, align: 'middle', place: 'center', breakWords: false };

export const PRINT_TEXT: TextStyle = {
  labels: {
    start: { ...BELOW, size: PRINT_SIZE, padTop: 2 },
    end: { ...BELOW, size: PRINT_SIZE, padTop: 2 },
    step: PRINT_PLAIN,
    document: { ...PRINT_PLAIN, padBottom: 8 },
    decision: { ...PRINT_PLAIN, padX: 0, padTop: 0, padBottom: 0, place: 'diamond' },
    system: { ...PRINT_PLAIN, padX: 12 },
    dataStore: { ...PRINT_PLAIN, padTop: 10 },
    note: { ...PRINT_PLAIN, padX: 6, padTop: 5, padBottom: 5, align: 'start', place: 'top' },
  },
  belowWidth: 80,
  // The badge, 18 high, reaches 9 into the box; the label's own padding gives the rest.
  markClear: 6,
  flowLabel: { size: PRINT_SIZE, padX: 3, lineHeight: 1.164 },
  laneName: { size: 11.5, lineHeight: 1.2, vertical: true },
  laneTag: PRINT_SIZE,
  marks: { manual: PRINT_SIZE, notes: PRINT_SIZE, badge: PRINT_SIZE },
  headerWidth: 40,
};

/** The smallest text a style draws: what must reach 8 pt on paper. */
export function smallestText(style: TextStyle): number {
  return Math.min(...Object.values(style.labels).map((l) => l.size), style.flowLabel.size, style.laneName.size, style.laneTag, ...Object.values(style.marks));
}

/** The smallest label a reader reads: step, decision and flow labels, lane names (the marks are smaller). */
export function smallestLabel(style: TextStyle): number {
  return Math.min(...Object.values(style.labels).map((l) => l.size), style.flowLabel.size, style.laneName.size);
}
