import { uuid } from '../core/model/ids';
import type { Id, ProcessMap, Workspace } from '../core/model/types';
import { validateCatalogueRecord, validateMapRecord, type BundleIssue, type CatalogueTable } from '../core/schema/bundle';
import { STORAGE_VERSION } from '../core/schema/migrations';
import type { LanemapDB, OrderRow, QuarantineRow, WorkspaceRow } from './db';
import { describeSaveError } from './saveErrors';
import { count } from '../core/model/vocabulary';

// Reading the stored workspace: every row is validated on its own, and a bad one is set
// aside (quarantined) with a warning while the rest of the workspace opens.

export const CATALOGUE: readonly CatalogueTable[] = ['departments', 'systems', 'dataStores'];
const NOUN: Record<CatalogueTable, string> = { departments: 'Department', systems: 'System', dataStores: 'Data store' };

export interface StoredWorkspace {
  /** null on first run: the database holds nothing yet. */
  workspace: Workspace | null;
  warnings: string[];
  /** Written by a newer Lanemap: open it, never write it. */
  newerVersion: number | null;
  /** Rows that failed validation, to move to the quarantine table. */
  bad: QuarantineRow[];
  /** The workspace row was missing and was made up: it needs writing. */
  metaMissing: boolean;
}

export async function readStoredWorkspace(db: LanemapDB, now: number): Promise<StoredWorkspace> {
  const [metaRows, mapRows, ...catalogueRows] = await db.transaction('r', [db.meta, db.maps, db.departments, db.systems, db.dataStores], () =>
    Promise.all([db.meta.toArray(), db.maps.toArray(), db.departments.toArray(), db.systems.toArray(), db.dataStores.toArray()]),
  );
  const empty = { workspace: null, warnings: [], newerVersion: null, bad: [], metaMissing: false };
  if (metaRows.length === 0 && mapRows.length === 0 && catalogueRows.every((rows) => rows.length === 0)) return empty;

  const meta = new Map(metaRows.map((r) => [r.key, r]));
  const warnings: string[] = [];
  const version = (meta.get('schema') as { version?: unknown } | undefined)?.version;
  const newerVersion = typeof version === 'number' && version > STORAGE_VERSION ? version : null;
  if (newerVersion !== null) {
    warnings.push(
      `This workspace was saved by a newer version of Lanemap (schema ${newerVersion}); this version reads up to ${STORAGE_VERSION}. ` +
        'It is open read-only: changes will not be saved. Update Lanemap to edit it.',
    );
  }
  const order = meta.get('order') as OrderRow | undefined;
  const bad: QuarantineRow[] = [];
  const at = new Date(now).toISOString();

  const catalogue = CATALOGUE.map((table, t) => {
    const good = [];
    for (const row of catalogueRows[t]!) {
      const v = validateCatalogueRecord(table, row);
      if (v.ok) good.push(v.record);
      else setAside(bad, warnings, table, NOUN[table], row, v.errors, at);
    }
    return sortByOrder(good, order?.[table]);
  });
  const [departments, systems, dataStores] = catalogue as [Workspace['departments'], Workspace['systems'], Workspace['dataStores']];

  const ctx = { departmentIds: ids(departments), systemIds: ids(systems), dataStoreIds: ids(dataStores) };
  const maps: ProcessMap[] = [];
  for (const row of mapRows) {
    const v = validateMapRecord(row, ctx);
    if (v.ok) maps.push(v.map);
    else setAside(bad, warnings, 'maps', 'Map', row, v.errors, at);
  }

  const wsRow = meta.get('workspace') as WorkspaceRow | undefined;
  let wsMeta: Workspace['meta'];
  if (wsRow) {
    const rest: Partial<WorkspaceRow> = { ...wsRow };
    delete rest.key;
    wsMeta = rest as Workspace['meta'];
  } else {
    wsMeta = { id: `ws-${uuid()}`, name: 'Workspace' };
    warnings.push('The workspace name was missing from storage; it is now called "Workspace".');
  }
  const workspace = { meta: wsMeta, departments, systems, dataStores, maps: sortByOrder(maps, order?.maps) };
  return { workspace, warnings, newerVersion, bad, metaMissing: !wsRow };
}

/** Move bad rows to the quarantine table: copy and removal in one transaction, so a row is never lost. */
export async function quarantineRows(db: LanemapDB, bad: QuarantineRow[], warnings: string[]): Promise<void> {
  try {
    await db.transaction('rw', [db.quarantine, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores], async () => {
      await db.quarantine.bulkAdd(bad);
      for (const q of bad) {
        const key = (q.row as { id: Id }).id;
        await db.table(q.table).delete(key);
        if (q.table === 'maps') await db.mapIndex.delete(key);
      }
    });
  } catch (e) {
    // Left where they were: still skipped, and found again on the next load.
    warnings.push(`The unreadable records could not be moved aside (${describeSaveError(e)}); they stay in storage untouched.`);
  }
}

function setAside(bad: QuarantineRow[], warnings: string[], table: string, noun: string, row: unknown, errors: BundleIssue[], at: string): void {
  const r = (typeof row === 'object' && row !== null ? row : {}) as { id?: unknown; name?: unknown };
  const id = String(r.id);
  const first = errors[0];
  const why = first ? `${first.path}: ${first.message}` : 'unreadable';
  const more = errors.length > 1 ? ` (and ${count(errors.length - 1, 'more problem')})` : '';
  const reason = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  bad.push({ table, id, reason, at, row });
  const name = typeof r.name === 'string' && r.name ? `"${r.name}" (${id})` : `"${id}"`;
  warnings.push(`${noun} ${name} could not be read and was set aside: ${why}${more}`);
}

export function sortByOrder<T extends { id: Id }>(rows: T[], order: Id[] | undefined): T[] {
  if (!order) return rows;
  const pos = new Map(order.map((id, i) => [id, i]));
  const last = Number.MAX_SAFE_INTEGER; // rows missing from the order go after, in id order
  return [...rows].sort((a, b) => (pos.get(a.id) ?? last) - (pos.get(b.id) ?? last));
}

const ids = (rows: { id: Id }[]): Set<Id> => new Set(rows.map((r) => r.id));
