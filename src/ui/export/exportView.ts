import type * as HtmlToImage from 'html-to-image';
import type { Raster } from './canvasRaster';
import { canvasSizeFor } from './rasterScale';
import { inPrintColours } from '../shell/theme';

// "Current view": a picture of exactly what the canvas shows (zoom, pan, the findings' badges
// and highlights), taken from the page by html-to-image. The map's own SVG export draws the
// whole map from the model instead; this one is for "what I am looking at".
// html-to-image is loaded on first use, so it stays out of the app's first download.

type Options = NonNullable<Parameters<typeof HtmlToImage.toBlob>[1]>;

/** The canvas's tools, not part of the picture. */
const TOOLS = ['react-flow__minimap', 'react-flow__controls', 'react-flow__panel', 'react-flow__attribution'];
/** Never seen (transparent until hovered or dragged), but each would be copied with all its styles. */
const UNSEEN = ['react-flow__handle', 'react-flow__edge-interaction', 'react-flow__resize-control', 'lane-tools'];
/** The nodes and flows themselves: left out when they lie wholly off screen. */
const ITEMS = ['react-flow__node', 'react-flow__edge'];

function viewElement(): HTMLElement {
  const el = document.querySelector<HTMLElement>('.canvas .react-flow');
  if (!el) throw new Error('No map is on screen. Open a map, then export its view.');
  return el;
}

const overlaps = (a: DOMRect, b: DOMRect) => a.right >= b.left && a.left <= b.right && a.bottom >= b.top && a.top <= b.bottom;

/**
 * html-to-image copies every element with its computed style, which is slow: a 150-node map
 * took over 20 s. What cannot be seen is left out, so the picture is the same and quicker.
 */
function options(el: HTMLElement, scale: number): Options {
  const screen = el.getBoundingClientRect();
  return {
    pixelRatio: scale,
    backgroundColor: '#ffffff',
    // The app uses the system's fonts: there are no web fonts to embed.
    skipFonts: true,
    filter: (node) => {
      if (!(node instanceof Element)) return true;
      const classes = node.classList;
      if (TOOLS.some((c) => classes.contains(c)) || UNSEEN.some((c) => classes.contains(c))) return false;
      if (ITEMS.some((c) => classes.contains(c))) return overlaps(node.getBoundingClientRect(), screen);
      return true;
    },
  };
}

/** A PNG of the view at `wanted` times its size on screen (less if the browser cannot draw that). */
export async function viewToPng(wanted: number): Promise<Raster> {
  const el = viewElement();
  const { width, height } = el.getBoundingClientRect();
  const size = canvasSizeFor(width, height, wanted);
  const { toBlob } = await import('html-to-image');
  const blob = await inPrintColours(el, () => toBlob(el, options(el, size.scale)));
  if (!blob) throw new Error('The browser could not draw the view. Try a smaller scale, or export the map as SVG.');
  return { blob, width: Math.round(width * size.scale), height: Math.round(height * size.scale), scale: size.scale };
}

/** The view as html-to-image's SVG (the page's elements inside a foreignObject), for comparison. */
export async function viewToSvg(): Promise<string> {
  const { toSvg } = await import('html-to-image');
  const el = viewElement();
  const url = await inPrintColours(el, () => toSvg(el, options(el, 1)));
  return decodeURIComponent(url.slice(url.indexOf(',') + 1));
}
