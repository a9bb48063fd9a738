import { NODE_SIZE } from '../model/geometry';
import type { NodeKind } from '../model/types';
import type { SourceRect } from '../formats/mapBuilder';
import { minOf } from '../model/numbers';

// Where a BPMN shape's Lanemap node goes when its own bounds will not do: our shapes are
// larger than BPMN's events and taller than its tasks, so what sits on or close to another
// shape in the source is moved just clear of it.

/** Our step is far larger than a BPMN event: how far past its host's edge a boundary event's centre goes, and the pitch between several. */
const BOUNDARY_DROP = 34;
const BOUNDARY_PITCH = 70;
/** Space between an open sub-process's step and the top of its content. */
const CONTAINER_GAP = 8;

const centreY = (r: SourceRect) => r.y + r.height / 2;

/** An open sub-process stands at its top-left corner, where its name is. */
export const cornerOf = (r: SourceRect): SourceRect => ({ x: r.x, y: r.y, width: Math.min(r.width, 100), height: Math.min(r.height, 40) });

/** How far an open sub-process's content must move down to clear the step at its corner. */
export function contentDrop(corner: SourceRect, content: { kind: NodeKind; rect?: SourceRect }[]): number {
  const tops = content.filter((n) => n.rect).map((n) => centreY(n.rect!) - NODE_SIZE[n.kind].height / 2);
  if (tops.length === 0) return 0;
  const stepBottom = centreY(corner) + NODE_SIZE.step.height / 2;
  return Math.max(0, stepBottom + CONTAINER_GAP - minOf(tops));
}

/** A boundary event hangs below its host (above, if drawn on its top edge), the k-th of several further out. */
export function hangFrom(event: SourceRect, host: SourceRect, k: number): SourceRect {
  const onTop = centreY(event) < host.y + host.height / 4;
  const cy = onTop ? host.y - BOUNDARY_DROP - k * BOUNDARY_PITCH : host.y + host.height + BOUNDARY_DROP + k * BOUNDARY_PITCH;
  return { ...event, y: cy - event.height / 2 };
}
