import { liveQuery } from 'dexie';
import { STORAGE_VERSION } from '../core/schema/storageVersion';
import type { LanemapDB, QuarantineRow } from './db';

// The rows set aside as damaged, kept for good: listed in the "Damaged records" panel, and
// marked (never removed) when "Try to restore" puts one back.

/** A row set aside now by this version, which "Try to restore" migrates from: one shape for load, history and the journal. */
export function setAside(row: Pick<QuarantineRow, 'table' | 'id' | 'reason' | 'explanation' | 'row'>, now: number): QuarantineRow {
  return { ...row, at: new Date(now).toISOString(), version: STORAGE_VERSION };
}

/** Every row set aside, in the order they were, now and after every change in any tab. Returns a stop function. */
export function watchQuarantine(db: LanemapDB, onChange: (rows: QuarantineRow[]) => void, onError?: (e: unknown) => void): () => void {
  const sub = liveQuery(() => db.quarantine.orderBy('seq').toArray()).subscribe({ next: onChange, error: onError });
  return () => sub.unsubscribe();
}

/** The row put back into the document: its copy here stays, marked restored. */
export async function markRestored(db: LanemapDB, seq: number, at: number): Promise<void> {
  await db.quarantine.update(seq, { restoredAt: at });
}

/** A history, trash or bookkeeping row put back into its own table, and marked restored, in one transaction. */
export async function putBack(db: LanemapDB, seq: number, table: string, row: unknown, at: number): Promise<void> {
  await db.transaction('rw', [db.quarantine, db.table(table)], async () => {
    await db.table(table).put(row);
    await db.quarantine.update(seq, { restoredAt: at });
  });
}

/** Move one damaged row found after load (a saved version read on demand) to the quarantine, in one transaction. */
export async function quarantineOne(db: LanemapDB, table: string, q: QuarantineRow): Promise<void> {
  await db.transaction('rw', [db.quarantine, db.table(table)], async () => {
    await db.quarantine.add(q);
    await db.table(table).delete(q.id);
  });
}
