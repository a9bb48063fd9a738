import { create } from 'zustand';
import type { Id } from '../../core/model/types';

// Where the nodes being dragged are now, move by move. Kept apart from the document (which
// takes the drop as one command) and from the Canvas's edge list: only the nodes that move and
// the flows at their ends read it, so a mouse move re-renders those and nothing else.

export type LivePlace = { readonly x: number; readonly y: number };

interface LiveDrag {
  places: ReadonlyMap<Id, LivePlace>;
}

export const NOT_DRAGGING: ReadonlyMap<Id, LivePlace> = new Map();

export const useLiveDrag = create<LiveDrag>(() => ({ places: NOT_DRAGGING }));

/** Take in the places React Flow reports for one mouse move. */
export function dragTo(moves: readonly { id: Id; x: number; y: number }[]): void {
  if (moves.length === 0) return;
  const next = new Map(useLiveDrag.getState().places);
  for (const m of moves) next.set(m.id, { x: m.x, y: m.y });
  useLiveDrag.setState({ places: next });
}

export function endDrag(): void {
  if (useLiveDrag.getState().places.size > 0) useLiveDrag.setState({ places: NOT_DRAGGING });
}

/** The live place of one node while it is dragged, else undefined: a flow's end subscribes to its node only. */
export const useLivePlace = (id: Id): LivePlace | undefined => useLiveDrag((s) => s.places.get(id));
