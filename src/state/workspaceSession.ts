import type { Workspace } from '../core/model/types';
import { emptyWorkspace } from '../core/model/factory';
import { randomIds } from '../core/model/ids';
import { LanemapDB } from '../persistence/db';
import { purgeExpired, setActiveDb } from '../persistence/historyQueries';
import { addWorkspace, ensureEntry, entryOfRoom, markOpened, pickStart, recordDetails, recordLiveLink, touchWorkspace, watchWorkspaces, type WorkspaceEntry } from '../persistence/workspaceRegistry';
import type { LiveLinkRecord, RegistryDB } from '../persistence/registryDb';
import { diffWorkspace, type RecordChange } from '../core/commands';
import { readEntry } from '../persistence/registryRows';
import { browserExclusive, initialiseRegistry } from '../persistence/registryInit';
import { readMapList } from '../persistence/mapListRows';
import { Repository } from '../persistence/repository';
import { WorkspaceSync } from '../persistence/tabSync';
import { useAppStatus } from './appStatusStore';
import { addEditGuard, adoptRemote, onDocumentChange, useDocument } from './documentStore';
import { useEarlyMapList } from './earlyMapList';
import { useFindings } from './findingsStore';
import { isReadOnlyHere, setLockScope, useLocks } from './lockStore';
import { useWorkspaces } from './workspaceStore';

// The workspace open in this tab, and opening another. Each workspace has its own database;
// a session is that database with its repository (saving), its tab sync (taking in what other
// tabs save) and the registry entry. Opening another workspace first writes every pending edit
// of this one, then loads the other, and only then closes this one: a failure on the way leaves
// this tab where it was, with nothing lost. Each tab has its own open workspace.

const NEWER_VERSION = 'This workspace was saved by a newer version of Lanemap, so it is open read-only and this change was not made. Update Lanemap to edit it, or export a backup.';
const UPGRADED_ELSEWHERE = 'Lanemap was updated in another tab, so this tab no longer saves. Reload this tab to keep editing; export a backup first if you made changes here.';
const DELETED_ELSEWHERE = 'This workspace was deleted for good in another tab, so this tab no longer saves it. Export it to keep what is here.';
const storageLostText = (name: string) =>
  `This browser deleted Lanemap's stored data while it was open (site data cleared in the browser's settings, or the disk ran low). Everything on screen was saved again, so “${name}” is kept. Earlier versions in History, maps in the Trash and any other workspaces in this browser went with it: import a backup to bring those back, and download a new backup now to be safe.`;
const OPENING = 'Another workspace is opening; try again in a moment.';
/** The registry's "last edited" is written at most this often while someone edits. */
const TOUCH_EVERY_MS = 60_000;
const PURGE_AFTER_MS = 3000;
/** sessionStorage: the workspace this tab had open, so a reload comes back to it. */
const TAB_KEY = 'lanemap.workspace';

interface Session {
  entry: WorkspaceEntry;
  db: LanemapDB;
  repo: Repository;
  sync: WorkspaceSync | null;
  /** Written by a newer Lanemap: every edit is refused. */
  refuseEdits: boolean;
  touchedAt: number;
}

let registry: RegistryDB | null = null;
let current: Session | null = null;
let switching = false;

/** A shared workspace's connection to its room (src/live), started and stopped with the session. */
export interface LiveHooks {
  opened(entry: WorkspaceEntry): void;
  closing(entry: WorkspaceEntry): void;
}
let liveHooks: LiveHooks | null = null;

export function setLiveHooks(hooks: LiveHooks): void {
  liveHooks = hooks;
  if (current?.entry.live) hooks.opened(current.entry);
}

/**
 * Records that came from the shared room: saved here and listed, but not an edit of this tab,
 * so no history entry (undo undoes only this person's edits).
 */
