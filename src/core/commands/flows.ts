import type { Access, Flow, FlowKind, Id, MapNode, ProcessMap } from '../model/types';
import { isDataKind, nodeDepartment } from '../model/vocabulary';
import { CommandError, mapCommand } from './define';

/**
 * The kind a new flow most likely is: touching a store, system or document it carries
 * data; crossing into another department it is a hand-off (message); else sequence.
 */
export function inferFlowKind(map: ProcessMap, from: MapNode, to: MapNode): FlowKind {
  if (isDataKind(from.kind) || isDataKind(to.kind)) return 'data';
  if (nodeDepartment(map, from) !== nodeDepartment(map, to)) return 'message';
  return 'sequence';
}

export const addFlow = mapCommand<{ mapId: Id; flowId: Id; from: Id; to: Id; kind?: FlowKind; label?: string }>(
  'addFlow',
  'Connect',
  (map, a) => {
    const from = map.nodes.find((n) => n.id === a.from);
    const to = map.nodes.find((n) => n.id === a.to);
    if (!from || !to) throw new CommandError('A flow needs two nodes of this map');
    if (from.id === to.id) return map;
    if (map.flows.some((f) => f.id === a.flowId)) throw new CommandError(`Flow id "${a.flowId}" is taken`);
    const kind = a.kind ?? inferFlowKind(map, from, to);
    if (map.flows.some((f) => f.from === a.from && f.to === a.to && f.kind === kind)) return map;
    const label = a.label?.trim();
    const flow: Flow = { id: a.flowId, kind, from: a.from, to: a.to, ...(label ? { label } : {}) };
    return { ...map, flows: [...map.flows, flow] };
  },
);

export type FlowPatch = { kind?: FlowKind; label?: string; access?: Access | null };

export const updateFlow = mapCommand<{ mapId: Id; flowId: Id; patch: FlowPatch }>('updateFlow', 'Edit flow', (map, a) => {
  const flow = map.flows.find((f) => f.id === a.flowId);
  if (!flow) throw new CommandError(`No flow with id "${a.flowId}"`);
  const next: Flow = { ...flow };
  if (a.patch.kind !== undefined) next.kind = a.patch.kind;
  if (a.patch.label !== undefined) {
    const label = a.patch.label.trim();
    if (label) next.label = label;
    else delete next.label;
  }
  if (a.patch.access !== undefined) {
    if (a.patch.access) next.access = a.patch.access;
    else delete next.access;
  }
  if (next.kind !== 'data') delete next.access;
  if (JSON.stringify(next) === JSON.stringify(flow)) return map;
  return { ...map, flows: map.flows.map((f) => (f.id === flow.id ? next : f)) };
});

/** Turn a flow round (a read drawn as a write). */
export const reverseFlow = mapCommand<{ mapId: Id; flowId: Id }>('reverseFlow', 'Reverse flow', (map, a) => {
  const flow = map.flows.find((f) => f.id === a.flowId);
  if (!flow) throw new CommandError(`No flow with id "${a.flowId}"`);
  // Reversing onto a flow that already runs the other way would draw it twice.
  if (map.flows.some((f) => f.from === flow.to && f.to === flow.from && f.kind === flow.kind)) return map;
  const { [flow.id]: _dropped, ...flowPoints } = map.view.flowPoints;
  return { ...map, flows: map.flows.map((f) => (f.id === flow.id ? { ...f, from: f.to, to: f.from } : f)), view: { ...map.view, flowPoints } };
});
