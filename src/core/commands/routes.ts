import type { Flow, Id, ProcessMap } from '../model/types';

/**
 * Routed flow points fit the nodes they were routed for. When nodes move (a drag, a lane
 * moving or growing), the routes of their flows are dropped and those flows are drawn
 * between handles until the next layout.
 */
export function dropRoutesTouching(map: ProcessMap, nodeIds: Set<Id>): ProcessMap['view']['flowPoints'] {
  if (nodeIds.size === 0) return map.view.flowPoints;
  return routesOf(map.view.flowPoints, map.flows.filter((f) => !nodeIds.has(f.from) && !nodeIds.has(f.to)));
}

/** The routes of the given flows only (after flows were deleted); the same object when nothing goes. */
export function routesOf(flowPoints: ProcessMap['view']['flowPoints'], flows: readonly Flow[]): ProcessMap['view']['flowPoints'] {
  const ids = new Set(flows.map((f) => f.id));
  const keep = Object.entries(flowPoints).filter(([id]) => ids.has(id));
  return keep.length === Object.keys(flowPoints).length ? flowPoints : Object.fromEntries(keep);
}

/** The ids of the nodes in the given lanes. */
export function nodesInLanes(map: ProcessMap, laneIds: Set<Id>): Set<Id> {
  return new Set(map.nodes.filter((n) => laneIds.has(n.laneId)).map((n) => n.id));
}
