import Dexie, { liveQuery } from 'dexie';
import type { Workspace, WorkspaceMeta } from '../core/model/types';
import { uuid } from '../core/model/ids';
import { LanemapDB } from './db';
import { readStoredWorkspace } from './loadWorkspace';
import { liveDbName } from './liveUpdates';
import { dbNameFor, detailsOf, type LiveLinkRecord, newEntryId, type RegistryDB, type WorkspaceEntry } from './registryDb';
import { readEntries } from './registryRows';
import { trashExpired } from './revisionPolicy';
import { writeAll } from './writes';

// What can be done to the list of workspaces: add one (its records written to a database of
// its own first), note which was opened, copy the document's details, move to the trash and
// back, and delete for good. The open workspace's edits are the repository's business.

export type { WorkspaceEntry } from './registryDb';

export interface RegistryClock {
  /** Milliseconds since 1970. */
  now?: () => number;
}

const clock = (o?: RegistryClock) => (o?.now ?? Date.now)();

/** Every entry, the trash included, by name. */
export async function listWorkspaces(reg: RegistryDB): Promise<WorkspaceEntry[]> {
  const rows = readEntries(await reg.workspaces.toArray());
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.createdAt - b.createdAt);
}

/** Call `onChange` with every entry now and after any change, in this tab or another. */
export function watchWorkspaces(reg: RegistryDB, onChange: (rows: WorkspaceEntry[]) => void, onError?: (e: unknown) => void): () => void {
  const sub = liveQuery(() => listWorkspaces(reg)).subscribe({ next: onChange, error: onError });
  return () => sub.unsubscribe();
}

/**
 * A new workspace holding `ws`: its records are written to a new database first, then the
 * entry is added, so the list never names a workspace whose records are not there yet.
 */
export async function addWorkspace(reg: RegistryDB, ws: Workspace, opts?: RegistryClock & { firstRun?: boolean; live?: LiveLinkRecord; id?: string }): Promise<WorkspaceEntry> {
  const now = clock(opts);
  const id = opts?.id ?? newEntryId();
  const dbName = dbNameFor(id);
  const db = new LanemapDB(dbName);
  try {
    await writeAll(db, ws, { now, newId: uuid, removed: new Map() });
  } finally {
    db.close();
  }
  const entry: WorkspaceEntry = { id, dbName, ...detailsOf(ws.meta), createdAt: now, openedAt: 0, updatedAt: now, ...(opts?.live ? { live: opts.live } : {}) };
  await reg.transaction('rw', [reg.workspaces, reg.settings], async () => {
    await reg.workspaces.add(entry);
    // A first run's demo and the mark that the list is made, together: a run cut short makes one demo, never two.
    if (opts?.firstRun) await reg.settings.bulkPut([{ key: 'lastUsed', id }, { key: 'initialised', at: now, how: 'demo' }]);
  });
  return entry;
}

/** What a workspace not open here holds, read from its database (rows that fail validation left out); null when empty. */
export async function readWorkspace(entry: WorkspaceEntry, opts?: RegistryClock): Promise<Workspace | null> {
  const db = new LanemapDB(entry.dbName);
  try {
    return (await readStoredWorkspace(db, clock(opts))).workspace;
  } finally {
    db.close();
  }
}

/** This entry was opened now: it is the one the app opens next time. */
export async function markOpened(reg: RegistryDB, id: string, opts?: RegistryClock): Promise<void> {
  const now = clock(opts);
  await reg.transaction('rw', [reg.workspaces, reg.settings], async () => {
    await reg.workspaces.update(id, { openedAt: now });
    await reg.settings.put({ key: 'lastUsed', id });
  });
}

/**
 * Put the open workspace's entry back in a list the browser emptied (site data cleared while
 * open), and mark the list made, so the next start opens it rather than a new demo.
 */
export async function ensureEntry(reg: RegistryDB, entry: WorkspaceEntry, meta: WorkspaceMeta, opts?: RegistryClock): Promise<void> {
  const now = clock(opts);
  await reg.transaction('rw', [reg.workspaces, reg.settings], async () => {
    if (!(await reg.workspaces.get(entry.id))) await reg.workspaces.put({ ...entry, ...detailsOf(meta), updatedAt: now });
    if (!(await reg.settings.get('initialised'))) await reg.settings.bulkPut([{ key: 'initialised', at: now, how: 'restored' }, { key: 'lastUsed', id: entry.id }]);
  });
}

