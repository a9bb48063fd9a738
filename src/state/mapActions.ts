import * as C from '../core/commands';
import { restoreMapRevision, restoreTrashedMap } from '../core/commands/restoreMap';
import { emptyMap } from '../core/model/factory';
import { randomIds } from '../core/model/ids';
import type { Id, MapReviewState, ProcessMap } from '../core/model/types';
import { getMap, onCommandError, useDocument } from './documentStore';
import { useUi } from './uiStore';

// Whole maps: create, rename, file under a department, duplicate, delete, bring back from the
// trash or from a saved version. The map list, the inspector, history and trash call these.

const doc = () => useDocument.getState();
const ui = () => useUi.getState();

export function createMap(a: { name: string; departmentId: Id | null; newDepartmentName?: string }): Id | undefined {
  const id = randomIds('m');
  const map = emptyMap({
    id,
    name: a.name.trim() || 'Untitled map',
    departmentId: a.departmentId,
    lanes: [],
    now: new Date().toISOString(),
  });
  return doc().dispatch(C.createMap, { map, newDepartmentName: a.newDepartmentName }) ? id : undefined;
}

export function duplicateMap(mapId: Id): Id | undefined {
  const newId = randomIds('m');
  return doc().dispatch(C.duplicateMap, { mapId, newId }) ? newId : undefined;
}

export function deleteMap(mapId: Id): boolean {
  const map = getMap(mapId);
  if (!map || !doc().dispatch(C.deleteMap, { mapId })) return false;
  ui().toast({ tone: 'info', message: `Map "${map.name}" deleted`, action: { label: 'Undo', run: () => doc().undo(null) } });
  return true;
}

export function renameMap(mapId: Id, name: string): boolean {
  return doc().dispatch(C.renameMap, { mapId, name });
}

/** The map's yearly volume of cases, for its steps that give none (undefined clears it). */
export function setMapVolume(mapId: Id, casesPerYear: number | undefined): boolean {
  return doc().dispatch(C.setMapVolume, { mapId, casesPerYear });
}

/** Where the map stands with its department, signed with the person's name and the time now. */
export function setMapReview(mapId: Id, state: MapReviewState, by: string): boolean {
  return doc().dispatch(C.setMapReview, { mapId, state, by, at: new Date().toISOString() });
}

export function setMapDepartment(mapId: Id, departmentId: Id | null, newDepartmentName?: string): boolean {
  return doc().dispatch(C.setMapDepartment, { mapId, departmentId, newDepartmentName });
}

/**
 * Put a saved version back as one undoable edit. 'refused' has been explained by a message
 * already; 'same' means the version is what the map is now.
 */
export function restoreMapVersion(mapId: Id, revision: ProcessMap): 'restored' | 'refused' | 'same' {
  let refused = false;
  const stop = onCommandError(() => (refused = true));
  const ok = doc().dispatch(restoreMapRevision, { mapId, revision });
  stop();
  return ok ? 'restored' : refused ? 'refused' : 'same';
}

/** A map from the trash back among the maps (a refusal is shown as a message). */
export function restoreDeletedMap(map: ProcessMap): boolean {
  return doc().dispatch(restoreTrashedMap, { map });
}

/** The newest edit of this map (null: of the workspace) taken back, as a message's "Undo" does. */
export function undoLatest(mapId: Id | null): void {
  doc().undo(mapId);
}
