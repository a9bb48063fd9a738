import * as C from '../core/commands';
import { randomIds } from '../core/model/ids';
import type { Id } from '../core/model/types';
import { useDocument } from './documentStore';
import { useUi } from './uiStore';

// Edits of flows named by id: drawn on the canvas, picked in the inspector, labelled in place.

const doc = () => useDocument.getState();

/** A new flow between two nodes; the id of the flow when it was drawn. */
export function connect(mapId: Id, from: Id, to: Id): Id | undefined {
  const flowId = randomIds('f');
  return doc().dispatch(C.addFlow, { mapId, flowId, from, to }) ? flowId : undefined;
}

/** Connect and select the new flow, as drawing one on the canvas does. */
export function connectAndSelect(mapId: Id, from: Id, to: Id): void {
  const flowId = connect(mapId, from, to);
  if (flowId) useUi.getState().select({ flowIds: [flowId] });
}

export function updateFlow(mapId: Id, flowId: Id, patch: C.FlowPatch): boolean {
  return doc().dispatch(C.updateFlow, { mapId, flowId, patch });
}

export function reverseFlow(mapId: Id, flowId: Id): boolean {
  return doc().dispatch(C.reverseFlow, { mapId, flowId });
}