/** The document's name, organisation, authors and status changed: the list shows them. */
export async function recordDetails(reg: RegistryDB, id: string, meta: WorkspaceMeta, opts?: RegistryClock): Promise<void> {
  await reg.transaction('rw', reg.workspaces, async () => {
    const entry = await reg.workspaces.get(id);
    if (!entry) return;
    const { name: _n, organisation: _o, preparedBy: _p, status: _s, ...rest } = entry;
    await reg.workspaces.put({ ...rest, ...detailsOf(meta), updatedAt: clock(opts) });
  });
}

/** The workspace is shared with this link from now on (or, undefined, no longer). */
export async function recordLiveLink(reg: RegistryDB, id: string, live: LiveLinkRecord | undefined): Promise<void> {
  await reg.transaction('rw', reg.workspaces, async () => {
    const entry = await reg.workspaces.get(id);
    if (!entry) return;
    const { live: _old, ...rest } = entry;
    await reg.workspaces.put(live ? { ...rest, live } : rest);
  });
}

/** The entry shared through `room`, if this browser has one (not in the trash). */
export async function entryOfRoom(reg: RegistryDB, room: string): Promise<WorkspaceEntry | null> {
  const entries = await listWorkspaces(reg);
  return entries.find((e) => e.live?.room === room && e.deletedAt === undefined) ?? null;
}

/** The workspace was edited (the list says when). */
export async function touchWorkspace(reg: RegistryDB, id: string, opts?: RegistryClock): Promise<void> {
  await reg.workspaces.update(id, { updatedAt: clock(opts) });
}

export async function trashWorkspace(reg: RegistryDB, id: string, opts?: RegistryClock): Promise<void> {
  await reg.workspaces.update(id, { deletedAt: clock(opts) });
}

export async function restoreWorkspace(reg: RegistryDB, id: string): Promise<void> {
  await reg.transaction('rw', reg.workspaces, async () => {
    const entry = await reg.workspaces.get(id);
    if (!entry || entry.deletedAt === undefined) return;
    const { deletedAt: _gone, ...kept } = entry;
    await reg.workspaces.put(kept);
  });
}

/** Remove a workspace in the trash and its database. Refused for one that is not in the trash. */
export async function deleteWorkspaceForever(reg: RegistryDB, id: string): Promise<void> {
  const entry = await reg.workspaces.get(id);
  if (!entry) return;
  if (entry.deletedAt === undefined) throw new Error('This workspace is not in the trash; delete it first.');
  // The records first: an entry without its database would open empty, a database without
  // its entry is only space (and the next purge does not see it, so the entry goes last).
  await Dexie.delete(entry.dbName);
  await Dexie.delete(liveDbName(entry.dbName));
  await reg.workspaces.delete(id);
}

/** Workspaces in the trash for longer than the map trash keeps maps go, with their databases. */
export async function purgeExpiredWorkspaces(reg: RegistryDB, opts?: RegistryClock): Promise<number> {
  const now = clock(opts);
  const expired = readEntries(await reg.workspaces.toArray()).filter((e) => e.deletedAt !== undefined && trashExpired(e.deletedAt, now));
  for (const e of expired) await deleteWorkspaceForever(reg, e.id);
  return expired.length;
}

/**
 * The workspace a tab opens: the one it had open before a reload (`preferred`), else the one
 * used last in any tab, else the most recently opened; never one in the trash. null when
 * every workspace is in the trash.
 */
export async function pickStart(reg: RegistryDB, preferred?: string | null): Promise<WorkspaceEntry | null> {
  const live = readEntries(await reg.workspaces.toArray()).filter((e) => e.deletedAt === undefined);
  const last = (await reg.settings.get('lastUsed'))?.id;
  for (const id of [preferred, last]) {
    const hit = id ? live.find((e) => e.id === id) : undefined;
    if (hit) return hit;
  }
  return live.sort((a, b) => b.openedAt - a.openedAt || b.updatedAt - a.updatedAt)[0] ?? null;
}
