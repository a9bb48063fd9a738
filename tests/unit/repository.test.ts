import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setRecommendation, updateWorkspaceDetails } from '../../src/core/commands';
import { diffWorkspace, type RecordChange } from '../../src/core/commands/diff';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { STORAGE_VERSION } from '../../src/core/schema/migrations';
import { LanemapDB } from '../../src/persistence/db';
import { Repository, type SaveStatus } from '../../src/persistence/repository';

const NOW = '2026-12-05T10:00:00Z';

// --- fixtures

function makeMap(id: string, name: string, departmentId: string | null, nodeCount: number): ProcessMap {
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({ id: `n${i}`, kind: 'step' as const, laneId: 'l-1', label: `Step ${i}` }));
  return {
    id,
    name,
    departmentId,
    lanes: [{ id: 'l-1', name: 'Officer' }],
    nodes,
    flows: nodes.slice(1).map((n, i) => ({ id: `f${i}`, kind: 'sequence' as const, from: `n${i}`, to: n.id })),
    view: { nodes: { n0: { x: 200, y: 60, width: 150, height: 64 } }, laneHeights: { 'l-1': 200 }, flowPoints: {} },
    updatedAt: '2026-10-01T00:00:00.000Z',
  };
}

function makeWorkspace(): Workspace {
  const withStore = makeMap('m-c', 'Fees', 'd-fin', 2);
  withStore.nodes.push({ id: 'ds', kind: 'dataStore', laneId: 'l-1', label: 'Sheet', refId: 'ds-1' });
  withStore.extra = { workshop: '2026-09-30' };
  return {
    meta: { id: 'ws-1', name: 'CRM as-is' },
    departments: [
      { id: 'd-fin', name: 'Finance' },
      { id: 'd-adm', name: 'Admissions' },
    ],
    systems: [
      { id: 's-2', name: 'SITS', kind: 'application', integratesWith: ['s-1'] },
      { id: 's-1', name: 'Agresso', kind: 'application', integratesWith: [], vendor: 'Unit4' } as Workspace['systems'][number],
    ],
    dataStores: [{ id: 'ds-1', name: 'Sheet', kind: 'spreadsheet', systemId: null, customerFields: ['Name'] }],
    // Not in id order: the stored order must survive.
    maps: [makeMap('m-b', 'Enquiries', 'd-adm', 3), makeMap('m-a', 'Offers', null, 1), withStore],
  };
}

// --- harness

let seq = 0;
let db: LanemapDB;
let current: Workspace;
let statuses: SaveStatus[];
const repos: Repository[] = [];

function newRepo(debounceMs = 20, database = db): Repository {
  const repo = new Repository(database, { getWorkspace: () => current, onStatus: (s) => statuses.push(s), debounceMs });
  repos.push(repo);
  return repo;
}

// Dexie binds IDBDatabase.transaction when it opens a database, so the spy goes in before any open.
let txSpy: ReturnType<typeof spyOnTransactions>;
const spyOnTransactions = () => vi.spyOn(IDBDatabase.prototype, 'transaction');

/** Counts the saves' IndexedDB read-write transactions opened from now on (not the edit journal's own appends). */
function countWriteTransactions() {
  const start = txSpy.mock.calls.length;
  const journalOnly = (names: unknown) => [names].flat().join() === 'journal';
  return () => txSpy.mock.calls.slice(start).filter((args) => args[1] === 'readwrite' && !journalOnly(args[0])).length;
}

/** The records put into one object store from now on (whichever way the save writes them). */
function putsInto(store: string) {
  const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
  return () => puts.mock.calls.filter((_, i) => (puts.mock.contexts[i] as IDBObjectStore).name === store).map((args) => args[0] as { id: string });
}

/** The browser refuses puts into `store` `times` times (a full disk throws at the put) and lets the rest through. */
function failPuts(store: string, error: () => Error, times = Infinity) {
  const real = IDBObjectStore.prototype.put;
  let left = times;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === store && left-- > 0) throw error();
    return real.apply(this, args);
  });
}

