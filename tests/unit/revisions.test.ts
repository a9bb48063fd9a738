import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diffWorkspace, emptyHistory, recordEntry, scopeKey, undo } from '../../src/core/commands';
import { restoreMapRevision, restoreTrashedMap } from '../../src/core/commands/restoreMap';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { describeChange, revisionOf } from '../../src/core/schema/revisionRecords';
import { LanemapDB } from '../../src/persistence/db';
import { Repository, VERSION_EVERY_MS } from '../../src/persistence/repository';
import { HOUR_MS, KEEP_LAST, revisionsToDrop, TRASH_MS, type RevisionStamp } from '../../src/persistence/revisionPolicy';
import { deleteForever, listRevisions, listTrash, purgeExpired, revisionMap } from '../../src/persistence/historyQueries';

// Revisions of every map and the trash: the pruning rules with a clock of our own, versions
// taken after saves (not in them), and the commands that bring an old version or a map back.

const T0 = Date.parse('2026-11-01T08:00:00Z');
const MIN = 60_000;
const DAY = 24 * HOUR_MS;

const stamps = (ats: number[], size = 1000): RevisionStamp[] => ats.map((at, i) => ({ id: `r${i}`, at, size }));
const kept = (all: RevisionStamp[], now: number, policy?: Parameters<typeof revisionsToDrop>[2]) => {
  const drop = new Set(revisionsToDrop(all, now, policy));
  return all.filter((r) => !drop.has(r.id)).map((r) => r.id);
};

describe('pruning rules', () => {
  it('keeps every save while there are no more than 50', () => {
    const all = stamps(Array.from({ length: KEEP_LAST }, (_, i) => T0 + i * MIN));
    expect(revisionsToDrop(all, T0 + KEEP_LAST * MIN)).toEqual([]);
  });

  it('keeps the last 50 saves plus the newest save of each earlier hour of the week', () => {
    // A save a minute for 3 hours: 180 saves.
    const all = stamps(Array.from({ length: 180 }, (_, i) => T0 + i * MIN));
    const now = T0 + 180 * MIN;
    const ids = kept(all, now);
    const last50 = all.slice(-50).map((r) => r.id);
    // Hours start at T0 (08:00): the newest of 08:xx is minute 59, of 09:xx minute 119.
    expect(ids).toEqual(['r59', 'r119', ...last50]);
  });

  it('drops hourly saves older than a week, beyond the last 50', () => {
    // One save an hour for 10 days.
    const all = stamps(Array.from({ length: 240 }, (_, i) => T0 + i * HOUR_MS));
    const now = T0 + 240 * HOUR_MS;
    const ids = kept(all, now);
    const weekAgo = now - 7 * DAY;
    expect(ids.length).toBe(all.filter((r) => r.at >= weekAgo).length);
    expect(all.filter((r) => !ids.includes(r.id)).every((r) => r.at < weekAgo)).toBe(true);
    // A week later still, only the last 50 remain.
    expect(kept(all, now + 8 * DAY)).toEqual(all.slice(-50).map((r) => r.id));
  });

  it('keeps within the size cap by dropping the oldest, but always keeps the newest', () => {
    const all = stamps(Array.from({ length: 20 }, (_, i) => T0 + i * MIN), 1_000_000);
    expect(kept(all, T0 + 20 * MIN, { keepLast: 50, hourlyForMs: 7 * DAY, maxBytes: 5_500_000 })).toEqual(['r15', 'r16', 'r17', 'r18', 'r19']);
    const huge = [{ id: 'big', at: T0, size: 50_000_000 }];
    expect(revisionsToDrop(huge, T0 + MIN)).toEqual([]);
  });
});

describe('describing a version', () => {
  const base = (): ProcessMap => ({
    id: 'm',
    name: 'Enquiries',
    departmentId: null,
    lanes: [{ id: 'l1', name: 'Officer' }],
    nodes: [{ id: 'n1', kind: 'step', laneId: 'l1', label: 'Log' }],
    flows: [],
    view: { nodes: { n1: { x: 200, y: 60, width: 150, height: 64 } }, laneHeights: {}, flowPoints: {} },
    updatedAt: '2026-11-01T08:00:00Z',
  });
  const summary = (m: ProcessMap) => revisionOf(m, T0, 'x').row.summary;

  it('says what changed since the version before', () => {
    const a = base();
    expect(describeChange(undefined, summary(a))).toBe('Earliest version kept');
    expect(describeChange(summary(a), summary(a))).toBe('No change');
    const more = { ...a, nodes: [...a.nodes, { id: 'n2', kind: 'end' as const, laneId: 'l1', label: 'Done' }, { id: 'n3', kind: 'note' as const, laneId: 'l1', label: 'x' }], flows: [{ id: 'f', kind: 'sequence' as const, from: 'n1', to: 'n2' }] };
    expect(describeChange(summary(a), summary(more))).toBe('+2 nodes, +1 flow');
    expect(describeChange(summary(more), summary({ ...a, name: 'Calls' }))).toBe('Renamed to “Calls”, −2 nodes, −1 flow');
    expect(describeChange(summary(a), summary({ ...a, nodes: [{ ...a.nodes[0]!, label: 'Log call' }] }))).toBe('Labels or links edited');
    expect(describeChange(summary(a), summary({ ...a, view: { ...a.view, nodes: { n1: { x: 400, y: 60, width: 150, height: 64 } } } }))).toBe('Layout changed');
  });
});

