import { useAppStatus } from '../../state/appStatusStore';

/**
 * In place of something kept in browser storage while storage is not open: the reason when the
 * browser refused it, or a note while it is still opening (a first run draws its example before
 * it is stored).
 */
export function StorageNotOpen({ refusedText }: { refusedText: string }) {
  const refused = useAppStatus((s) => s.storageUnavailable !== null);
  return refused ? <p role="alert">{refusedText}</p> : <p role="status">Opening the workspace in this browser…</p>;
}
