import { BackupReminder } from '../ui/storage/BackupReminder';
import { UpdateNotices } from './UpdateNotices';
import './notices.css';

/** Notes about the app itself (offline, updates, backups), in a corner away from the work. */
export function Notices() {
  return (
    <div className="notices">
      <UpdateNotices />
      <BackupReminder />
    </div>
  );
}
