import type { Browser, Page } from 'playwright-core';
import { APP_URL } from './browser';

// Databases as other versions of Lanemap (or a damaged disk) left them, written with plain
// IndexedDB on a page of the app's origin before the app itself runs there. The app adopts
// the one-workspace `lanemap` database of older versions in place, so rows put here are the
// rows it loads.

export interface StoreSpec {
  keyPath: string;
  autoIncrement?: boolean;
  indexes?: [name: string, keyPath: string | string[]][];
}
export interface DbSpec {
  /** IndexedDB's own version: Dexie's version times ten. */
  version: number;
  stores: Record<string, StoreSpec>;
  rows: Record<string, unknown[]>;
}

/** The layout of Dexie version 1 (db.ts as it was before revisions). */
export const V1_STORES: Record<string, StoreSpec> = {
  meta: { keyPath: 'key' },
  maps: { keyPath: 'id' },
  mapIndex: { keyPath: 'id', indexes: [['departmentId', 'departmentId'], ['updatedAt', 'updatedAt']] },
  departments: { keyPath: 'id' },
  systems: { keyPath: 'id' },
  dataStores: { keyPath: 'id' },
  quarantine: { keyPath: 'seq', autoIncrement: true, indexes: [['table', 'table'], ['id', 'id']] },
};

/** Dexie version 2: revisions and the trash. */
export const V2_STORES: Record<string, StoreSpec> = {
  ...V1_STORES,
  revisions: { keyPath: 'id', indexes: [['mapId', 'mapId'], ['[mapId+at]', ['mapId', 'at']]] },
  revisionMaps: { keyPath: 'id' },
  trash: { keyPath: 'id', indexes: [['deletedAt', 'deletedAt']] },
};

export interface OpenOptions {
  acceptDownloads?: boolean;
  /** Runs in every page of the context before its scripts (to make storage fail on purpose). */
  initScript?: () => void;
}

/** A fresh profile whose `lanemap` database is `spec`, then the app opened at `path`. */
export async function openWithDatabase(b: Browser, spec: DbSpec, path: string, opts: OpenOptions = {}) {
  const context = await b.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: opts.acceptDownloads ?? false });
  if (opts.initScript) await context.addInitScript(opts.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Same origin, not the app: a static file, so nothing opens the database first.
  await page.goto(`${APP_URL}favicon.svg`);
  await page.evaluate(
    (s) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('lanemap', s.version);
        req.onupgradeneeded = () => {
          for (const [name, st] of Object.entries(s.stores)) {
            const store = req.result.createObjectStore(name, { keyPath: st.keyPath, autoIncrement: !!st.autoIncrement });
            for (const [index, keyPath] of st.indexes ?? []) store.createIndex(index, keyPath);
          }
        };
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(Object.keys(s.rows), 'readwrite');
          for (const [name, rows] of Object.entries(s.rows)) for (const row of rows) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    spec,
  );
  await page.goto(APP_URL + path);
  return { context, page, errors };
}

/** All rows of one table of the `lanemap` database, read with plain IndexedDB. */
export function readTable(page: Page, table: string): Promise<unknown[]> {
  return page.evaluate(
    (t) =>
      new Promise<unknown[]>((resolve, reject) => {
        const req = indexedDB.open('lanemap');
        req.onsuccess = () => {
          const all = req.result.transaction(t, 'readonly').objectStore(t).getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
        req.onerror = () => reject(req.error);
      }),
    table,
  );
}

/** Put rows into one table of the `lanemap` database, replacing those of the same key. */
export function putRows(page: Page, table: string, rows: unknown[]): Promise<void> {
  return page.evaluate(
    ({ t, list }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('lanemap');
        req.onsuccess = () => {
          const tx = req.result.transaction(t, 'readwrite');
          for (const row of list) tx.objectStore(t).put(row);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    { t: table, list: rows },
  );
}