export function takeInShared(next: Workspace): void {
  const s = current;
  const before = useDocument.getState().workspace;
  if (!s || !before || next === before) return;
  const changes = diffWorkspace(before, next);
  useDocument.setState({ workspace: next });
  s.repo.markDirty(changes);
  if (registry && changes.some((c) => c.table === 'meta')) void recordDetails(registry, s.entry.id, next.meta).catch(warnRegistry);
}

/** A workspace of this browser is shared with this link from now on (kept in its entry, and in the open session's copy of it). */
export async function recordLink(entryId: string, live: LiveLinkRecord): Promise<void> {
  if (!registry) return;
  if (current?.entry.id === entryId) current.entry = { ...current.entry, live };
  await recordLiveLink(registry, entryId, live);
}

/** A workspace received from a room: kept as a new workspace of this browser, with its link, and opened. */
export async function addSharedWorkspace(ws: Workspace, live: LiveLinkRecord, beforeOpen: (entry: WorkspaceEntry) => Promise<void>): Promise<OpenResult> {
  if (!registry) return { ok: false, message: 'Browser storage is unavailable, so a shared workspace cannot be kept here.' };
  const entry = await addWorkspace(registry, ws, { live });
  await beforeOpen(entry);
  return openWorkspace(entry.id);
}

/** The entry of the workspace shared through `room` in this browser, if any. */
export const sharedEntry = (room: string): Promise<WorkspaceEntry | null> => (registry ? entryOfRoom(registry, room) : Promise.resolve(null));



export const currentSession = (): Pick<Session, 'entry' | 'db' | 'repo'> | null => current;
export const workspaceRegistry = (): RegistryDB | null => registry;

/** Make the registry (first run: the demo; an older version's data: adopted), open the workspace to start with, and keep the list live. */
export async function startWorkspaces(reg: RegistryDB, demo: () => Workspace | Promise<Workspace>): Promise<void> {
  registry = reg;
  // A first run draws the demo while it is written. Edits made meanwhile are kept, and saved
  // once it is stored.
  let shown: Workspace | null = null;
  const early: RecordChange[] = [];
  const stopEarly = onDocumentChange((changes) => early.push(...changes));
  try {
    const made = await initialiseRegistry(reg, { demo, exclusive: browserExclusive, onDemo: (ws, id) => showUnstored((shown = ws), id) });
    // Every workspace in the trash: a new empty one, so there is somewhere to work (the trash stays).
    const entry = (await pickStart(reg, tabChoice())) ?? (await addWorkspace(reg, emptyWorkspace(randomIds('ws'), 'My workspace')));
    let loaded: Loaded;
    try {
      // After a first run the only workspace listed is the demo just written.
      loaded = await load(entry, made === 'demo' && shown ? { written: shown } : { listEarly: true });
    } catch (e) {
      throw new WorkspaceLoadError(entry, e);
    }
    // The document as it is now: the demo, with whatever was done to it while it was written.
    if (shown) loaded.workspace = useDocument.getState().workspace ?? loaded.workspace;
    activate(loaded);
    loaded.session.repo.markDirty(early);
  } finally {
    stopEarly();
  }
  watchWorkspaces(reg, (entries) => useWorkspaces.setState({ entries }), (e) => console.warn('Lanemap: reading the list of workspaces failed', e));
  useWorkspaces.setState({ available: true });
  addEditGuard(() => (switching ? OPENING : current?.refuseEdits ? NEWER_VERSION : null));
  onDocumentChange((changes) => {
    const s = current;
    if (!s) return;
    s.repo.markDirty(changes);
    const ws = useDocument.getState().workspace;
    if (!ws || s.repo.readOnly) return;
    const now = Date.now();
    if (changes.some((c) => c.table === 'meta')) void recordDetails(reg, s.entry.id, ws.meta).catch(warnRegistry);
    else if (now - s.touchedAt > TOUCH_EVERY_MS) void touchWorkspace(reg, s.entry.id).catch(warnRegistry);
    else return;
    s.touchedAt = now;
  });
}

