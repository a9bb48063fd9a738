import { flushEdits } from '../../../src/persistence/flushEdits';
import { getMap } from '../../../src/state/documentStore';
import { openVersionCompare } from '../../../src/ui/compare/compareRoute';
import { exportHook } from './exportHook';

// Hooks for the browser tests and benchmarks, put on window by a script that only builds made
// with `vite build --mode e2e` load (vite.config.ts adds it to the page); the production bundle
// has none of them. The app's own modules are shared with the page's main script, so these
// reach the same stores.

Object.assign(window, {
  /** Write every pending edit now (tests wait for writes before reloading). */
  __lanemapFlush: flushEdits,
  /** Open two versions of a map without a revisions store. */
  __lanemapCompare: { openVersionCompare, currentMap: getMap },
  /** The export pipeline without the dialog (tests/bench/exportBrowser.ts). */
  __lanemapExport: exportHook,
});
