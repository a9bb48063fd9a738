import { integrationsOf } from '../catalogue/integrations';
import { normaliseFields } from '../catalogue/fieldList';
import type { DataStore, DataStoreKind, Id, System, Workspace } from '../model/types';
import { DATA_STORE_KINDS } from '../model/types';
import { NODE_KIND_LABEL } from '../model/vocabulary';
import { type CommandContext, CommandError, workspaceCommand } from './define';

// The shared catalogue: systems and data stores, edited in the workspace's history.
// Maps point at entries by node refId, so deleting an entry that a map still uses is
// refused unless `force` is given, which unlinks those nodes (they keep their label).

export interface SystemPatch {
  name?: string;
  kind?: string;
  ownerDepartmentId?: Id | null;
  /** The whole set of systems this one integrates with, whichever side records it. */
  integratesWith?: Id[];
}

export interface DataStorePatch {
  name?: string;
  kind?: DataStoreKind;
  systemId?: Id | null;
  ownerDepartmentId?: Id | null;
  customerFields?: string[];
  /** Whose records it holds ("alumni"); empty text removes it. */
  population?: string;
  /** Fields of customerFields the user marks sensitive; names not among them are dropped. */
  sensitiveFields?: string[];
}

/** The store's population and sensitive fields after a patch: trimmed, only fields it holds. */
function peopleFields(store: DataStore, p: DataStorePatch, fields: Partial<DataStore>): Partial<DataStore> {
  const out: Partial<DataStore> = {};
  if (p.population !== undefined) out.population = p.population.trim();
  const held = new Set(fields.customerFields ?? store.customerFields);
  const marked = p.sensitiveFields ?? store.sensitiveFields;
  if (marked !== undefined) out.sensitiveFields = [...new Set(marked)].filter((f) => held.has(f));
  return out;
}

export const addSystem = workspaceCommand<{ systemId: Id } & SystemPatch & { name: string }>('addSystem', 'Add system', (ws, a) => {
  if (ws.systems.some((s) => s.id === a.systemId)) throw new CommandError(`System id "${a.systemId}" is taken`);
  const system: System = {
    id: a.systemId,
    name: requireName(a.name, 'system'),
    kind: a.kind?.trim() || 'application',
    integratesWith: checkIntegrations(ws, a.systemId, a.integratesWith ?? []),
    ownerDepartmentId: checkDepartment(ws, a.ownerDepartmentId ?? null),
  };
  return { ...ws, systems: [...ws.systems, system] };
});

export const updateSystem = workspaceCommand<{ systemId: Id; patch: SystemPatch }>('updateSystem', 'Edit system', (ws, a) => {
  const system = findSystem(ws, a.systemId);
  const p = a.patch;
  let systems = ws.systems;
  const fields: Partial<System> = {};
  if (p.name !== undefined && p.name.trim()) fields.name = p.name.trim();
  if (p.kind !== undefined && p.kind.trim()) fields.kind = p.kind.trim();
  if (p.ownerDepartmentId !== undefined) fields.ownerDepartmentId = checkDepartment(ws, p.ownerDepartmentId);
  if (p.integratesWith !== undefined) {
    const wanted = checkIntegrations(ws, system.id, p.integratesWith);
    const before = integrationsOf(ws.systems, system.id);
    // A new link is written on this system only; a link already recorded on the other side stays there.
    // Kept in their old order, so the same set given in another order changes nothing.
    const kept = system.integratesWith.filter((id) => wanted.includes(id));
    fields.integratesWith = [...kept, ...wanted.filter((id) => !kept.includes(id) && !before.includes(id))];
    // A removed link must go from both sides, or the other system's list would keep it alive.
    const dropped = before.filter((id) => !wanted.includes(id));
    systems = withoutLinksTo(systems, system.id, dropped);
  }
  const next = patched(system, fields);
  if (next !== system) systems = systems.map((s) => (s.id === system.id ? next : s));
  return systems === ws.systems ? ws : { ...ws, systems };
});

/**
 * Delete a system. Stores that lived in it become standalone and other systems forget
 * their integrations with it. Refused while a map draws it, unless `force`.
 */
export const deleteSystem = workspaceCommand<{ systemId: Id; force?: boolean }>('deleteSystem', 'Delete system', (ws, a, ctx) => {
  const system = ws.systems.find((s) => s.id === a.systemId);
  if (!system) return ws;
  const next = unlinkNodes(ws, 'system', system, a.force, ctx);
  return {
    ...next,
    systems: withoutLinksTo(next.systems, system.id).filter((s) => s.id !== system.id),
    dataStores: next.dataStores.some((d) => d.systemId === system.id)
      ? next.dataStores.map((d) => (d.systemId === system.id ? { ...d, systemId: null } : d))
      : next.dataStores,
  };
});

export const addDataStore = workspaceCommand<{ dataStoreId: Id } & DataStorePatch & { name: string }>('addDataStore', 'Add data store', (ws, a) => {
  if (ws.dataStores.some((d) => d.id === a.dataStoreId)) throw new CommandError(`Data store id "${a.dataStoreId}" is taken`);
  const store: DataStore = {
    id: a.dataStoreId,
    name: requireName(a.name, 'data store'),
    kind: checkStoreKind(a.kind ?? 'other'),
    systemId: checkSystem(ws, a.systemId ?? null),
    ownerDepartmentId: checkDepartment(ws, a.ownerDepartmentId ?? null),
    customerFields: normaliseFields(a.customerFields ?? []),
  };
  return { ...ws, dataStores: [...ws.dataStores, store] };
});

