import { create } from 'zustand';
import type { Id } from '../../core/model/types';

// Which map's history panel is open, apart from the panel: the panel is loaded on first use.

export const useHistoryPanel = create<{ mapId: Id | null }>(() => ({ mapId: null }));
export const openHistory = (mapId: Id) => useHistoryPanel.setState({ mapId });
export const closeHistory = () => useHistoryPanel.setState({ mapId: null });
