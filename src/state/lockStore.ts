import { create } from 'zustand';
import type { RecordChange } from '../core/commands';
import type { Id, ProcessMap } from '../core/model/types';
import { useUi } from './uiStore';

// One tab edits a map at a time. The tab that opens a map asks for its Web Lock; if another
// tab holds it, the map is read-only here, and this tab queues for the lock so it becomes
// the editor when the other tab closes or moves on. "Edit here instead" steals the lock: the
// other tab is asked to hand it over: it turns read-only, writes what it has not saved, and only
// then lets go (a tab that does not answer has the lock taken from it). Any lock this tab lets go
// of is released once its pending edits are written, so the next tab reads them. Without Web
// Locks (old browsers) every tab edits, and the last save of each record wins.
// Lock names carry the workspace's database, since two workspaces may hold maps with one id (a
// duplicate, the same file imported twice); the legacy database's names are those older
// versions used ('lanemap-map-<id>'), so an older tab still open shares the locks.

const lockPrefix = (dbName: string) => `${dbName}-map-`;
export const lockName = (dbName: string, mapId: Id) => `${lockPrefix(dbName)}${mapId}`;

export interface LockState {
  supported: boolean;
  /** The map this tab holds the lock of: it edits it. */
  held: Id | null;
  /** Maps other tabs hold, as last seen. */
  elsewhere: Id[];
  /** This tab's map was taken over by another tab (the notice says so). */
  takenFrom: Id | null;
}

export const useLocks = create<LockState>(() => ({ supported: false, held: null, elsewhere: [], takenFrom: null }));

export interface LockHooks {
  /** The lock was taken by another tab: write what this tab has not saved yet. */
  onLost: (mapId: Id) => void;
  /** This tab is about to let go of the lock: resolves once what it has not saved yet is written. */
  settle: (mapId: Id) => Promise<void>;
  /** This tab holds the lock now: read the latest stored copy first. */
  onAcquired: (mapId: Id) => void;
}

/** Whether another tab edits this map, so this tab may only look at it. */
export function isReadOnlyHere(mapId: Id): boolean {
  const s = useLocks.getState();
  return s.supported && s.held !== mapId && s.elsewhere.includes(mapId);
}

export const useMapReadOnly = (mapId: Id): boolean => useLocks((s) => s.supported && s.held !== mapId && s.elsewhere.includes(mapId));

/** The edit guard: a change to a map another tab edits is refused, with what to do. */
export function lockGuard(changes: RecordChange[]): string | null {
  for (const c of changes) {
    if (c.table !== 'maps' || !isReadOnlyHere(c.id)) continue;
    const name = ((c.after ?? c.before) as ProcessMap | undefined)?.name ?? c.id;
    return useUi.getState().openMapId === c.id
      ? `“${name}” is being edited in another tab, so it is read-only here. Press “Edit here instead” to edit it in this tab.`
      : `“${name}” is being edited in another tab, so this tab cannot change it. Edit it there, or open it here and press “Edit here instead”.`;
  }
  return null;
}

const set = (s: Partial<LockState>) => useLocks.setState(s);
/** A save that hangs must not keep the lock from the other tab for ever. */
const SETTLE_MAX_MS = 10_000;
/** How long "Edit here instead" waits for the editing tab to hand over before taking the lock. */
const HAND_OVER_MS = 5_000;
const HAND_OVER = 'hand-over';
const after = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));
const withId = (list: Id[], id: Id) => (list.includes(id) ? list : [...list, id]);
const withoutId = (list: Id[], id: Id) => list.filter((x) => x !== id);

class MapLocks {
  /** The open workspace's lock names start so. */
  private prefix: string;
  /** The map this tab wants to edit: the open one. */
  private wanted: Id | null = null;
  private holding: { mapId: Id; token: object; release: () => void } | null = null;
  private waiting: AbortController | null = null;
  /** Resolves true when the queued request (`waiting`) gets the lock. */
  private queued: Promise<boolean> | null = null;
  private readonly channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel('lanemap-locks') : null;

  constructor(
    private readonly locks: LockManager,
    private readonly hooks: LockHooks,
    dbName: string,
  ) {
    this.prefix = lockPrefix(dbName);
    if (this.channel) this.channel.onmessage = (ev: MessageEvent) => (ev.data?.type === HAND_OVER ? this.handOver(String(ev.data.name)) : void this.refresh());
  }

  async open(mapId: Id | null): Promise<void> {
    if (mapId === this.wanted) return;
    this.wanted = mapId;
    this.letGo();
    set({ takenFrom: null });
    if (!mapId) return;
    const granted = await this.request(mapId, { ifAvailable: true });
    if (!granted && this.wanted === mapId) {
      set({ elsewhere: withId(useLocks.getState().elsewhere, mapId) });
      this.wait(mapId);
    }
  }

  /** Another workspace is open in this tab: let go of the old one's lock and ask for the open map's. */
  async rescope(dbName: string): Promise<void> {
    if (lockPrefix(dbName) === this.prefix) return;
    this.wanted = null;
    this.letGo();
    this.prefix = lockPrefix(dbName);
    set({ elsewhere: [], takenFrom: null });
    await this.refresh();
    await this.open(useUi.getState().openMapId);
  }

