import { uuid } from '../core/model/ids';
import type { RecordChange } from '../core/commands/diff';
import type { Id, ProcessMap, Workspace } from '../core/model/types';
import type { LanemapDB, QuarantineRow } from './db';
import { quarantineRows, readStoredWorkspace } from './loadWorkspace';
import { cutShortByClose, describeSaveError, waitingText } from './saveErrors';
import { replayExitJournals } from './exitJournal';
import { EditJournal } from './journal';
import { replayJournal } from './journalReplay';
import { writeEdits } from './directSave';
import { SaveAnnouncer } from './saveChannel';
import type { LoadResult, RepositoryOptions, SaveStatus } from './repositoryTypes';
import { type Dirty, everyRecord, planWrites, writeAll, writePlanAtOnce, writeVersions, type WriteContext } from './writes';

export { describeSaveError } from './saveErrors';
export type { LoadResult, RepositoryOptions, SaveStatus } from './repositoryTypes';

// Saves the open workspace to IndexedDB: edits mark records dirty, and after a short
// debounce the current value of every dirty record is written in one transaction.
// A failed write keeps the records dirty, so the next attempt writes them: no edit is dropped.
// Each edit also goes at once into the journal (journal.ts), which the save trims: a browser
// killed before the debounce ends loses nothing, as the next load replays what is left.
// A save writes the records alone. Versions of the maps it wrote (revisions, for History) are
// taken in a transaction of their own, at most every `versionEveryMs` (and whenever asked:
// History opening, the page hidden, another workspace opened), so a quick run of edits costs
// one put per record per save; a version compares the map with its newest one and keeps it only
// when it differs, so one missed (browser killed) is taken the next time.

export const VERSION_EVERY_MS = 30_000;

/** Saves cut short by the database closing that are tried again (after 1, 2 and 4 s) before the user is told. */
const QUIET_CLOSE_RETRIES = 3;
export const defaultRetryDelay = (failures: number) => Math.min(10_000, 1000 * 2 ** Math.max(0, failures - 1));

const NEWER = 'Read-only: this workspace was saved by a newer version of Lanemap, so changes are not saved. Export a backup to keep them.';

export class Repository {
  /** True when nothing may be written: the stored data comes from a newer Lanemap. */
  readOnly = false;
  /** Why, for the save indicator. */
  private readOnlyMessage = NEWER;
  /** How many write transactions have started: a read that saw this number change may be stale. */
  writesStarted = 0;
  /** Every edit, written at once; the saves trim it. */
  readonly journal: EditJournal;
  /** Tells other tabs of the saves written outside Dexie. */
  private readonly announcer: SaveAnnouncer;
  /** Saves wait while set (browser tests hold them to kill the browser between journal and save). */
  private held = false;

