import type { RecordChange } from '../core/commands/diff';
import { uuid } from '../core/model/ids';
import type { LanemapDB } from './db';
import { journalRow, recordKey, type JournalRow, type PendingChange } from './journalRows';

// The edit journal: every committed edit goes into IndexedDB at once, as a small row, so a
// browser killed (or a tab closed) before the debounced save has written it loses nothing.
// Edits made in one turn of the event loop share a row. The save that covers a row deletes it
// in its own transaction (trimJournal); whatever is left when the workspace is next opened is
// replayed (journalReplay.ts). This replaces a copy in localStorage written on pagehide, which
// a killed browser never wrote and which failed silently above ~5 MB.

export class EditJournal {
  /** Names this tab's rows. */
  readonly tab = uuid();
  /** Edits recorded in this tab so far: a save that read the workspace at edit n covers rows up to n. */
  edit = 0;
  private readonly pending = new Map<string, PendingChange>();
  /** A row was written in this turn of the event loop: later edits of the turn share one more row. */
  private turn = false;
  private writing: Promise<void> = Promise.resolve();
  private warned = false;

  constructor(
    private readonly db: LanemapDB,
    private readonly now: () => number,
  ) {}

  /**
   * A committed edit. The first of a turn is written at once: React renders the edit in a
   * microtask queued before ours, which under load took 100-300 ms, and the browser could be
   * killed meanwhile (measured: 3 of 20 edits lost 100 ms after the edit). Later edits of the
   * same turn are written together when it ends.
   */
  record(changes: readonly RecordChange[]): void {
    this.edit++;
    for (const c of changes) {
      const key = recordKey(c.table, c.id);
      const seen = this.pending.get(key);
      this.pending.set(key, { table: c.table, id: c.id, before: seen ? seen.before : c.before, after: c.after });
    }
    if (this.turn) return;
    this.turn = true;
    this.write();
    queueMicrotask(() => {
      this.turn = false;
      this.write();
    });
  }

  /** Resolves once every edit recorded so far is in the journal (or failed to get there). */
  written(): Promise<void> {
    this.write();
    return this.writing;
  }

  private write(): void {
    if (this.pending.size === 0) return;
    const row = journalRow(this.tab, this.edit, this.now(), this.pending.values());
    this.pending.clear();
    if (!row) return;
    const added = this.add(row).catch((e: unknown) => {
      // The save still writes the edit; only the protection against a kill is missing.
      if (!this.warned) console.warn('Lanemap: writing the edit journal failed', e);
      this.warned = true;
    });
    this.writing = Promise.all([this.writing, added]).then(() => undefined);
  }

  /**
   * Straight to IndexedDB, committed at once rather than when the page's current task ends (a
   * long render). Through Dexie when the database is not open (it reopens it).
   */
  private add(row: JournalRow): Promise<unknown> {
    try {
      const idb = this.db.isOpen() ? this.db.backendDB() : null;
      if (!idb) return this.db.journal.add(row);
      const tx = idb.transaction('journal', 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
      tx.objectStore('journal').add(row);
      if (typeof tx.commit === 'function') tx.commit();
      return done;
    } catch {
      return this.db.journal.add(row); // closing under us: Dexie opens it again
    }
  }
}

/** What a save wrote, for trimJournal: its tab, the edit it read the workspace at, and the records. */
export interface JournalCover {
  tab: string;
  edit: number;
}

/**
 * Inside a save's transaction: this tab's rows up to the edit the save covers are done with,
 * and other tabs' changes to the records it wrote are overtaken by it (a newer save wins; a
 * tab's leftover edit must never come back over it). `written` is 'all' for a whole rewrite.
 */
export async function trimJournal(db: LanemapDB, cover: JournalCover, written: ReadonlySet<string> | 'all'): Promise<void> {
  const { gone, kept } = journalTrim(await db.journal.toArray(), cover, written);
  if (gone.length > 0) await db.journal.bulkDelete(gone);
  if (kept.length > 0) await db.journal.bulkPut(kept);
}

/** What trimJournal does to the journal's rows: the rows to delete (by seq) and those to put back shortened. */
export function journalTrim(rows: readonly JournalRow[], cover: JournalCover, written: ReadonlySet<string> | 'all'): { gone: number[]; kept: JournalRow[] } {
  const gone: number[] = [];
  const kept: JournalRow[] = [];
  for (const row of rows) {
    if (row.tab === cover.tab) {
      if (row.edit <= cover.edit) gone.push(row.seq!);
      continue;
    }
    if (!Array.isArray(row.changes)) continue; // unreadable: the next load sets it aside
    const changes = written === 'all' ? [] : row.changes.filter((c) => !written.has(recordKey(c.table, c.id)));
    if (changes.length === 0) gone.push(row.seq!);
    else if (changes.length < row.changes.length) kept.push({ ...row, changes });
  }
  return { gone, kept };
}
