import { setFlush } from './persistence/flushEdits';
import { purgeExpiredWorkspaces } from './persistence/workspaceRegistry';
import { RegistryDB } from './persistence/registryDb';
import { useAppStatus } from './state/appStatusStore';
import { addEditGuard, useDocument } from './state/documentStore';
import { startLiveAnalysis } from './state/findingsStore';
import { lockGuard, startMapLocks } from './state/lockStore';
import { currentSession, flushCurrent, flushOnLeaving, setLiveHooks, settleCurrent, startWorkspaces, syncCurrent, takeOverCurrent, WorkspaceLoadError, workspaceRegistry } from './state/workspaceSession';
import { useLoadFailure } from './state/loadFailureStore';
import { warmLayoutWorker } from './workers/layoutClient';
import { markStart } from './state/startMarks';
import { whenIdle } from './state/afterStart';

// Wires storage to the document: open the workspace to start with (on first run, the demo),
// then save every committed change, flush when the page is hidden or closed, take in what
// other tabs save, and hold the edit lock of the open map.

/** The demo workspace (five laid-out maps), loaded only for a first run or when storage is unavailable. */
const demo = () => import('./core/demo').then((m) => m.demoWorkspace(new Date().toISOString()));

export async function bootstrap(): Promise<void> {
  markStart('code-run');
  startLiveAnalysis();
  if (await openStorage()) afterOpen();
}

/** Open the list of workspaces and the one to start with. False when the app must not go on to the editor's wiring. */
async function openStorage(): Promise<boolean> {
  const status = useAppStatus.getState();
  const registry = new RegistryDB();
  try {
    await startWorkspaces(registry, demo);
    useLoadFailure.setState({ failure: null, retry: null });
    return true;
  } catch (e) {
    registry.close();
    if (e instanceof WorkspaceLoadError) {
      // The user's workspace is there but could not be read: the recovery screen, never the demo over it.
      console.warn('Lanemap: the workspace could not be loaded', e.cause);
      const retry = async () => {
        if (await openStorage()) afterOpen();
      };
      useLoadFailure.setState({ failure: { name: e.entry.name, dbName: e.entry.dbName, message: e.message }, retry });
      return false;
    }
    const reason = e instanceof Error ? e.message : String(e);
    // Trying again from the recovery screen: it stays, saying what failed this time.
    const shown = useLoadFailure.getState().failure;
    if (shown) {
      useLoadFailure.setState({ failure: { ...shown, message: reason } });
      return false;
    }
    // Private browsing or blocked storage: open anyway, and say that nothing is kept.
    status.set({ storageUnavailable: reason, save: { state: 'error', message: 'Browser storage is unavailable: nothing will be kept. Export the workspace to keep your work.' } });
    // A first run's demo may be drawn already, and edited: it stays.
    if (!useDocument.getState().workspace) useDocument.getState().load(await demo());
    return false;
  }
}

/** Once the workspace is open: edit locks, flushing when the page is hidden or closed, housekeeping. */
function afterOpen(): void {
  addEditGuard(lockGuard);
  // A shared workspace connects to its room; the sync code is fetched only when one is open.
  const live = () => import('./live/liveActions').then((m) => m.liveHooks);
  setLiveHooks({ opened: (entry) => void live().then((h) => h.opened(entry)), closing: (entry) => void live().then((h) => h.closing(entry)) });
  startMapLocks({ onLost: () => void currentSession()?.repo.flush(), settle: settleCurrent, onAcquired: () => void takeOverCurrent() }, currentSession()!.entry.dbName);

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushOnLeaving();
    else syncCurrent();
  });
  window.addEventListener('pagehide', flushOnLeaving);
  // The layout worker (ELK, about 1.5 MB) is fetched by the first layout, or when the page is
  // first idle after drawing, not while the first map is still being drawn.
  whenIdle(warmLayoutWorker, 5000);
  // Once the page has settled, empty the trash of workspaces past their 30 days.
  setTimeout(() => void purgeExpiredWorkspaces(workspaceRegistry()!).catch((e) => console.warn('Lanemap: clearing the trash of workspaces failed', e)), 3000);
  setFlush(flushCurrent);
}
