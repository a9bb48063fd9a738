import type { DataStore, Department, Id, ProcessMap, System, Workspace, WorkspaceMeta } from '../model/types';
import type { BundleIssue } from './issues';
import { STORAGE_VERSION } from './storageVersion';
import type { CatalogueTable } from './records';
import { capitalise, count } from '../model/vocabulary';
import { describeRow, explainProblems, rowKey, type StoredTable } from './rowWords';
import type { RawTables, RowValidator } from './rowValidator';

// A whole workspace from the rows of its database, each row on its own: a bad row is set
// aside (damaged) and everything that points at it keeps working through a stand-in record
// named "unknown (damaged record)", so one bad department never hides the maps of it.
// Pure: the loader and the recovery download both call it on the rows they could read.

export type { RawTables } from './rowValidator';

export interface DamagedRow {
  table: StoredTable;
  id: string;
  row: unknown;
  problems: BundleIssue[];
  /** What is wrong, in plain words. */
  explanation: string;
}

export type StandIn = { table: 'departments'; record: Department } | { table: 'systems'; record: System } | { table: 'dataStores'; record: DataStore };

export interface RestoredWorkspace {
  /** null when the database holds nothing at all. */
  workspace: Workspace | null;
  damaged: DamagedRow[];
  /** Records made up for damaged or missing ones that others point at. */
  standIns: StandIn[];
  /** Maps whose entry in the list of maps is missing or damaged: it must be written again. */
  reindex: ProcessMap[];
  /** The workspace row was missing: the details were made up. */
  metaMissing: boolean;
  /** The storage version a newer Lanemap wrote, or null. */
  newerVersion: number | null;
  warnings: string[];
}

export const DAMAGED_NAME = 'unknown (damaged record)';
export const MISSING_NAME = 'unknown (missing record)';

