import type { NodeBox } from '../model/types';
import { textWidth } from './textMetrics';

// The small marks on a node, placed where no label line goes: the "manual" tag and the
// findings badge ride the top edge, the notes mark the bottom right corner. A box-shaped
// node keeps MARK_CLEAR free above and below its text (nodeLabels), and its text keeps clear
// of the left and right edges by its padding, so a mark never covers a word. The canvas's CSS
// (.badge-manual, .badge-finding, .badge-notes) uses the same numbers.

/** Line height of one-word marks: DejaVu's normal line. */
export const MARK_LINE = 1.164;
export const MANUAL_TAG = { text: 'manual', size: 10.5, padX: 6, x: 8, y: -9 } as const;
export const NOTES_MARK = { text: '✎', size: 11, padX: 4, right: -6, bottom: -8 } as const;
export const FINDING_BADGE = { size: 11, height: 18, overhang: 9 } as const;

export interface NodeMarks {
  manual?: NodeBox;
  notes?: NodeBox;
  finding?: NodeBox;
}

const pillWidth = (text: string, size: number, padX: number) => textWidth(text, size) + 2 * padX + 2;
const pillHeight = (size: number) => size * MARK_LINE + 2;

/** Where the marks of a node of width w and height h go, relative to its top left. */
export function nodeMarks(w: number, h: number, has: { manual?: boolean; notes?: boolean; findings?: number }): NodeMarks {
  const marks: NodeMarks = {};
  if (has.manual) {
    marks.manual = { x: MANUAL_TAG.x, y: MANUAL_TAG.y, width: pillWidth(MANUAL_TAG.text, MANUAL_TAG.size, MANUAL_TAG.padX), height: pillHeight(MANUAL_TAG.size) };
  }
  if (has.notes) {
    const width = pillWidth(NOTES_MARK.text, NOTES_MARK.size, NOTES_MARK.padX);
    const height = pillHeight(NOTES_MARK.size);
    marks.notes = { x: w - NOTES_MARK.right - width, y: h - NOTES_MARK.bottom - height, width, height };
  }
  if (has.findings) {
    const width = Math.max(FINDING_BADGE.height, textWidth(String(has.findings), FINDING_BADGE.size, true) + 12);
    marks.finding = { x: w + FINDING_BADGE.overhang - width, y: -FINDING_BADGE.overhang, width, height: FINDING_BADGE.height };
  }
  return marks;
}
