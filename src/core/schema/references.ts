import type { IssueList, PathPart } from './issues';

// Identity and reference checks. They run on the raw input next to the shape checks, so
// one run reports both kinds; a value of the wrong type is left to the shape checks and
// skipped here. A record whose shape is wrong still counts as present, so its neighbours
// are not blamed for pointing at it.

export interface CatalogueIds {
  departmentIds: ReadonlySet<string>;
  systemIds: ReadonlySet<string>;
  dataStoreIds: ReadonlySet<string>;
}

type Raw = Record<string, unknown>;

export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The items of a list that are objects, with their index; anything else yields nothing. */
export function records(list: unknown): [Raw, number][] {
  if (!Array.isArray(list)) return [];
  const out: [Raw, number][] = [];
  list.forEach((item, i) => {
    if (isObject(item)) out.push([item, i]);
  });
  return out;
}

/** The set of ids in a list, reporting any id used twice. */
export function uniqueIds(list: unknown, at: readonly PathPart[], issues: IssueList): Set<string> {
  const first = new Map<string, number>();
  for (const [r, i] of records(list)) {
    const id = str(r.id);
    if (id === undefined) continue;
    const prev = first.get(id);
    if (prev === undefined) first.set(id, i);
    else issues.add([...at, i, 'id'], `duplicate id "${id}" (already used by ${at[at.length - 1]}[${prev}])`);
  }
  return new Set(first.keys());
}

/** Report `r[key]` when it is an id that is not in `ids`; absent and null are fine. */
function checkRef(r: Raw, key: string, ids: ReadonlySet<string>, what: string, at: readonly PathPart[], issues: IssueList): void {
  const id = str(r[key]);
  if (id !== undefined && !ids.has(id)) issues.add([...at, key], `no ${what} with id "${id}"`);
}

/** Departments, systems and data stores point at each other only within the catalogue. */
export function checkCatalogue(body: Raw, issues: IssueList): CatalogueIds {
  const departmentIds = uniqueIds(body.departments, ['departments'], issues);
  const systemIds = uniqueIds(body.systems, ['systems'], issues);
  const dataStoreIds = uniqueIds(body.dataStores, ['dataStores'], issues);
  for (const [s, i] of records(body.systems)) {
    const at = ['systems', i];
    checkRef(s, 'ownerDepartmentId', departmentIds, 'department', at, issues);
    if (Array.isArray(s.integratesWith)) {
      s.integratesWith.forEach((id, j) => {
        if (str(id) !== undefined && !systemIds.has(id as string)) issues.add([...at, 'integratesWith', j], `no system with id "${id}"`);
      });
    }
  }
  for (const [d, i] of records(body.dataStores)) {
    const at = ['dataStores', i];
    checkRef(d, 'systemId', systemIds, 'system', at, issues);
    checkRef(d, 'ownerDepartmentId', departmentIds, 'department', at, issues);
  }
  return { departmentIds, systemIds, dataStoreIds };
}

/** Ids unique within the map; lanes, nodes and flows point inside the map or at the catalogue. */
export function checkMapReferences(map: Raw, at: readonly PathPart[], ctx: CatalogueIds, issues: IssueList): void {
  checkRef(map, 'departmentId', ctx.departmentIds, 'department', at, issues);
  const laneIds = uniqueIds(map.lanes, [...at, 'lanes'], issues);
  const nodeIds = uniqueIds(map.nodes, [...at, 'nodes'], issues);
  uniqueIds(map.flows, [...at, 'flows'], issues);
  for (const [lane, i] of records(map.lanes)) {
    checkRef(lane, 'departmentId', ctx.departmentIds, 'department', [...at, 'lanes', i], issues);
  }
  for (const [node, i] of records(map.nodes)) {
    const nodeAt = [...at, 'nodes', i];
    checkRef(node, 'laneId', laneIds, 'lane in this map', nodeAt, issues);
    // Only catalogue nodes point at the catalogue; refId on other kinds is left alone.
    if (node.kind === 'dataStore') checkRef(node, 'refId', ctx.dataStoreIds, 'data store', nodeAt, issues);
    if (node.kind === 'system') checkRef(node, 'refId', ctx.systemIds, 'system', nodeAt, issues);
  }
  for (const [flow, i] of records(map.flows)) {
    const flowAt = [...at, 'flows', i];
    checkRef(flow, 'from', nodeIds, 'node in this map', flowAt, issues);
    checkRef(flow, 'to', nodeIds, 'node in this map', flowAt, issues);
  }
}

