import * as C from '../core/commands';
import { reconcileImport } from '../core/formats/reconcile';
import { randomIds } from '../core/model/ids';
import type { Id, Workspace } from '../core/model/types';
import { useDocument } from './documentStore';

/** What adding an imported workspace's maps would do here, worked out before anything changes. */
export interface ImportPlan {
  incoming: Workspace;
  reused: ReturnType<typeof reconcileImport>['reused'];
  /** New ids for incoming maps whose id is already taken here. */
  mapIds: Record<Id, Id>;
  firstMapId: Id | null;
}

export function planImport(ws: Workspace, imported: Workspace): ImportPlan {
  const { incoming, reused } = reconcileImport(ws, imported);
  const taken = new Set(ws.maps.map((m) => m.id));
  const mapIds = Object.fromEntries(incoming.maps.map((m) => [m.id, randomIds('m')]));
  const first = incoming.maps[0];
  return { incoming, reused, mapIds, firstMapId: first ? (taken.has(first.id) ? mapIds[first.id]! : first.id) : null };
}

/** Add the planned maps and catalogue entries as one undoable step. */
export function applyImport(plan: ImportPlan): boolean {
  return useDocument.getState().dispatch(C.mergeWorkspace, { incoming: plan.incoming, mapIds: plan.mapIds });
}
