import type { Table } from 'dexie';
import type { CatalogueTable } from '../core/schema/bundle';
import type { Id, ProcessMap } from '../core/model/types';
import { DB_NAME, type LanemapDB } from './db';
import { indexRow } from './writes';

// Versions before the edit journal (journal.ts) kept, on pagehide, a copy of the records not yet
// on disk in localStorage. This only reads back what such a version left there (the first start
// after an update), writes whatever did not reach the database, and forgets it.

const PREFIX = 'lanemap:exit-journal:';
/** Catalogue rows carry no time of their own: only a journal this fresh (a reload) puts them back. */
const CATALOGUE_FRESH_MS = 60_000;

export interface ExitJournal {
  /** The database the records belong to; absent in journals from before there were several (the legacy one). */
  db?: string;
  /** When the page left, in milliseconds since 1970. */
  at: number;
  maps: ProcessMap[];
  catalogue: { table: CatalogueTable; rows: { id: Id }[] }[];
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // blocked by the browser's settings
  }
}

/**
 * Writes back what pages that went away left in their journals of this database, then forgets
 * those journals.
 * A map is written only where the database has an older version of it (or none, unless it was
 * deleted after the journal was made); the load that follows validates every row as usual.
 * Returns how many records were written back.
 */
export async function replayExitJournals(db: LanemapDB, now: number, store = storage()): Promise<number> {
  if (!store) return 0;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  let written = 0;
  for (const key of keys) {
    const journal = parseJournal(store.getItem(key));
    // Another workspace's journal waits for that workspace to be opened.
    if (journal && (journal.db ?? DB_NAME) !== db.name) continue;
    if (journal) written += await replay(db, journal, now);
    store.removeItem(key);
  }
  return written;
}

function parseJournal(text: string | null): ExitJournal | null {
  try {
    const j = JSON.parse(text ?? '') as ExitJournal;
    return j && Array.isArray(j.maps) && Array.isArray(j.catalogue) ? j : null;
  } catch {
    return null;
  }
}

async function replay(db: LanemapDB, journal: ExitJournal, now: number): Promise<number> {
  const ids = journal.maps.map((m) => m.id);
  const [stored, trashed] = await Promise.all([db.maps.bulkGet(ids), db.trash.bulkGet(ids)]);
  const maps = journal.maps.filter((m, i) => {
    const inDb = stored[i];
    if (inDb) return inDb.updatedAt < m.updatedAt;
    const bin = trashed[i];
    return !bin || bin.deletedAt < journal.at;
  });
  const fresh = now - journal.at <= CATALOGUE_FRESH_MS;
  const catalogue = fresh ? journal.catalogue.filter((c) => c.rows.length > 0) : [];
  if (maps.length === 0 && catalogue.length === 0) return 0;
  await db.transaction('rw', [db.maps, db.mapIndex, db.trash, db.departments, db.systems, db.dataStores], async () => {
    if (maps.length > 0) {
      await db.maps.bulkPut(maps);
      await db.mapIndex.bulkPut(maps.map(indexRow));
      await db.trash.bulkDelete(maps.map((m) => m.id));
    }
    for (const { table, rows } of catalogue) await (db[table] as unknown as Table<{ id: Id }, Id>).bulkPut(rows);
  });
  return maps.length + catalogue.reduce((n, c) => n + c.rows.length, 0);
}
