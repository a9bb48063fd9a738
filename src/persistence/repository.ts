import type { Table } from 'dexie';
import type { RecordChange, Table as ChangeTable } from '../core/commands/diff';
import type { Id, ProcessMap, Workspace } from '../core/model/types';
import { SCHEMA_VERSION, validateCatalogueRecord, validateMapRecord, type BundleIssue, type CatalogueTable } from '../core/schema/bundle';
import type { LanemapDB, MapIndexRow, MetaRow, OrderRow, QuarantineRow, WorkspaceRow } from './db';

// Saves the open workspace to IndexedDB: edits mark records dirty, and after a short
// debounce the current value of every dirty record is written in one transaction.
// A failed write keeps the records dirty, so the next attempt writes them: no edit is dropped.

export type SaveStatus = { state: 'saved'; at?: string } | { state: 'saving' } | { state: 'error'; message: string };

export interface RepositoryOptions {
  /** The workspace as it is now; flush writes the values it finds here, not those in the changes. */
  getWorkspace: () => Workspace;
  onStatus: (s: SaveStatus) => void;
  /** Delay before writing; default 300, capped at 500 so an edit is on disk within half a second. */
  debounceMs?: number;
}

export interface LoadResult {
  /** null on first run: the database holds nothing yet. */
  workspace: Workspace | null;
  warnings: string[];
}

type Dirty = { table: ChangeTable; id: Id };
const CATALOGUE: readonly CatalogueTable[] = ['departments', 'systems', 'dataStores'];
const NOUN: Record<CatalogueTable, string> = { departments: 'Department', systems: 'System', dataStores: 'Data store' };

export class Repository {
  /** True when the stored data comes from a newer Lanemap: nothing is written then. */
  readOnly = false;

  private readonly debounceMs: number;
  private readonly dirty = new Map<string, Dirty>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Writes run one after another, so a slow flush is never overtaken by a later one. */
  private queue: Promise<unknown> = Promise.resolve();
  private ready = false;
  private readonly whenReady: Promise<void>;
  private resolveReady!: () => void;
  /** A whole-workspace write (seed) failed: the next flush writes everything again. */
  private reseed = false;
  private lastStatus = '';

  constructor(
    private readonly db: LanemapDB,
    private readonly opts: RepositoryOptions,
  ) {
    this.debounceMs = Math.min(500, Math.max(0, opts.debounceMs ?? 300));
    this.whenReady = new Promise((resolve) => (this.resolveReady = resolve));
  }

