import { useEffect, useRef } from 'react';
import { saveIsFailing, useAppStatus } from '../../state/appStatusStore';
import { flushEdits } from '../../persistence/flushEdits';
import { downloadBackup } from '../io/workspaceFile';
import { useBackup } from './backupStore';
import './storage.css';

// Saving has failed (disk full, site data cleared): the edits live only in this tab. The
// alert blocks the screen until saving works again or a backup file holds the edits; while
// it is up, saving is retried now and then, so freeing disk space is enough.

const RETRY_MS = 5000;

/** Whether the failure still needs the blocking alert: no backup was downloaded since it began. */
export function useSaveFailure(): { failing: boolean; blocking: boolean; message: string } {
  const status = useAppStatus();
  const lastBackupAt = useBackup((s) => s.lastBackupAt);
  const failing = saveIsFailing(status);
  const backedUp = lastBackupAt !== null && status.saveFailedAt !== null && lastBackupAt >= status.saveFailedAt;
  return { failing, blocking: failing && !backedUp, message: status.saveFailMessage };
}

export function SaveFailureAlert() {
  const { blocking, message } = useSaveFailure();
  const ref = useRef<HTMLDialogElement>(null);
  const backup = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (blocking && d && !d.open) {
      d.showModal();
      // showModal focuses the first button; the way out comes first.
      backup.current?.focus();
    }
    if (!blocking && d?.open) d.close();
  }, [blocking]);
  useEffect(() => {
    if (!blocking) return;
    const t = setInterval(() => void flushEdits(), RETRY_MS);
    return () => clearInterval(t);
  }, [blocking]);
  return (
    <dialog
      ref={ref}
      className="dialog save-failure"
      role="alertdialog"
      aria-labelledby="save-failure-title"
      aria-describedby="save-failure-message"
      // Escape does not hide it: the way out is a backup, or saving working again.
      onCancel={(e) => e.preventDefault()}
    >
      {blocking && (
        <>
          <h2 id="save-failure-title">Your changes are not being saved</h2>
          <p id="save-failure-message">{message}</p>
          <p>Download a backup now: it holds every change, including those not saved. Lanemap keeps trying to save, and this message goes away once saving works again.</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => void flushEdits()}>Try again</button>
            <button type="button" className="primary" ref={backup} onClick={() => downloadBackup()}>Download backup</button>
          </div>
        </>
      )}
    </dialog>
  );
}
