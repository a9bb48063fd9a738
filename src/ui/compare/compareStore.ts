import { create } from 'zustand';
import type { Id } from '../../core/model/types';

// What the person is pointing at on the compare screen, shared by its canvases: the step
// under the mouse or keyboard focus (its counterparts light up in the other maps), the
// catalogue entry picked (lit in every map), and whether the views move together.

export interface NodeRef {
  map: number;
  nodeId: Id;
}

interface CompareUi {
  hovered: NodeRef | null;
  /** A catalogue entry id (store or system). */
  entry: Id | null;
  linked: boolean;
  /** True while the export lays the maps out for the image. */
  exporting: boolean;
  hover: (ref: NodeRef | null) => void;
  pickEntry: (id: Id | null) => void;
  setLinked: (on: boolean) => void;
  setExporting: (on: boolean) => void;
}

export const useCompareUi = create<CompareUi>((set) => ({
  hovered: null,
  entry: null,
  linked: false,
  exporting: false,
  hover: (hovered) => set({ hovered }),
  pickEntry: (entry) => set({ entry }),
  setLinked: (linked) => set({ linked }),
  setExporting: (exporting) => set({ exporting }),
}));
