import * as C from '../core/commands';
import { firstNode, walkFrom, type WalkDirection } from '../core/drawing/nodeWalk';
import { NODE_SIZE } from '../core/model/geometry';
import { randomIds } from '../core/model/ids';
import type { Id, NodeKind, ProcessMap } from '../core/model/types';
import { isControlKind, isDataKind } from '../core/model/vocabulary';
import { getMap, useDocument } from './documentStore';
import { useFindings } from './findingsStore';
import { useUi } from './uiStore';

// The edits of what is selected in the open map: each turns the current selection into ids
// and arguments for one core command. The action table (ui/actions) runs them from keys,
// the toolbar and menus.

const NEW_LABEL: Record<NodeKind, string> = {
  start: 'Start',
  end: 'End',
  step: 'New step',
  decision: 'Decision?',
  dataStore: 'Data store',
  system: 'System',
  document: 'Document',
  note: 'Note',
};

const doc = () => useDocument.getState();
const ui = () => useUi.getState();

export function openMap(): ProcessMap | undefined {
  return getMap(ui().openMapId);
}

/** The lane new things go into: the selected lane, else the selected node's, else the first. */
function targetLane(map: ProcessMap): Id | undefined {
  const sel = ui().selection;
  if (sel.laneId && map.lanes.some((l) => l.id === sel.laneId)) return sel.laneId;
  const node = map.nodes.find((n) => n.id === sel.nodeIds[0]);
  return node?.laneId ?? map.lanes[0]?.id;
}

/**
 * Add a node of a kind. Dropped at a point it lands there; from the toolbar or keyboard it
 * goes after the selected node, connected to it, so a process can be typed in step by step.
 */
export function addNodeOfKind(kind: NodeKind, at?: { x: number; y: number }): Id | undefined {
  let map = openMap();
  if (!map) return undefined;
  if (map.lanes.length === 0) {
    addLane();
    map = openMap()!;
  }
  const laneId = targetLane(map)!;
  const nodeId = randomIds('n');
  const sel = ui().selection;
  const prev = !at && sel.nodeIds.length === 1 ? map.nodes.find((n) => n.id === sel.nodeIds[0]) : undefined;
  const connect = prev && kind !== 'note' && (isControlKind(prev.kind) || isControlKind(kind)) && prev.kind !== 'end' && prev.kind !== 'note';
  const size = NODE_SIZE[kind];
  const ok = doc().dispatch(C.addNode, {
    mapId: map.id,
    nodeId,
    kind,
    laneId: prev?.laneId ?? laneId,
    label: NEW_LABEL[kind],
    ...(at ? { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) } : {}),
    ...(connect ? { connectFrom: { nodeId: prev.id, flowId: randomIds('f') } } : {}),
  });
  if (!ok) return undefined;
  // A store, system or document added to a step is named in place while the step stays
  // selected, so the next step goes after the step, not after its store.
  ui().select({ nodeIds: [connect && isDataKind(kind) && isControlKind(prev.kind) ? prev.id : nodeId] });
  ui().setEditing({ kind: 'node', id: nodeId });
  return nodeId;
}

export function addLane(): Id | undefined {
  const map = openMap();
  if (!map) return undefined;
  const laneId = randomIds('l');
  const sel = ui().selection.laneId;
  const index = sel ? map.lanes.findIndex((l) => l.id === sel) + 1 : map.lanes.length;
  if (!doc().dispatch(C.addLane, { mapId: map.id, laneId, name: `Lane ${map.lanes.length + 1}`, index })) return undefined;
  ui().select({ laneId });
  ui().setEditing({ kind: 'lane', id: laneId });
  return laneId;
}

/** Delete what is selected. A lane with nodes asks first (the caller shows the question). */
export function deleteSelection(confirmLane: (laneName: string, nodeCount: number) => Promise<boolean>): void {
  const map = openMap();
  if (!map) return;
  const sel = ui().selection;
  if (sel.nodeIds.length || sel.flowIds.length) {
    doc().dispatch(C.deleteElements, { mapId: map.id, nodeIds: sel.nodeIds, flowIds: sel.flowIds });
    ui().clearSelection();
    return;
  }
  if (sel.laneId) void deleteLane(sel.laneId, confirmLane);
}

export async function deleteLane(laneId: Id, confirmLane: (laneName: string, nodeCount: number) => Promise<boolean>): Promise<void> {
  const map = openMap();
  const lane = map?.lanes.find((l) => l.id === laneId);
  if (!map || !lane) return;
  const count = map.nodes.filter((n) => n.laneId === laneId).length;
  if (count > 0 && !(await confirmLane(lane.name, count))) return;
  if (doc().dispatch(C.deleteLane, { mapId: map.id, laneId })) {
    ui().clearSelection();
    ui().toast({ tone: 'info', message: `Lane "${lane.name}" deleted`, action: { label: 'Undo', run: () => doc().undo(map.id) } });
  }
}

export function copySelection(): boolean {
  const map = openMap();
  const ids = ui().selection.nodeIds;
  if (!map || ids.length === 0) return false;
  ui().setClipboard(C.copyFragment(map, ids));
  return true;
}