// --- stored: revisions beside each save, the trash beside each deletion

function makeMap(id: string, name: string, labels: string[], refId?: string): ProcessMap {
  const nodes = labels.map((label, i) => ({ id: `n${i}`, kind: 'step' as const, laneId: 'l1', label }));
  if (refId) nodes.push({ id: 'ds', kind: 'dataStore' as never, laneId: 'l1', label: 'Sheet', refId } as never);
  return { id, name, departmentId: 'd-1', lanes: [{ id: 'l1', name: 'Officer', departmentId: 'd-1' }], nodes, flows: [], view: { nodes: {}, laneHeights: {}, flowPoints: {} }, updatedAt: '2026-11-01T08:00:00Z' };
}

let seq = 0;
let db: LanemapDB;
let current: Workspace;
let clock: number;
let repo: Repository;
// Dexie binds IDBDatabase.transaction when it opens a database, so the spy goes in before any open.
let txSpy: { mock: { calls: unknown[][] } };

beforeEach(() => {
  txSpy = vi.spyOn(IDBDatabase.prototype, 'transaction');
  db = new LanemapDB(`lanemap-revisions-${++seq}`);
  clock = T0;
  current = {
    meta: { id: 'ws', name: 'Workshop' },
    departments: [{ id: 'd-1', name: 'Admissions' }],
    systems: [],
    dataStores: [{ id: 'ds-1', name: 'Sheet', kind: 'spreadsheet', systemId: null, customerFields: [] }],
    maps: [makeMap('m-a', 'Enquiries', ['Log']), makeMap('m-b', 'Offers', ['Send offer'], 'ds-1')],
  };
  repo = new Repository(db, { getWorkspace: () => current, onStatus: () => undefined, debounceMs: 0, now: () => clock });
});

afterEach(async () => {
  vi.restoreAllMocks();
  repo.dispose();
  await db.delete();
});

function edit(mapId: string, fn: (m: ProcessMap) => ProcessMap): void {
  const before = current.maps.find((m) => m.id === mapId)!;
  const after = fn(before);
  current = { ...current, maps: current.maps.map((m) => (m.id === mapId ? after : m)) };
  repo.markDirty([{ table: 'maps', id: mapId, before, after }]);
}
const relabel = (label: string) => (m: ProcessMap): ProcessMap => ({ ...m, nodes: [{ ...m.nodes[0]!, label }, ...m.nodes.slice(1)], updatedAt: new Date(clock).toISOString() });

/** The saves' and versions' read-write transactions opened since `start` (the edit journal's own appends aside). */
const writesSince = (start: number) => txSpy.mock.calls.slice(start).filter((c) => c[1] === 'readwrite' && [c[0]].flat().join() !== 'journal');

