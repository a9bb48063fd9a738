import { WORKSPACE_STATUSES, type Department, type Id, type MapReviewState, type ProcessMap, type Workspace } from '../model/types';
import { type Command, CommandError, findMap, mapCommand, updateMap, workspaceCommand } from './define';
import { checkMeasure } from './nodes';

export const createMap = workspaceCommand<{ map: ProcessMap; newDepartmentName?: string }>('createMap', 'New map', (ws, a) => {
  if (ws.maps.some((m) => m.id === a.map.id)) throw new CommandError(`Map id "${a.map.id}" is taken`);
  return { ...ws, departments: withDepartment(ws.departments, a.map.departmentId, a.newDepartmentName), maps: [...ws.maps, a.map] };
});

export const deleteMap = workspaceCommand<{ mapId: Id }>('deleteMap', 'Delete map', (ws, a) => {
  if (!ws.maps.some((m) => m.id === a.mapId)) return ws;
  return { ...ws, maps: ws.maps.filter((m) => m.id !== a.mapId) };
});

/** A copy keeps its lanes', nodes' and flows' ids: they are unique within a map only. */
export const duplicateMap = workspaceCommand<{ mapId: Id; newId: Id; name?: string }>('duplicateMap', 'Duplicate map', (ws, a, ctx) => {
  const src = findMap(ws, a.mapId);
  if (ws.maps.some((m) => m.id === a.newId)) throw new CommandError(`Map id "${a.newId}" is taken`);
  const copy: ProcessMap = { ...structuredClone(src), id: a.newId, name: a.name ?? `Copy of ${src.name}`, updatedAt: ctx.now() };
  // A copy is a new draft: nobody has agreed to it yet.
  delete copy.review;
  const at = ws.maps.indexOf(src) + 1;
  return { ...ws, maps: [...ws.maps.slice(0, at), copy, ...ws.maps.slice(at)] };
});

export const renameMap = mapCommand<{ mapId: Id; name: string }>('renameMap', 'Rename map', (map, a) => {
  const name = a.name.trim();
  if (!name || name === map.name) return map;
  return { ...map, name };
});

/**
 * Where the map stands with its department, and who said so: `by` is the name the person gave
 * in their browser, `at` the time it was set. Setting the state it already has changes nothing.
 */
export const setMapReview = mapCommand<{ mapId: Id; state: MapReviewState; by: string; at: string }>('setMapReview', 'Set review status', (map, a) => {
  if (!(WORKSPACE_STATUSES as readonly string[]).includes(a.state)) throw new CommandError(`Unknown review status "${a.state}"`);
  const by = a.by.trim();
  if (!by) throw new CommandError('Say who sets the review status');
  if ((map.review?.state ?? 'draft') === a.state) return map;
  return { ...map, review: { state: a.state, by, at: a.at } };
});

/** The yearly volume of cases for the map's steps that give none of their own; undefined clears it. */
export const setMapVolume = mapCommand<{ mapId: Id; casesPerYear: number | undefined }>('setMapVolume', 'Set cases a year', (map, a) => {
  checkMeasure('Cases a year', a.casesPerYear);
  if (map.casesPerYear === a.casesPerYear) return map;
  const next = { ...map, casesPerYear: a.casesPerYear };
  if (a.casesPerYear === undefined) delete next.casesPerYear;
  return next;
});

/**
 * Pick a department for the map, or create one by name in the same edit. Recorded in the
 * map's history: undo takes back the choice and the department it created.
 */
export const setMapDepartment: Command<{ mapId: Id; departmentId: Id | null; newDepartmentName?: string }> = {
  name: 'setMapDepartment',
  title: 'Set department',
  scope: (a) => ({ kind: 'map', mapId: a.mapId }),
  run: (ws, a, ctx) => {
    const departments = withDepartment(ws.departments, a.departmentId, a.newDepartmentName);
    const next = updateMap(ws, a.mapId, ctx, (map) => (map.departmentId === a.departmentId ? map : { ...map, departmentId: a.departmentId }));
    return departments === ws.departments ? next : { ...next, departments };
  },
};

/** The department list with `id` in it, created from `name` when new. */
export function withDepartment(list: Department[], id: Id | null, name?: string): Department[] {
  if (!id || list.some((d) => d.id === id)) return list;
  const trimmed = name?.trim();
  if (!trimmed) throw new CommandError(`No department with id "${id}"`);
  return [...list, { id, name: trimmed }];
}

export const renameDepartment = workspaceCommand<{ departmentId: Id; name: string }>('renameDepartment', 'Rename department', (ws, a) => {
  const name = a.name.trim();
  const dep = ws.departments.find((d) => d.id === a.departmentId);
  if (!dep || !name || dep.name === name) return ws;
  return { ...ws, departments: ws.departments.map((d) => (d.id === dep.id ? { ...d, name } : d)) };
});

/** Replace the whole workspace (restoring a backup). Undo brings the old one back. */
export const replaceWorkspace = workspaceCommand<{ workspace: Workspace }>('replaceWorkspace', 'Import workspace', (_ws, a) => a.workspace);

/**
 * Add another workspace's maps and catalogue to this one. Records whose id is already
 * here are kept as they are here; incoming maps with a taken id get the id given in `mapIds`.
 */
export const mergeWorkspace = workspaceCommand<{ incoming: Workspace; mapIds: Record<Id, Id> }>('mergeWorkspace', 'Import maps', (ws, a) => {
  const addNew = <T extends { id: Id }>(mine: T[], theirs: T[]) => {
    const have = new Set(mine.map((r) => r.id));
    const extra = theirs.filter((r) => !have.has(r.id));
    return extra.length ? [...mine, ...extra] : mine;
  };
  const taken = new Set(ws.maps.map((m) => m.id));
  const freeId = (id: Id) => {
    let candidate = a.mapIds[id] ?? `${id}-copy`;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}-copy-${n}`;
    taken.add(candidate);
    return candidate;
  };
  const maps = a.incoming.maps.map((m) => (taken.has(m.id) ? { ...m, id: freeId(m.id) } : (taken.add(m.id), m)));
  const next = {
    ...ws,
    departments: addNew(ws.departments, a.incoming.departments),
    systems: addNew(ws.systems, a.incoming.systems),
    dataStores: addNew(ws.dataStores, a.incoming.dataStores),
    maps: maps.length ? [...ws.maps, ...maps] : ws.maps,
  };
  const unchanged = next.departments === ws.departments && next.systems === ws.systems && next.dataStores === ws.dataStores && next.maps === ws.maps;
  return unchanged ? ws : next;
});