export function paste(): void {
  const map = openMap();
  const frag = ui().clipboard;
  if (!map || !frag || frag.nodes.length === 0) return;
  const n = ui().nextPaste();
  const newIds = [...frag.nodes.map(() => randomIds('n')), ...frag.flows.map(() => randomIds('f'))];
  if (doc().dispatch(C.pasteFragment, { mapId: map.id, fragment: frag, newIds, dx: 30 * n, dy: 30 * n })) {
    ui().select({ nodeIds: newIds.slice(0, frag.nodes.length) });
  }
}

/**
 * Cut: the selected nodes go to the app's clipboard and out of the map, as one edit (one Ctrl+Z
 * brings them back). The next paste puts them back where they were, the ones after it offset.
 */
export function cutSelection(): void {
  const map = openMap();
  const sel = ui().selection;
  if (!map || !copySelection()) return;
  if (!doc().dispatch(C.deleteElements, { mapId: map.id, nodeIds: sel.nodeIds, flowIds: sel.flowIds })) return;
  useUi.setState({ pasteCount: -1 });
  ui().clearSelection();
}

export function duplicateSelection(): void {
  if (copySelection()) paste();
}

export function nudge(dx: number, dy: number): void {
  const map = openMap();
  const ids = ui().selection.nodeIds;
  if (!map || ids.length === 0) return;
  const moves = ids.flatMap((id) => {
    const b = map.view.nodes[id];
    return b ? [{ nodeId: id, x: b.x + dx, y: b.y + dy }] : [];
  });
  doc().dispatch(C.moveNodes, { mapId: map.id, moves }, { coalesceKey: `nudge:${ids.join(',')}` });
}

/**
 * Ctrl+Shift+arrows: the selected nodes wider or narrower (right edge), taller or shorter
 * (bottom edge). Presses in a row are one undo step, as nudges are.
 */
export function resizeSelection(dw: number, dh: number): void {
  const map = openMap();
  const ids = ui().selection.nodeIds;
  if (!map || ids.length === 0) return;
  const sizes = ids.flatMap((id) => {
    const b = map.view.nodes[id];
    return b ? [{ nodeId: id, x: b.x, y: b.y, width: b.width + dw, height: b.height + dh }] : [];
  });
  doc().dispatch(C.resizeNodes, { mapId: map.id, sizes }, { coalesceKey: `resize:${ids.join(',')}` });
}

/** Alt+Up/Down: move the selected nodes into the lane above or below. */
export function moveSelectionToLane(direction: -1 | 1): void {
  const map = openMap();
  const ids = ui().selection.nodeIds;
  if (map && ids.length > 0) doc().dispatch(C.shiftNodesLane, { mapId: map.id, nodeIds: ids, by: direction });
}

/** The arrow keys: the next node that way from the selected one (the first node when none is), selected. */
export function walkSelection(dir: WalkDirection): Id | null {
  const map = openMap();
  if (!map) return null;
  const from = ui().selection.nodeIds.at(-1);
  const to = from ? walkFrom(map, from, dir) : firstNode(map);
  if (to) ui().select({ nodeIds: [to] });
  return to;
}

export function selectAll(): void {
  const map = openMap();
  if (map) ui().select({ nodeIds: map.nodes.map((n) => n.id) });
}

/** Escape, or a click on the empty canvas: nothing selected, no label being typed, no finding lit. */
export function selectNothing(): void {
  ui().clearSelection();
  ui().setEditing(null);
  useFindings.getState().setHighlight(null);
}

export function startEditing(): void {
  const sel = ui().selection;
  if (sel.nodeIds.length === 1) ui().setEditing({ kind: 'node', id: sel.nodeIds[0]! });
  else if (sel.flowIds.length === 1 && sel.nodeIds.length === 0) ui().setEditing({ kind: 'flow', id: sel.flowIds[0]! });
  else if (sel.laneId) ui().setEditing({ kind: 'lane', id: sel.laneId });
}

/**
 * What an undo or redo says it did: the command's name for an edit of the map on screen; the
 * thing itself ("Undid: rename system SITS to …") when it reached the catalogue or another map,
 * which the person may not see from here. Also the Undo button's tooltip ("Undo: …").
 */
export function historyMessage(verb: 'Undid' | 'Redid' | 'Undo' | 'Redo', entry: C.HistoryEntry, openMapId: Id | null): string {
  const beyond = C.reachBeyondMap(entry.changes, openMapId);
  return beyond ? `${verb}: ${beyond}` : `${verb} ${entry.title.toLowerCase()}`;
}

export function undo(): void {
  const entry = doc().undo(ui().openMapId);
  if (entry) ui().toast({ tone: 'info', message: historyMessage('Undid', entry, ui().openMapId) });
}

export function redo(): void {
  const entry = doc().redo(ui().openMapId);
  if (entry) ui().toast({ tone: 'info', message: historyMessage('Redid', entry, ui().openMapId) });
}
