import { laneHeight } from '../model/geometry';
import type { Id, NodeBox, ProcessMap } from '../model/types';
import { dropRoutesTouching, nodesInLanes } from './routes';

// A lane's band made taller, the lanes below moving down with their nodes: for a lane's whole
// name (lanes), a resize of the band (lanes) and nodes that grew past it (makeRoom).

/** Shift every node of the given lanes down by dy (lanes moving or growing above them). */
export function shiftLaneNodes(map: ProcessMap, laneIds: Set<Id>, dy: number): Record<Id, NodeBox> {
  if (dy === 0 || laneIds.size === 0) return map.view.nodes;
  const boxes = { ...map.view.nodes };
  for (const n of map.nodes) {
    const b = boxes[n.id];
    if (b && laneIds.has(n.laneId)) boxes[n.id] = { ...b, y: b.y + dy };
  }
  return boxes;
}

/** `laneId`'s band at `height`; the lanes below move with their nodes, and their routes are drawn again. */
export function withBandHeight(map: ProcessMap, laneId: Id, height: number): ProcessMap {
  const old = laneHeight(map.view, laneId);
  const i = map.lanes.findIndex((l) => l.id === laneId);
  const below = new Set(map.lanes.slice(i + 1).map((l) => l.id));
  return {
    ...map,
    view: {
      nodes: shiftLaneNodes(map, below, height - old),
      laneHeights: { ...map.view.laneHeights, [laneId]: height },
      flowPoints: dropRoutesTouching(map, nodesInLanes(map, below)),
    },
  };
}