/** Replace one map in `current` as an edit would, and return the change to mark. */
function editMap(id: string, fn: (m: ProcessMap) => ProcessMap): RecordChange {
  const before = current.maps.find((m) => m.id === id)!;
  const after = fn(before);
  current = { ...current, maps: current.maps.map((m) => (m.id === id ? after : m)) };
  return { table: 'maps', id, before, after };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function reload(): Promise<Workspace | null> {
  const other = new LanemapDB(db.name);
  try {
    const { workspace } = await newRepo(20, other).load();
    return workspace;
  } finally {
    other.close();
  }
}

beforeEach(() => {
  txSpy = spyOnTransactions();
  db = new LanemapDB(`lanemap-test-${++seq}`);
  current = makeWorkspace();
  statuses = [];
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const r of repos.splice(0)) r.dispose();
  await db.delete();
});

// --- tests

describe('Repository: load and seed', () => {
  it('loads null from an empty database, the first run', async () => {
    const r = await newRepo().load();
    expect(r).toEqual({ workspace: null, warnings: [] });
  });

  it('seed then load gives back the same workspace, order and unknown fields included', async () => {
    await newRepo().seed(current);
    const { workspace, warnings } = await newRepo().load();
    expect(warnings).toEqual([]);
    expect(workspace).toEqual(current);
    expect(workspace!.maps.map((m) => m.id)).toEqual(['m-b', 'm-a', 'm-c']);
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
  });

  it('seed writes the schema row and the map index in one transaction', async () => {
    const writes = countWriteTransactions();
    await newRepo().seed(current);
    expect(writes()).toBe(1);
    expect(await db.meta.get('schema')).toEqual({ key: 'schema', version: STORAGE_VERSION });
    expect(await db.meta.get('workspace')).toEqual({ key: 'workspace', id: 'ws-1', name: 'CRM as-is' });
    expect(await db.mapIndex.get('m-b')).toEqual({ id: 'm-b', name: 'Enquiries', departmentId: 'd-adm', updatedAt: '2026-10-01T00:00:00.000Z', nodeCount: 3, flowCount: 2 });
  });

  it('seed replaces what was stored before', async () => {
    await newRepo().seed(current);
    current = { ...current, systems: [], dataStores: [], maps: [makeMap('m-z', 'Only', null, 1)] };
    await newRepo().seed(current);
    expect(await db.maps.toCollection().primaryKeys()).toEqual(['m-z']);
    expect(await db.mapIndex.toCollection().primaryKeys()).toEqual(['m-z']);
    expect(await reload()).toEqual(current);
  });
});

