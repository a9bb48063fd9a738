import { create } from 'zustand';

// The service worker's news for the user: the app is ready offline (said once, when the
// first service worker is installed), a new version is waiting, or (on a plain http address)
// offline install is not possible here. The new version only takes over when the user says
// "Reload", after every unsaved edit is written.

export interface UpdateState {
  /** "Ready to work offline" is being shown. */
  offlineReady: boolean;
  /** A new version is installed and waits for "Reload". */
  waiting: boolean;
  /** Writing edits and switching to the new version. */
  reloading: boolean;
  /** Why the reload was held back: edits that could not be saved. */
  problem: string | null;
  /** "Offline install needs https" is being shown (once per browser). */
  needsHttps: boolean;
}

export interface UpdateDeps {
  /** Write pending edits. */
  flush: () => Promise<void>;
  /** Why edits are not on disk after the flush, or null when they all are. */
  unsaved: () => string | null;
}

export const usePwaUpdate = create<UpdateState>(() => ({ offlineReady: false, waiting: false, reloading: false, problem: null, needsHttps: false }));

const HTTPS_NOTE_KEY = 'lanemap.httpsNoteShown';

/** No service worker here (plain http): said once per browser; the storage panel says it always. */
export function announceNoOfflineInstall(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    if (storage?.getItem(HTTPS_NOTE_KEY)) return;
    storage?.setItem(HTTPS_NOTE_KEY, '1');
  } catch {
    // localStorage blocked: say it this time.
  }
  usePwaUpdate.setState({ needsHttps: true });
}

export function dismissNoOfflineInstall(): void {
  usePwaUpdate.setState({ needsHttps: false });
}

/** Hands control to the waiting version; the page reloads once it does. */
let activate: (() => Promise<void>) | null = null;

export function announceOfflineReady(): void {
  usePwaUpdate.setState({ offlineReady: true });
}

export function dismissOfflineReady(): void {
  usePwaUpdate.setState({ offlineReady: false });
}

export function announceUpdate(activateNewVersion: () => Promise<void>): void {
  activate = activateNewVersion;
  usePwaUpdate.setState({ waiting: true, reloading: false, problem: null });
}

/** "Later": the new version starts the next time Lanemap is opened. */
export function postponeUpdate(): void {
  usePwaUpdate.setState({ waiting: false, problem: null });
}

/**
 * "Reload": write pending edits first; if they could not be written, say so and wait for
 * the user (who may download a backup, then "Reload anyway"). Returns whether it reloads.
 */
export async function reloadToUpdate(deps: UpdateDeps, opts: { anyway?: boolean } = {}): Promise<boolean> {
  if (usePwaUpdate.getState().reloading) return false;
  usePwaUpdate.setState({ reloading: true, problem: null });
  if (!opts.anyway) {
    let problem: string | null;
    try {
      await deps.flush();
      problem = deps.unsaved();
    } catch (e) {
      problem = `Saving failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (problem) {
      usePwaUpdate.setState({ reloading: false, problem });
      return false;
    }
  }
  await activate?.();
  return true;
}
