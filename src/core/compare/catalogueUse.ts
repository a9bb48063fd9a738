import { resolveTarget, type Target } from '../analysis/accessIndex';
import type { Id, ProcessMap, Workspace } from '../model/types';
import { isCatalogueKind } from '../model/vocabulary';

// Which catalogue entries the compared maps have in common. A data store drawn on two maps
// is shared; so is a system, when the maps touch it through different stores (both
// departments' mailboxes live in the same Outlook) or draw it as a system. Each shared entry
// gets one colour in every map; a store or system node that shares nothing is "only here".

export interface CatalogueEntry {
  id: Id;
  kind: 'store' | 'system';
  name: string;
}

export interface SharedEntry extends CatalogueEntry {
  /** Positions, in the compared list, of the maps that use it. */
  maps: number[];
}

/** What a store or system node on a compared map stands for. */
export interface NodeEntry {
  entryId: Id;
  /** True when another compared map uses the entry too (its colour is the entry's). */
  shared: boolean;
}

export interface CatalogueComparison {
  /** In the order they first appear (first map first); the position is the colour's number. */
  shared: SharedEntry[];
  /** Per map: each catalogued store or system node and the entry it is drawn for. */
  nodes: Map<Id, NodeEntry>[];
  /** Per map: the entries no other compared map uses. */
  only: CatalogueEntry[][];
}

export function compareCatalogue(ws: Workspace, maps: readonly ProcessMap[]): CatalogueComparison {
  const storeById = new Map(ws.dataStores.map((d) => [d.id, d]));
  const systemById = new Map(ws.systems.map((s) => [s.id, s]));
  const lookup = { storeById, systemById };
  const targets: Map<Id, Target>[] = maps.map((m) => {
    const out = new Map<Id, Target>();
    for (const n of m.nodes) {
      const t = isCatalogueKind(n.kind) ? resolveTarget(lookup, n) : null;
      if (t) out.set(n.id, t);
    }
    return out;
  });
  const usersOf = new Map<Id, Set<number>>();
  const use = (id: Id, i: number) => (usersOf.get(id) ?? usersOf.set(id, new Set()).get(id)!).add(i);
  targets.forEach((ts, i) => {
    for (const t of ts.values()) {
      if (t.storeId !== null) use(t.storeId, i);
      if (t.systemId !== null) use(t.systemId, i);
    }
  });
  const isShared = (id: Id | null): id is Id => id !== null && (usersOf.get(id)?.size ?? 0) >= 2;
  const entry = (id: Id, kind: 'store' | 'system'): CatalogueEntry =>
    ({ id, kind, name: kind === 'store' ? storeById.get(id)!.name : systemById.get(id)!.name });

  const shared: SharedEntry[] = [];
  const listed = new Set<Id>();
  const only: CatalogueEntry[][] = maps.map(() => []);
  const nodes = targets.map((ts, i) => {
    const out = new Map<Id, NodeEntry>();
    for (const [nodeId, t] of ts) {
      // The store's own colour first: the same store is the closer match than the same system.
      const kind = isShared(t.storeId) ? 'store' : isShared(t.systemId) ? 'system' : null;
      if (kind) {
        const id = kind === 'store' ? t.storeId! : t.systemId!;
        out.set(nodeId, { entryId: id, shared: true });
        if (!listed.has(id)) {
          listed.add(id);
          shared.push({ ...entry(id, kind), maps: [...usersOf.get(id)!].sort((x, y) => x - y) });
        }
        continue;
      }
      const id = t.storeId ?? t.systemId!;
      out.set(nodeId, { entryId: id, shared: false });
      if (!only[i]!.some((e) => e.id === id)) only[i]!.push(entry(id, t.storeId !== null ? 'store' : 'system'));
    }
    return out;
  });
  return { shared, nodes, only };
}