describe('Repository: saving edits', () => {
  it('markDirty + flush writes only the changed records, in one transaction, and a reload sees them', async () => {
    await newRepo().seed(current);
    const repo = newRepo(300);
    await repo.load();
    statuses = [];
    const mapPuts = putsInto('maps');
    const writes = countWriteTransactions();

    const changes = [
      editMap('m-a', (m) => ({ ...m, name: 'Offers (renamed)', nodes: [...m.nodes, { id: 'nx', kind: 'end', laneId: 'l-1', label: 'Done' }] })),
      { table: 'departments' as const, id: 'd-new' },
      { table: 'systems' as const, id: 's-1' },
      { table: 'meta' as const, id: 'ws-1' },
    ];
    current = {
      ...current,
      meta: { ...current.meta, name: 'CRM to-be' },
      departments: [...current.departments, { id: 'd-new', name: 'Registry' }],
      systems: current.systems.filter((s) => s.id !== 's-1'),
    };
    repo.markDirty(changes);
    expect(statuses).toEqual([{ state: 'saving' }]);
    await repo.flush();

    expect(writes()).toBe(1);
    expect(mapPuts().map((m) => m.id)).toEqual(['m-a']);
    expect(statuses).toEqual([{ state: 'saving' }, { state: 'saved', at: expect.any(String) }]);
    expect(await db.mapIndex.get('m-a')).toMatchObject({ name: 'Offers (renamed)', nodeCount: 2 });
    expect(await db.systems.get('s-1')).toBeUndefined();
    expect(await reload()).toEqual(current);
  });

  it('keeps the report’s recommendations and cover details with the workspace across a reload', async () => {
    await newRepo().seed(current);
    const repo = newRepo();
    await repo.load();
    const edited = setRecommendation.run(updateWorkspaceDetails.run(current, { patch: { organisation: 'University of Example', status: 'draft' } }, { now: () => NOW }), { kind: 'duplicate-data', text: 'One record in the CRM.' }, { now: () => NOW });
    current = edited;
    repo.markDirty(diffWorkspace(makeWorkspace(), edited).map((c) => ({ table: c.table, id: c.id })));
    await repo.flush();
    expect((await reload())?.meta).toEqual({ id: 'ws-1', name: 'CRM as-is', organisation: 'University of Example', status: 'draft', recommendations: { 'duplicate-data': 'One record in the CRM.' } });
  });

  it('deletes a map that is no longer in the workspace, with its index row', async () => {
    await newRepo().seed(current);
    const repo = newRepo();
    await repo.load();
    current = { ...current, maps: current.maps.filter((m) => m.id !== 'm-b') };
    repo.markDirty([{ table: 'maps', id: 'm-b' }]);
    await repo.flush();
    expect(await db.maps.get('m-b')).toBeUndefined();
    expect(await db.mapIndex.get('m-b')).toBeUndefined();
    expect(await reload()).toEqual(current);
  });

  it('debounce coalesces several edits into one write of their latest values', async () => {
    await newRepo().seed(current);
    const repo = newRepo(60);
    await repo.load();
    const writes = countWriteTransactions();

    // The debounce runs on a fake clock (IndexedDB keeps its own scheduling): with real sleeps a
    // busy machine stretched 10 ms past the window and the unit suite failed once at load 10.
    const seen = statuses.length;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'One' }))]);
      vi.advanceTimersByTime(10);
      repo.markDirty([editMap('m-b', (m) => ({ ...m, name: 'Two' }))]);
      vi.advanceTimersByTime(10);
      repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Three' }))]);
      expect(writes()).toBe(0); // still inside the debounce window
      vi.advanceTimersByTime(200);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(statuses.slice(seen).some((st) => st.state === 'saved')).toBe(true));
    await repo.flush();

    expect(writes()).toBe(1);
    expect((await db.maps.get('m-a'))!.name).toBe('Three');
    expect((await db.maps.get('m-b'))!.name).toBe('Two');
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
  });

  it('writes during a long burst of edits, not only after it ends', async () => {
    await newRepo().seed(current);
    const repo = newRepo(50);
    await repo.load();
    for (let i = 0; i < 12; i++) {
      repo.markDirty([editMap('m-a', (m) => ({ ...m, name: `Edit ${i}` }))]);
      await sleep(15);
    }
    // The burst lasted ~180 ms with a 50 ms debounce: earlier edits are on disk already.
    expect((await db.maps.get('m-a'))!.name).not.toBe('Offers');
    await repo.flush();
    expect((await db.maps.get('m-a'))!.name).toBe('Edit 11');
  });

  it('never waits longer than 500 ms, whatever debounce is asked for', async () => {
    await newRepo().seed(current);
    const repo = newRepo(60_000);
    await repo.load();
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Soon' }))]);
    await sleep(700);
    expect((await db.maps.get('m-a'))!.name).toBe('Soon');
  });

  it('a quota error reports status error with a reason, writes nothing, and the next flush saves the edit', async () => {
    await newRepo().seed(current);
    const repo = newRepo();
    await repo.load();
    statuses = [];
    failPuts('maps', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 1);

    current = { ...current, departments: [...current.departments, { id: 'd-new', name: 'Registry' }] };
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Edited offline' })), { table: 'departments', id: 'd-new' }]);
    await repo.flush();

    const last = statuses.at(-1)!;
    expect(last.state).toBe('error');
    expect(last.state === 'error' && last.message).toMatch(/storage for this site is full/);
    // All or nothing: the department in the same transaction was not written either.
    expect((await db.maps.get('m-a'))!.name).toBe('Offers');
    expect(await db.departments.get('d-new')).toBeUndefined();

    await repo.flush(); // nothing new was marked: the failed records are still dirty
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
    expect((await db.maps.get('m-a'))!.name).toBe('Edited offline');
    expect(await db.departments.get('d-new')).toEqual({ id: 'd-new', name: 'Registry' });
  });

  it('a failed seed is retried as a whole on the next flush', async () => {
    const repo = newRepo();
    await repo.load();
    failPuts('maps', () => new DOMException('full', 'QuotaExceededError'), 1);
    await expect(repo.seed(current)).rejects.toThrow();
    expect(statuses.at(-1)).toMatchObject({ state: 'error' });
    expect(await db.maps.count()).toBe(0);

    await repo.flush();
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
    expect(await reload()).toEqual(current);
  });

  it('reports other write failures with their reason', async () => {
    await newRepo().seed(current);
    const repo = newRepo();
    await repo.load();
    failPuts('mapIndex', () => new Error('disk on fire'), 1);
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'X' }))]);
    await repo.flush();
    expect(statuses.at(-1)).toEqual({ state: 'error', message: expect.stringContaining('disk on fire') });
    expect((await db.maps.get('m-a'))!.name).toBe('Offers');
  });

  it('a save cut short by the browser closing the database is made again, with no alarm, up to three times; then it is reported', async () => {
    await newRepo().seed(current);
    const repo = new Repository(db, { getWorkspace: () => current, onStatus: (s) => statuses.push(s), debounceMs: 0, retryDelayMs: () => 30 });
    repos.push(repo);
    await repo.load();
    // What a running transaction gets when site data is cleared: aborted as the connection closes.
    const closing = () => new DOMException('The connection was closed.', 'AbortError');
    failPuts('maps', closing, 3);
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Cut short three times' }))]);
    await repo.flush();
    await vi.waitFor(() => expect(statuses.at(-1)).toMatchObject({ state: 'saved' }), { timeout: 3000 });
    expect(statuses.filter((s) => s.state === 'error')).toEqual([]);
    expect(await reload()).toEqual(current);

    // Cut short again and again: after the quiet retries, the user hears of it.
    vi.restoreAllMocks();
    failPuts('maps', closing);
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Cut short for good' }))]);
    await repo.flush();
    await vi.waitFor(() => expect(statuses.at(-1)).toMatchObject({ state: 'error', message: expect.stringContaining('connection was closed') }), { timeout: 3000 });
  });

  it('a failed save is tried again by itself until it works, and the status counts the edits waiting', async () => {
    await newRepo().seed(current);
    const repo = new Repository(db, { getWorkspace: () => current, onStatus: (s) => statuses.push(s), debounceMs: 0, retryDelayMs: () => 30 });
    repos.push(repo);
    await repo.load();
    const full = failPuts('maps', () => new DOMException('full', 'QuotaExceededError'));
    for (const name of ['One', 'Two', 'Three']) {
      repo.markDirty([editMap('m-a', (m) => ({ ...m, name }))]);
      await repo.flush();
    }
    expect(statuses.filter((s) => s.state === 'error').at(-1)).toEqual({ state: 'error', message: expect.stringContaining('3 edits are waiting') });

    full.mockRestore(); // space again; nobody edits or presses anything
    await vi.waitFor(() => expect(statuses.at(-1)).toMatchObject({ state: 'saved' }), { timeout: 3000 });
    expect(await reload()).toEqual(current);
  });

  it('a database deleted under the open workspace gets the whole workspace again, and says so once', async () => {
    await newRepo().seed(current);
    const lost = vi.fn();
    const repo = new Repository(db, { getWorkspace: () => current, onStatus: (s) => statuses.push(s), debounceMs: 0, onStorageLost: lost });
    repos.push(repo);
    await repo.load();
    // What the browser leaves when site data is cleared: the same database, made again empty.
    await Promise.all(db.tables.map((t) => t.clear()));

    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'After the wipe' }))]);
    await repo.flush();
    expect(await reload()).toEqual(current);
    expect(lost).toHaveBeenCalledTimes(1);

    repo.markDirty([editMap('m-b', (m) => ({ ...m, name: 'Next edit' }))]);
    await repo.flush();
    expect(lost).toHaveBeenCalledTimes(1);
    expect(await reload()).toEqual(current);
  });

  it('a page closing before it could look at storage the browser emptied writes the whole workspace, not the changed map alone', async () => {
    await newRepo().seed(current);
    const repo = newRepo();
    await repo.load();
    // The database was closed under the app (site data cleared) and is empty now; the check
    // that would write everything again waits for the next save, which the page never gets to.
    await Promise.all(db.tables.map((t) => t.clear()));
    repo.checkStored();
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Edited as the page closed' }))]);

    repo.flushOnExit();
    repo.dispose(); // the page is gone: no timer of it runs again
    await vi.waitFor(async () => expect(await db.maps.count()).toBe(current.maps.length));
    expect(await reload()).toEqual(current);
  });

  it('writes nothing before load has finished, then writes the queued edits', async () => {
    await newRepo().seed(current);
    const repo = newRepo(10);
    const writes = countWriteTransactions();
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Early edit' }))]);
    let flushed = false;
    const pending = repo.flush().then(() => (flushed = true));
    await sleep(80);
    expect(writes()).toBe(0);
    expect(flushed).toBe(false);
    expect((await db.maps.get('m-a'))!.name).toBe('Offers');

    await repo.load();
    await pending;
    expect(writes()).toBe(1);
    expect((await db.maps.get('m-a'))!.name).toBe('Early edit');
  });
});

