import type { ReactFlowInstance, Viewport } from '@xyflow/react';
import type { CompareModel } from './compareModel';
import { type NodeRef, useCompareUi } from './compareStore';

// The compare screen's canvases by position, so that "Link views" can move them together and
// the export can frame each whole map. Every map starts at the same place (lanes from y = 0,
// nodes right of the lane header), so one viewport shows the same part of each.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Instance = ReactFlowInstance<any, any>;
const panes = new Map<number, Instance>();
/** The viewport last copied to the others: their echo of it is not a move to copy back. */
let copied: Viewport | null = null;

const same = (a: Viewport, b: Viewport) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;

export function registerPane(index: number, rf: Instance): () => void {
  panes.set(index, rf);
  return () => {
    if (panes.get(index) === rf) panes.delete(index);
  };
}

/** Pane `index` moved: with linked views on, the others take its viewport. */
export function followPane(index: number, vp: Viewport): void {
  const ui = useCompareUi.getState();
  // While the export frames each map on its own, the views are not in step.
  if (!ui.linked || ui.exporting || (copied && same(copied, vp))) return;
  copied = vp;
  for (const [j, rf] of panes) if (j !== index) void rf.setViewport(vp);
}

/** Turning the link on: every pane takes the first one's view. */
export function linkViews(on: boolean): void {
  useCompareUi.getState().setLinked(on);
  const first = panes.get(0);
  copied = null;
  if (on && first) followPane(0, first.getViewport());
}

/** Frame every whole map (for the image); returns how to put the views back. */
export function fitAllPanes(): () => void {
  const saved = [...panes].map(([i, rf]) => [i, rf.getViewport()] as const);
  for (const rf of panes.values()) void rf.fitView({ padding: 0.02 });
  return () => {
    for (const [i, vp] of saved) void panes.get(i)?.setViewport(vp);
  };
}

/**
 * Bring a step and its counterparts into view, each pane at its own zoom, leaving alone the
 * pane the person clicked in (`except`). With linked views the panes move as one, so nothing moves.
 */
export function revealMatches(model: CompareModel, ref: NodeRef, except?: number): void {
  if (useCompareUi.getState().linked) return;
  for (const t of [ref, ...(model.counterparts.get(`${ref.map}:${ref.nodeId}`) ?? [])]) {
    const box = model.maps[t.map]?.view.nodes[t.nodeId];
    const rf = panes.get(t.map);
    if (!box || !rf || t.map === except) continue;
    void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: rf.getZoom(), duration: 250 });
  }
}
