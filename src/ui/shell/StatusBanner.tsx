import { useAppStatus } from '../../state/appStatusStore';
import { flushEdits } from '../../persistence/flushEdits';
import { downloadBackup } from '../io/workspaceFile';
import { SaveFailureAlert, useSaveFailure } from '../storage/SaveFailureAlert';
import { useCurrentEntry } from '../../state/workspaceStore';
import { restoreWorkspace } from '../../state/workspaceActions';
import { said } from '../workspaces/workspaceFeedback';

/** Problems with where the data lives: shown until the user acts, never hidden in a console. */
export function StatusBanner() {
  const { loadWarnings, storageUnavailable, readOnly, storageLost } = useAppStatus();
  const failure = useSaveFailure();
  // Once a backup holds the edits, the failure steps back from blocking to this banner.
  const stillFailing = failure.failing && !failure.blocking;
  // Deleted in another tab while open here: still saved, and one click from coming back.
  const entry = useCurrentEntry();
  const trashed = entry?.deletedAt !== undefined ? entry : null;
  const banner = loadWarnings.length > 0 || storageUnavailable || readOnly || stillFailing || trashed || storageLost;
  return (
    <>
      {banner && (
        <div className="banner" role="alert">
          {storageUnavailable && (
            <div className="banner-row">
              <p>Browser storage could not be opened ({storageUnavailable}). Lanemap works, but nothing will be kept after you close this tab: export the workspace to keep your work.</p>
              <button type="button" onClick={() => downloadBackup()}>Export workspace</button>
            </div>
          )}
          {storageLost && (
            <div className="banner-row">
              <p>{storageLost}</p>
              <button type="button" onClick={() => downloadBackup()}>Download backup</button>
              <button type="button" onClick={() => useAppStatus.getState().set({ storageLost: null })}>Dismiss</button>
            </div>
          )}
          {stillFailing && (
            <div className="banner-row">
              <p>Still not saving: {failure.message.replace(/^Not saved:\s*/i, '')} Changes made since your backup are only in this tab.</p>
              <button type="button" onClick={() => void flushEdits()}>Try again</button>
              <button type="button" onClick={() => downloadBackup()}>Download backup</button>
            </div>
          )}
          {trashed && (
            <div className="banner-row">
              <p>“{trashed.name}” was moved to the trash in another tab. What you change here is still saved; restore it to keep it in the list of workspaces.</p>
              <button type="button" onClick={() => void restoreWorkspace(trashed.id).then(said)}>Restore workspace</button>
            </div>
          )}
          {readOnly && <p>This workspace was saved by a newer version of Lanemap. It is open read-only so that nothing is overwritten.</p>}
          {loadWarnings.map((w, i) => <p key={i}>{w}</p>)}
        </div>
      )}
      <SaveFailureAlert />
    </>
  );
}
