import { DEFAULT_LANE_HEIGHT } from './geometry';
import type { Id, ProcessMap, Workspace } from './types';

export function emptyMap(a: { id: Id; name: string; departmentId: Id | null; lanes: { id: Id; name: string }[]; now: string }): ProcessMap {
  return {
    id: a.id,
    name: a.name,
    departmentId: a.departmentId,
    lanes: a.lanes.map((l) => ({ id: l.id, name: l.name })),
    nodes: [],
    flows: [],
    view: { nodes: {}, laneHeights: Object.fromEntries(a.lanes.map((l) => [l.id, DEFAULT_LANE_HEIGHT])), flowPoints: {} },
    updatedAt: a.now,
  };
}

export function emptyWorkspace(id: Id, name: string): Workspace {
  return { meta: { id, name }, departments: [], systems: [], dataStores: [], maps: [] };
}
