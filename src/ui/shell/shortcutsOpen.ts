import { create } from 'zustand';

// Whether the shortcuts dialog is open: apart from the dialog, which reads the action table,
// so the table's "?" action can open it without an import loop.

export const useShortcutsOpen = create<{ open: boolean }>(() => ({ open: false }));
export const openShortcuts = () => useShortcutsOpen.setState({ open: true });
export const closeShortcuts = () => useShortcutsOpen.setState({ open: false });
