import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

// PNG from our SVG without a browser: resvg (Rust, prebuilt for the platform from npm).
// The same pixel cap as Chromium's canvas, so the CLI and the app give the same pictures.

export const MAX_PIXELS = 268_435_456;

export interface Raster {
  png: Uint8Array;
  width: number;
  height: number;
  /** The scale used: lower than asked when the picture would pass the cap. */
  scale: number;
}

const options = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  background: 'white',
});

/** The scale used for a picture of this size: lower than asked when it would pass the cap. */
const usable = (size: { width: number; height: number }, scale: number): number => Math.min(scale, Math.floor(Math.sqrt(MAX_PIXELS / (size.width * size.height)) * 100) / 100);

export function rasterise(svg: string, size: { width: number; height: number }, scale: number): Raster {
  const used = usable(size, scale);
  const image = new Resvg(svg, options(used)).render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height, scale: used };
}

/** The same off the main thread (libuv's pool), so several pictures are drawn at once on a machine with cores to spare. */
export async function rasteriseAsync(svg: string, size: { width: number; height: number }, scale: number): Promise<Raster> {
  const used = usable(size, scale);
  const image = await renderAsync(svg, options(used));
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height, scale: used };
}