  private readonly debounceMs: number;
  private readonly now: () => number;
  private readonly dirty = new Map<string, Dirty>();
  /** Records in the write now running: not on disk yet, not dirty any more. */
  private inFlight = new Set<string>();
  private readonly removed = new Map<Id, ProcessMap>();
  /** Maps absent before an edit not written yet: only they can come back from the trash. */
  private added = new Set<Id>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Maps saved since their last version; the timer keeps them as versions. */
  private readonly versionsDue = new Set<Id>();
  private versionTimer: ReturnType<typeof setTimeout> | null = null;
  /** Writes run one after another, so a slow flush is never overtaken by a later one. */
  private queue: Promise<unknown> = Promise.resolve();
  private ready = false;
  private readonly whenReady: Promise<void>;
  private resolveReady!: () => void;
  /** A whole-workspace write (seed) failed: the next flush writes everything again. */
  private reseed = false;
  private lastStatus = '';
  /** The workspace row is known to be on disk: if it goes missing, storage was cleared. */
  private stored = false;
  /** The browser closed the database: check on the next write that it still holds the workspace. */
  private verify = false;
  /** Storage was emptied under this session once: it may be again, so the exit write writes everything. */
  private rewroteLost = false;
  /** Edits (change events) not on disk yet, for the status. */
  private waitingEdits = 0;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly db: LanemapDB,
    private readonly opts: RepositoryOptions,
  ) {
    this.debounceMs = Math.min(500, Math.max(0, opts.debounceMs ?? 300));
    this.now = opts.now ?? Date.now;
    this.whenReady = new Promise((resolve) => (this.resolveReady = resolve));
    this.journal = new EditJournal(db, this.now);
    this.announcer = new SaveAnnouncer(db.name, this.journal.tab);
    // The browser closes a database it deletes (site data cleared): Dexie opens a new, empty
    // one on the next request, so look at once whether the workspace is still there.
    // (Closing it ourselves fires the same event: a disposed repository ignores it.)
    db.on('close', () => this.checkStored());
  }

  /**
   * The stored workspace may be gone (the database closed under us, or a read found no
   * workspace row): the next write looks, and writes the whole workspace from memory if so.
   */
  checkStored(): void {
    if (this.disposed) return;
    this.verify = true;
    if (this.ready && !this.readOnly) this.schedule();
  }

  async load(): Promise<LoadResult> {
    let stored = await readStoredWorkspace(this.db, this.now());
    // What a killed browser or a page closed mid-save left behind (never into a newer Lanemap's data).
    const leftovers = stored.newerVersion === null ? await this.replayLeftovers() : null;
    if (leftovers && leftovers.written > 0) stored = await readStoredWorkspace(this.db, this.now());
    if (leftovers) stored.warnings.unshift(...leftovers.warnings);
    if (stored.newerVersion !== null) this.readOnly = true;
    const { workspace, warnings } = stored;
    if (workspace && stored.metaMissing) this.markDirty([{ table: 'meta', id: workspace.meta.id }]);
    if (!this.readOnly) await quarantineRows(this.db, stored);
    this.stored = workspace !== null && !stored.metaMissing;
    this.markReady();
    return { workspace, warnings };
  }

  /**
   * Start from `ws` without reading it: this app wrote it a moment ago into a new database
   * (`addWorkspace`), so there is nothing to read back, replay or set aside.
   */
  async adoptWritten(ws: Workspace): Promise<LoadResult> {
    // Opened all the same: the browser closing it (site data cleared) and other tabs' upgrades
    // are heard only on an open connection.
    await this.db.open();
    this.stored = true;
    this.markReady();
    return { workspace: ws, warnings: [] };
  }

  /** Replace everything stored by `ws`, in one transaction (first run, "replace workspace"). */
  async seed(ws: Workspace): Promise<void> {
    if (this.readOnly) throw new Error('This workspace is read-only: it was saved by a newer version of Lanemap.');
    this.emit({ state: 'saving' });
    try {
      await this.enqueue(() => {
        this.writesStarted++;
        return writeAll(this.db, ws, this.writeContext(this.journal.edit));
      });
      this.reseed = false;
      this.stored = true;
      if (this.dirty.size === 0) this.emit({ state: 'saved', at: new Date(this.now()).toISOString() });
    } catch (e) {
      this.reseed = true;
      this.emit({ state: 'error', message: describeSaveError(e) });
      throw e;
    } finally {
      this.markReady();
    }
  }

  markDirty(changes: RecordChange[]): void {
    if (changes.length === 0) return;
    if (!this.readOnly) this.journal.record(changes);
    this.waitingEdits++;
    for (const c of changes) {
      const id = c.table === 'meta' ? 'workspace' : c.id;
      this.dirty.set(`${c.table}:${id}`, { table: c.table, id });
      if (c.table === 'maps' && c.after === undefined && c.before) this.removed.set(c.id, c.before as ProcessMap);
      if (c.table === 'maps' && c.before === undefined) this.added.add(c.id);
    }
    if (this.readOnly) {
      this.emit({ state: 'error', message: this.readOnlyMessage });
      return;
    }
    this.emit({ state: 'saving' });
    // Before load has finished the edits wait; markReady schedules them.
    if (this.ready) this.schedule();
  }

  /** Stop writing from now on (another tab upgraded the database); pending edits stay in memory. */
  stopWriting(message: string): void {
    this.readOnly = true;
    this.readOnlyMessage = message;
    this.emit({ state: 'error', message });
  }

  /** Whether this tab has a change to this record that is not on disk yet. */
  isPending(table: RecordChange['table'], id: Id): boolean {
    const key = `${table}:${table === 'meta' ? 'workspace' : id}`;
    return this.dirty.has(key) || this.inFlight.has(key);
  }

  /** Whether any edit is not on disk yet (written now, waiting, or failed). */
  hasPending(): boolean {
    return this.dirty.size > 0 || this.inFlight.size > 0 || this.reseed;
  }

  /** Resolves once every write asked for so far has finished. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Write pending changes now (page hidden or closing). Resolves once written; failures go to onStatus. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.whenReady;
    await this.enqueue(() => this.writeDirty()).catch(() => undefined);
  }

  /**
   * The page is going away: write every pending record now, in the one kind of transaction a
   * closing page lets finish (see writePlanAtOnce). The records stay pending, so if the
   * page lives on (back/forward cache) the normal save still writes them with their revisions.
   */
  flushOnExit(): void {
    if (this.readOnly || this.held || !this.ready) return;
    const ws = this.opts.getWorkspace();
    const keys = new Set([...this.dirty.keys(), ...this.inFlight]);
    // Storage may have been emptied and not written again yet: written alone, the changed
    // records would become the whole workspace at the next start. A closing page cannot look
    // first, so it writes everything.
    const whole = this.verify || this.rewroteLost;
    if (whole && ws) for (const d of everyRecord(ws)) keys.add(`${d.table}:${d.id}`);
    if (!ws || keys.size === 0) return;
    const batch = [...keys].map((k): Dirty => {
      const at = k.indexOf(':');
      return { table: k.slice(0, at) as Dirty['table'], id: k.slice(at + 1) };
    });
    // The journal already holds these edits; this write only spares the next start a replay.
    // Any written map may be coming back from the trash: the write in flight may never finish.
    writePlanAtOnce(this.db, planWrites(ws, batch), { ...this.writeContext(), added: undefined }).catch(() => undefined);
  }

  /** Write into storage what other tabs journalled and did not save (one was closed or killed), before this tab reads it. */
  async takeInOtherTabs(): Promise<number> {
    if (this.readOnly || !this.ready) return 0;
    const { written } = await this.replayLeftovers();
    return written;
  }

  /** Browser tests: hold every save back (the journal still writes), or let them go again. */
  holdSaves(on: boolean): void {
    this.held = on;
    if (!on && this.ready && this.dirty.size > 0) this.schedule();
  }

  /** Rows set aside by load because they failed validation, for a "recover" screen or a support report. */
  listQuarantine(): Promise<QuarantineRow[]> {
    return this.db.quarantine.toArray();
  }

  /** Stop the debounce and retry timers (tests, or a repository being replaced). Pending edits stay dirty. */
  dispose(): void {
    this.disposed = true;
    this.announcer.close();
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.versionTimer !== null) clearTimeout(this.versionTimer);
    this.timer = null;
    this.retryTimer = null;
    this.versionTimer = null;
  }

  /**
   * Write pending edits, then keep the maps as they are now as versions: those given (History
   * opening for one), or else every map saved since its last version. A map equal to its newest
   * version adds none. A map this tab could not save is left for later.
   */
  async takeVersions(mapIds?: readonly Id[]): Promise<void> {
    await this.flush();
    const ids = mapIds ?? [...this.versionsDue];
    for (const id of ids) this.versionsDue.delete(id);
    const ws = this.opts.getWorkspace();
    if (this.readOnly || !ws || ids.length === 0) return;
    const wanted = new Set(ids.filter((id) => !this.isPending('maps', id)));
    const maps = ws.maps.filter((m) => wanted.has(m.id));
    if (maps.length > 0) await this.enqueue(() => writeVersions(this.db, maps, { now: this.now(), newId: () => uuid() }));
  }

  // --- internals

  private markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.resolveReady();
    if (this.dirty.size > 0 && !this.readOnly) this.schedule();
  }

  /** Write at most debounceMs after the first pending edit; later edits join the same write. */
  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
  }

  /** The maps just saved get their versions `versionEveryMs` later, with whatever else is saved meanwhile. */
  private versionsLater(mapIds: Id[]): void {
    for (const id of mapIds) this.versionsDue.add(id);
    if (this.versionTimer !== null || this.versionsDue.size === 0 || this.disposed) return;
    this.versionTimer = setTimeout(() => {
      this.versionTimer = null;
      this.takeVersions().catch((e: unknown) => console.warn('Lanemap: keeping a version of the maps failed', e));
    }, this.opts.versionEveryMs ?? VERSION_EVERY_MS);
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** `covered`: the journal's edit count when the workspace to write was read (its rows up to there go). */
  private writeContext(covered?: number, added: ReadonlySet<Id> = this.added): WriteContext {
    const journal = covered === undefined ? undefined : { tab: this.journal.tab, edit: covered };
    return { now: this.now(), newId: () => uuid(), removed: this.removed, added, journal };
  }

  /** Edits journalled by tabs that went away, and the localStorage copies older versions left on exit. */
  private async replayLeftovers(): Promise<{ written: number; warnings: string[] }> {
    const replayed = await replayJournal(this.db, { now: this.now(), skipTab: this.journal.tab });
    const legacy = await replayExitJournals(this.db, this.now());
    return { written: replayed.written + legacy, warnings: replayed.warnings };
  }

  private async writeDirty(): Promise<void> {
    if (this.readOnly || this.held || (this.dirty.size === 0 && !this.reseed && !this.verify)) return;
    const ws = this.opts.getWorkspace();
    if (!ws) return; // the document is not open yet; keep the edits for later
    const covered = this.journal.edit;
    const batch = [...this.dirty.values()];
    const edits = this.waitingEdits;
    const added = this.added;
    this.added = new Set();
    this.inFlight = new Set(this.dirty.keys());
    this.dirty.clear();
    this.verify = false;
    this.emit({ state: 'saving' });
    this.writesStarted++;
    try {
      await this.db.openIfClosedByBrowser();
      const ctx = this.writeContext(covered, added);
      const wrote = this.reseed ? (await writeAll(this.db, ws, ctx), 'all') : await writeEdits(this.db, ws, batch, ctx, () => this.announcer.announce());
      const lost = wrote === 'all' && this.stored && !this.reseed;
      this.reseed = false;
      this.stored = true;
      this.failures = 0;
      this.waitingEdits = Math.max(0, this.waitingEdits - edits);
      for (const d of batch) if (d.table === 'maps') this.removed.delete(d.id);
      // A whole rewrite kept its versions already.
      if (wrote === 'records') this.versionsLater(batch.filter((d) => d.table === 'maps').map((d) => d.id));
      if (lost) {
        this.rewroteLost = true;
        this.opts.onStorageLost?.();
      }
      if (this.dirty.size === 0) this.emit({ state: 'saved', at: new Date(this.now()).toISOString() });
    } catch (e) {
      for (const d of batch) {
        const key = `${d.table}:${d.id}`;
        if (!this.dirty.has(key)) this.dirty.set(key, d);
      }
      for (const id of added) this.added.add(id);
      if (this.failures < QUIET_CLOSE_RETRIES && cutShortByClose(e)) {
        // A save cut short by the browser closing the database (site data cleared) is made
        // again once the close is through, first looking whether storage was emptied. No alarm
        // for it: the alarm's dialog would take the keyboard from whatever is being typed, and a
        // loaded machine can take more than one retry to finish reopening.
        this.verify = true;
        this.retryLater();
        return;
      }
      this.emit({ state: 'error', message: `${describeSaveError(e)} ${waitingText(this.waitingEdits)}` });
      this.retryLater();
      throw e;
    } finally {
      this.inFlight = new Set();
    }
  }

  /** A failed save is tried again by itself, sooner first, until it works: a backup offered stops nothing. */
  private retryLater(): void {
    this.failures++;
    if (this.retryTimer !== null || this.disposed) return;
    const delay = (this.opts.retryDelayMs ?? defaultRetryDelay)(this.failures);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private emit(s: SaveStatus): void {
    const sig = s.state === 'error' ? `error:${s.message}` : s.state === 'saving' ? 'saving' : `saved:${s.at ?? ''}`;
    if (sig === this.lastStatus) return;
    this.lastStatus = sig;
    this.opts.onStatus(s);
  }
}
