import * as C from '../core/commands';
import { randomIds } from '../core/model/ids';
import type { Id } from '../core/model/types';
import { useDocument } from './documentStore';
import { updateFlow } from './flowActions';
import { useUi } from './uiStore';

// Edits of nodes named by id (the inspector, the canvas, a label typed in place), as opposed
// to editorActions, which work on whatever is selected.

const doc = () => useDocument.getState();

export function updateNode(mapId: Id, nodeId: Id, patch: C.NodePatch): boolean {
  return doc().dispatch(C.updateNode, { mapId, nodeId, patch });
}

export function setNodesLane(mapId: Id, nodeIds: Id[], laneId: Id): boolean {
  return doc().dispatch(C.setNodeLane, { mapId, nodeIds, laneId });
}

/** Where a drag left the nodes: one history entry for the whole drag. */
export function moveNodes(mapId: Id, moves: { nodeId: Id; x: number; y: number }[]): boolean {
  return moves.length > 0 && doc().dispatch(C.moveNodes, { mapId, moves });
}

/** Where the resizer's handles left a node: one history entry for the whole drag of a handle. */
export function resizeNode(mapId: Id, nodeId: Id, box: { x: number; y: number; width: number; height: number }): boolean {
  return doc().dispatch(C.resizeNodes, { mapId, sizes: [{ nodeId, ...box }] });
}

/** Link a store or system node to a catalogue entry (null unlinks). */
export function linkNode(mapId: Id, nodeId: Id, refId: Id | null): boolean {
  return doc().dispatch(C.linkNodeToCatalogue, { mapId, nodeId, refId });
}

/** Create a catalogue entry of this name and link the node to it, as one step. */
export function linkNodeToNewEntry(mapId: Id, nodeId: Id, kind: 'dataStore' | 'system', name: string): boolean {
  return doc().dispatch(C.linkNodeToCatalogue, { mapId, nodeId, refId: randomIds(kind === 'dataStore' ? 'ds' : 's'), create: { name } });
}

/** A label typed in place on the canvas: kept on the map open now, and the typing ends. */
export function commitLabel(kind: 'node' | 'flow', id: Id, label: string): void {
  const mapId = useUi.getState().openMapId;
  if (mapId && kind === 'node') updateNode(mapId, id, { label });
  else if (mapId) updateFlow(mapId, id, { label });
  useUi.getState().setEditing(null);
}
