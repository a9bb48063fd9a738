import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { SCREEN_TEXT, smallestLabel } from '../../core/drawing/textStyle';
import { getMap } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { isPresenting, PRESENT_TEXT_PX, usePresenting } from '../editor/presentMode';
import { planFit, sameView, type Viewport } from './readableFit';

// The editor's canvas view, for actions that zoom it. React Flow's instance lives inside the
// editor's provider; the editor hands its zoom here while it is on screen.

let fit: ((mapId?: string) => void) | null = null;
let reveal: ((id: string) => void) | null = null;
let zoomBy: ((how: 'in' | 'out' | 'actual') => void) | null = null;
/** How close to the canvas edge a node may sit and still count as seen, in screen pixels. */
const MARGIN = 24;
/** Zoom to fit keeps the map's smallest labels at least this big on screen (presenting: PRESENT_TEXT_PX). */
export const READABLE_TEXT_PX = 12;
const GLIDE = { duration: 250 };
const NOTICE = 'Zoomed to the start of the map';

/**
 * The least zoom zoom to fit may use, and the smallest label's size at zoom 1: presenting, the
 * presentation's own zoom (its labels at 16 px, measured as it starts); else 12 px for the
 * smallest label of the screen's table (step, decision and flow labels, lane names).
 */
function readable(): { minZoom: number; textAt1: number; px: number } {
  if (isPresenting()) {
    const minZoom = usePresenting.getState().zoom;
    return { minZoom, textAt1: PRESENT_TEXT_PX / minZoom, px: PRESENT_TEXT_PX };
  }
  const textAt1 = smallestLabel(SCREEN_TEXT);
  return { minZoom: READABLE_TEXT_PX / textAt1, textAt1, px: READABLE_TEXT_PX };
}

/** The notice after a readable start: how small the whole would be, and how to see it. */
function sayStart(wholeTextPx: number, px: number, showWhole: (() => void) | null): void {
  const ui = useUi.getState();
  for (const t of ui.toasts) if (t.message.startsWith(NOTICE)) ui.dismissToast(t.id);
  const how = showWhole
    ? 'press Shift+1 again (or Fit again) to see the whole map.'
    : `presenting keeps text at ${px} px or more: leave the presentation (Esc) to see the whole map.`;
  ui.toast({
    tone: 'info',
    message: `${NOTICE}, where its text reads at ${px} px or more. The whole map at once would make the text ${wholeTextPx} px: ${how}`,
    ...(showWhole ? { action: { label: 'Show the whole map', run: showWhole } } : {}),
  });
}

/** Called by the editor, inside its React Flow provider. */
export function useCanvasZoom(): void {
  const { fitView, getViewport, getNode, setCenter, setViewport, zoomIn, zoomOut, zoomTo } = useReactFlow();
  useEffect(() => {
    // Where the last readable start was sent, and until when the view glides there.
    let gliding: Viewport | null = null;
    let glidingUntil = 0;
    const mine = (mapId?: string) => {
      const map = mapId ? getMap(mapId) : undefined;
      const el = document.querySelector('.canvas .react-flow');
      if (!map || !el) return void fitView({ padding: 0.08, ...GLIDE });
      const { minZoom, textAt1, px } = readable();
      const plan = planFit(map, el.getBoundingClientRect(), minZoom, textAt1);
      const whole = () => void setViewport(plan.wholeView, GLIDE);
      if (plan.whole) return whole();
      const presenting = isPresenting();
      // Pressed again at the start (or while gliding to it): the whole map, unless presenting.
      const there = sameView(getViewport(), plan.view) || (gliding !== null && performance.now() < glidingUntil && sameView(gliding, plan.view));
      if (there && !presenting) return whole();
      void setViewport(plan.view, GLIDE);
      gliding = plan.view;
      glidingUntil = performance.now() + 400;
      sayStart(plan.wholeTextPx, px, presenting ? null : whole);
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

/** Shift+1 and Fit: the whole map if its text reads so, else the flow's readable start (again: the whole). */
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
