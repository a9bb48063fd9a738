import { placeLabel } from '../drawing/nodeLabels';
import { laneNeed } from '../drawing/laneNames';
import { fitNodeSize } from '../drawing/nodeSize';
import { SCREEN_TEXT } from '../drawing/textStyle';
import { NODE_SIZE } from '../model/geometry';
import type { Id, ProcessMap } from '../model/types';
import { MIN_BAND } from './constants';
import type { LEdge, LGraph, LNode } from './types';

/**
 * The map as the layout sees it. Sizes come from the view when set, else from the kind, grown
 * to hold the label; a
 * node whose lane is missing goes into the first lane (where laneAtY would put it); flows
 * whose ends are missing cannot be drawn and are left out.
 */
export function buildGraph(map: ProcessMap): LGraph {
  const laneIds = map.lanes.map((l) => l.id);
  const laneIndex = new Map<Id, number>(laneIds.map((id, i) => [id, i]));
  const nodeIndex = new Map<Id, number>();
  const nodes: LNode[] = map.nodes.map((n, i) => {
    nodeIndex.set(n.id, i);
    const box = map.view.nodes[n.id];
    const kind = NODE_SIZE[n.kind] ? n.kind : 'step';
    // A size someone gave the node is kept; it only grows where its label needs more room.
    const size = fitNodeSize(kind, n.label ?? '', positive(box?.width) ?? NODE_SIZE[kind].width, positive(box?.height) ?? NODE_SIZE[kind].height);
    const node: LNode = { id: n.id, kind: n.kind, lane: laneIndex.get(n.laneId) ?? 0, width: size.width, height: size.height };
    if (n.kind === 'decision' && placeLabel('decision', n.label ?? '', size.width, size.height)?.below) node.captionBelow = true;
    return node;
  });
  const edges: LEdge[] = [];
  for (const f of map.flows) {
    const from = nodeIndex.get(f.from);
    const to = nodeIndex.get(f.to);
    if (from !== undefined && to !== undefined) edges.push({ flowId: f.id, kind: f.kind, from, to });
  }
  const laneCount = Math.max(1, laneIds.length);
  const laneMin = Array.from({ length: laneCount }, (_, i) => {
    const lane = map.lanes[i];
    return Math.max(MIN_BAND, lane ? laneNeed(map, lane, SCREEN_TEXT) : 0);
  });
  return { nodes, edges, laneIds, laneCount, laneMin };
}

const positive = (v: number | undefined): number | undefined => (v !== undefined && Number.isFinite(v) && v > 0 ? v : undefined);