describe('Repository: damaged or newer data', () => {
  it('sets a corrupt map row aside with a warning and loads the other maps', async () => {
    await newRepo().seed(current);
    const corrupt = { ...structuredClone(current.maps[0]!), nodes: [{ id: 'n0', kind: 'blob', laneId: 'l-gone', label: 'x' }] };
    await db.maps.put(corrupt as unknown as ProcessMap);

    const repo = newRepo();
    const { workspace, warnings } = await repo.load();
    expect(workspace!.maps.map((m) => m.id)).toEqual(['m-a', 'm-c']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Map "Enquiries" \(m-b\) could not be read and was set aside: nodes\[0\]\.kind: must be one of/);
    expect(warnings[0]).toContain('(and 4 more problems)'); // laneId, and flows to the nodes that are gone

    const [q, ...rest] = await repo.listQuarantine();
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ table: 'maps', id: 'm-b', row: corrupt });
    expect(q!.reason).toContain('nodes[0].laneId: no lane in this map with id "l-gone"');
    // Moved, not lost: the row left the maps table and its index, and the next load is clean.
    expect(await db.maps.get('m-b')).toBeUndefined();
    expect(await db.mapIndex.get('m-b')).toBeUndefined();
    const again = await newRepo().load();
    expect(again.warnings).toEqual([]);
    expect(again.workspace!.maps).toHaveLength(2);
  });

  it('a map pointing at a data store that is missing opens, the store shown as unknown (missing record)', async () => {
    await newRepo().seed(current);
    await db.dataStores.delete('ds-1');
    const { workspace, warnings } = await newRepo().load();
    expect(workspace!.maps.map((m) => m.id)).toEqual(['m-b', 'm-a', 'm-c']);
    expect(workspace!.dataStores.find((d) => d.id === 'ds-1')!.name).toBe('unknown (missing record)');
    expect(warnings).toEqual(['A map points at a data store (“ds-1”) that is not in storage; it is shown as “unknown (missing record)”.']);
    // The stand-in is stored, so other tabs and the next load see the same workspace.
    expect((await db.dataStores.get('ds-1'))!.name).toBe('unknown (missing record)');
  });

  it('a damaged department is set aside alone: the maps of it open, a stand-in takes its place, the row is kept', async () => {
    await newRepo().seed(current);
    const broken = { id: 'd-fin', name: { text: 'Finance' } };
    await db.departments.put(broken as never);
    const repo = newRepo();
    const { workspace } = await repo.load();
    expect(workspace!.maps.map((m) => m.id)).toEqual(['m-b', 'm-a', 'm-c']);
    expect(workspace!.departments.find((d) => d.id === 'd-fin')).toEqual({ id: 'd-fin', name: 'unknown (damaged record)' });
    const [q, ...rest] = await repo.listQuarantine();
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ table: 'departments', id: 'd-fin', row: broken, version: STORAGE_VERSION, explanation: '“name” must be text, found an object.' });
    expect(await db.departments.get('d-fin')).toEqual({ id: 'd-fin', name: 'unknown (damaged record)' });
    const again = await newRepo().load();
    expect(again.warnings).toEqual([]);
  });

  it('the workspace name stored as an object opens as "Workspace", the row kept aside and written again readable', async () => {
    await newRepo().seed(current);
    const broken = { key: 'workspace', id: 'ws-1', name: { text: 'CRM as-is' } };
    await db.meta.put(broken as never);
    const repo = newRepo();
    const { workspace, warnings } = await repo.load();
    expect(workspace!.meta).toEqual({ id: 'ws-1', name: 'Workspace' });
    expect(workspace!.maps).toHaveLength(3);
    expect(warnings).toEqual(['The workspace name and details could not be read and was set aside: name: must be text, found an object']);
    expect((await repo.listQuarantine()).map((q) => [q.table, q.id, q.row])).toEqual([['meta', 'workspace', broken]]);
    expect(await db.meta.get('workspace')).toEqual({ key: 'workspace', id: 'ws-1', name: 'Workspace' });
  });

  it('damaged revision and trash rows are set aside; the rest of the history stays', async () => {
    await newRepo().seed(current);
    await db.revisions.put({ id: 'r-bad', mapId: 'm-a', at: 'yesterday' } as never);
    await db.trash.put({ id: 'm-old', deletedAt: 1, map: { id: 'm-old' } } as never);
    const before = await db.revisions.count();
    const repo = newRepo();
    await repo.load();
    expect((await repo.listQuarantine()).map((q) => [q.table, q.id]).sort()).toEqual([['revisions', 'r-bad'], ['trash', 'm-old']]);
    expect(await db.revisions.count()).toBe(before - 1);
    expect(await db.trash.count()).toBe(0);
  });

  it('sets a corrupt catalogue row aside', async () => {
    await newRepo().seed(current);
    await db.departments.put({ id: 'd-bad' } as never);
    const { workspace, warnings } = await newRepo().load();
    expect(workspace!.departments.map((d) => d.id)).toEqual(['d-fin', 'd-adm']);
    expect(warnings).toEqual(['Department "d-bad" could not be read and was set aside: name: is required']);
  });

  it('opens data from a newer schema read-only and writes nothing', async () => {
    await newRepo().seed(current);
    await db.meta.put({ key: 'schema', version: 4 });
    const repo = newRepo();
    const writes = countWriteTransactions();
    const { workspace, warnings } = await repo.load();
    expect(repo.readOnly).toBe(true);
    expect(workspace!.maps).toHaveLength(3);
    expect(warnings).toEqual([expect.stringContaining('newer version of Lanemap (schema 4)')]);

    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Not saved' }))]);
    await repo.flush();
    await sleep(50);
    expect(writes()).toBe(0);
    expect(statuses.at(-1)).toMatchObject({ state: 'error', message: expect.stringContaining('Read-only') });
    await expect(repo.seed(current)).rejects.toThrow(/read-only/);
    expect((await db.maps.get('m-a'))!.name).toBe('Offers');
  });
});

