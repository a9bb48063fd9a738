import type { Access, Id, MapNode, NodeKind, ProcessMap, Workspace } from '../model/types';
import { mergeAccess, stepAccess } from '../model/vocabulary';

// Where each catalogue entry appears on the maps: the nodes that stand for it (refId), and
// the steps that read or write it through data flows to those nodes. The catalogue screen
// lists it as "Used in"; deleting an entry that is still used asks first.

/** A node standing for the entry. */
export interface NodeUse {
  mapId: Id;
  mapName: string;
  nodeId: Id;
  label: string;
}

/** A control node (step, decision, start, end) with a data flow to or from the entry's node. */
export interface StepUse extends NodeUse {
  access: Access;
}

/** One map's share of an entry's use, in the workspace's map order. */
export interface MapUse {
  mapId: Id;
  mapName: string;
  nodes: number;
  steps: number;
}

export interface Usage {
  nodes: NodeUse[];
  steps: StepUse[];
  maps: MapUse[];
}

export interface SystemUsage extends Usage {
  /** Maps where the system's data stores are drawn, though the system itself may not be. */
  viaStores: MapUse[];
  /** The steps there that read or write those stores, named with the store. */
  viaStoreSteps: (StepUse & { storeName: string })[];
}

export interface UsageIndex {
  /** Every system in the catalogue has an entry, unused ones with empty lists. */
  systems: Map<Id, SystemUsage>;
  dataStores: Map<Id, Usage>;
}

const CATALOGUE_KINDS: Partial<Record<NodeKind, 'systems' | 'dataStores'>> = { system: 'systems', dataStore: 'dataStores' };

/** Which catalogue list a node refers into, if it is a catalogued system or store node. */
export function catalogueRef(node: MapNode): { table: 'systems' | 'dataStores'; id: Id } | undefined {
  const table = CATALOGUE_KINDS[node.kind];
  return table && node.refId ? { table, id: node.refId } : undefined;
}

const emptyUsage = (): Usage => ({ nodes: [], steps: [], maps: [] });

export function usedIn(ws: Workspace): UsageIndex {
  const index: UsageIndex = {
    systems: new Map(ws.systems.map((s) => [s.id, { ...emptyUsage(), viaStores: [], viaStoreSteps: [] }])),
    dataStores: new Map(ws.dataStores.map((d) => [d.id, emptyUsage()])),
  };
  for (const map of ws.maps) addMap(index, map);
  for (const store of ws.dataStores) {
    const system = store.systemId ? index.systems.get(store.systemId) : undefined;
    const use = index.dataStores.get(store.id)!;
    if (!system) continue;
    for (const m of use.maps) addToMapUse(system.viaStores, m.mapId, m.mapName, m.nodes, m.steps);
    for (const s of use.steps) system.viaStoreSteps.push({ ...s, storeName: store.name });
  }
  const order = new Map(ws.maps.map((m, i) => [m.id, i]));
  for (const s of index.systems.values()) s.viaStores.sort((a, b) => order.get(a.mapId)! - order.get(b.mapId)!);
  return index;
}

function addMap(index: UsageIndex, map: ProcessMap): void {
  const nodeById = new Map(map.nodes.map((n) => [n.id, n]));
  const usageOf = (node: MapNode | undefined): Usage | undefined => {
    const ref = node && catalogueRef(node);
    return ref ? index[ref.table].get(ref.id) : undefined;
  };
  for (const node of map.nodes) {
    const u = usageOf(node);
    if (!u) continue;
    u.nodes.push({ mapId: map.id, mapName: map.name, nodeId: node.id, label: node.label });
    addToMapUse(u.maps, map.id, map.name, 1, 0);
  }
  for (const flow of map.flows) {
    const from = nodeById.get(flow.from);
    const to = nodeById.get(flow.to);
    const use = from && to && stepAccess(flow, from, to, (n) => usageOf(n) !== undefined);
    if (use) addStep(usageOf(use.holder), map, use.step, use.access);
  }
}

function addStep(u: Usage | undefined, map: ProcessMap, step: MapNode, access: Access): void {
  if (!u) return;
  const known = u.steps.find((s) => s.mapId === map.id && s.nodeId === step.id);
  if (!known) {
    u.steps.push({ mapId: map.id, mapName: map.name, nodeId: step.id, label: step.label, access });
    addToMapUse(u.maps, map.id, map.name, 0, 1);
  } else known.access = mergeAccess(known.access, access);
}

function addToMapUse(list: MapUse[], mapId: Id, mapName: string, nodes: number, steps: number): void {
  const found = list.find((m) => m.mapId === mapId);
  if (found) {
    found.nodes += nodes;
    found.steps += steps;
  } else list.push({ mapId, mapName, nodes, steps });
}