/**
 * A first run's demo, drawn while it is written: the page says it is not stored yet, and it is
 * already the open workspace `id` (so the editor is not drawn afresh, mid-edit, once it is).
 */
function showUnstored(ws: Workspace, id: string): void {
  useAppStatus.getState().set({ save: { state: 'saving' } });
  useWorkspaces.setState({ currentId: id });
  useDocument.getState().load(ws);
}

/** The workspace to start with is listed but could not be read: the recovery screen's business, never the demo's. */
export class WorkspaceLoadError extends Error {
  constructor(
    readonly entry: WorkspaceEntry,
    readonly cause: unknown,
  ) {
    // Dexie repeats the browser's message after its own on a second line: the first says it.
    super((cause instanceof Error ? cause.message || cause.name : String(cause)).split('\n')[0]!.trim());
    this.name = 'WorkspaceLoadError';
  }
}

export type OpenResult = { ok: true } | { ok: false; message: string };

/** Open another workspace in this tab. Refused, with the reason, when this one's edits cannot all be saved first. */
export async function openWorkspace(id: string): Promise<OpenResult> {
  if (!registry) return { ok: false, message: 'Browser storage is unavailable: there are no other workspaces.' };
  if (current?.entry.id === id) return { ok: true };
  if (switching) return { ok: false, message: OPENING };
  const entry = readEntry(await registry.workspaces.get(id));
  if (!entry || entry.deletedAt !== undefined) return { ok: false, message: 'That workspace is not in this browser any more (it may have been deleted in another tab).' };
  switching = true;
  useWorkspaces.setState({ busy: true });
  try {
    const old = current;
    if (old) {
      await old.repo.takeVersions().catch(warnVersions);
      if (old.repo.hasPending()) return { ok: false, message: `Not opened: the last changes to “${old.entry.name}” are not saved yet. Export a backup of it, then try again.` };
    }
    const next = await load(entry);
    if (old) close(old);
    activate(next);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `Could not open “${entry.name}”: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    switching = false;
    useWorkspaces.setState({ busy: false });
  }
}

/** Write every pending edit of the open workspace now. */
export function flushCurrent(): Promise<void> {
  return current ? current.repo.flush() : Promise.resolve();
}

/** The page is going away: the at-once write first (the only one a closing page finishes), then the full save and the versions due. */
export function flushOnLeaving(): void {
  current?.repo.flushOnExit();
  void current?.repo.takeVersions().catch(warnVersions);
}

/** History is opening: keep the map as it is now as its latest version (unless another tab edits it, and keeps them). */
export function keepVersionNow(mapId: string): Promise<void> {
  if (!current || isReadOnlyHere(mapId)) return Promise.resolve();
  return current.repo.takeVersions([mapId]);
}

/** Take in what other tabs saved to the open workspace. */
export function syncCurrent(): void {
  void current?.sync?.request();
}

/** Before this tab lets another have a map: every pending edit saved (or at least journalled). */
export async function settleCurrent(): Promise<void> {
  const s = current;
  if (!s) return;
  await s.repo.flush();
  await s.repo.journal.written();
}

/** This tab now edits a map: first write what a tab that went away journalled and never saved, then read it all in. */
export async function takeOverCurrent(): Promise<void> {
  const s = current;
  if (!s) return;
  await s.repo.takeInOtherTabs().catch((e) => console.warn('Lanemap: replaying the edit journal of another tab failed', e));
  if (current === s) await s.sync?.request();
}

// --- internals

interface Loaded {
  session: Session;
  workspace: Workspace;
  warnings: string[];
}

/** Storage was emptied under the open workspace and written again from memory: say what went with it, and list the workspace again. */
function tellStorageLost(session: Session): void {
  const ws = useDocument.getState().workspace;
  if (current !== session || !ws) return;
  useAppStatus.getState().set({ storageLost: storageLostText(ws.meta.name) });
  if (registry) void ensureEntry(registry, session.entry, ws.meta).catch(warnRegistry);
}

async function load(entry: WorkspaceEntry, opts: { listEarly?: boolean; written?: Workspace } = {}): Promise<Loaded> {
  const db = new LanemapDB(entry.dbName);
  // At start, the maps are listed from the index while the workspace itself is read and checked.
  if (opts.listEarly) {
    await readMapList(db).then(
      (list) => useEarlyMapList.setState({ list }),
      (e) => console.warn('Lanemap: the list of maps could not be read ahead', e),
    );
  }
  const session: Session = { entry, db, repo: null!, sync: null, refuseEdits: false, touchedAt: 0 };
  session.repo = new Repository(db, {
    // Nothing is written from, or said about, a workspace that is not the one open.
    getWorkspace: () => (current === session ? useDocument.getState().workspace : null),
    onStatus: (save) => {
      if (current === session) useAppStatus.getState().set({ save });
    },
    onStorageLost: () => tellStorageLost(session),
  });
  try {
    const { workspace, warnings } = await (opts.written ? session.repo.adoptWritten(opts.written) : session.repo.load());
    session.refuseEdits = session.repo.readOnly;
    if (workspace) return { session, workspace, warnings };
    // The entry names a database with nothing in it: open it empty, under its name, and save that.
    const empty = emptyWorkspace(randomIds('ws'), entry.name);
    session.repo.markDirty([{ table: 'meta', id: empty.meta.id }]);
    return { session, workspace: empty, warnings: [`No records of “${entry.name}” were found in this browser's storage, so it opens empty.`] };
  } catch (e) {
    db.close();
    throw e;
  }
}

