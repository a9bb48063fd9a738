import type { Workspace } from '../core/model/types';

// What a Repository (repository.ts) is given and what it tells: its options, the save status it
// reports and what a load returns.

export type SaveStatus = { state: 'saved'; at?: string } | { state: 'saving' } | { state: 'error'; message: string };

export interface RepositoryOptions {
  /** The workspace as it is now; flush writes the values it finds here, not those in the changes. Null: not open (yet, or any more). */
  getWorkspace: () => Workspace | null;
  onStatus: (s: SaveStatus) => void;
  /** Delay before writing; default 300, capped at 500 so an edit is on disk within half a second. */
  debounceMs?: number;
  /** Milliseconds since 1970; revisions and the trash are stamped and pruned by it. */
  now?: () => number;
  /**
   * The database was deleted under the open app (site data cleared, storage pressure) and the
   * whole workspace has just been written again from memory: the user must be told.
   */
  onStorageLost?: () => void;
  /** Delay before the nth retry of a failed save; default 1 s doubling to 10 s. */
  retryDelayMs?: (failures: number) => number;
  /** How long after a save its maps wait to be kept as versions (later saves join them); default 30 s. */
  versionEveryMs?: number;
}

export interface LoadResult {
  /** null on first run: the database holds nothing yet. */
  workspace: Workspace | null;
  warnings: string[];
}
