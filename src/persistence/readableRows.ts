import { STORED_TABLES } from '../core/schema/rowWords';
import type { RawTables } from '../core/schema/storedWorkspace';

// Every row of a workspace's database that can still be read, for the recovery screen's
// download. Plain IndexedDB, not Dexie: the failure may be in opening the database the way
// the app does. A table whose rows cannot be read at once is read one row at a time, and a
// table that cannot be read at all is named, not fatal.

export interface ReadableRows {
  tables: RawTables;
  /** Rows set aside earlier, as kept in the quarantine table. */
  quarantine: unknown[];
  /** Tables (or parts of them) that could not be read, with why. */
  unreadable: string[];
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const why = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));

function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    // Opened without a version, a database that does not exist would be made: refuse instead.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`There is no database “${name}” in this browser.`));
  });
}

/** One row after another with a cursor, keeping what was read before a row that fails. */
function readByCursor(db: IDBDatabase, table: string): Promise<{ rows: unknown[]; error: unknown }> {
  return new Promise((resolve) => {
    const rows: unknown[] = [];
    try {
      const req = db.transaction(table, 'readonly').objectStore(table).openCursor();
      req.onsuccess = () => {
        const c = req.result;
        if (!c) return resolve({ rows, error: null });
        rows.push(c.value);
        c.continue();
      };
      req.onerror = () => resolve({ rows, error: req.error });
    } catch (e) {
      resolve({ rows, error: e });
    }
  });
}

async function readTable(db: IDBDatabase, table: string, unreadable: string[]): Promise<unknown[]> {
  try {
    return await request(db.transaction(table, 'readonly').objectStore(table).getAll());
  } catch {
    const { rows, error } = await readByCursor(db, table);
    if (error) unreadable.push(`${table}: ${rows.length} rows read, then ${why(error)}`);
    return rows;
  }
}

export async function readEverythingReadable(dbName: string): Promise<ReadableRows> {
  const db = await openExisting(dbName);
  const unreadable: string[] = [];
  try {
    const present = new Set(Array.from(db.objectStoreNames));
    const tables: RawTables = {};
    for (const name of STORED_TABLES) if (present.has(name)) tables[name] = await readTable(db, name, unreadable);
    const quarantine = present.has('quarantine') ? await readTable(db, 'quarantine', unreadable) : [];
    return { tables, quarantine, unreadable };
  } finally {
    db.close();
  }
}
