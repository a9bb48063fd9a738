import { useReactFlow, type Viewport } from '@xyflow/react';
import { useEffect } from 'react';
import { SCREEN_TEXT, smallestText } from '../../core/drawing/textStyle';
import { laneBands, mapWidth } from '../../core/model/geometry';
import type { ProcessMap } from '../../core/model/types';
import { getMap } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';

// The editor's canvas view, for actions that zoom it. React Flow's instance lives inside the
// editor's provider; the editor hands its zoom here while it is on screen.

let fit: ((mapId?: string) => void) | null = null;
let reveal: ((id: string) => void) | null = null;
let zoomBy: ((how: 'in' | 'out' | 'actual') => void) | null = null;
/** How close to the canvas edge a node may sit and still count as seen, in screen pixels. */
const MARGIN = 24;
/** Zoom to fit never makes the map's smallest text (flow labels, decisions) smaller than this on screen. */
const READABLE_PX = 12;
const READABLE_ZOOM = READABLE_PX / smallestText(SCREEN_TEXT);
const WHOLE = { padding: 0.08, duration: 250 };

/** The map's left end at `zoom`, lane headers in view and the lanes centred when they fit the height. */
export function startOfMap(map: ProcessMap, canvas: { width: number; height: number }, zoom: number): Viewport {
  const height = laneBands(map).reduce((h, b) => h + b.height, 0) || 400;
  return { x: 16, y: Math.max(16, (canvas.height - height * zoom) / 2), zoom };
}

/** The zoom at which the whole map fits the canvas. */
function wholeZoom(map: ProcessMap, canvas: { width: number; height: number }): number {
  const height = laneBands(map).reduce((h, b) => h + b.height, 0) || 400;
  return Math.min(canvas.width / (mapWidth(map) * 1.08), canvas.height / (height * 1.08));
}

let gliding: Viewport = { x: 0, y: 0, zoom: 0 };
let glidingUntil = 0;

const near = (a: Viewport, b: Viewport) => Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2 && Math.abs(a.zoom - b.zoom) < 0.01;

/** Called by the editor, inside its React Flow provider. */
export function useCanvasZoom(): void {
  const { fitView, getViewport, getNode, setCenter, setViewport, zoomIn, zoomOut, zoomTo } = useReactFlow();
  useEffect(() => {
    // The whole map when its text stays readable; else its start at a readable size, saying how
    // to see all of it (the same key again, or the toast's button).
    const mine = (mapId?: string) => {
      const map = mapId ? getMap(mapId) : undefined;
      const el = document.querySelector('.canvas .react-flow');
      if (!map || !el) return void fitView(WHOLE);
      const canvas = el.getBoundingClientRect();
      const fits = wholeZoom(map, canvas);
      const start = startOfMap(map, canvas, READABLE_ZOOM);
      // Pressed again while still gliding to the start counts as being there.
      const there = near(getViewport(), start) || (performance.now() < glidingUntil && near(gliding, start));
      if (fits >= READABLE_ZOOM || there) return void fitView(WHOLE);
      void setViewport(start, { duration: 250 });
      gliding = start;
      glidingUntil = performance.now() + 300;
      const px = Math.round(smallestText(SCREEN_TEXT) * fits * 10) / 10;
      useUi.getState().toast({
        tone: 'info',
        message: `Zoomed to the start of the map, where its text can be read. All of it at once would make the text ${px} px: press Shift+1 again to see the whole map.`,
        action: { label: 'Show the whole map', run: () => void fitView(WHOLE) },
      });
    };
    // A node chosen by the keyboard off screen is brought into the middle; the zoom is kept.
    const show = (id: string) => {
      const n = getNode(id);
      const el = document.querySelector('.canvas .react-flow');
      if (!n || !el) return;
      const { x, y, zoom } = getViewport();
      const w = n.measured?.width ?? n.width ?? 0;
      const h = n.measured?.height ?? n.height ?? 0;
      const r = el.getBoundingClientRect();
      const left = n.position.x * zoom + x;
      const top = n.position.y * zoom + y;
      if (left >= MARGIN && top >= MARGIN && left + w * zoom <= r.width - MARGIN && top + h * zoom <= r.height - MARGIN) return;
      void setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom, duration: 200 });
    };
    // At once, not animated: keys pressed in quick succession each start from where the last left the zoom.
    const zoom = (how: 'in' | 'out' | 'actual') => void (how === 'in' ? zoomIn() : how === 'out' ? zoomOut() : zoomTo(1));
    fit = mine;
    reveal = show;
    zoomBy = zoom;
    return () => {
      if (fit === mine) fit = null;
      if (reveal === show) reveal = null;
      if (zoomBy === zoom) zoomBy = null;
    };
  }, [fitView, getViewport, getNode, setCenter, setViewport, zoomIn, zoomOut, zoomTo]);
}

/** Shift+1: the whole map if its text can be read so, else its readable start (again: the whole). */
export function zoomToFit(mapId?: string): void {
  fit?.(mapId);
}

export function revealNode(id: string): void {
  reveal?.(id);
}

/** Ctrl+= / Ctrl+- / Ctrl+0: the map's zoom, in steps or back to actual size (the page's own zoom is left alone). */
export function zoomCanvas(how: 'in' | 'out' | 'actual'): void {
  zoomBy?.(how);
}
