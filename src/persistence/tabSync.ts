import { liveQuery } from 'dexie';
import type { Id, Workspace } from '../core/model/types';
import type { EmptiedRow, LanemapDB } from './db';
import { mergeRemote, planMaps, remoteRowValidator, type MergeResult, type MergeRules, type RemoteSnapshot } from './remoteMerge';
import type { Repository } from './repository';
import { listenForSaves } from './saveChannel';

// Keeps this tab's workspace in step with what other tabs save. Dexie's liveQuery tells us
// when the stored map index, catalogue or workspace row changed (in any tab), and other tabs
// announce the saves they write outside Dexie (saveChannel.ts); we then read
// them, and the maps whose stored copy differs, in one transaction, and merge by the rules
// in remoteMerge.ts. A read that overlapped one of this tab's own writes may be stale: it is
// thrown away and made again once the write is done.

export interface SyncOptions {
  db: LanemapDB;
  repo: Pick<Repository, 'isPending' | 'writesStarted' | 'idle' | 'markDirty' | 'checkStored' | 'journal'>;
  getWorkspace: () => Workspace | null;
  isHeldHere: (mapId: Id) => boolean;
  apply: (result: MergeResult) => void;
  /** Another tab found storage emptied under it (site data cleared) and wrote its workspace again. */
  onEmptiedElsewhere?: () => void;
}

const MAX_RETRIES = 5;

export class WorkspaceSync {
  private running: Promise<void> | null = null;
  private again = false;
  private stopWatching: (() => void) | null = null;
  /** The time of the 'emptied' mark when this tab first read storage: only a later one is news. */
  private emptiedSeen: number | null = null;

  constructor(private readonly opts: SyncOptions) {}

  /** Watch storage for changes from other tabs. */
  start(): void {
    const { db } = this.opts;
    const sub = liveQuery(() => Promise.all([db.meta.toArray(), db.mapIndex.toArray(), db.departments.toArray(), db.systems.toArray(), db.dataStores.toArray()])).subscribe({
      next: () => this.request(),
      error: (e) => console.warn('Lanemap: watching storage for other tabs failed', e),
    });
    const stopListening = listenForSaves(db.name, this.opts.repo.journal.tab, () => void this.request());
    this.stopWatching = () => {
      sub.unsubscribe();
      stopListening();
    };
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = null;
  }

  /** Bring the workspace up to date soon; calls while one runs fold into one more run. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.reconcile();
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Read storage and take in what other tabs changed. Resolves to whether anything was. */
  async reconcile(): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const outcome = await this.reconcileOnce();
      if (outcome !== 'stale') return outcome === 'applied';
      await this.opts.repo.idle();
    }
    return false;
  }

  /** A tab that wrote everything again after a wipe leaves a mark; seeing a newer one than at first, this tab's user is told too. */
  private noticeEmptied(meta: RemoteSnapshot['meta']): void {
    const row = meta.find((r): r is EmptiedRow => r.key === 'emptied');
    const at = row && Number.isFinite(row.at) ? row.at : 0;
    const before = this.emptiedSeen;
    this.emptiedSeen = at;
    if (before !== null && at > before) this.opts.onEmptiedElsewhere?.();
  }

  private rules(): MergeRules {
    return { isPending: (t, id) => this.opts.repo.isPending(t, id), isHeldHere: this.opts.isHeldHere };
  }

  private async reconcileOnce(): Promise<'applied' | 'unchanged' | 'stale'> {
    const { db, repo, getWorkspace } = this.opts;
    if (!getWorkspace()) return 'unchanged';
    const started = repo.writesStarted;
    const rules = this.rules();
    await db.openIfClosedByBrowser();
    const { snap, fetched } = await db.transaction('r', [db.meta, db.mapIndex, db.departments, db.systems, db.dataStores, db.maps], async () => {
      const [meta, index, departments, systems, dataStores] = await Promise.all([
        db.meta.toArray(),
        db.mapIndex.toArray(),
        db.departments.toArray(),
        db.systems.toArray(),
        db.dataStores.toArray(),
      ]);
      const snap: RemoteSnapshot = { meta, index, departments, systems, dataStores };
      const wanted = planMaps(getWorkspace()!, snap, rules).fetch;
      const rows = await db.maps.bulkGet(wanted);
      return { snap, fetched: new Map<Id, unknown>(wanted.map((id, i) => [id, rows[i]])) };
    });
    // Every save leaves the workspace row, so storage without it was not saved by another tab:
    // it was emptied under us (site data cleared). Merging would take every record this tab is
    // not editing as deleted; instead the repository writes the whole workspace again.
    if (!snap.meta.some((r) => r.key === 'workspace')) {
      repo.checkStored();
      return 'unchanged';
    }
    this.noticeEmptied(snap.meta);
    const check = await remoteRowValidator(snap, fetched);
    if (repo.writesStarted !== started) return 'stale';
    const local = getWorkspace();
    if (!local) return 'unchanged';
    const result = mergeRemote(local, snap, fetched, rules, check);
    if (result) this.opts.apply(result);
    // Maps this tab edits whose stored copy is older than this tab's: write ours again.
    const rewrite = planMaps(result?.workspace ?? local, snap, rules).rewrite;
    if (rewrite.length > 0) repo.markDirty(rewrite.map((id) => ({ table: 'maps', id })));
    return result ? 'applied' : 'unchanged';
  }
}
