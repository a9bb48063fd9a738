import { create } from 'zustand';
import type { Id } from '../../core/model/types';

// Whether Find is open, and the node it was asked to show once its map has opened: apart
// from the dialog, so the action table and the editor can reach it without an import loop.

interface FindState {
  open: boolean;
  /** A node chosen in another map: selected and shown when that map's canvas is drawn. */
  pending: { mapId: Id; nodeId: Id } | null;
}

export const useFind = create<FindState>(() => ({ open: false, pending: null }));
export const openFind = () => useFind.setState({ open: true });
export const closeFind = () => useFind.setState({ open: false });
export const showLater = (mapId: Id, nodeId: Id) => useFind.setState({ pending: { mapId, nodeId } });

/** The node waiting to be shown in this map, taken (once). */
export function takePending(mapId: Id): Id | null {
  const p = useFind.getState().pending;
  if (!p || p.mapId !== mapId) return null;
  useFind.setState({ pending: null });
  return p.nodeId;
}
