import { flushEdits } from '../../../src/persistence/flushEdits';
import { getMap, useDocument } from '../../../src/state/documentStore';
import { currentSession } from '../../../src/state/workspaceSession';
import { openVersionCompare } from '../../../src/ui/compare/compareRoute';
import { exportHook } from './exportHook';

// Hooks for the browser tests and benchmarks, put on window by a script that only builds made
// with `vite build --mode e2e` load (vite.config.ts adds it to the page); the production bundle
// has none of them. The app's own modules are shared with the page's main script, so these
// reach the same stores.

// Every change of the open workspace in memory (an edit, undo, a layout, another tab's save).
let documentChanges = 0;
useDocument.subscribe((now, before) => {
  if (now.workspace !== before.workspace) documentChanges++;
});

Object.assign(window, {
  /** How many times the workspace in memory has changed since the page opened (a drag changes it once, when dropped). */
  __lanemapDocumentChanges: () => documentChanges,
  /** Write every pending edit now (tests wait for writes before reloading). */
  __lanemapFlush: flushEdits,
  /** Open two versions of a map without a revisions store. */
  __lanemapCompare: { openVersionCompare, currentMap: getMap },
  /** How many versions of a map are stored (tests/browser/history.test.ts). */
  __lanemapVersions: (mapId: string) => currentSession()?.db.revisions.where('mapId').equals(mapId).count() ?? 0,
  /** The export pipeline without the dialog (tests/bench/exportBrowser.ts). */
  __lanemapExport: exportHook,
  /** The edit journal (tests/browser/kill-browser.test.ts, tests/bench/killBrowser.ts). */
  __lanemapJournal: {
    /** Rows in the open workspace's journal, once this tab's latest edits are written to it. */
    rows: async () => {
      const s = currentSession();
      if (!s) return 0;
      await s.repo.journal.written();
      return s.db.journal.count();
    },
    /** Hold every save back (the journal still writes), so a test can kill the browser between the two. */
    holdSaves: (on: boolean) => currentSession()?.repo.holdSaves(on),
    /** A map as stored now (not as on screen). */
    storedMap: (mapId: string) => currentSession()?.db.maps.get(mapId),
  },
});