const CATALOGUE: readonly CatalogueTable[] = ['departments', 'systems', 'dataStores'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function standIn(table: CatalogueTable, id: Id, name: string): StandIn {
  if (table === 'departments') return { table, record: { id, name } };
  if (table === 'systems') return { table, record: { id, name, kind: 'unknown', integratesWith: [] } };
  return { table, record: { id, name, kind: 'other', systemId: null, customerFields: [] } };
}

/** Every catalogue id a raw map points at, by table. */
function mapReferences(raw: unknown): Record<CatalogueTable, Set<Id>> {
  const refs = { departments: new Set<Id>(), systems: new Set<Id>(), dataStores: new Set<Id>() };
  if (!isObject(raw)) return refs;
  const dep = str(raw.departmentId);
  if (dep) refs.departments.add(dep);
  for (const lane of Array.isArray(raw.lanes) ? raw.lanes : []) {
    const d = isObject(lane) ? str(lane.departmentId) : undefined;
    if (d) refs.departments.add(d);
  }
  for (const node of Array.isArray(raw.nodes) ? raw.nodes : []) {
    if (!isObject(node)) continue;
    const ref = str(node.refId);
    if (ref && node.kind === 'dataStore') refs.dataStores.add(ref);
    if (ref && node.kind === 'system') refs.systems.add(ref);
  }
  return refs;
}

/** Catalogue ids the good catalogue records point at. */
function catalogueReferences(systems: System[], stores: DataStore[]): Record<CatalogueTable, Set<Id>> {
  const refs = { departments: new Set<Id>(), systems: new Set<Id>(), dataStores: new Set<Id>() };
  for (const s of systems) {
    if (s.ownerDepartmentId) refs.departments.add(s.ownerDepartmentId);
    for (const id of s.integratesWith) refs.systems.add(id);
  }
  for (const d of stores) {
    if (d.ownerDepartmentId) refs.departments.add(d.ownerDepartmentId);
    if (d.systemId) refs.systems.add(d.systemId);
  }
  return refs;
}

function sortByOrder<T extends { id: Id }>(rows: T[], order: unknown): T[] {
  if (!Array.isArray(order)) return rows;
  const pos = new Map(order.map((id, i) => [id, i]));
  const last = Number.MAX_SAFE_INTEGER; // rows missing from the order go after, in id order
  return [...rows].sort((a, b) => (pos.get(a.id) ?? last) - (pos.get(b.id) ?? last));
}

/** `check` reads each row: rowValidatorFor(tables) picks the fast check, or zod where a row needs it. */
export function restoreStoredWorkspace(tables: RawTables, newId: () => Id, check: RowValidator): RestoredWorkspace {
  const { validateRow, restoreWorkspaceMeta } = check;
  const damaged: DamagedRow[] = [];
  const warnings: string[] = [];
  const setAside = (table: StoredTable, row: unknown, problems: BundleIssue[]): void => {
    const id = rowKey(table, row);
    damaged.push({ table, id, row, problems, explanation: explainProblems(problems) });
    warnings.push(setAsideWarning(table, id, row, problems));
  };
  const rows = (t: StoredTable) => tables[t] ?? [];
  const empty = (['meta', 'maps', ...CATALOGUE] as StoredTable[]).every((t) => rows(t).length === 0);

  // Meta rows: the storage version, the workspace's details, the order of the lists.
  const meta = new Map<string, unknown>();
  for (const row of rows('meta')) {
    const v = validateRow('meta', row);
    const key = rowKey('meta', row);
    if (v.ok) meta.set(key, v.value);
    else if (key === 'workspace') meta.set(key, row); // restored field by field below
    else setAside('meta', row, v.problems);
  }
  const version = (meta.get('schema') as { version?: number } | undefined)?.version;
  const newerVersion = typeof version === 'number' && version > STORAGE_VERSION ? version : null;
  const order = (meta.get('order') ?? {}) as Record<string, unknown>;

  // Catalogue rows on their own; the ids of bad ones are remembered for stand-ins.
  const good = { departments: [] as Department[], systems: [] as System[], dataStores: [] as DataStore[] };
  const damagedIds = { departments: new Set<Id>(), systems: new Set<Id>(), dataStores: new Set<Id>() };
  for (const table of CATALOGUE) {
    for (const row of rows(table)) {
      const v = validateRow(table, row);
      if (v.ok) (good[table] as unknown[]).push(v.value);
      else {
        setAside(table, row, v.problems);
        damagedIds[table].add(rowKey(table, row));
      }
    }
  }

  // Stand-ins: for damaged records anything points at, and for missing ones a map points at.
  const known = (t: CatalogueTable) => new Set<Id>(good[t].map((r) => r.id));
  const fromCatalogue = catalogueReferences(good.systems, good.dataStores);
  const fromMaps = { departments: new Set<Id>(), systems: new Set<Id>(), dataStores: new Set<Id>() };
  for (const raw of rows('maps')) for (const t of CATALOGUE) for (const id of mapReferences(raw)[t]) fromMaps[t].add(id);
  const standIns: StandIn[] = [];
  for (const t of CATALOGUE) {
    const have = known(t);
    for (const id of new Set([...fromMaps[t], ...fromCatalogue[t]])) {
      if (have.has(id)) continue;
      if (damagedIds[t].has(id)) standIns.push(standIn(t, id, DAMAGED_NAME));
      else if (fromMaps[t].has(id)) {
        standIns.push(standIn(t, id, MISSING_NAME));
        warnings.push(`A map points at a ${t === 'departments' ? 'department' : t === 'systems' ? 'system' : 'data store'} (“${id}”) that is not in storage; it is shown as “${MISSING_NAME}”.`);
      } else continue;
      have.add(id);
    }
  }
  for (const s of standIns) (good[s.table] as unknown[]).push(s.record);

  const ctx = { departmentIds: known('departments'), systemIds: known('systems'), dataStoreIds: known('dataStores') };
  const maps: ProcessMap[] = [];
  for (const row of rows('maps')) {
    const v = validateRow('maps', row, ctx);
    if (v.ok) maps.push(v.value as ProcessMap);
    else setAside('maps', row, v.problems);
  }

  // The list of maps is derived from the maps: a bad entry is set aside and written again.
  const indexed = new Set<Id>();
  for (const row of rows('mapIndex')) {
    const v = validateRow('mapIndex', row);
    if (v.ok) indexed.add((v.value as { id: Id }).id);
    else setAside('mapIndex', row, v.problems);
  }
  const reindex = tables.mapIndex ? maps.filter((m) => !indexed.has(m.id)) : [];

  for (const table of ['revisions', 'revisionMaps', 'trash'] as const) {
    for (const row of rows(table)) {
      const v = validateRow(table, row);
      if (!v.ok) setAside(table, row, v.problems);
    }
  }

  if (empty) return { workspace: null, damaged, standIns: [], reindex: [], metaMissing: false, newerVersion, warnings };

  const wsRow = meta.get('workspace');
  let wsMeta: WorkspaceMeta;
  if (wsRow !== undefined) {
    const restored = restoreWorkspaceMeta(wsRow, () => `ws-${newId()}`);
    wsMeta = restored.meta;
    if (restored.problems.length > 0) setAside('meta', wsRow, restored.problems);
  } else {
    wsMeta = { id: `ws-${newId()}`, name: 'Workspace' };
    warnings.push('The workspace name was missing from storage; it is now called "Workspace".');
  }
  const workspace: Workspace = {
    meta: wsMeta,
    departments: sortByOrder(good.departments, order.departments),
    systems: sortByOrder(good.systems, order.systems),
    dataStores: sortByOrder(good.dataStores, order.dataStores),
    maps: sortByOrder(maps, order.maps),
  };
  return { workspace, damaged, standIns, reindex, metaMissing: wsRow === undefined, newerVersion, warnings };
}

/** The banner's line for a row set aside: `Map "Fees" (m-c) could not be read and was set aside: nodes[2].kind: …`. */
function setAsideWarning(table: StoredTable, id: string, row: unknown, problems: BundleIssue[]): string {
  const name = isObject(row) && typeof row.name === 'string' && row.name ? `"${row.name}" (${id})` : `"${id}"`;
  const what = table === 'meta' ? `The ${describeRow(table, id)}` : `${capitalise(describeRow(table, id).replace(/ “.*”$/, ''))} ${name}`;
  const first = problems[0];
  const why = first ? `${first.path}: ${first.message}` : 'unreadable';
  const more = problems.length > 1 ? ` (and ${count(problems.length - 1, 'more problem')})` : '';
  return `${what} could not be read and was set aside: ${why}${more}`;
}
