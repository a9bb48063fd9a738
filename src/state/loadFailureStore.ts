import { create } from 'zustand';

// The stored workspace could not be loaded: the recovery screen shows instead of the editor
// (never the demo over the user's data) until "Try again" opens it.

export interface LoadFailure {
  /** The workspace's name as the list of workspaces has it. */
  name: string;
  /** Its database, for "Download everything readable". */
  dbName: string;
  /** What went wrong, as the browser said it. */
  message: string;
}

interface LoadFailureState {
  failure: LoadFailure | null;
  /** Opens storage again; resolves once it has tried (the failure is set again if it failed). */
  retry: (() => Promise<void>) | null;
}

export const useLoadFailure = create<LoadFailureState>(() => ({ failure: null, retry: null }));
