import Dexie from 'dexie';
import type { Workspace } from '../core/model/types';
import { LanemapDB, type WorkspaceRow } from './db';
import { addWorkspace, type RegistryClock } from './workspaceRegistry';
import { LEGACY_DB_NAME, detailsOf, newEntryId, type RegistryDB, type EntryDetails, type WorkspaceEntry } from './registryDb';

// The first time this version runs in a browser, the list of workspaces is made once:
// - an older Lanemap's database ('lanemap', one workspace) becomes the first workspace where it
//   is: nothing is copied or rewritten, so nothing can be lost on the way, and an older tab
//   still open keeps working on the same records (its map locks are named as ours for it);
// - a browser that holds nothing gets the demo, as a workspace of its own.
// Two tabs starting together must not both do it: a Web Lock makes them take turns.

export interface InitOptions extends RegistryClock {
  /** The worked example for a first run (the app loads it only then). */
  demo: () => Workspace | Promise<Workspace>;
  /** The demo, made and about to be written under the entry `id`: a first run shows it now rather than after the write. */
  onDemo?: (ws: Workspace, id: string) => void;
  /** Runs `fn` while no other tab runs it (navigator.locks in the browser; tests pass none). */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export type InitOutcome = 'ready' | 'demo' | 'legacy';

const INIT_LOCK = 'lanemap-registry-init';

/** The browser's lock, or none (fake IndexedDB in tests, browsers without Web Locks). */
export function browserExclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks && typeof locks.request === 'function' ? locks.request(INIT_LOCK, fn) : fn();
}

/** Make the list of workspaces if this browser never had one. Says what was done. */
export async function initialiseRegistry(reg: RegistryDB, opts: InitOptions): Promise<InitOutcome> {
  // Made once and never undone: every start after the first needs no lock. The lock is granted
  // in a task of its own, which waits behind the page's first render (about 50 ms at start).
  if (await reg.settings.get('initialised')) return 'ready';
  const exclusive = opts.exclusive ?? (<T>(fn: () => Promise<T>) => fn());
  return exclusive(async () => {
    // Another tab may have made it while this one waited for the lock.
    if (await reg.settings.get('initialised')) return 'ready';
    const now = (opts.now ?? Date.now)();
    const legacy = await readLegacy();
    if (legacy) {
      const entry: WorkspaceEntry = { id: newEntryId(), dbName: LEGACY_DB_NAME, ...legacy, createdAt: now, openedAt: now, updatedAt: now };
      await reg.transaction('rw', [reg.workspaces, reg.settings], async () => {
        await reg.workspaces.add(entry);
        await reg.settings.bulkPut([{ key: 'lastUsed', id: entry.id }, { key: 'initialised', at: now, how: 'legacy' }]);
      });
      return 'legacy';
    }
    const demo = await opts.demo();
    const id = newEntryId();
    opts.onDemo?.(demo, id);
    await addWorkspace(reg, demo, { now: () => now, firstRun: true, id });
    return 'demo';
  });
}

/** The details of the workspace an older Lanemap stored, or null when it stored nothing. */
async function readLegacy(): Promise<EntryDetails | null> {
  if (!(await Dexie.exists(LEGACY_DB_NAME))) return null;
  // Opened as the app opens it: an older schema is migrated here, as it would be on opening.
  const db = new LanemapDB(LEGACY_DB_NAME);
  try {
    const row = (await db.meta.get('workspace')) as WorkspaceRow | undefined;
    const counts = await Promise.all([db.maps, db.departments, db.systems, db.dataStores, db.trash, db.quarantine].map((t) => t.count()));
    // A database made but never written (storage failed on a first run) holds nothing to keep.
    if (!row && counts.every((n) => n === 0)) return null;
    return row && typeof row.name === 'string' && row.name ? detailsOf(row as unknown as Workspace['meta']) : { name: 'Workspace' };
  } finally {
    db.close();
  }
}
