import { create } from 'zustand';
import type { Id } from '../core/model/types';

// Where an automatic layout stands: the toolbar shows it running, the canvas animates
// nodes from where they were (`from`) to where the layout put them.

export interface LayoutState {
  running: Id | null;
  animation: { mapId: Id; from: Record<Id, { x: number; y: number }>; token: number } | null;
  set: (s: Partial<Omit<LayoutState, 'set'>>) => void;
}

export const useLayoutState = create<LayoutState>((set) => ({
  running: null,
  animation: null,
  set: (s) => set(s),
}));
