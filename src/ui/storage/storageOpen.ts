import { create } from 'zustand';

// Whether the storage panel is open, apart from the panel (loaded on first use) and its button.

export const useStoragePanel = create<{ open: boolean }>(() => ({ open: false }));
export const openStoragePanel = () => useStoragePanel.setState({ open: true });
export const closeStoragePanel = () => useStoragePanel.setState({ open: false });
