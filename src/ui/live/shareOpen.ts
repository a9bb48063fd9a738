import { create } from 'zustand';

// Whether the Share dialog is open: apart from the button, so the action table's key can open it.

export const useShareOpen = create<{ open: boolean }>(() => ({ open: false }));
export const openShare = () => useShareOpen.setState({ open: true });
export const closeShare = () => useShareOpen.setState({ open: false });
