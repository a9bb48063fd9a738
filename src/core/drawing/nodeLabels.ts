import type { NodeBox, NodeKind } from '../model/types';
import { SCREEN_TEXT, type TextStyle } from './textStyle';
import { textWidth, wrapText } from './textMetrics';

// Where a node's label goes and how it wraps: the editor's CSS for .shape-label, in numbers.
// Starts and ends carry theirs underneath; notes read from the top left; the rest are centred.

export type { LabelStyle } from './textStyle';
/** The editor's label styles, per kind. */
export const LABEL_STYLE = SCREEN_TEXT.labels;

export const LINE_HEIGHT = 1.2;
export const INK = '#1d2733';

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
}

/** The label of a node of this kind and size, wrapped and placed (as the editor draws it, unless another style is given). */
export function placeLabel(kind: NodeKind, label: string, w: number, h: number, style: TextStyle = SCREEN_TEXT): PlacedLabel | null {
  const st = style.labels[kind];
  const boxWidth = st.place === 'below' ? style.belowWidth : w;
  const inner = Math.max(1, boxWidth - 2 * st.padX);
  const lines = wrapText(label, inner, { size: st.size, maxLines: style.maxLines, breakWords: st.breakWords });
  if (lines.length === 0) return null;
  const lh = st.size * LINE_HEIGHT;
  const height = lines.length * lh + st.padTop + st.padBottom;
  const top = st.place === 'below' ? h : st.place === 'top' ? 0 : (h - height) / 2;
  const left = (w - boxWidth) / 2;
  // A word left to stick out widens what the label covers, on both sides of its centre.
  const widest = Math.max(...lines.map((l) => textWidth(l, st.size)));
  const covered = Math.max(boxWidth, widest + 2 * st.padX);
  const firstLine = top + st.padTop;
  return {
    lines,
    size: st.size,
    anchor: st.align,
    x: st.align === 'middle' ? w / 2 : left + st.padX,
    baselines: lines.map((_, i) => baseline(firstLine + i * lh, st.size, LINE_HEIGHT)),
    box: { x: left - (covered - boxWidth) / 2, y: top, width: covered, height },
  };
}
