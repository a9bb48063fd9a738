import { formatWhen } from '../history/formatWhen';
import { downloadBackup } from '../io/workspaceFile';
import { useBackup } from './backupStore';
import { dismissBackupReminder, useBackupReminder } from './backupReminder';

/** "N changes since your last backup": shown by the reminder's rules, answered in one click. */
export function BackupReminder() {
  const shown = useBackupReminder((s) => s.shown);
  const { editsSinceBackup, lastBackupAt } = useBackup();
  if (!shown) return null;
  return (
    <section className="notice" aria-label="Backup reminder">
      <p>
        {editsSinceBackup} changes since {lastBackupAt === null ? 'you started, and no backup yet' : `your last backup (${formatWhen(lastBackupAt)})`}.
        A backup file keeps them safe if this browser’s data is ever cleared.
      </p>
      <div className="notice-actions">
        <button type="button" onClick={dismissBackupReminder}>Not now</button>
        <button type="button" className="primary" onClick={() => downloadBackup()}>Download backup</button>
      </div>
    </section>
  );
}
