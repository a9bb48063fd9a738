import { create } from 'zustand';
import type { Fragment } from '../core/commands';
import type { Id } from '../core/model/types';

// What the user is looking at and pointing to: not part of the document, not saved.

export interface Selection {
  nodeIds: Id[];
  flowIds: Id[];
  laneId: Id | null;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface UiState {
  openMapId: Id | null;
  selection: Selection;
  /** The node, lane or flow whose label is being typed into. */
  editing: { kind: 'node' | 'lane' | 'flow'; id: Id } | null;
  clipboard: Fragment | null;
  pasteCount: number;
  toasts: Toast[];
  setOpenMap: (id: Id | null) => void;
  select: (s: Partial<Selection>) => void;
  clearSelection: () => void;
  setEditing: (e: UiState['editing']) => void;
  setClipboard: (f: Fragment) => void;
  nextPaste: () => number;
  toast: (t: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
}

/**
 * Run once the page has drawn what was just set: a toast said while the page is busy (drawing a
 * 10,000-step map) gets its seconds on screen after that, not while nothing could be seen, and
 * a tab in the background keeps it until it is looked at.
 */
function afterPainted(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return run();
  requestAnimationFrame(() => requestAnimationFrame(run));
}

const noSelection: Selection = { nodeIds: [], flowIds: [], laneId: null };
let toastSeq = 0;

export const useUi = create<UiState>((set, get) => ({
  openMapId: null,
  selection: noSelection,
  editing: null,
  clipboard: null,
  pasteCount: 0,
  toasts: [],
  setOpenMap: (id) => set({ openMapId: id, selection: noSelection, editing: null }),
  select: (s) => set({ selection: { ...noSelection, ...s } }),
  clearSelection: () => set({ selection: noSelection }),
  setEditing: (editing) => set({ editing }),
  setClipboard: (clipboard) => set({ clipboard, pasteCount: 0 }),
  nextPaste: () => {
    const n = get().pasteCount + 1;
    set({ pasteCount: n });
    return n;
  },
  toast: (t) => {
    const id = ++toastSeq;
    set({ toasts: [...get().toasts.slice(-3), { ...t, id }] });
    if (t.tone === 'info') afterPainted(() => setTimeout(() => get().dismissToast(id), t.action ? 8000 : 4000));
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));
