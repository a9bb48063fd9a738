import { fitNodeSize, MIN_SIZE } from '../drawing/nodeSize';
import { laneAtY, LANE_HEADER_WIDTH } from '../model/geometry';
import type { Id, NodeBox } from '../model/types';
import { mapCommand } from './define';
import { makeRoom } from './makeRoom';
import { dropRoutesTouching } from './routes';

// A person sizing nodes: with the mouse (the resizer's handles) or the keys. The size asked for
// is kept as long as the label still fits; a box too short for its label grows back in height
// (its chosen width kept) so no word is ever cut. The layout keeps these sizes (layout/graph reads the view).

export interface NodeResize {
  nodeId: Id;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const resizeNodes = mapCommand<{ mapId: Id; sizes: NodeResize[] }>('resizeNodes', 'Resize', (map, a) => {
  const boxes = { ...map.view.nodes };
  const laneOf = new Map<Id, Id>();
  const changed = new Set<Id>();
  for (const r of a.sizes) {
    const node = map.nodes.find((n) => n.id === r.nodeId);
    const box = boxes[r.nodeId];
    if (!node || !box || ![r.x, r.y, r.width, r.height].every(Number.isFinite)) continue;
    const size = fitNodeSize(node.kind, node.label, Math.max(MIN_SIZE.width, Math.round(r.width)), Math.max(MIN_SIZE.height, Math.round(r.height)), true);
    const next: NodeBox = { x: Math.max(LANE_HEADER_WIDTH, Math.round(r.x)), y: Math.round(r.y), ...size };
    if (next.x === box.x && next.y === box.y && next.width === box.width && next.height === box.height) continue;
    boxes[r.nodeId] = next;
    changed.add(node.id);
    const lane = laneAtY(map, next.y + next.height / 2);
    if (lane && lane !== node.laneId) laneOf.set(node.id, lane);
  }
  if (changed.size === 0) return map;
  const nodes = laneOf.size ? map.nodes.map((n) => (laneOf.has(n.id) ? { ...n, laneId: laneOf.get(n.id)! } : n)) : map.nodes;
  // Routed points ended on the old outline; the flows are drawn between the new ones. The
  // resized nodes move aside the neighbours they now cover (makeRoom), in the same edit.
  return makeRoom({ ...map, nodes, view: { ...map.view, nodes: boxes, flowPoints: dropRoutesTouching(map, changed) } }, changed);
});
