import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { mapWidth } from '../../core/model/geometry';
import type { ProcessMap } from '../../core/model/types';
import { mapHeight, startView, type CanvasSize, type Viewport } from '../actions/readableFit';

/** Below this zoom a fitted map's labels are too small to read, so it opens at its start instead. */
const READABLE_ZOOM = 0.65;
const FIT_PADDING = 0.06;
const FIT_MAX_ZOOM = 1.2;
const MIN_ZOOM = 0.1;

/**
 * The view a map opens with: all of it when that is readable, else its left end at a zoom
 * where labels can be read (a wide map is read from its start, like a document).
 * Worked out before React Flow first draws, from the nodes it is about to be given, so the
 * first frame is already this view and draws only what this view shows.
 */
export function openingView(map: ProcessMap, nodes: Node[], canvas: CanvasSize): Viewport {
  // An empty map opens where React Flow starts: its hint is on screen and new lanes start at the top left.
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const height = mapHeight(map);
  const fit = Math.min(canvas.width / (mapWidth(map) * 1.06), canvas.height / (height * 1.06));
  if (fit >= READABLE_ZOOM) {
    // What React Flow's fitView would give once it has measured these nodes.
    return getViewportForBounds(getNodesBounds(nodes), canvas.width, canvas.height, MIN_ZOOM, FIT_MAX_ZOOM, FIT_PADDING);
  }
  // As large as the lanes allow in height, never below a size where text is lost.
  return startView(map, canvas, Math.max(0.35, Math.min(READABLE_ZOOM, (canvas.height * 0.94) / height)));
}
