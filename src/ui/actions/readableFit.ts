import { LANE_HEADER_WIDTH, laneBands, nodeBox } from '../../core/model/geometry';
import type { MapNode, ProcessMap } from '../../core/model/types';

// Where zoom to fit goes when the whole map would make its text too small to read: the start of
// the flow at a readable zoom. Plain numbers in, a viewport out, so the rule is tested in Node.

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
export interface CanvasSize {
  width: number;
  height: number;
}

/** Room kept free round the whole map, as a fraction of the canvas on each side. */
const WHOLE_PADDING = 0.04;
const WHOLE_MAX_ZOOM = 1.5;
/** Gap kept between the map and the canvas edge, in screen pixels. */
const EDGE = 16;
/** Where the start node sits when the view is panned past the headers: clear of the pinned lane names. */
const PAST_NAMES = LANE_HEADER_WIDTH + 30;

export function mapHeight(map: Pick<ProcessMap, 'lanes' | 'view'>): number {
  return laneBands(map).reduce((h, b) => h + b.height, 0) || 400;
}

/**
 * What the whole map is: its lane headers and everything drawn right of them, not the empty
 * room the bands keep on the right for more steps.
 */
export function wholeBounds(map: ProcessMap): { x: number; y: number; width: number; height: number } {
  let right = LANE_HEADER_WIDTH + 200;
  for (const b of Object.values(map.view.nodes)) right = Math.max(right, b.x + b.width + 40);
  for (const pts of Object.values(map.view.flowPoints)) for (const [x] of pts) right = Math.max(right, x + 40);
  return { x: 0, y: 0, width: right, height: mapHeight(map) };
}

/** The zoom at which the whole map (wholeBounds) fills the canvas, WHOLE_PADDING of it kept free each side. */
export function wholeZoom(map: ProcessMap, canvas: CanvasSize): number {
  const { width, height } = wholeBounds(map);
  const room = 1 - 2 * WHOLE_PADDING;
  return Math.min((canvas.width * room) / width, (canvas.height * room) / height);
}

/** The whole map centred in the canvas; a small map is not blown up past WHOLE_MAX_ZOOM. */
export function wholeView(map: ProcessMap, canvas: CanvasSize): Viewport {
  const b = wholeBounds(map);
  const zoom = Math.min(WHOLE_MAX_ZOOM, wholeZoom(map, canvas));
  return { x: canvas.width / 2 - (b.x + b.width / 2) * zoom, y: canvas.height / 2 - (b.y + b.height / 2) * zoom, zoom };
}

/** Where the flow starts: the leftmost start node, else the leftmost node. */
export function firstNode(map: ProcessMap): MapNode | undefined {
  const starts = map.nodes.filter((n) => n.kind === 'start');
  const pool = starts.length ? starts : map.nodes;
  let best: MapNode | undefined;
  for (const n of pool) if (!best || nodeBox(map, n).x < nodeBox(map, best).x) best = n;
  return best;
}

/**
 * The start of the flow at `zoom`: the map's left end with its lane headers when the start node
 * is near it, else the start node just right of the pinned lane names; the lanes centred when
 * they fit the height, else the start node's lane in the middle. As many columns as fit follow.
 */
export function startView(map: ProcessMap, canvas: CanvasSize, zoom: number): Viewport {
  const height = mapHeight(map) * zoom;
  const first = firstNode(map);
  const box = first ? nodeBox(map, first) : undefined;
  let x = EDGE;
  if (box && EDGE + (box.x + box.width) * zoom > canvas.width / 3) x = Math.min(EDGE, PAST_NAMES - box.x * zoom);
  let y = Math.max(EDGE, (canvas.height - height) / 2);
  if (box && height + 2 * EDGE > canvas.height) {
    const centred = canvas.height / 2 - (box.y + box.height / 2) * zoom;
    y = Math.min(EDGE, Math.max(canvas.height - height - EDGE, centred));
  }
  return { x, y, zoom };
}

export interface FitPlan {
  /** Whether `view` shows the whole map. */
  whole: boolean;
  view: Viewport;
  /** The whole map's view, and its smallest text on screen there. */
  wholeView: Viewport;
  wholeTextPx: number;
}

/**
 * Zoom to fit: the whole map when, so fitted, its smallest text (`textAt1` px at zoom 1) stays
 * at `minZoom` or above; else the start of the flow at `minZoom`, with the size the whole
 * map's text would have.
 */
export function planFit(map: ProcessMap, canvas: CanvasSize, minZoom: number, textAt1: number): FitPlan {
  const all = wholeView(map, canvas);
  const wholeTextPx = Math.round(textAt1 * all.zoom * 10) / 10;
  if (all.zoom >= minZoom) return { whole: true, view: all, wholeView: all, wholeTextPx };
  return { whole: false, view: startView(map, canvas, minZoom), wholeView: all, wholeTextPx };
}

/** Two viewports the same to the eye (a press during the glide to one counts as being there). */
export function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2 && Math.abs(a.zoom - b.zoom) < 0.01;
}
