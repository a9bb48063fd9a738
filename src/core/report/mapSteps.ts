import { quickLayout } from '../layout/quickLayout';
import type { Access, DataStore, Id, MapNode, NodeKind, ProcessMap, System, Workspace } from '../model/types';
import { ACCESS_WORD, capitalise, isCatalogueKind, isControlKind, mergeAccess, NODE_KIND_LABEL, stepAccess } from '../model/vocabulary';

// The rows of a map's step table: each step, decision, start and end in reading order (left to
// right, then lane by lane), its lane, and the systems and stores it reads or writes through
// data flows. A store or system node names its catalogue entry (refId) when it has one.

export interface StepUse {
  /** The catalogue entry's name, else the node's own label. */
  name: string;
  access: Access;
  /** False for a store or system node that links to nothing in the catalogue. */
  catalogued: boolean;
}

export interface StepRow {
  nodeId: Id;
  label: string;
  kind: NodeKind;
  lane: string;
  manual: boolean;
  notes: string;
  uses: StepUse[];
}

export interface MapNote {
  label: string;
  notes: string;
}

export interface MapSteps {
  steps: StepRow[];
  /** The map's sticky notes: what the workshop could not draw. */
  notes: MapNote[];
}

export interface Catalogue {
  systems: Map<Id, System>;
  stores: Map<Id, DataStore>;
}

export const catalogueOf = (ws: Workspace): Catalogue => ({
  systems: new Map(ws.systems.map((s) => [s.id, s])),
  stores: new Map(ws.dataStores.map((d) => [d.id, d])),
});

/** What a store or system node stands for, in words. */
function holderName(node: MapNode, cat: Catalogue): { name: string; catalogued: boolean } {
  const entry = node.refId === undefined ? undefined : node.kind === 'system' ? cat.systems.get(node.refId) : cat.stores.get(node.refId);
  return entry ? { name: entry.name, catalogued: true } : { name: node.label.trim() || `unnamed ${node.kind === 'system' ? 'system' : 'store'}`, catalogued: false };
}

export function mapSteps(source: ProcessMap, cat: Catalogue): MapSteps {
  // Reading order needs positions: a map without them (an import) gets the quick layout's.
  const map = source.nodes.some((n) => !source.view.nodes[n.id]) ? quickLayout(source) : source;
  const laneIndex = new Map(map.lanes.map((l, i) => [l.id, i]));
  const laneName = new Map(map.lanes.map((l) => [l.id, l.name.trim() || 'Unnamed lane']));
  const nodeById = new Map(map.nodes.map((n) => [n.id, n]));

  const uses = new Map<Id, Map<Id, StepUse>>();
  for (const f of map.flows) {
    const from = nodeById.get(f.from);
    const to = nodeById.get(f.to);
    const use = from && to && stepAccess(f, from, to, (n) => isCatalogueKind(n.kind));
    if (!use) continue;
    const { step, holder, access } = use;
    const { name, catalogued } = holderName(holder, cat);
    // Two nodes for the same catalogue entry are one use; uncatalogued nodes are told apart by node.
    const key = catalogued ? `${holder.kind}:${holder.refId}` : holder.id;
    const list = uses.get(step.id) ?? new Map<Id, StepUse>();
    const known = list.get(key);
    if (known) known.access = mergeAccess(known.access, access);
    else list.set(key, { name, access, catalogued });
    uses.set(step.id, list);
  }

  const order = (n: MapNode) => {
    const box = map.view.nodes[n.id];
    return [box?.x ?? 0, laneIndex.get(n.laneId) ?? map.lanes.length, box?.y ?? 0] as const;
  };
  const byReading = (a: MapNode, b: MapNode) => {
    const [ax, al, ay] = order(a);
    const [bx, bl, by] = order(b);
    return ax - bx || al - bl || ay - by;
  };

  const steps = map.nodes
    .filter((n) => isControlKind(n.kind))
    .sort(byReading)
    .map((n): StepRow => ({
      nodeId: n.id,
      label: n.label.trim(),
      kind: n.kind,
      lane: laneName.get(n.laneId) ?? 'No lane',
      manual: n.manual === true,
      notes: n.notes?.trim() ?? '',
      uses: [...(uses.get(n.id)?.values() ?? [])],
    }));
  const notes = map.nodes
    .filter((n) => n.kind === 'note' && (n.label.trim() || n.notes?.trim()))
    .sort(byReading)
    .map((n) => ({ label: n.label.trim(), notes: n.notes?.trim() ?? '' }));
  return { steps, notes };
}

/** Tags for the control nodes that are not plain steps. */
export const KIND_TAG: Partial<Record<NodeKind, string>> = { start: NODE_KIND_LABEL.start, end: NODE_KIND_LABEL.end, decision: NODE_KIND_LABEL.decision };

/** "Writes Enquiries spreadsheet", "Reads Inbox (not in the catalogue)". */
export const useText = (u: StepUse): string => `${capitalise(ACCESS_WORD[u.access])} ${u.name}${u.catalogued ? '' : ' (not in the catalogue)'}`;

/** The systems and stores a step reads (or writes): a store it does both with is in both lists. */
export const usesFor = (s: StepRow, access: 'read' | 'write'): StepUse[] => s.uses.filter((u) => u.access === access || u.access === 'readwrite');
