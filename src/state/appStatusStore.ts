import { create } from 'zustand';

// Where the user's data stands: shown in the top bar, never silent.

export type SaveState = { state: 'saved'; at?: string } | { state: 'saving' } | { state: 'error'; message: string };

export interface AppStatus {
  save: SaveState;
  /**
   * When saving started to fail (ms since 1970), or null while saves work. A backup taken
   * after this moment holds every edit, so the failure no longer needs to block the screen.
   */
  saveFailedAt: number | null;
  /** What the last failed save said; kept, like saveFailedAt, through the "saving" of a retry. */
  saveFailMessage: string;
  /** Problems found while opening the stored workspace (a bad record set aside). */
  loadWarnings: string[];
  /** Storage could not be opened at all: the app works, but keeps nothing. */
  storageUnavailable: string | null;
  readOnly: boolean;
  /** The browser deleted the stored data while the app was open, and it was written again: what to tell the user. */
  storageLost: string | null;
  set: (s: Partial<Omit<AppStatus, 'set' | 'saveFailedAt' | 'saveFailMessage'>>) => void;
}

export const useAppStatus = create<AppStatus>((set, get) => ({
  save: { state: 'saved' },
  saveFailedAt: null,
  saveFailMessage: '',
  loadWarnings: [],
  storageUnavailable: null,
  readOnly: false,
  storageLost: null,
  set: (s) => {
    const failing = (s.save ?? get().save).state === 'error';
    // "saving" between two failed attempts is not a recovery: only a save that worked is.
    const recovered = s.save?.state === 'saved';
    const saveFailedAt = failing ? (get().saveFailedAt ?? Date.now()) : recovered ? null : get().saveFailedAt;
    const save = s.save ?? get().save;
    const saveFailMessage = save.state === 'error' ? save.message : recovered ? '' : get().saveFailMessage;
    set({ ...s, saveFailedAt, saveFailMessage });
  },
}));

/**
 * Saving fails while storage itself is open and writable in principle: the case a retry or a backup
 * fixes. A retry in progress is still a failure, so what says so does not blink away during it (the
 * blocking alert closed and opened again on every retry, and a click on its "Download backup" in
 * between landed on nothing).
 */
export function saveIsFailing(s: Pick<AppStatus, 'saveFailedAt' | 'storageUnavailable' | 'readOnly'>): boolean {
  return s.saveFailedAt !== null && !s.storageUnavailable && !s.readOnly;
}
