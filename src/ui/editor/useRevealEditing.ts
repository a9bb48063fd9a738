import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { ProcessMap } from '../../core/model/types';
import { useUi } from '../../state/uiStore';

/** How close to the canvas edge a node may sit and still count as seen, in screen pixels. */
const MARGIN = 24;

/**
 * A node whose label is about to be typed (just added, or F2) is brought into view if it is
 * off screen: a step added after the last one in a long lane lands beyond the right edge, and
 * typing into something you cannot see is no use. The zoom is kept; only the view pans.
 */
export function useRevealEditing(map: ProcessMap | undefined): void {
  const editing = useUi((s) => s.editing);
  const { getViewport, setCenter } = useReactFlow();
  useEffect(() => {
    if (!map || editing?.kind !== 'node') return;
    const box = map.view.nodes[editing.id];
    const el = document.querySelector('.canvas .react-flow');
    if (!box || !el) return;
    const { x, y, zoom } = getViewport();
    const { width, height } = el.getBoundingClientRect();
    const left = box.x * zoom + x;
    const top = box.y * zoom + y;
    const inside = left >= MARGIN && top >= MARGIN && left + box.width * zoom <= width - MARGIN && top + box.height * zoom <= height - MARGIN;
    if (!inside) void setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 200 });
    // Only when editing starts: the map changes on every keystroke's commit, the view must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);
}
