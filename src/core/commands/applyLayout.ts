import type { Id, MapView } from '../model/types';
import { mapCommand } from './define';

/**
 * Put a computed layout on a map: every node's box, every lane's height and the routed
 * flows, in one step (one undo). Boxes for nodes that no longer exist are ignored;
 * nodes the layout did not place keep theirs.
 */
export const applyLayout = mapCommand<{ mapId: Id; view: MapView }>('applyLayout', 'Auto layout', (map, a) => {
  const nodes = { ...map.view.nodes };
  for (const n of map.nodes) {
    const b = a.view.nodes[n.id];
    if (b) nodes[n.id] = b;
  }
  const laneHeights = { ...map.view.laneHeights };
  for (const l of map.lanes) {
    const h = a.view.laneHeights[l.id];
    if (h !== undefined) laneHeights[l.id] = h;
  }
  const flowPoints = Object.fromEntries(map.flows.flatMap((f) => (a.view.flowPoints[f.id] ? [[f.id, a.view.flowPoints[f.id]!]] : [])));
  const next = { nodes, laneHeights, flowPoints };
  return JSON.stringify(next) === JSON.stringify(map.view) ? map : { ...map, view: next };
});