describe('versions of the maps saved, and the trash', () => {
  it('the first save keeps a version of every map; later saves write the map alone, and its version follows in a transaction of its own', async () => {
    await repo.load();
    await repo.seed(current);
    expect((await listRevisions(db, 'm-a')).map((r) => r.at)).toEqual([T0]);

    const start = txSpy.mock.calls.length;
    // The version timer runs on a fake clock (IndexedDB keeps its own scheduling).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      clock = T0 + MIN;
      edit('m-a', relabel('Log call'));
      await repo.flush();
      clock = T0 + MIN + 10_000;
      edit('m-a', relabel('Log the call'));
      await repo.flush();
      // Two saves, one transaction each, and no version yet.
      expect(writesSince(start)).toHaveLength(2);
      expect(await listRevisions(db, 'm-a')).toHaveLength(1);
      vi.advanceTimersByTime(VERSION_EVERY_MS - 1);
      expect(writesSince(start)).toHaveLength(2);
      clock = T0 + MIN + VERSION_EVERY_MS;
      vi.advanceTimersByTime(1);
    } finally {
      vi.useRealTimers();
    }
    // One version for both saves, of the map as it is now, in one more transaction.
    await vi.waitFor(async () => expect((await listRevisions(db, 'm-a')).map((r) => r.at)).toEqual([T0 + MIN + VERSION_EVERY_MS, T0]));
    await repo.idle();
    expect(writesSince(start)).toHaveLength(3);
    expect([writesSince(start)[2]![0]].flat().sort()).toEqual(['revisionMaps', 'revisions']);
    const revs = await listRevisions(db, 'm-a');
    expect(await revisionMap(db, revs[0]!.id)).toEqual(current.maps[0]);
    expect((await revisionMap(db, revs[1]!.id))!.nodes[0]!.label).toBe('Log');
    expect(await listRevisions(db, 'm-b')).toHaveLength(1);
  });

  it('asked for a version (History opening), it saves pending edits first and keeps the map as it is now, once', async () => {
    await repo.load();
    await repo.seed(current);
    clock = T0 + MIN;
    edit('m-a', relabel('Log call'));
    await repo.takeVersions(['m-a']);
    expect((await db.maps.get('m-a'))!.nodes[0]!.label).toBe('Log call');
    const revs = await listRevisions(db, 'm-a');
    expect(revs.map((r) => r.at)).toEqual([T0 + MIN, T0]);
    expect(await revisionMap(db, revs[0]!.id)).toEqual(current.maps[0]);
    // Nothing changed since: asking again adds none, and neither does the timer's turn.
    clock = T0 + 2 * MIN;
    await repo.takeVersions(['m-a']);
    await repo.takeVersions();
    expect(await listRevisions(db, 'm-a')).toHaveLength(2);
    expect(await listRevisions(db, 'm-b')).toHaveLength(1);
  });

  it('a version not taken before the page went away is taken the next time one is asked for', async () => {
    await repo.load();
    await repo.seed(current);
    clock = T0 + MIN;
    edit('m-a', relabel('Log call'));
    await repo.flush();
    repo.dispose(); // the page is gone before the version's turn

    const next = new Repository(db, { getWorkspace: () => current, onStatus: () => undefined, now: () => clock });
    try {
      const { workspace } = await next.load();
      current = workspace!;
      clock = T0 + 5 * MIN;
      await next.takeVersions(['m-a']);
    } finally {
      next.dispose();
    }
    const revs = await listRevisions(db, 'm-a');
    expect(revs.map((r) => r.at)).toEqual([T0 + 5 * MIN, T0]);
    expect((await revisionMap(db, revs[0]!.id))!.nodes[0]!.label).toBe('Log call');
  });

  it('a save that changes nothing adds no version', async () => {
    await repo.load();
    await repo.seed(current);
    repo.markDirty([{ table: 'maps', id: 'm-a' }]);
    await repo.takeVersions();
    expect(await listRevisions(db, 'm-a')).toHaveLength(1);
  });

  it('prunes as it keeps versions: after 200 a minute apart, 50 plus one per earlier hour remain', async () => {
    await repo.load();
    await repo.seed(current);
    for (let i = 1; i <= 200; i++) {
      clock = T0 + i * MIN;
      edit('m-a', relabel(`Edit ${i}`));
      await repo.takeVersions();
    }
    const revs = await listRevisions(db, 'm-a');
    // Versions at T0..T0+200 min span hours 08, 09, 10 and 11; the last 50 are all in 10:xx and 11:xx.
    expect(revs).toHaveLength(50 + 2);
    expect(revs[0]!.at).toBe(T0 + 200 * MIN);
    expect(revs.slice(-2).map((r) => (r.at - T0) / MIN)).toEqual([119, 59]);
    expect(await db.revisionMaps.count()).toBe(52 + 1); // and m-b's one
  });

  it('a deleted map goes to the trash with its last value; bringing it back empties the trash', async () => {
    await repo.load();
    await repo.seed(current);
    clock = T0 + 5 * MIN;
    edit('m-b', relabel('Last words'));
    const last = current.maps[1]!;
    current = { ...current, maps: [current.maps[0]!] };
    repo.markDirty([{ table: 'maps', id: 'm-b', before: last, after: undefined }]);
    await repo.flush();

    expect(await db.maps.get('m-b')).toBeUndefined();
    expect(await listTrash(db, clock)).toEqual([{ id: 'm-b', deletedAt: clock, map: last }]);
    expect((await listRevisions(db, 'm-b')).length).toBeGreaterThan(0); // history kept for a restore

    current = { ...current, maps: [...current.maps, last] };
    repo.markDirty([{ table: 'maps', id: 'm-b', after: last }]);
    await repo.flush();
    expect(await listTrash(db, clock)).toEqual([]);
  });

  it('after 30 days the trash and its history go; history of maps neither stored nor trashed goes too', async () => {
    await repo.load();
    await repo.seed(current);
    const b = current.maps[1]!;
    current = { ...current, maps: [current.maps[0]!] };
    repo.markDirty([{ table: 'maps', id: 'm-b', before: b }]);
    await repo.flush();
    await db.revisions.add({ ...revisionOf(makeMap('m-ghost', 'Ghost', ['x']), T0, 'ghost').row });

    expect(await purgeExpired(db, T0 + 29 * DAY)).toEqual({ trash: 0, revisions: 1 });
    expect(await listTrash(db, T0 + 29 * DAY)).toHaveLength(1);
    expect(await listTrash(db, T0 + TRASH_MS + 1)).toEqual([]); // not listed once expired
    expect(await purgeExpired(db, T0 + TRASH_MS + 1)).toEqual({ trash: 1, revisions: 1 });
    expect(await db.trash.count()).toBe(0);
    expect(await listRevisions(db, 'm-b')).toEqual([]);
    expect(await listRevisions(db, 'm-a')).toHaveLength(1);
  });

  it('"delete forever" removes a trashed map and its history, but never a map in the workspace', async () => {
    await repo.load();
    await repo.seed(current);
    await expect(deleteForever(db, 'm-a')).rejects.toThrow(/in the workspace again/);
    expect(await listRevisions(db, 'm-a')).toHaveLength(1);
    const b = current.maps[1]!;
    current = { ...current, maps: [current.maps[0]!] };
    repo.markDirty([{ table: 'maps', id: 'm-b', before: b }]);
    await repo.flush();
    await deleteForever(db, 'm-b');
    expect(await db.trash.count()).toBe(0);
    expect(await listRevisions(db, 'm-b')).toEqual([]);
  });
});

