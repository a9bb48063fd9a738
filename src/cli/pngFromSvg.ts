import { Resvg } from '@resvg/resvg-js';

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

export function rasterise(svg: string, size: { width: number; height: number }, scale: number): Raster {
  const fit = Math.sqrt(MAX_PIXELS / (size.width * size.height));
  const used = Math.min(scale, Math.floor(fit * 100) / 100);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: used },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: 'white',
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height, scale: used };
}
