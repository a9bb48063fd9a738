import type { Id, ProcessMap } from '../model/types';

/**
 * Routed flow points fit the nodes they were routed for. When nodes move (a drag, a lane
 * moving or growing), the routes of their flows are dropped and those flows are drawn
 * between handles until the next layout.
 */
export function dropRoutesTouching(map: ProcessMap, nodeIds: Set<Id>): ProcessMap['view']['flowPoints'] {
  if (nodeIds.size === 0) return map.view.flowPoints;
  const keep = Object.entries(map.view.flowPoints).filter(([id]) => {
    const f = map.flows.find((fl) => fl.id === id);
    return f && !nodeIds.has(f.from) && !nodeIds.has(f.to);
  });
  return keep.length === Object.keys(map.view.flowPoints).length ? map.view.flowPoints : Object.fromEntries(keep);
}

/** The ids of the nodes in the given lanes. */
export function nodesInLanes(map: ProcessMap, laneIds: Set<Id>): Set<Id> {
  return new Set(map.nodes.filter((n) => laneIds.has(n.laneId)).map((n) => n.id));
}
