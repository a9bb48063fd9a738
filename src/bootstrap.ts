import { demoWorkspace } from './core/demo';
import { LanemapDB } from './persistence/db';
import { Repository } from './persistence/repository';
import { useAppStatus } from './state/appStatusStore';
import { onDocumentChange, useDocument } from './state/documentStore';
import { startLiveAnalysis } from './state/findingsStore';
import { warmLayoutWorker } from './workers/layoutClient';

// Wires storage to the document: load (or seed the demo on first run), then save every
// committed change, and flush when the page is hidden or closed.

export async function bootstrap(): Promise<void> {
  startLiveAnalysis();
  const status = useAppStatus.getState();
  let repo: Repository;
  try {
    const db = new LanemapDB();
    repo = new Repository(db, {
      getWorkspace: () => useDocument.getState().workspace!,
      onStatus: (save) => useAppStatus.getState().set({ save }),
    });
    const { workspace, warnings } = await repo.load();
    const ws = workspace ?? demoWorkspace(new Date().toISOString());
    if (!workspace) await repo.seed(ws);
    status.set({ loadWarnings: warnings, readOnly: repo.readOnly });
    useDocument.getState().load(ws);
  } catch (e) {
    // Private browsing or blocked storage: open anyway, and say that nothing is kept.
    const reason = e instanceof Error ? e.message : String(e);
    status.set({ storageUnavailable: reason, save: { state: 'error', message: 'Browser storage is unavailable: nothing will be kept. Export the workspace to keep your work.' } });
    useDocument.getState().load(demoWorkspace(new Date().toISOString()));
    return;
  }
  onDocumentChange((changes) => repo.markDirty(changes));
  const flush = () => void repo.flush();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);
  // Once the page has settled, load the layout worker so Auto layout starts at once.
  setTimeout(warmLayoutWorker, 1500);
  // Exposed for the browser tests, which wait for writes before reloading.
  (window as unknown as { __lanemapFlush?: () => Promise<void> }).__lanemapFlush = () => repo.flush();
}