describe('commands: restore a version, restore from the trash', () => {
  const ctx = { now: () => '2026-11-23T12:00:00.000Z' };
  const ws = (): Workspace => ({
    meta: { id: 'ws', name: 'W' },
    departments: [{ id: 'd-1', name: 'Admissions' }],
    systems: [],
    dataStores: [{ id: 'ds-1', name: 'Sheet', kind: 'spreadsheet', systemId: null, customerFields: [] }],
    maps: [makeMap('m-a', 'Enquiries', ['Log', 'Reply'], 'ds-1')],
  });

  it('restoreMapRevision makes the map as it was, keeps its id, and undo takes it back', () => {
    const before = ws();
    const old = { ...makeMap('m-a', 'Enquiries (old)', ['Log']), id: 'm-something-else' };
    const after = restoreMapRevision.run(before, { mapId: 'm-a', revision: old }, ctx);
    const restored = after.maps[0]!;
    expect(restored.id).toBe('m-a');
    expect(restored.name).toBe('Enquiries (old)');
    expect(restored.nodes.map((n) => n.label)).toEqual(['Log']);
    expect(restored.updatedAt).toBe('2026-11-23T12:00:00.000Z');
    expect(restoreMapRevision.scope({ mapId: 'm-a', revision: old })).toEqual({ kind: 'map', mapId: 'm-a' });

    const entry = { name: 'restoreMapRevision', title: restoreMapRevision.title, scope: scopeKey({ kind: 'map', mapId: 'm-a' }), changes: diffWorkspace(before, after), at: 0 };
    const h = recordEntry(emptyHistory(), entry);
    expect(undo(h, after, [entry.scope])!.workspace).toEqual(before);
  });

  it('restoring the version the map already is changes nothing', () => {
    const before = ws();
    expect(restoreMapRevision.run(before, { mapId: 'm-a', revision: { ...before.maps[0]!, updatedAt: 'earlier' } }, ctx)).toBe(before);
  });

  it('links to departments and catalogue entries deleted since are dropped, labels kept', () => {
    const before = { ...ws(), departments: [], dataStores: [] };
    before.maps = before.maps.map((m) => ({ ...m, departmentId: null, lanes: m.lanes.map((l) => ({ ...l, departmentId: null })), nodes: m.nodes.filter((n) => !n.refId) }));
    const old = makeMap('m-a', 'Enquiries', ['Log'], 'ds-1');
    const restored = restoreMapRevision.run(before, { mapId: 'm-a', revision: old }, ctx).maps[0]!;
    expect(restored.departmentId).toBeNull();
    expect(restored.lanes[0]!.departmentId).toBeNull();
    expect(restored.nodes.find((n) => n.id === 'ds')).toEqual({ id: 'ds', kind: 'dataStore', laneId: 'l1', label: 'Sheet' });
  });

  it('restoreTrashedMap puts the map back at the end, and refuses an id in use', () => {
    const before = ws();
    const gone = makeMap('m-z', 'Complaints', ['Listen']);
    const after = restoreTrashedMap.run(before, { map: gone }, ctx);
    expect(after.maps.map((m) => m.id)).toEqual(['m-a', 'm-z']);
    expect(after.maps[1]).toEqual({ ...gone, updatedAt: '2026-11-23T12:00:00.000Z' });
    expect(() => restoreTrashedMap.run(after, { map: gone }, ctx)).toThrow(/already in the workspace/);
  });
});