export const updateDataStore = workspaceCommand<{ dataStoreId: Id; patch: DataStorePatch }>('updateDataStore', 'Edit data store', (ws, a) => {
  const store = ws.dataStores.find((d) => d.id === a.dataStoreId);
  if (!store) throw new CommandError(`No data store with id "${a.dataStoreId}"`);
  const p = a.patch;
  const fields: Partial<DataStore> = {};
  if (p.name !== undefined && p.name.trim()) fields.name = p.name.trim();
  if (p.kind !== undefined) fields.kind = checkStoreKind(p.kind);
  if (p.systemId !== undefined) fields.systemId = checkSystem(ws, p.systemId);
  if (p.ownerDepartmentId !== undefined) fields.ownerDepartmentId = checkDepartment(ws, p.ownerDepartmentId);
  if (p.customerFields !== undefined) fields.customerFields = normaliseFields(p.customerFields);
  let next = patched(store, { ...fields, ...peopleFields(store, p, fields) });
  // Optional fields left empty are removed, as a file without them has none.
  if (next.population === '' || next.sensitiveFields?.length === 0) {
    next = { ...next };
    if (next.population === '') delete next.population;
    if (next.sensitiveFields?.length === 0) delete next.sensitiveFields;
  }
  if (sameStore(next, store)) next = store;
  return next === store ? ws : { ...ws, dataStores: ws.dataStores.map((d) => (d.id === store.id ? next : d)) };
});

/** Delete a data store; refused while a map draws it, unless `force`. */
export const deleteDataStore = workspaceCommand<{ dataStoreId: Id; force?: boolean }>('deleteDataStore', 'Delete data store', (ws, a, ctx) => {
  const store = ws.dataStores.find((d) => d.id === a.dataStoreId);
  if (!store) return ws;
  const next = unlinkNodes(ws, 'dataStore', store, a.force, ctx);
  return { ...next, dataStores: next.dataStores.filter((d) => d.id !== store.id) };
});

/** Names of the maps with a node of `kind` pointing at `id`, in workspace order. */
export function mapsUsing(ws: Workspace, kind: 'system' | 'dataStore', id: Id): string[] {
  return ws.maps.filter((m) => m.nodes.some((n) => n.kind === kind && n.refId === id)).map((m) => m.name);
}

/** The list with `targetId` gone from the integrations of `from` (default: every system); the same list if none had it. */
function withoutLinksTo(systems: System[], targetId: Id, from?: Id[]): System[] {
  const affected = (s: System) => (!from || from.includes(s.id)) && s.integratesWith.includes(targetId);
  if (!systems.some(affected)) return systems;
  return systems.map((s) => (affected(s) ? { ...s, integratesWith: s.integratesWith.filter((x) => x !== targetId) } : s));
}

/** Drop `refId` from the nodes that point at the entry, or refuse when not forced. */
function unlinkNodes(ws: Workspace, kind: 'system' | 'dataStore', entry: { id: Id; name: string }, force: boolean | undefined, ctx: CommandContext): Workspace {
  const names = mapsUsing(ws, kind, entry.id);
  if (names.length === 0) return ws;
  if (!force) {
    const what = NODE_KIND_LABEL[kind];
    throw new CommandError(`${what} "${entry.name}" is still used in ${names.map((n) => `"${n}"`).join(', ')}. Remove it from those maps first, or delete it anyway to unlink their nodes.`);
  }
  const uses = (n: { kind: string; refId?: Id }) => n.kind === kind && n.refId === entry.id;
  const maps = ws.maps.map((m) => {
    if (!m.nodes.some(uses)) return m;
    const nodes = m.nodes.map((n) => {
      if (!uses(n)) return n;
      const { refId: _gone, ...rest } = n;
      return rest;
    });
    return { ...m, nodes, updatedAt: ctx.now() };
  });
  return { ...ws, maps };
}

/** The record with `fields` applied, or the same record when none differs (null and absent are equal). */
function patched<T extends object>(rec: T, fields: Partial<T>): T {
  const differs = (Object.keys(fields) as (keyof T)[]).some((k) => !sameValue(rec[k], fields[k]));
  return differs ? { ...rec, ...fields } : rec;
}

function sameStore(a: DataStore, b: DataStore): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof DataStore>;
  return [...keys].every((k) => sameValue(a[k], b[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b || (a == null && b == null);
}

function requireName(name: string, what: string): string {
  const n = name.trim();
  if (!n) throw new CommandError(`A ${what} needs a name`);
  return n;
}

function findSystem(ws: Workspace, id: Id): System {
  const s = ws.systems.find((x) => x.id === id);
  if (!s) throw new CommandError(`No system with id "${id}"`);
  return s;
}

function checkSystem(ws: Workspace, id: Id | null): Id | null {
  if (id !== null) findSystem(ws, id);
  return id;
}

function checkDepartment(ws: Workspace, id: Id | null): Id | null {
  if (id !== null && !ws.departments.some((d) => d.id === id)) throw new CommandError(`No department with id "${id}"`);
  return id;
}

function checkStoreKind(kind: string): DataStoreKind {
  if (!(DATA_STORE_KINDS as readonly string[]).includes(kind)) throw new CommandError(`"${kind}" is not a kind of data store`);
  return kind as DataStoreKind;
}

/** Known systems only, no duplicates; a link to itself means nothing and is dropped. */
function checkIntegrations(ws: Workspace, selfId: Id, ids: readonly Id[]): Id[] {
  for (const id of ids) if (id !== selfId) findSystem(ws, id);
  return [...new Set(ids)].filter((id) => id !== selfId);
}
