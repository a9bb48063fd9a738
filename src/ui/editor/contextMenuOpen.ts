import { create } from 'zustand';
import type { TargetKind } from '../actions/types';

// Where a context menu is open, and on what: apart from the menu, so the canvas and the
// action table can open it without an import loop.

export interface MenuAt {
  x: number;
  y: number;
  target: TargetKind;
  /** These actions instead of the target's (the toolbar's "More"), and the menu's name. */
  only?: { ids: readonly string[]; label: string; from?: HTMLElement };
}

export const useContextMenu = create<{ at: MenuAt | null }>(() => ({ at: null }));
export const openContextMenu = (at: MenuAt) => useContextMenu.setState({ at });
export const closeContextMenu = () => useContextMenu.setState({ at: null });