describe('Repository: other tabs', () => {
  it('says which records have edits not on disk yet: dirty ones and those being written', async () => {
    await newRepo().seed(current);
    const repo = newRepo(10_000);
    await repo.load();
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Pending' }))]);
    expect(repo.isPending('maps', 'm-a')).toBe(true);
    expect(repo.isPending('maps', 'm-b')).toBe(false);
    const writing = repo.flush();
    expect(repo.isPending('maps', 'm-a')).toBe(true); // until the write has finished
    await writing;
    expect(repo.isPending('maps', 'm-a')).toBe(false);
    expect(repo.writesStarted).toBe(1);
  });

  it('stops writing when a newer Lanemap takes the database, and says why', async () => {
    await newRepo().seed(current);
    const repo = newRepo();
    await repo.load();
    const writes = countWriteTransactions();
    repo.stopWriting('Reload this tab');
    repo.markDirty([editMap('m-a', (m) => ({ ...m, name: 'Not saved' }))]);
    await repo.flush();
    expect(writes()).toBe(0);
    expect(statuses.at(-1)).toEqual({ state: 'error', message: 'Reload this tab' });
    expect((await db.maps.get('m-a'))!.name).toBe('Offers');
  });
});

describe('A saved version damaged on disk', () => {
  it('is set aside when it is read, not shown, and kept in the quarantine', async () => {
    const { revisionMap } = await import('../../src/persistence/historyQueries');
    await db.revisionMaps.put({ id: 'r-bad', map: { id: 'm-a', name: 7 } } as never);
    expect(await revisionMap(db, 'r-bad')).toBeUndefined();
    const [q, ...rest] = await db.quarantine.toArray();
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ table: 'revisionMaps', id: 'r-bad', row: { id: 'r-bad', map: { id: 'm-a', name: 7 } } });
    expect(await db.revisionMaps.get('r-bad')).toBeUndefined();
  });
});
