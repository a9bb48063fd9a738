import { useEffect } from 'react';
import { useAppStatus } from '../state/appStatusStore';
import { downloadBackup } from '../ui/io/workspaceFile';
import { flushEdits } from '../persistence/flushEdits';
import { dismissNoOfflineInstall, dismissOfflineReady, postponeUpdate, reloadToUpdate, usePwaUpdate } from './updateStore';

const OFFLINE_NOTE_MS = 8000;
const HTTPS_NOTE_MS = 20_000;

const deps = {
  flush: flushEdits,
  // Failing saves, or no storage at all: a reload would lose what is only in this tab.
  unsaved: () => {
    const { save } = useAppStatus.getState();
    return save.state === 'error' ? save.message : null;
  },
};

export const NEEDS_HTTPS_TEXT = 'Lanemap works here and keeps your maps in this browser, but installing it for use with no network needs a secure (https) address.';

/** "Ready to work offline" once, "Offline install needs https" once, and "A new version is available: Reload" when one is. */
export function UpdateNotices() {
  const { offlineReady, waiting, reloading, problem, needsHttps } = usePwaUpdate();
  // With no storage the app opens offline but without the maps: not worth a cheerful note.
  const storageUnavailable = useAppStatus((s) => s.storageUnavailable !== null);
  useEffect(() => {
    if (!offlineReady) return;
    const t = setTimeout(dismissOfflineReady, OFFLINE_NOTE_MS);
    return () => clearTimeout(t);
  }, [offlineReady]);
  useEffect(() => {
    if (!needsHttps) return;
    const t = setTimeout(dismissNoOfflineInstall, HTTPS_NOTE_MS);
    return () => clearTimeout(t);
  }, [needsHttps]);
  return (
    <>
      {needsHttps && (
        <p className="notice notice-passive notice-info" role="status">{NEEDS_HTTPS_TEXT}</p>
      )}
      {offlineReady && !waiting && !storageUnavailable && (
        // Says something, asks nothing: clicks go through to what lies under it.
        <p className="notice notice-passive" role="status">Ready to work offline: Lanemap now opens with no network.</p>
      )}
      {waiting && (
        <section className="notice" aria-label="New version">
          {problem ? (
            <p role="alert">
              Not reloaded: your latest changes could not be saved ({problem}). Download a backup first, then reload.
            </p>
          ) : (
            <p role="status">A new version of Lanemap is available.</p>
          )}
          <div className="notice-actions">
            <button type="button" onClick={postponeUpdate} title="The new version starts the next time you open Lanemap">Later</button>
            {problem && <button type="button" onClick={() => downloadBackup()}>Download backup</button>}
            <button type="button" className="primary" disabled={reloading} onClick={() => void reloadToUpdate(deps, { anyway: problem !== null })}>
              {reloading ? 'Saving…' : problem ? 'Reload anyway' : 'Reload'}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
