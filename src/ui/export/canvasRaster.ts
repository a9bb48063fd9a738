import { canvasSizeFor } from './rasterScale';

// PNG from our SVG in the browser: the SVG is loaded as an image and drawn on a canvas at the
// scale asked for. An SVG image is redrawn at the canvas's size, so 2x and 3x stay sharp.

export interface Raster {
  blob: Blob;
  width: number;
  height: number;
  /** The scale used: lower than asked when the picture would not fit a canvas. */
  scale: number;
}

async function loadSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    return img;
  } catch {
    throw new Error('The browser could not read the drawing of this map. Export it as SVG instead.');
  } finally {
    URL.revokeObjectURL(url);
  }
}

const toBlob = (canvas: HTMLCanvasElement) => new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));

/** A PNG of the SVG (of `size` CSS pixels) at `wanted` times, or the largest scale the browser can draw. */
export async function svgToPng(svg: string, size: { width: number; height: number }, wanted: number): Promise<Raster> {
  const img = await loadSvg(svg);
  let target = canvasSizeFor(size.width, size.height, wanted);
  // A canvas within the limits can still fail for want of memory: then try smaller.
  for (;;) {
    const canvas = document.createElement('canvas');
    canvas.width = target.width;
    canvas.height = target.height;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.drawImage(img, 0, 0, target.width, target.height);
      const blob = await toBlob(canvas);
      canvas.width = canvas.height = 0; // let the memory go now, not at the next collection
      if (blob) return { blob, width: target.width, height: target.height, scale: target.scale };
    }
    const next = Math.floor(target.scale * 70) / 100;
    if (next < 0.1) throw new Error('This map is too large for the browser to draw as a PNG. Export it as SVG instead.');
    target = canvasSizeFor(size.width, size.height, next);
  }
}
