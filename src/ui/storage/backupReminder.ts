import { create } from 'zustand';
import { onDocumentChange } from '../../state/documentStore';
import { countEdit, useBackup } from './backupStore';

// A gentle reminder to download a backup at the end of a session of edits: only after many
// edits since the last backup, only once the user has stopped editing for a while (or comes
// back to the tab), and not again for an hour after it was shown.

export const REMIND_AFTER_EDITS = 25;
export const PAUSE_MS = 3 * 60_000;
export const QUIET_MS = 60 * 60_000;
const CHECK_EVERY_MS = 30_000;

export interface ReminderInput {
  editsSinceBackup: number;
  /** The last edit made in this tab (ms), or null if none was made since it opened. */
  lastEditAt: number | null;
  lastShownAt: number | null;
  now: number;
}

export function reminderDue(i: ReminderInput): boolean {
  return (
    i.editsSinceBackup >= REMIND_AFTER_EDITS &&
    i.lastEditAt !== null &&
    i.now - i.lastEditAt >= PAUSE_MS &&
    (i.lastShownAt === null || i.now - i.lastShownAt >= QUIET_MS)
  );
}

export const useBackupReminder = create<{ shown: boolean }>(() => ({ shown: false }));

export const dismissBackupReminder = () => useBackupReminder.setState({ shown: false });

/** Count edits and check now and then; returns a function that stops it all. */
export function startBackupReminder(now: () => number = Date.now): () => void {
  let lastEditAt: number | null = null;
  let lastShownAt: number | null = null;
  const check = () => {
    const t = now();
    if (useBackupReminder.getState().shown) return;
    if (!reminderDue({ editsSinceBackup: useBackup.getState().editsSinceBackup, lastEditAt, lastShownAt, now: t })) return;
    lastShownAt = t;
    useBackupReminder.setState({ shown: true });
  };
  const stopEdits = onDocumentChange(() => {
    countEdit();
    lastEditAt = now();
  });
  // A backup taken (here or in another tab) answers the reminder.
  const stopBackup = useBackup.subscribe((s) => {
    if (s.editsSinceBackup === 0) dismissBackupReminder();
  });
  const onVisible = () => {
    if (document.visibilityState === 'visible') check();
  };
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(check, CHECK_EVERY_MS);
  return () => {
    stopEdits();
    stopBackup();
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
