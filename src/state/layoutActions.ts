import * as C from '../core/commands';
import type { Id } from '../core/model/types';
import { LayoutCancelled, layoutInWorker } from '../workers/layoutClient';
import { getMap, useDocument } from './documentStore';
import { useLayoutState } from './layoutStore';
import { useUi } from './uiStore';

/**
 * Lay a map out in the worker and apply the result as one step, animated from where the
 * nodes were. `record: false` for maps that arrived without positions: the layout is part
 * of opening them, not an edit to undo.
 */
let latest = 0;

export async function autoLayout(mapId: Id, opts: { record?: boolean } = {}): Promise<boolean> {
  const map = getMap(mapId);
  if (!map || map.nodes.length === 0) return false;
  const layout = useLayoutState.getState();
  const request = ++latest;
  layout.set({ running: mapId });
  try {
    // User Timing marks: the benchmark splits main-thread work into "while the worker
    // computes" and "drawing the result" by these.
    performance.mark('lanemap:layout-start');
    const { view, fallback } = await layoutInWorker(map);
    performance.mark('lanemap:layout-result');
    // The user may have edited meanwhile: apply to the map as it is now.
    const current = getMap(mapId);
    if (!current) return false;
    const from: Record<Id, { x: number; y: number }> = {};
    for (const n of current.nodes) {
      const b = current.view.nodes[n.id];
      if (b) from[n.id] = { x: b.x, y: b.y };
    }
    const ok = useDocument.getState().dispatch(C.applyLayout, { mapId, view }, { record: opts.record });
    if (ok && Object.keys(from).length) layout.set({ animation: { mapId, from, token: Date.now() } });
    if (ok && fallback) {
      useUi.getState().toast({ tone: 'info', message: `The full layout could not handle this map (${fallback}), so it was laid out the quick way: every node in its lane, flows routed.` });
    }
    return ok;
  } catch (e) {
    if (e instanceof LayoutCancelled) return false;
    useUi.getState().toast({ tone: 'error', message: `Auto layout failed: ${e instanceof Error ? e.message : String(e)}. The map is unchanged.` });
    return false;
  } finally {
    if (request === latest) useLayoutState.getState().set({ running: null });
  }
}
