import { create } from 'zustand';
import type { Id } from '../../core/model/types';

// Whether the step list panel is open, and what is typed in it per map (closing the panel
// loses nothing): apart from the panel, so the action table can open it without an import loop.

interface StepListState {
  open: boolean;
  drafts: Record<Id, string>;
}

export const useStepListOpen = create<StepListState>(() => ({ open: false, drafts: {} }));
export const toggleStepList = () => useStepListOpen.setState((s) => ({ open: !s.open }));
export const closeStepList = () => useStepListOpen.setState({ open: false });
export const setDraft = (mapId: Id, text: string) => useStepListOpen.setState((s) => ({ drafts: { ...s.drafts, [mapId]: text } }));
