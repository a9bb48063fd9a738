import { create } from 'zustand';

// Where the user's data stands: shown in the top bar, never silent.

export type SaveState = { state: 'saved'; at?: string } | { state: 'saving' } | { state: 'error'; message: string };

export interface AppStatus {
  save: SaveState;
  /** Problems found while opening the stored workspace (a bad record set aside). */
  loadWarnings: string[];
  /** Storage could not be opened at all: the app works, but keeps nothing. */
  storageUnavailable: string | null;
  readOnly: boolean;
  set: (s: Partial<Omit<AppStatus, 'set'>>) => void;
}

export const useAppStatus = create<AppStatus>((set) => ({
  save: { state: 'saved' },
  loadWarnings: [],
  storageUnavailable: null,
  readOnly: false,
  set: (s) => set(s),
}));
