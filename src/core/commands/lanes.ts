import { laneNeed } from '../drawing/laneNames';
import { SCREEN_TEXT } from '../drawing/textStyle';
import { DEFAULT_LANE_HEIGHT, laneBands, laneHeight, MIN_LANE_HEIGHT } from '../model/geometry';
import type { Id, Lane, ProcessMap } from '../model/types';
import { type Command, CommandError, mapCommand, updateMap } from './define';
import { withDepartment } from './maps';
import { shiftLaneNodes, withBandHeight } from './bandHeight';
import { dropRoutesTouching, nodesInLanes, routesOf } from './routes';
import { withoutCommentsOn } from './comments';

function requireLane(map: ProcessMap, laneId: Id): Lane {
  const lane = map.lanes.find((l) => l.id === laneId);
  if (!lane) throw new CommandError(`No lane with id "${laneId}" in map "${map.name}"`);
  return lane;
}

export const addLane = mapCommand<{ mapId: Id; laneId: Id; name: string; index?: number; departmentId?: Id | null; height?: number }>(
  'addLane',
  'Add lane',
  (map, a) => {
    if (map.lanes.some((l) => l.id === a.laneId)) throw new CommandError(`Lane id "${a.laneId}" is taken`);
    const index = Math.max(0, Math.min(a.index ?? map.lanes.length, map.lanes.length));
    const lane: Lane = { id: a.laneId, name: a.name, ...(a.departmentId ? { departmentId: a.departmentId } : {}) };
    const height = a.height ?? DEFAULT_LANE_HEIGHT;
    const below = new Set(map.lanes.slice(index).map((l) => l.id));
    const added = {
      ...map,
      lanes: [...map.lanes.slice(0, index), lane, ...map.lanes.slice(index)],
      view: {
        nodes: shiftLaneNodes(map, below, height),
        laneHeights: { ...map.view.laneHeights, [lane.id]: height },
        flowPoints: dropRoutesTouching(map, nodesInLanes(map, below)),
      },
    };
    return growForName(added, lane.id);
  },
);

/** A lane renamed; its band grows when the new name, shown whole across the header, needs more height. */
export const renameLane = mapCommand<{ mapId: Id; laneId: Id; name: string }>('renameLane', 'Rename lane', (map, a) => {
  const lane = requireLane(map, a.laneId);
  const name = a.name.trim();
  if (!name || name === lane.name) return map;
  const renamed = { ...map, lanes: map.lanes.map((l) => (l.id === a.laneId ? { ...l, name } : l)) };
  return growForName(renamed, a.laneId);
});

/** The map with `laneId`'s band grown to hold its whole name (the lanes below move down with their nodes). */
function growForName(map: ProcessMap, laneId: Id): ProcessMap {
  const need = laneNeed(map, requireLane(map, laneId), SCREEN_TEXT);
  return need > laneHeight(map.view, laneId) ? withBandHeight(map, laneId, need) : map;
}

/** Say which department a lane's people belong to (a hand-off lane), creating it if new. */
export const setLaneDepartment: Command<{ mapId: Id; laneId: Id; departmentId: Id | null; newDepartmentName?: string }> = {
  name: 'setLaneDepartment',
  title: 'Set lane department',
  scope: (a) => ({ kind: 'map', mapId: a.mapId }),
  run: (ws, a, ctx) => {
    const departments = withDepartment(ws.departments, a.departmentId, a.newDepartmentName);
    const next = updateMap(ws, a.mapId, ctx, (map) => {
      const lane = requireLane(map, a.laneId);
      if ((lane.departmentId ?? null) === a.departmentId) return map;
      // The department's tag goes under the name: the band grows when they need more room.
      return growForName({ ...map, lanes: map.lanes.map((l) => (l.id === a.laneId ? { ...l, departmentId: a.departmentId } : l)) }, a.laneId);
    });
    return departments === ws.departments ? next : { ...next, departments };
  },
};

