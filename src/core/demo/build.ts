// Compact tables for writing the demo maps by hand: one row per node or flow, read like the
// sticky notes of a workshop wall. Positions come later from quickLayout.

import type { Flow, Id, Lane, MapNode, NodeKind, ProcessMap } from '../model/types';

export type NodeRow = [id: Id, kind: NodeKind, laneId: Id, label: string, extra?: Pick<MapNode, 'manual' | 'refId' | 'notes'>];

/** 'seq' is a sequence flow, 'msg' a hand-off (message flow), 'data' a read (store -> step) or write (step -> store). */
export type FlowRow = [kind: 'seq' | 'msg' | 'data', from: Id, to: Id, label?: string];

const FLOW_KIND = { seq: 'sequence', msg: 'message', data: 'data' } as const;

export interface MapSpec {
  id: Id;
  /** Short code used in flow ids: 'adm' gives f-adm-1, f-adm-2, ... */
  code: string;
  name: string;
  departmentId: Id;
  lanes: Lane[];
  nodes: NodeRow[];
  flows: FlowRow[];
}

export function buildMap(spec: MapSpec, now: string): ProcessMap {
  const nodes: MapNode[] = spec.nodes.map(([id, kind, laneId, label, extra]) => ({ id, kind, laneId, label, ...extra }));
  const flows: Flow[] = spec.flows.map(([kind, from, to, label], i) => ({
    id: `f-${spec.code}-${i + 1}`,
    kind: FLOW_KIND[kind],
    from,
    to,
    ...(label ? { label } : {}),
  }));
  return {
    id: spec.id,
    name: spec.name,
    departmentId: spec.departmentId,
    lanes: spec.lanes.map((l) => ({ ...l })),
    nodes,
    flows,
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: now,
  };
}
