import type { DataStore, DataStoreKind, Id, System, Workspace } from '../model/types';
import { isCatalogueKind, nodeKindWord } from '../model/vocabulary';
import { type Command, CommandError, findMap, updateMap } from './define';

/**
 * Link a data store or system node to a catalogue entry, or create the entry from the
 * search text and link to it, in one step of the map's history. A node still wearing its
 * default label takes the entry's name.
 */
export interface LinkArgs {
  mapId: Id;
  nodeId: Id;
  /** The entry to link; null unlinks. */
  refId: Id | null;
  /** When refId is new: the entry to create. */
  create?: { name: string; kind?: DataStoreKind | string };
}

/** Labels a new node is given (what its kind is called): such a node takes the entry's name. */
const DEFAULT_LABELS = new Set([nodeKindWord('dataStore'), nodeKindWord('system'), '']);

export const linkNodeToCatalogue: Command<LinkArgs> = {
  name: 'linkNodeToCatalogue',
  title: 'Link to catalogue',
  scope: (a) => ({ kind: 'map', mapId: a.mapId }),
  run: (ws, a, ctx) => {
    const map = findMap(ws, a.mapId);
    const node = map.nodes.find((n) => n.id === a.nodeId);
    if (!node) throw new CommandError(`No node with id "${a.nodeId}"`);
    if (!isCatalogueKind(node.kind)) throw new CommandError('Only data store and system nodes link to the catalogue');
    const table = node.kind === 'dataStore' ? 'dataStores' : 'systems';
    let next: Workspace = ws;
    let name: string | undefined;
    if (a.refId) {
      const existing = (ws[table] as { id: Id; name: string }[]).find((r) => r.id === a.refId);
      if (existing) name = existing.name;
      else if (a.create?.name.trim()) {
        name = a.create.name.trim();
        next = table === 'dataStores' ? { ...ws, dataStores: [...ws.dataStores, newStore(a.refId, name, a.create.kind, map.departmentId)] } : { ...ws, systems: [...ws.systems, newSystem(a.refId, name, a.create.kind, map.departmentId)] };
      } else throw new CommandError(`No ${nodeKindWord(node.kind)} with id "${a.refId}" in the catalogue`);
    }
    if ((node.refId ?? null) === a.refId) return next;
    return updateMap(next, a.mapId, ctx, (m) => ({
      ...m,
      nodes: m.nodes.map((n) => {
        if (n.id !== node.id) return n;
        const { refId: _old, ...rest } = n;
        const label = name && DEFAULT_LABELS.has(n.label.trim().toLowerCase()) ? name : n.label;
        return a.refId ? { ...rest, refId: a.refId, label } : rest;
      }),
    }));
  },
};

function newStore(id: Id, name: string, kind: string | undefined, owner: Id | null): DataStore {
  const k = (['database', 'spreadsheet', 'paper', 'email', 'document', 'other'] as const).find((x) => x === kind) ?? 'other';
  return { id, name, kind: k, systemId: null, ownerDepartmentId: owner, customerFields: [] };
}

function newSystem(id: Id, name: string, kind: string | undefined, owner: Id | null): System {
  return { id, name, kind: kind?.trim() || 'application', integratesWith: [], ownerDepartmentId: owner };
}
