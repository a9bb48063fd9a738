// How large a canvas the browser will draw: Chromium refuses canvases over 268,435,456 pixels
// (16384 x 16384) in area or 32,767 pixels on a side, and then gives back nothing. A picture
// asked for beyond that is drawn at the largest scale that fits, and the user is told.

export const MAX_CANVAS_AREA = 268_435_456;
export const MAX_CANVAS_SIDE = 32_767;

export interface CanvasSize {
  width: number;
  height: number;
  /** The scale used: the one asked for, or less when the picture would not fit. */
  scale: number;
}

/** The canvas for a picture of `width` x `height` CSS pixels drawn at `wanted` times. */
export function canvasSizeFor(width: number, height: number, wanted: number): CanvasSize {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const limit = Math.min(Math.sqrt(MAX_CANVAS_AREA / (w * h)), MAX_CANVAS_SIDE / Math.max(w, h));
  // Scaled down to two decimals, rounded down, so the user is told a plain number.
  const scale = wanted <= limit ? wanted : Math.max(0.01, Math.floor(limit * 100) / 100);
  let cw = Math.min(MAX_CANVAS_SIDE, Math.max(1, Math.round(w * scale)));
  let ch = Math.min(MAX_CANVAS_SIDE, Math.max(1, Math.round(h * scale)));
  if (cw * ch > MAX_CANVAS_AREA) {
    if (cw >= ch) cw = Math.floor(MAX_CANVAS_AREA / ch);
    else ch = Math.floor(MAX_CANVAS_AREA / cw);
  }
  return { width: cw, height: ch, scale };
}