  async load(): Promise<LoadResult> {
    const { db } = this;
    const [metaRows, mapRows, ...catalogueRows] = await db.transaction('r', [db.meta, db.maps, db.departments, db.systems, db.dataStores], () =>
      Promise.all([db.meta.toArray(), db.maps.toArray(), db.departments.toArray(), db.systems.toArray(), db.dataStores.toArray()]),
    );
    const meta = new Map(metaRows.map((r) => [r.key, r]));
    if (metaRows.length === 0 && mapRows.length === 0 && catalogueRows.every((rows) => rows.length === 0)) {
      this.markReady();
      return { workspace: null, warnings: [] };
    }

    const warnings: string[] = [];
    const version = (meta.get('schema') as { version?: unknown } | undefined)?.version;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      this.readOnly = true;
      warnings.push(
        `This workspace was saved by a newer version of Lanemap (schema ${version}); this version reads up to ${SCHEMA_VERSION}. ` +
          'It is open read-only: changes will not be saved. Update Lanemap to edit it.',
      );
    }
    const order = meta.get('order') as OrderRow | undefined;
    const bad: QuarantineRow[] = [];
    const at = new Date().toISOString();

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
      wsMeta = { id: `ws-${globalThis.crypto.randomUUID()}`, name: 'Workspace' };
      warnings.push('The workspace name was missing from storage; it is now called "Workspace".');
      this.markDirty([{ table: 'meta', id: wsMeta.id }]);
    }

    if (bad.length > 0 && !this.readOnly) await this.quarantine(bad, warnings);
    this.markReady();
    return { workspace: { meta: wsMeta, departments, systems, dataStores, maps: sortByOrder(maps, order?.maps) }, warnings };
  }

  /** Replace everything stored by `ws`, in one transaction (first run, "replace workspace"). */
  async seed(ws: Workspace): Promise<void> {
    if (this.readOnly) throw new Error('This workspace is read-only: it was saved by a newer version of Lanemap.');
    this.emit({ state: 'saving' });
    try {
      await this.enqueue(() => this.writeAll(ws));
      this.reseed = false;
      if (this.dirty.size === 0) this.emit({ state: 'saved', at: new Date().toISOString() });
    } catch (e) {
      this.reseed = true;
      this.emit({ state: 'error', message: describeSaveError(e) });
      throw e;
    } finally {
      this.markReady();
    }
  }

  markDirty(changes: RecordChange[]): void {
    if (changes.length === 0) return;
    for (const c of changes) {
      const id = c.table === 'meta' ? 'workspace' : c.id;
      this.dirty.set(`${c.table}:${id}`, { table: c.table, id });
    }
    if (this.readOnly) {
      this.emit({ state: 'error', message: 'Read-only: this workspace was saved by a newer version of Lanemap, so changes are not saved. Export a backup to keep them.' });
      return;
    }
    this.emit({ state: 'saving' });
    // Before load has finished the edits wait; markReady schedules them.
    if (this.ready) this.schedule();
  }

  /** Write pending changes now (page hidden or closing). Resolves once written; failures go to onStatus. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.whenReady;
    await this.enqueue(() => this.writeDirty()).catch(() => undefined);
  }

  /** Rows set aside by load because they failed validation, for a "recover" screen or a support report. */
  listQuarantine(): Promise<QuarantineRow[]> {
    return this.db.quarantine.toArray();
  }

  /** Stop the debounce timer (tests, or a repository being replaced). Pending edits stay dirty. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  // --- internals

  private markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.resolveReady();
    if (this.dirty.size > 0 && !this.readOnly) this.schedule();
  }

  /** Write at most debounceMs after the first pending edit; later edits join the same write. */
  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeDirty(): Promise<void> {
    if (this.readOnly || (this.dirty.size === 0 && !this.reseed)) return;
    const ws = this.opts.getWorkspace();
    if (!ws) return; // the document is not open yet; keep the edits for later
    const batch = [...this.dirty.values()];
    this.dirty.clear();
    this.emit({ state: 'saving' });
    try {
      if (this.reseed) await this.writeAll(ws);
      else await this.writeRecords(ws, batch);
      this.reseed = false;
      if (this.dirty.size === 0) this.emit({ state: 'saved', at: new Date().toISOString() });
    } catch (e) {
      for (const d of batch) {
        const key = `${d.table}:${d.id}`;
        if (!this.dirty.has(key)) this.dirty.set(key, d);
      }
      this.emit({ state: 'error', message: describeSaveError(e) });
      throw e;
    }
  }

  /** The current value of each dirty record, plus the map index and list order, in one transaction. */
  private writeRecords(ws: Workspace, batch: Dirty[]): Promise<void> {
    const { db } = this;
    return db.transaction('rw', [db.meta, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores], async () => {
      const writes: Promise<unknown>[] = [];
      const meta: MetaRow[] = [];
      if (batch.some((d) => d.table === 'meta')) meta.push({ key: 'workspace', ...ws.meta });
      if (batch.some((d) => d.table !== 'meta')) meta.push(orderRow(ws));
      if (meta.length > 0) writes.push(db.meta.bulkPut(meta));

      for (const table of [...CATALOGUE, 'maps'] as const) {
        const wanted = batch.filter((d) => d.table === table).map((d) => d.id);
        if (wanted.length === 0) continue;
        const current = new Map<Id, { id: Id }>(ws[table].map((r) => [r.id, r]));
        const put = wanted.map((id) => current.get(id)).filter((r) => r !== undefined);
        const gone = wanted.filter((id) => !current.has(id));
        const store = db[table] as unknown as Table<{ id: Id }, Id>;
        if (put.length > 0) writes.push(store.bulkPut(put));
        if (gone.length > 0) writes.push(store.bulkDelete(gone));
        if (table === 'maps') {
          if (put.length > 0) writes.push(db.mapIndex.bulkPut((put as ProcessMap[]).map(indexRow)));
          if (gone.length > 0) writes.push(db.mapIndex.bulkDelete(gone));
        }
      }
      await Promise.all(writes);
    });
  }

  private writeAll(ws: Workspace): Promise<void> {
    const { db } = this;
    const tables = [db.meta, db.maps, db.mapIndex, db.departments, db.systems, db.dataStores];
    return db.transaction('rw', tables, async () => {
      await Promise.all(tables.map((t) => t.clear()));
      await Promise.all([
        db.meta.bulkPut([{ key: 'schema', version: SCHEMA_VERSION }, { key: 'workspace', ...ws.meta }, orderRow(ws)]),
        db.maps.bulkPut(ws.maps),
        db.mapIndex.bulkPut(ws.maps.map(indexRow)),
        db.departments.bulkPut(ws.departments),
        db.systems.bulkPut(ws.systems),
        db.dataStores.bulkPut(ws.dataStores),
      ]);
    });
  }

  /** Move bad rows to the quarantine table: copy and removal in one transaction, so a row is never lost. */
  private async quarantine(bad: QuarantineRow[], warnings: string[]): Promise<void> {
    const { db } = this;
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

  private emit(s: SaveStatus): void {
    const sig = s.state === 'error' ? `error:${s.message}` : s.state === 'saving' ? 'saving' : `saved:${s.at ?? ''}`;
    if (sig === this.lastStatus) return;
    this.lastStatus = sig;
    this.opts.onStatus(s);
  }
}

