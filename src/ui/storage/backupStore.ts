import { create } from 'zustand';

// When the last backup file was downloaded and how many edits were made since, kept in
// localStorage so that both survive a reload. Either "Export workspace" or "Download
// backup" counts: both download the whole workspace.

export interface BackupState {
  /** ms since 1970, or null if no backup was ever downloaded in this browser. */
  lastBackupAt: number | null;
  lastBackupFile: string | null;
  /** Committed edits (undo and redo included) since the last backup. */
  editsSinceBackup: number;
}

export const BACKUP_KEY = 'lanemap.backup';

const empty: BackupState = { lastBackupAt: null, lastBackupFile: null, editsSinceBackup: 0 };

/** What was stored, or nothing for a missing or unreadable entry: a bad value never stops the app. */
export function parseBackupState(text: string | null): BackupState {
  if (!text) return empty;
  try {
    const v = JSON.parse(text) as Partial<BackupState>;
    return {
      lastBackupAt: typeof v.lastBackupAt === 'number' && Number.isFinite(v.lastBackupAt) ? v.lastBackupAt : null,
      lastBackupFile: typeof v.lastBackupFile === 'string' ? v.lastBackupFile : null,
      editsSinceBackup: typeof v.editsSinceBackup === 'number' && v.editsSinceBackup >= 0 ? Math.floor(v.editsSinceBackup) : 0,
    };
  } catch {
    return empty;
  }
}

// localStorage may be blocked (the same settings that block IndexedDB): then this session only.
function read(): BackupState {
  try {
    return parseBackupState(globalThis.localStorage?.getItem(BACKUP_KEY) ?? null);
  } catch {
    return empty;
  }
}

function write(s: BackupState): void {
  try {
    globalThis.localStorage?.setItem(BACKUP_KEY, JSON.stringify(s));
  } catch {
    // kept in memory for this session
  }
}

export const useBackup = create<BackupState>(() => read());

useBackup.subscribe((s) => write({ lastBackupAt: s.lastBackupAt, lastBackupFile: s.lastBackupFile, editsSinceBackup: s.editsSinceBackup }));

export function recordBackup(fileName: string, at = Date.now()): void {
  useBackup.setState({ lastBackupAt: at, lastBackupFile: fileName, editsSinceBackup: 0 });
}

export function countEdit(): void {
  useBackup.setState((s) => ({ editsSinceBackup: s.editsSinceBackup + 1 }));
}

// A backup taken in another tab of this browser counts here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === BACKUP_KEY) useBackup.setState(parseBackupState(e.newValue));
  });
}