function activate({ session, workspace, warnings }: Loaded): void {
  current = session;
  const { entry, db, repo } = session;
  useAppStatus.getState().set({ loadWarnings: warnings, readOnly: repo.readOnly, save: { state: 'saved' } });
  setActiveDb(db);
  // Already the document (a first run's demo, drawn while it was written): its undo history and
  // the finding picked in it stay.
  if (useDocument.getState().workspace !== workspace) {
    useFindings.getState().setHighlight(null);
    useDocument.getState().load(workspace);
  }
  useEarlyMapList.setState({ list: null });
  useWorkspaces.setState({ currentId: entry.id });
  session.sync = new WorkspaceSync({
    db,
    repo,
    getWorkspace: () => (current === session ? useDocument.getState().workspace : null),
    isHeldHere: (mapId) => useLocks.getState().held === mapId,
    apply: (r) => adoptRemote(r.workspace, r.replacedMaps),
    // Another tab wrote the workspace again after the wipe: this tab's user loses the same history and trash.
    onEmptiedElsewhere: () => tellStorageLost(session),
  });
  session.sync.start();
  // Another tab upgrading the database, or deleting the workspace for good: say so, write no more.
  db.on('versionchange', (ev) => repo.stopWriting(ev.newVersion ? UPGRADED_ELSEWHERE : DELETED_ELSEWHERE));
  void setLockScope(entry.dbName);
  rememberTabChoice(entry.id);
  if (registry) void markOpened(registry, entry.id).catch(warnRegistry);
  if (entry.live) liveHooks?.opened(entry);
  // Once the page has settled: maps in this workspace's trash past their 30 days go.
  setTimeout(() => {
    if (current === session && !repo.readOnly) void purgeExpired(db).catch((e) => console.warn('Lanemap: clearing the trash failed', e));
  }, PURGE_AFTER_MS);
}

function close(session: Session): void {
  if (session.entry.live) liveHooks?.closing(session.entry);
  session.sync?.stop();
  session.repo.dispose();
  session.db.close();
}

function tabChoice(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

function rememberTabChoice(id: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    // blocked: a reload opens the workspace used last instead
  }
}

const warnVersions = (e: unknown) => console.warn('Lanemap: keeping a version of the maps failed', e);
const warnRegistry = (e: unknown) => console.warn('Lanemap: updating the list of workspaces failed', e);
