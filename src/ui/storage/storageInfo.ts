import { useDocument } from '../../state/documentStore';

// What the browser says about this site's storage: whether it may be cleared to free disk
// space, how much is used and how much is left, and whether the app is kept for offline use.

export interface StorageInfo {
  /** null: the browser cannot say (no StorageManager). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** When Lanemap asked the browser to keep the data, and the answer; null: never asked here. */
  asked: PersistAsk | null;
  /** `needs-https`: the page is served over plain http, where browsers allow no service worker. */
  offline: 'ready' | 'installing' | 'unavailable' | 'needs-https';
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = navigator.storage as StorageManager | undefined;
  const [persisted, estimate, offline] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
    offlineState(),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, asked: readPersistAsk(), offline };
}

async function offlineState(): Promise<StorageInfo['offline']> {
  if (!window.isSecureContext) return 'needs-https';
  if (!('serviceWorker' in navigator)) return 'unavailable';
  const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (!reg) return 'unavailable';
  return reg.active ? 'ready' : 'installing';
}

export interface PersistAsk {
  /** Milliseconds since 1970. */
  at: number;
  granted: boolean;
}

/** localStorage: the ask is made once per browser, not once per page load (Firefox shows a prompt each time). */
const ASKED_KEY = 'lanemap.persistAsked';

export function readPersistAsk(): PersistAsk | null {
  try {
    const v = JSON.parse(localStorage.getItem(ASKED_KEY) ?? 'null') as Partial<PersistAsk> | null;
    return v && typeof v.at === 'number' && typeof v.granted === 'boolean' ? { at: v.at, granted: v.granted } : null;
  } catch {
    return null;
  }
}

/** Ask the browser not to clear this site's data when disk space runs low, and remember its answer. */
export async function askToKeepData(): Promise<boolean | null> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return null;
  try {
    const granted = (await storage.persisted()) || (await storage.persist());
    try {
      localStorage.setItem(ASKED_KEY, JSON.stringify({ at: Date.now(), granted } satisfies PersistAsk));
    } catch {
      // blocked: the next session asks again, which is harmless
    }
    return granted;
  } catch {
    return null;
  }
}

/**
 * Ask for persistent storage, once per browser, once the user has made a map of their own (the demo alone is
 * not worth keeping): that is when losing the data would hurt, and when a browser that asks
 * the user (Firefox) has a reason to show.
 */
export function persistAfterFirstNewMap(ask: () => Promise<unknown> = askToKeepData): () => void {
  if (readPersistAsk() !== null) return () => undefined; // asked in an earlier session: once is enough
  let baseline: number | null = null;
  const check = (s: ReturnType<typeof useDocument.getState>) => {
    if (!s.ready || !s.workspace) return;
    const count = s.workspace.maps.length;
    if (baseline === null) baseline = count;
    else if (count > baseline) {
      stop();
      void ask();
    }
  };
  const stop = useDocument.subscribe(check);
  check(useDocument.getState());
  return stop;
}

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** 1536 -> "1.5 KB": sizes as people read them (1 KB = 1024 bytes, as the browsers count). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} bytes`;
  let v = n;
  let unit = -1;
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${UNITS[unit]}`;
}