  /**
   * "Edit here instead": ask the tab that holds the lock to save and let go, waiting in the
   * queue meanwhile; take it from that tab only when it does not answer in time.
   */
  async takeOver(mapId: Id): Promise<boolean> {
    this.wanted = mapId;
    if (this.channel) {
      if (!this.waiting) this.wait(mapId);
      const queued = this.queued!;
      this.channel.postMessage({ type: HAND_OVER, name: `${this.prefix}${mapId}` });
      if (await Promise.race([queued, after(HAND_OVER_MS)])) return true;
    }
    this.waiting?.abort();
    this.waiting = null;
    return this.request(mapId, { steal: true });
  }

  /** Ask which maps other tabs hold (after a message from one, or when this tab comes back into view). */
  async refresh(): Promise<void> {
    const { held = [] } = await this.locks.query();
    const mine = this.holding?.mapId;
    const prefix = this.prefix;
    const elsewhere = [...new Set(held.map((l) => l.name ?? '').filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)))].filter((id) => id !== mine);
    const before = useLocks.getState().elsewhere;
    if (elsewhere.length !== before.length || elsewhere.some((id) => !before.includes(id))) set({ elsewhere });
  }

  /** Let go of the held lock (once its edits are written) and of any queued request. */
  letGo(): void {
    this.waiting?.abort();
    this.waiting = null;
    if (!this.holding) return;
    const { mapId, release } = this.holding;
    this.holding = null;
    set({ held: null });
    this.releaseSettled(mapId, release);
  }

  /** Another tab asks for the lock this tab holds: read-only here at once, then write, then let go. */
  private handOver(name: string): void {
    if (!this.holding || `${this.prefix}${this.holding.mapId}` !== name) return;
    const { mapId, release } = this.holding;
    this.holding = null;
    set({ held: null, takenFrom: mapId, elsewhere: withId(useLocks.getState().elsewhere, mapId) });
    this.releaseSettled(mapId, release, () => {
      if (this.wanted === mapId) this.wait(mapId);
    });
  }

  private releaseSettled(mapId: Id, release: () => void, then?: () => void): void {
    void Promise.race([this.hooks.settle(mapId).catch(() => undefined), after(SETTLE_MAX_MS)]).then(() => {
      release();
      this.announce();
      then?.();
    });
  }

  private wait(mapId: Id): void {
    const ctl = new AbortController();
    this.waiting = ctl;
    this.queued = this.request(mapId, { signal: ctl.signal }).finally(() => {
      if (this.waiting === ctl) this.waiting = null;
    });
  }

  /** Resolves true once the lock is held (and stays held until released or stolen). */
  private request(mapId: Id, options: LockOptions): Promise<boolean> {
    const token = {};
    const prefix = this.prefix;
    return new Promise<boolean>((granted) => {
      this.locks
        .request(`${prefix}${mapId}`, options, (lock) => {
          // A map of the same id in the workspace open before is not the one wanted now.
          if (!lock || this.wanted !== mapId || this.prefix !== prefix) return granted(false);
          return new Promise<void>((release) => {
            this.holding = { mapId, token, release };
            const s = useLocks.getState();
            set({ held: mapId, elsewhere: withoutId(s.elsewhere, mapId), takenFrom: s.takenFrom === mapId ? null : s.takenFrom });
            this.hooks.onAcquired(mapId);
            this.announce();
            granted(true);
          });
        })
        .catch(() => {
          // Our own queued request was called off, or the held lock was taken by another tab.
          if (this.holding?.token === token) this.lost(mapId);
          granted(false);
        });
    });
  }

  private lost(mapId: Id): void {
    this.holding = null;
    set({ held: null, takenFrom: mapId, elsewhere: withId(useLocks.getState().elsewhere, mapId) });
    this.hooks.onLost(mapId);
    // Queue again: when the other tab lets go, this one edits again.
    if (this.wanted === mapId) this.wait(mapId);
  }

  private announce(): void {
    this.channel?.postMessage('locks-changed');
  }
}

let instance: MapLocks | null = null;

/** Hold the lock of whichever map this tab has open, in the workspace stored in `dbName`. Returns false when Web Locks are missing. */
export function startMapLocks(hooks: LockHooks, dbName: string): boolean {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || typeof locks.request !== 'function') return false;
  const m = new MapLocks(locks, hooks, dbName);
  instance = m;
  set({ supported: true });
  void m.refresh();
  void m.open(useUi.getState().openMapId);
  useUi.subscribe((s, prev) => {
    if (s.openMapId !== prev.openMapId) void m.open(s.openMapId);
  });
  const refresh = () => void m.refresh();
  window.addEventListener('focus', refresh);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh();
  });
  return true;
}

/** This tab opened the workspace stored in `dbName`: the map locks are that workspace's. */
export function setLockScope(dbName: string): Promise<void> {
  return instance ? instance.rescope(dbName) : Promise.resolve();
}

/** "Edit here instead". */
export function takeOverMap(mapId: Id): Promise<boolean> {
  return instance ? instance.takeOver(mapId) : Promise.resolve(false);
}
