import type { Id, ProcessMap, Workspace } from '../model/types';

// Maps read from another tool name their departments, systems and stores by name only.
// Before they are added, each is matched to the entry of the same name already here, so a
// BPMN pool "Admissions" lands in the Admissions department and the catalogue stays single.

/** Names compared the way people mean them: case, Unicode forms, spaces and punctuation aside. */
export const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function matchByName<T extends { id: Id; name: string }>(mine: T[], theirs: T[]): { ids: Map<Id, Id>; added: T[] } {
  const byName = new Map(mine.map((r) => [nameKey(r.name), r.id]));
  const ids = new Map<Id, Id>();
  const added: T[] = [];
  for (const r of theirs) {
    const same = byName.get(nameKey(r.name));
    if (same) ids.set(r.id, same);
    else {
      added.push(r);
      byName.set(nameKey(r.name), r.id);
    }
  }
  return { ids, added };
}

export interface Reconciled {
  incoming: Workspace;
  /** Names of entries that were already here and are shared rather than added. */
  reused: { departments: string[]; systems: string[]; dataStores: string[] };
}

export function reconcileImport(ws: Workspace, incoming: Workspace): Reconciled {
  const deps = matchByName(ws.departments, incoming.departments);
  const systems = matchByName(ws.systems, incoming.systems);
  const stores = matchByName(ws.dataStores, incoming.dataStores);
  const dep = (id: Id | null | undefined) => (id ? (deps.ids.get(id) ?? id) : id);
  const sys = (id: Id) => systems.ids.get(id) ?? id;
  const ref = (id: Id) => stores.ids.get(id) ?? systems.ids.get(id) ?? id;
  const maps: ProcessMap[] = incoming.maps.map((m) => ({
    ...m,
    departmentId: dep(m.departmentId) ?? null,
    lanes: m.lanes.map((l) => (l.departmentId ? { ...l, departmentId: dep(l.departmentId) } : l)),
    nodes: m.nodes.map((n) => (n.refId ? { ...n, refId: ref(n.refId) } : n)),
  }));
  const reusedNames = <T extends { id: Id; name: string }>(all: T[], ids: Map<Id, Id>) => all.filter((r) => ids.has(r.id)).map((r) => r.name);
  return {
    incoming: {
      ...incoming,
      departments: deps.added,
      systems: systems.added.map((s) => ({ ...s, integratesWith: s.integratesWith.map(sys), ownerDepartmentId: dep(s.ownerDepartmentId) ?? null })),
      dataStores: stores.added.map((d) => ({ ...d, systemId: d.systemId ? sys(d.systemId) : null, ownerDepartmentId: dep(d.ownerDepartmentId) ?? null })),
      maps,
    },
    reused: { departments: reusedNames(incoming.departments, deps.ids), systems: reusedNames(incoming.systems, systems.ids), dataStores: reusedNames(incoming.dataStores, stores.ids) },
  };
}
