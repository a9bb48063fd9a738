import type { NodeBox, NodeKind } from '../model/types';
import { SCREEN_TEXT, type TextStyle } from './textStyle';
import { textWidth, wrapText } from './textMetrics';

// Where a node's label goes and how it wraps, for the canvas, the picture and the layout alike:
// the canvas draws the very lines computed here, so screen and export break them the same way.
// Nothing is cut: a step grows to hold its label (nodeSize.ts), a decision's text goes below
// the diamond when the diamond cannot hold it, and starts and ends carry theirs underneath.

export type { LabelStyle } from './textStyle';
/** The editor's label styles, per kind. */
export const LABEL_STYLE = SCREEN_TEXT.labels;

export const LINE_HEIGHT = 1.2;
export const INK = '#1d2733';
/** Space kept between a line of a decision's text and the diamond's edge. */
const DIAMOND_MARGIN = 3;

/** DejaVu Sans's ascent and descent in ems: where the baseline sits in a CSS line box. */
const ASCENT = 0.928;
const CONTENT = 1.164;

/** The baseline of a line whose CSS line box starts at `top`. */
export function baseline(top: number, size: number, lineHeight: number): number {
  return top + (lineHeight * size - CONTENT * size) / 2 + ASCENT * size;
}

export interface PlacedLabel {
  lines: string[];
  size: number;
  anchor: 'middle' | 'start';
  /** The anchor's x and each line's baseline, relative to the node's top left. */
  x: number;
  baselines: number[];
  /** The box the lines take, relative to the node's top left. */
  box: NodeBox;
  /** Whether the label sits under the shape rather than in it. */
  below: boolean;
  /** Top of the first line's box, relative to the node's top; lines follow every size x LINE_HEIGHT. */
  lineTop: number;
}

/** The lines of a label wrapped to fit inside a box of this kind and width. */
export function labelLines(kind: NodeKind, label: string, w: number, style: TextStyle = SCREEN_TEXT): string[] {
  const st = style.labels[kind];
  return wrapText(label, Math.max(1, w - 2 * st.padX), { size: st.size, breakWords: st.breakWords });
}

/** Height a box-shaped node needs for these lines, its marks' room included. */
export function labelHeight(kind: NodeKind, lineCount: number, style: TextStyle = SCREEN_TEXT): number {
  const st = style.labels[kind];
  return lineCount * st.size * LINE_HEIGHT + st.padTop + st.padBottom + 2 * style.markClear;
}

/**
 * A decision's text inside its diamond: lines tried at widths from wide to narrow, kept when
 * every line clears the diamond's edges at its height. Null when no width does.
 */
export function diamondLines(label: string, w: number, h: number, style: TextStyle = SCREEN_TEXT): string[] | null {
  const size = style.labels.decision.size;
  const lh = size * LINE_HEIGHT;
  for (let frac = 0.8; frac >= 0.3; frac -= 0.05) {
    const lines = wrapText(label, w * frac, { size, breakWords: false });
    if (lines.length === 0) return lines;
    const top = (h - lines.length * lh) / 2;
    if (top < 0) continue;
    const fits = lines.every((line, i) => {
      // The row's edge farthest from the middle decides how wide the diamond is there.
      const far = Math.max(Math.abs(top + i * lh - h / 2), Math.abs(top + (i + 1) * lh - h / 2));
      const half = (w / 2) * (1 - far / (h / 2)) - DIAMOND_MARGIN;
      return textWidth(line, size) / 2 <= half;
    });
    if (fits) return lines;
  }
  return null;
}

/**
 * The label of a node of this kind and size, wrapped and placed, every word of it (as the
 * editor draws it, unless another style is given).
 */
export function placeLabel(kind: NodeKind, label: string, w: number, h: number, style: TextStyle = SCREEN_TEXT): PlacedLabel | null {
  const st = style.labels[kind];
  let lines: string[];
  let below = st.place === 'below';
  if (st.place === 'diamond') {
    const inside = diamondLines(label, w, h, style);
    below = inside === null;
    lines = inside ?? wrapText(label, Math.max(style.belowWidth, w), { size: st.size, breakWords: true });
  } else {
    lines = wrapText(label, Math.max(1, (below ? style.belowWidth : w) - 2 * st.padX), { size: st.size, breakWords: st.breakWords });
  }
  if (lines.length === 0) return null;
  const lh = st.size * LINE_HEIGHT;
  // Text under a shape keeps the gap a start's caption keeps.
  const padTop = below ? style.labels.start.padTop : st.padTop;
  const padBottom = below ? 0 : st.padBottom;
  const height = lines.length * lh + padTop + padBottom;
  const boxWidth = below ? Math.max(style.belowWidth, w) : w;
  const top = below ? h : st.place === 'top' ? 0 : (h - height) / 2;
  const left = (w - boxWidth) / 2;
  // A word left to stick out widens what the label covers, on both sides of its centre.
  const widest = Math.max(...lines.map((l) => textWidth(l, st.size)));
  const covered = Math.max(boxWidth, widest + 2 * st.padX);
  const firstLine = top + padTop;
  return {
    lines,
    size: st.size,
    anchor: st.align,
    x: st.align === 'middle' ? w / 2 : left + st.padX,
    baselines: lines.map((_, i) => baseline(firstLine + i * lh, st.size, LINE_HEIGHT)),
    box: { x: left - (covered - boxWidth) / 2, y: top, width: covered, height },
    below,
    lineTop: firstLine,
  };
}
