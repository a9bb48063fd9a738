import type { NodeBox } from '../model/types';
import { textWidth } from './textMetrics';
import { SCREEN_TEXT, type TextStyle } from './textStyle';

// The small marks on a node, placed where no label line goes: the "manual" tag (top left) and
// the findings badge (top right) ride the top edge, the notes mark the bottom right corner.
// When the tag and the badge do not fit side by side (a narrow step, a badge of several finding
// numbers on paper), the badge goes up a row, above the tag, so neither covers the other. A box-shaped
// node keeps its style's markClear free above and below its text (nodeLabels), and its text
// keeps clear of the left and right edges by its padding, so a mark never covers a word. The
// marks' text sizes are the style's (TextStyle.marks); the canvas's CSS (.badge-manual,
// .badge-finding, .badge-notes) uses the screen's numbers.

/** Line height of one-word marks: DejaVu's normal line. */
export const MARK_LINE = 1.164;
export const MANUAL_TAG = { text: 'manual', padX: 6, x: 8, y: -9 } as const;
export const NOTES_MARK = { text: '✎', padX: 4, right: -6, bottom: -8 } as const;
/** The badge is at least this high, and half of it rides above the top edge. */
export const FINDING_BADGE = { height: 18 } as const;

export interface NodeMarks {
  manual?: NodeBox;
  notes?: NodeBox;
  finding?: NodeBox;
  /** The badge was moved up a row, above the manual tag. */
  stacked?: boolean;
}

/** Space kept between the manual tag and the badge. */
const MARK_GAP = 2;

const pillWidth = (text: string, size: number, padX: number) => textWidth(text, size) + 2 * padX + 2;
const pillHeight = (size: number) => size * MARK_LINE + 2;

/** The finding badge's height for a style: 18, or more where its text is larger. */
export const badgeHeight = (style: TextStyle): number => Math.max(FINDING_BADGE.height, style.marks.badge * 1.5);

/**
 * Where the marks of a node of width w and height h go, relative to its top left. `findings` is
 * what the badge says: their count, or their numbers ("F2 F5") in a report.
 */
export function nodeMarks(w: number, h: number, has: { manual?: boolean; notes?: boolean; findings?: number | string }, style: TextStyle = SCREEN_TEXT): NodeMarks {
  const marks: NodeMarks = {};
  const size = style.marks;
  if (has.manual) {
    marks.manual = { x: MANUAL_TAG.x, y: MANUAL_TAG.y, width: pillWidth(MANUAL_TAG.text, size.manual, MANUAL_TAG.padX), height: pillHeight(size.manual) };
  }
  if (has.notes) {
    const width = pillWidth(NOTES_MARK.text, size.notes, NOTES_MARK.padX);
    const height = pillHeight(size.notes);
    marks.notes = { x: w - NOTES_MARK.right - width, y: h - NOTES_MARK.bottom - height, width, height };
  }
  if (has.findings) {
    const height = badgeHeight(style);
    const width = Math.max(height, textWidth(String(has.findings), size.badge, true) + 12);
    marks.finding = { x: w + height / 2 - width, y: -height / 2, width, height };
    const tag = marks.manual;
    if (tag && marks.finding.x < tag.x + tag.width + MARK_GAP) {
      marks.finding.y = tag.y - MARK_GAP - height;
      marks.stacked = true;
    }
  }
  return marks;
}

/**
 * The narrowest node that holds its manual tag and its badge side by side on the top edge (0
 * without both): paper widens a step to this, so its badge stays on the step, not a row above.
 */
export function sideBySideWidth(findings: number | string, style: TextStyle = SCREEN_TEXT): number {
  const tag = nodeMarks(0, 0, { manual: true }, style).manual!;
  const badge = nodeMarks(0, 0, { findings }, style).finding!;
  return Math.ceil(tag.x + tag.width + MARK_GAP + badge.width - badge.height / 2);
}
