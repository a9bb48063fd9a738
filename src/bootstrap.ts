import { demoWorkspace } from './core/demo';
import { LanemapDB } from './persistence/db';
import { setFlush } from './persistence/flushEdits';
import { Repository } from './persistence/repository';
import { purgeExpired, setActiveDb } from './persistence/historyQueries';
import { WorkspaceSync } from './persistence/tabSync';
import { useAppStatus } from './state/appStatusStore';
import { addEditGuard, adoptRemote, onDocumentChange, useDocument } from './state/documentStore';
import { startLiveAnalysis } from './state/findingsStore';
import { lockGuard, startMapLocks, useLocks } from './state/lockStore';
import { warmLayoutWorker } from './workers/layoutClient';

// Wires storage to the document: load (or seed the demo on first run), then save every
// committed change, flush when the page is hidden or closed, take in what other tabs save,
// and hold the edit lock of the open map.

const NEWER_VERSION = 'This workspace was saved by a newer version of Lanemap, so it is open read-only and this change was not made. Update Lanemap to edit it, or export a backup.';
const UPGRADED_ELSEWHERE = 'Lanemap was updated in another tab, so this tab no longer saves. Reload this tab to keep editing; export a backup first if you made changes here.';

export async function bootstrap(): Promise<void> {
  startLiveAnalysis();
  const status = useAppStatus.getState();
  let repo: Repository;
  let db: LanemapDB;
  try {
    db = new LanemapDB();
    repo = new Repository(db, {
      getWorkspace: () => useDocument.getState().workspace!,
      onStatus: (save) => useAppStatus.getState().set({ save }),
    });
    const { workspace, warnings } = await repo.load();
    const ws = workspace ?? demoWorkspace(new Date().toISOString());
    if (!workspace) await repo.seed(ws);
    status.set({ loadWarnings: warnings, readOnly: repo.readOnly });
    // Before the workspace is shown: the map list's trash and the history read it on first render.
    setActiveDb(db);
    useDocument.getState().load(ws);
  } catch (e) {
    setActiveDb(null);
    // Private browsing or blocked storage: open anyway, and say that nothing is kept.
    const reason = e instanceof Error ? e.message : String(e);
    status.set({ storageUnavailable: reason, save: { state: 'error', message: 'Browser storage is unavailable: nothing will be kept. Export the workspace to keep your work.' } });
    useDocument.getState().load(demoWorkspace(new Date().toISOString()));
    return;
  }
  // Newer data is never rewritten: edits are refused, not merely left unsaved.
  if (repo.readOnly) addEditGuard(() => NEWER_VERSION);
  addEditGuard(lockGuard);
  onDocumentChange((changes) => repo.markDirty(changes));

  const sync = new WorkspaceSync({
    db,
    repo,
    getWorkspace: () => useDocument.getState().workspace,
    isHeldHere: (mapId) => useLocks.getState().held === mapId,
    apply: (r) => adoptRemote(r.workspace, r.replacedMaps),
  });
  sync.start();
  startMapLocks({ onLost: () => void repo.flush(), onAcquired: () => void sync.request() });
  // A newer Lanemap opening the database in another tab closes it here: say so, write no more.
  db.on('versionchange', () => repo.stopWriting(UPGRADED_ELSEWHERE));

  // Leaving: the at-once write first (the only one a closing page finishes), then the full save.
  const flush = () => {
    repo.flushOnExit();
    void repo.flush();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
    else void sync.request();
  });
  window.addEventListener('pagehide', flush);
  // Once the page has settled, load the layout worker and tidy the trash and old history.
  setTimeout(warmLayoutWorker, 1500);
  if (!repo.readOnly) setTimeout(() => void purgeExpired(db).catch((e) => console.warn('Lanemap: clearing the trash failed', e)), 3000);
  setFlush(() => repo.flush());
}