/** Swap a lane with its neighbour; both lanes' nodes travel with their bands. */
export const moveLane = mapCommand<{ mapId: Id; laneId: Id; direction: -1 | 1 }>('moveLane', 'Move lane', (map, a) => {
  const i = map.lanes.findIndex((l) => l.id === a.laneId);
  if (i < 0) throw new CommandError(`No lane with id "${a.laneId}"`);
  const j = i + a.direction;
  if (j < 0 || j >= map.lanes.length) return map;
  const [upper, lower] = i < j ? [map.lanes[i]!, map.lanes[j]!] : [map.lanes[j]!, map.lanes[i]!];
  const hUpper = laneHeight(map.view, upper.id);
  const hLower = laneHeight(map.view, lower.id);
  let nodes = shiftLaneNodes(map, new Set([upper.id]), hLower);
  nodes = shiftLaneNodes({ ...map, view: { ...map.view, nodes } }, new Set([lower.id]), -hUpper);
  const lanes = [...map.lanes];
  lanes[i] = map.lanes[j]!;
  lanes[j] = map.lanes[i]!;
  return { ...map, lanes, view: { ...map.view, nodes, flowPoints: dropRoutesTouching(map, nodesInLanes(map, new Set([upper.id, lower.id]))) } };
});

/** The smallest height that still holds every node of the lane, and its whole name. */
export function minLaneHeight(map: ProcessMap, laneId: Id): number {
  return minLaneHeights(map).get(laneId) ?? MIN_LANE_HEIGHT;
}

/** minLaneHeight of every lane, from one pass over the nodes (the canvas wants them all on every edit). */
export function minLaneHeights(map: ProcessMap): Map<Id, number> {
  const bottom = new Map<Id, number>();
  for (const n of map.nodes) {
    const b = map.view.nodes[n.id];
    if (b) bottom.set(n.laneId, Math.max(bottom.get(n.laneId) ?? -Infinity, b.y + b.height));
  }
  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  const out = new Map<Id, number>();
  for (const band of laneBands(map)) {
    const lane = lanes.get(band.laneId);
    if (!lane) continue;
    // Room for its nodes, and for its whole name across the header.
    const need = Math.max(MIN_LANE_HEIGHT, laneNeed(map, lane, SCREEN_TEXT), (bottom.get(lane.id) ?? -Infinity) - band.y + 10);
    out.set(lane.id, Math.ceil(need));
  }
  return out;
}

/** Change a band's height; the lanes below move with their nodes. Never cuts a node off. */
export const resizeLane = mapCommand<{ mapId: Id; laneId: Id; height: number }>('resizeLane', 'Resize lane', (map, a) => {
  requireLane(map, a.laneId);
  const height = Math.round(Math.max(minLaneHeight(map, a.laneId), a.height));
  return height === laneHeight(map.view, a.laneId) ? map : withBandHeight(map, a.laneId, height);
});

/** Delete a lane with its nodes and every flow touching them; lanes below move up. */
export const deleteLane = mapCommand<{ mapId: Id; laneId: Id }>('deleteLane', 'Delete lane', (map, a) => {
  const i = map.lanes.findIndex((l) => l.id === a.laneId);
  if (i < 0) return map;
  const h = laneHeight(map.view, a.laneId);
  const below = new Set(map.lanes.slice(i + 1).map((l) => l.id));
  const gone = new Set(map.nodes.filter((n) => n.laneId === a.laneId).map((n) => n.id));
  const nodes = { ...shiftLaneNodes(map, below, -h) };
  for (const id of gone) delete nodes[id];
  const laneHeights = { ...map.view.laneHeights };
  delete laneHeights[a.laneId];
  const flows = map.flows.filter((f) => !gone.has(f.from) && !gone.has(f.to));
  const moved = dropRoutesTouching(map, nodesInLanes(map, below));
  const flowPoints = routesOf(moved, flows);
  const next = {
    ...map,
    lanes: map.lanes.filter((l) => l.id !== a.laneId),
    nodes: map.nodes.filter((n) => !gone.has(n.id)),
    flows,
    view: { nodes, laneHeights, flowPoints },
  };
  return withoutCommentsOn(next, gone);
});
