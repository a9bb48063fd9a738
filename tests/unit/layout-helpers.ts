// Shared by the layout tests: small hand-made maps and the invariants every layout must keep.

import { measureLayout } from '../../src/core/layout/metrics';
import { LANE_HEADER_WIDTH } from '../../src/core/model/geometry';
import type { Flow, NodeKind, ProcessMap } from '../../src/core/model/types';

export type N = [id: string, kind: NodeKind, lane: string];
export type F = [from: string, to: string, kind?: Flow['kind']];

export function makeMap(lanes: string[], nodes: N[], flows: F[]): ProcessMap {
  return {
    id: 'm-test',
    name: 'Test',
    departmentId: null,
    lanes: lanes.map((id) => ({ id, name: id })),
    nodes: nodes.map(([id, kind, laneId]) => ({ id, kind, laneId, label: id })),
    flows: flows.map(([from, to, kind], i) => ({ id: `f${i}`, kind: kind ?? 'sequence', from, to })),
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** Everything that must never happen in a laid-out map, as readable messages (empty when all is well). */
export function layoutProblems(map: ProcessMap): string[] {
  const m = measureLayout(map);
  const problems: string[] = [];
  const count = (n: number, what: string) => n > 0 && problems.push(`${n} ${what}`);
  count(m.missing, 'nodes or flows without geometry');
  count(m.nodesOutsideBand, 'nodes outside their band');
  count(m.overlaps, 'overlapping node pairs');
  count(m.flowsThroughNodes, 'flows through a node');
  count(m.diagonalSegments, 'diagonal segments');
  count(m.detachedEnds, 'flows not starting and ending on their nodes');
  for (const n of map.nodes) {
    const b = map.view.nodes[n.id];
    if (b && b.x < LANE_HEADER_WIDTH + 40) problems.push(`${n.id} under the lane header`);
  }
  for (const lane of map.lanes) if (!(map.view.laneHeights[lane.id]! > 0)) problems.push(`lane ${lane.id} has no height`);
  return problems;
}

export const centreX = (map: ProcessMap, id: string) => map.view.nodes[id]!.x + map.view.nodes[id]!.width / 2;
export const centreY = (map: ProcessMap, id: string) => map.view.nodes[id]!.y + map.view.nodes[id]!.height / 2;
