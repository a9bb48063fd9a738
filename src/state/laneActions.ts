import * as C from '../core/commands';
import type { Id } from '../core/model/types';
import { useDocument } from './documentStore';

// Edits of one lane named by id: the lane header's buttons, the inspector's fields and the
// canvas's resize edge all call these, so none of them builds a command itself.

const doc = () => useDocument.getState();

export function renameLane(mapId: Id, laneId: Id, name: string): boolean {
  return doc().dispatch(C.renameLane, { mapId, laneId, name });
}

export function moveLane(mapId: Id, laneId: Id, direction: -1 | 1): boolean {
  return doc().dispatch(C.moveLane, { mapId, laneId, direction });
}

/** Null departmentId: the map's own department; a new name creates the department with the id given. */
export function setLaneDepartment(mapId: Id, laneId: Id, departmentId: Id | null, newDepartmentName?: string): boolean {
  return doc().dispatch(C.setLaneDepartment, { mapId, laneId, departmentId, newDepartmentName });
}

export function resizeLane(mapId: Id, laneId: Id, height: number): boolean {
  return doc().dispatch(C.resizeLane, { mapId, laneId, height });
}
