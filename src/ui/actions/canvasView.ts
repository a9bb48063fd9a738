import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

// The editor's canvas view, for actions that zoom it. React Flow's instance lives inside the
// editor's provider; the editor hands its zoom here while it is on screen.

let fit: (() => void) | null = null;
let reveal: ((id: string) => void) | null = null;
let zoomBy: ((how: 'in' | 'out' | 'actual') => void) | null = null;
/** How close to the canvas edge a node may sit and still count as seen, in screen pixels. */
const MARGIN = 24;

/** Called by the editor, inside its React Flow provider. */
export function useCanvasZoom(): void {
  const { fitView, getViewport, getNode, setCenter, zoomIn, zoomOut, zoomTo } = useReactFlow();
  useEffect(() => {
    const mine = () => void fitView({ padding: 0.08, duration: 250 });
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
  }, [fitView, getViewport, getNode, setCenter, zoomIn, zoomOut, zoomTo]);
}

export function zoomToFit(): void {
  fit?.();
}

export function revealNode(id: string): void {
  reveal?.(id);
}

/** Ctrl+= / Ctrl+- / Ctrl+0: the map's zoom, in steps or back to actual size (the page's own zoom is left alone). */
export function zoomCanvas(how: 'in' | 'out' | 'actual'): void {
  zoomBy?.(how);
}
