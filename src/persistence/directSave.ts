import type { Id, Workspace } from '../core/model/types';
import type { LanemapDB } from './db';
import { journalTrim, type JournalCover } from './journal';
import { recordKey, type JournalRow } from './journalRows';
import { type Dirty, indexRow, planWrites, writeChecked, type WriteContext, type WritePlan } from './writes';

// The everyday save (changed records, no map deleted or back from the trash) as one plain
// IndexedDB transaction. Timed in the page on a 150-node map, the same requests took 3.3 ms
// through Dexie and 1.3 ms plain, which is most of a save's time. Dexie's own writes tell the
// other tabs through its change events; this one is announced (saveChannel.ts).
// Everything else (a map to trash, a whole rewrite, a database closed under us) goes through
// Dexie as before.

/** What came of it: written; or the workspace row was missing (storage emptied), so nothing was. */
type DirectOutcome = 'records' | 'absent';

const STORES = ['meta', 'maps', 'mapIndex', 'departments', 'systems', 'dataStores', 'journal'];

/**
 * A save of edits: straight to IndexedDB when nothing in it touches the trash (most saves; then
 * `announce`), else through Dexie. Either way a missing workspace row means storage was emptied
 * under us, and Dexie's path writes everything again ('all').
 */
export async function writeEdits(db: LanemapDB, ws: Workspace, batch: Dirty[], ctx: WriteContext, announce: () => void): Promise<'records' | 'all'> {
  const plan = planWrites(ws, batch);
  if (ctx.journal && canWriteDirect(db, plan, ctx.added)) {
    const written = new Set(batch.map((d) => recordKey(d.table, d.id)));
    if ((await writeDirect(db, plan, ctx.journal, written)) === 'records') {
      announce();
      return 'records';
    }
  }
  return writeChecked(db, ws, plan, batch, ctx);
}

/** Whether this plan can be written here: it touches no trash row, and the database is open. */
function canWriteDirect(db: LanemapDB, plan: WritePlan, added: ReadonlySet<Id> | undefined): boolean {
  if (!db.isOpen() || plan.maps.gone.length > 0) return false;
  // A map absent before this batch may be coming back from the trash (restored, deletion undone).
  return !plan.maps.put.some((m) => added?.has(m.id) ?? true);
}

/**
 * Write the plan, trim the journal as trimJournal does, and look for the workspace row every save
 * leaves, all in one transaction. Without that row the transaction is abandoned: the caller
 * writes the whole workspace instead. Rejects with the browser's error (a full disk) and writes
 * nothing then.
 */
function writeDirect(db: LanemapDB, plan: WritePlan, cover: JournalCover, written: ReadonlySet<string>): Promise<DirectOutcome> {
  return new Promise((resolve, reject) => {
    let absent = false;
    let tx: IDBTransaction;
    try {
      tx = db.backendDB().transaction(STORES, 'readwrite');
    } catch (e) {
      reject(e);
      return;
    }
    tx.oncomplete = () => resolve('records');
    tx.onabort = () => (absent ? resolve('absent') : reject(tx.error ?? new Error('The save was abandoned by the browser.')));
    try {
      const meta = tx.objectStore('meta');
      meta.get('workspace').onsuccess = (ev) => {
        if ((ev.target as IDBRequest).result !== undefined) return;
        absent = true;
        tx.abort();
      };
      for (const row of plan.meta) meta.put(row);
      for (const { table, put, gone } of plan.records) {
        const store = tx.objectStore(table);
        for (const r of put) store.put(r);
        for (const id of gone) store.delete(id);
      }
      const maps = tx.objectStore('maps');
      const index = tx.objectStore('mapIndex');
      for (const m of plan.maps.put) {
        maps.put(m);
        index.put(indexRow(m));
      }
      const journal = tx.objectStore('journal');
      journal.getAll().onsuccess = (ev) => {
        const { gone, kept } = journalTrim((ev.target as IDBRequest<JournalRow[]>).result, cover, written);
        for (const seq of gone) journal.delete(seq);
        for (const row of kept) journal.put(row);
      };
    } catch (e) {
      // A request refused outright (a full disk can throw at put): nothing of this save stays.
      tx.onabort = () => reject(e);
      tx.abort();
    }
  });
}
