import { type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { LANE_HEADER_WIDTH, laneBands } from '../../core/model/geometry';
import type { NodeBox, ProcessMap } from '../../core/model/types';
import { useUi } from '../../state/uiStore';

/** How close to the canvas edge a node may sit and still count as seen, in screen pixels. */
const MARGIN = 24;
/** The part of a lane header that holds the name box being typed in. */
const HEADER_NAME_HEIGHT = 60;

/**
 * A node or lane whose name is about to be typed (just added, or F2) is brought into view if it
 * is off screen: a step added after the last one in a long lane lands beyond the right edge, a
 * fourth lane below the bottom, and typing into something you cannot see is no use. The zoom
 * is kept; only the view pans.
 */
export function useRevealEditing(map: ProcessMap | undefined): void {
  const editing = useUi((s) => s.editing);
  const rf = useReactFlow();
  useEffect(() => {
    if (!map || !editing || editing.kind === 'flow') return;
    const box = editing.kind === 'node' ? map.view.nodes[editing.id] : laneHeader(map, editing.id);
    // A lane's name box: pan just enough to show it, so the lanes around it stay where they were.
    if (box) revealBox(rf, box, editing.kind === 'node' ? 'centre' : 'nudge');
    // Only when editing starts: the map changes on every keystroke's commit, the view must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);
}

/**
 * Pan so `box` (map coordinates) is wholly on the canvas, if it is not: centred on it, or moved
 * just enough ('nudge'). The zoom is kept, and never goes below `minZoom`.
 */
export function revealBox(rf: Pick<ReactFlowInstance, 'getViewport' | 'setCenter' | 'setViewport'>, box: NodeBox, how: 'centre' | 'nudge', minZoom = 0): void {
  const el = document.querySelector('.canvas .react-flow');
  if (!el) return;
  const { x, y, zoom: now } = rf.getViewport();
  const zoom = Math.max(now, minZoom);
  const { width, height } = el.getBoundingClientRect();
  const left = box.x * zoom + x;
  const top = box.y * zoom + y;
  const right = left + box.width * zoom;
  const bottom = top + box.height * zoom;
  if (zoom === now && left >= MARGIN && top >= MARGIN && right <= width - MARGIN && bottom <= height - MARGIN) return;
  if (how === 'centre') return void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 200 });
  const dx = left < MARGIN ? MARGIN - left : right > width - MARGIN ? width - MARGIN - right : 0;
  const dy = top < MARGIN ? MARGIN - top : bottom > height - MARGIN ? height - MARGIN - bottom : 0;
  void rf.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
}

/** Where a lane's name is typed: the top of its header. */
function laneHeader(map: ProcessMap, laneId: string): NodeBox | undefined {
  const band = laneBands(map).find((b) => b.laneId === laneId);
  return band && { x: 0, y: band.y, width: LANE_HEADER_WIDTH, height: Math.min(band.height, HEADER_NAME_HEIGHT) };
}
