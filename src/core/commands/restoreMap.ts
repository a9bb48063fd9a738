import type { Id, ProcessMap, Workspace } from '../model/types';
import { CommandError, mapCommand, workspaceCommand } from './define';

// Bringing back an earlier version of a map, or a map from the trash. Both are ordinary
// commands, so undo takes them back like any other edit.

/**
 * The map with links to departments and catalogue entries that no longer exist removed:
 * an old version may point at a data store deleted since, and would not load otherwise.
 * The node keeps its label, as when a catalogue entry is deleted with `force`.
 */
export function withLiveReferences(map: ProcessMap, ws: Workspace): ProcessMap {
  const departments = new Set(ws.departments.map((d) => d.id));
  const stores = new Set(ws.dataStores.map((d) => d.id));
  const systems = new Set(ws.systems.map((s) => s.id));
  const liveDept = (id: Id | null | undefined) => !id || departments.has(id);
  const liveRef = (kind: string, refId: Id | undefined) =>
    refId === undefined || (kind === 'dataStore' ? stores.has(refId) : kind === 'system' ? systems.has(refId) : true);

  let changed = false;
  const lanes = map.lanes.map((lane) => {
    if (liveDept(lane.departmentId)) return lane;
    changed = true;
    return { ...lane, departmentId: null };
  });
  const nodes = map.nodes.map((node) => {
    if (liveRef(node.kind, node.refId)) return node;
    changed = true;
    const { refId: _gone, ...rest } = node;
    return rest;
  });
  const departmentId = liveDept(map.departmentId) ? map.departmentId : null;
  if (!changed && departmentId === map.departmentId) return map;
  return { ...map, departmentId, lanes, nodes };
}

/** Make the map look as it did in an earlier revision. Its id stays; undo goes back. */
export const restoreMapRevision = mapCommand<{ mapId: Id; revision: ProcessMap }>('restoreMapRevision', 'Restore earlier version', (map, a, ws) => {
  const restored = withLiveReferences({ ...structuredClone(a.revision), id: map.id }, ws);
  return JSON.stringify({ ...restored, updatedAt: map.updatedAt }) === JSON.stringify(map) ? map : restored;
});

/** Put a deleted map back in the workspace, at the end of the list. */
export const restoreTrashedMap = workspaceCommand<{ map: ProcessMap }>('restoreTrashedMap', 'Restore map from trash', (ws, a, ctx) => {
  if (ws.maps.some((m) => m.id === a.map.id)) throw new CommandError(`The map “${a.map.name}” is already in the workspace.`);
  const map = { ...withLiveReferences(structuredClone(a.map), ws), updatedAt: ctx.now() };
  return { ...ws, maps: [...ws.maps, map] };
});