function setAside(bad: QuarantineRow[], warnings: string[], table: string, noun: string, row: unknown, errors: BundleIssue[], at: string): void {
  const r = (typeof row === 'object' && row !== null ? row : {}) as { id?: unknown; name?: unknown };
  const id = String(r.id);
  const first = errors[0];
  const why = first ? `${first.path}: ${first.message}` : 'unreadable';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length === 2 ? '' : 's'})` : '';
  const reason = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  bad.push({ table, id, reason, at, row });
  const name = typeof r.name === 'string' && r.name ? `"${r.name}" (${id})` : `"${id}"`;
  warnings.push(`${noun} ${name} could not be read and was set aside: ${why}${more}`);
}

function sortByOrder<T extends { id: Id }>(rows: T[], order: Id[] | undefined): T[] {
  if (!order) return rows;
  const pos = new Map(order.map((id, i) => [id, i]));
  const last = Number.MAX_SAFE_INTEGER; // rows missing from the order go after, in id order
  return [...rows].sort((a, b) => (pos.get(a.id) ?? last) - (pos.get(b.id) ?? last));
}

const ids = (rows: { id: Id }[]): Set<Id> => new Set(rows.map((r) => r.id));

function orderRow(ws: Workspace): OrderRow {
  const idsOf = (rows: { id: Id }[]) => rows.map((r) => r.id);
  return { key: 'order', departments: idsOf(ws.departments), systems: idsOf(ws.systems), dataStores: idsOf(ws.dataStores), maps: idsOf(ws.maps) };
}

function indexRow(m: ProcessMap): MapIndexRow {
  return { id: m.id, name: m.name, departmentId: m.departmentId, updatedAt: m.updatedAt, nodeCount: m.nodes.length, flowCount: m.flows.length };
}

/** Look through Dexie's wrappers (AbortError.inner, BulkError.failures) for the browser's own error. */
function causes(e: unknown, depth = 0): { name: string; message: string }[] {
  if (typeof e !== 'object' || e === null || depth > 4) return [];
  const err = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = { name: String(err.name ?? ''), message: String(err.message ?? '') };
  const nested = [err.inner, err.cause, ...(Array.isArray(err.failures) ? err.failures : [])];
  return [own, ...nested.flatMap((n) => causes(n, depth + 1))];
}

/** A reason a user can act on, for the save indicator. */
export function describeSaveError(e: unknown): string {
  const all = causes(e);
  const kept = 'Your changes are kept in this tab and will be saved on the next try; download a backup to be safe.';
  if (all.some((c) => c.name === 'QuotaExceededError' || /quota/i.test(c.message))) {
    return `Not saved: the disk or the browser's storage for this site is full. Free some space, then keep editing. ${kept}`;
  }
  if (all.some((c) => c.name === 'DatabaseClosedError' || c.name === 'InvalidStateError')) {
    return `Not saved: the browser closed this site's storage (site data may have been cleared). ${kept}`;
  }
  const detail = all.find((c) => c.message)?.message ?? (all[0]?.name || String(e));
  return `Not saved: ${detail}. ${kept}`;
}
