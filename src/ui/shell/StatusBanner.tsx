import { useAppStatus } from '../../state/appStatusStore';

/** Problems with where the data lives: shown until the user acts, never hidden in a console. */
export function StatusBanner() {
  const { loadWarnings, storageUnavailable, readOnly } = useAppStatus();
  if (!loadWarnings.length && !storageUnavailable && !readOnly) return null;
  return (
    <div className="banner" role="alert">
      {storageUnavailable && <p>Browser storage could not be opened ({storageUnavailable}). Lanemap works, but nothing will be kept after you close this tab: use “Export workspace” to keep your work.</p>}
      {readOnly && <p>This workspace was saved by a newer version of Lanemap. It is open read-only so that nothing is overwritten.</p>}
      {loadWarnings.map((w, i) => <p key={i}>{w}</p>)}
    </div>
  );
}
