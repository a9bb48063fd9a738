import { demoWorkspace } from './core/demo';
import { setFlush } from './persistence/flushEdits';
import { purgeExpiredWorkspaces } from './persistence/workspaceRegistry';
import { RegistryDB } from './persistence/registryDb';
import { useAppStatus } from './state/appStatusStore';
import { addEditGuard, useDocument } from './state/documentStore';
import { startLiveAnalysis } from './state/findingsStore';
import { lockGuard, startMapLocks } from './state/lockStore';
import { currentSession, flushCurrent, flushOnLeaving, settleCurrent, startWorkspaces, syncCurrent, takeOverCurrent } from './state/workspaceSession';
import { warmLayoutWorker } from './workers/layoutClient';

// Wires storage to the document: open the workspace to start with (on first run, the demo),
// then save every committed change, flush when the page is hidden or closed, take in what
// other tabs save, and hold the edit lock of the open map.

export async function bootstrap(): Promise<void> {
  startLiveAnalysis();
  const status = useAppStatus.getState();
  const registry = new RegistryDB();
  try {
    await startWorkspaces(registry, () => demoWorkspace(new Date().toISOString()));
  } catch (e) {
    registry.close();
    // Private browsing or blocked storage: open anyway, and say that nothing is kept.
    const reason = e instanceof Error ? e.message : String(e);
    status.set({ storageUnavailable: reason, save: { state: 'error', message: 'Browser storage is unavailable: nothing will be kept. Export the workspace to keep your work.' } });
    useDocument.getState().load(demoWorkspace(new Date().toISOString()));
    return;
  }
  addEditGuard(lockGuard);
  startMapLocks({ onLost: () => void currentSession()?.repo.flush(), settle: settleCurrent, onAcquired: () => void takeOverCurrent() }, currentSession()!.entry.dbName);

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushOnLeaving();
    else syncCurrent();
  });
  window.addEventListener('pagehide', flushOnLeaving);
  // Once the page has settled, load the layout worker and empty the trash of workspaces past their 30 days.
  setTimeout(warmLayoutWorker, 1500);
  setTimeout(() => void purgeExpiredWorkspaces(registry).catch((e) => console.warn('Lanemap: clearing the trash of workspaces failed', e)), 3000);
  setFlush(flushCurrent);
}
