import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../src/core/model/types';
import { LanemapDB } from '../../src/persistence/db';
import { replayExitJournals, type ExitJournal } from '../../src/persistence/exitJournal';

// The copy a leaving page of an older version kept in localStorage, written back on the first
// start after the update where the database did not get it.

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, String(v)); }
  removeItem(k: string) { this.items.delete(k); }
  clear() { this.items.clear(); }
}

const map = (id: string, label: string, updatedAt: string): ProcessMap => ({
  id, name: `Map ${id}`, departmentId: null, lanes: [{ id: 'l', name: 'Lane' }],
  nodes: [{ id: 'n', kind: 'step', laneId: 'l', label }], flows: [],
  view: { nodes: {}, laneHeights: {}, flowPoints: {} }, updatedAt,
});

/** As an older version wrote it on pagehide: one entry per tab and database. */
let tabs = 0;
const saveExitJournal = (journal: ExitJournal, to: Storage) => to.setItem(`lanemap:exit-journal:tab${++tabs}:${journal.db}`, JSON.stringify(journal));

let db: LanemapDB;
let store: MemoryStorage;
let seq = 0;
const NOW = Date.parse('2026-11-23T10:00:00Z');

beforeEach(async () => {
  db = new LanemapDB(`journal-${++seq}`);
  await db.open();
  store = new MemoryStorage();
});
afterEach(() => db.close());

describe('exit journal', () => {
  it('writes back an edit the database did not get, and only once', async () => {
    await db.maps.put(map('m1', 'Old label', '2026-11-23T09:59:00.000Z'));
    saveExitJournal({ db: db.name, at: NOW - 200, maps: [map('m1', 'New label', '2026-11-23T09:59:59.800Z')], catalogue: [] }, store);
    expect(await replayExitJournals(db, NOW, store)).toBe(1);
    expect((await db.maps.get('m1'))!.nodes[0]!.label).toBe('New label');
    expect((await db.mapIndex.get('m1'))!.updatedAt).toBe('2026-11-23T09:59:59.800Z');
    expect(store.length).toBe(0);
    expect(await replayExitJournals(db, NOW, store)).toBe(0);
  });

  it('never puts back an older version over a newer one, nor a map deleted after the page left', async () => {
    await db.maps.put(map('m1', 'Edited later in another tab', '2026-11-23T10:00:00.000Z'));
    await db.trash.put({ id: 'm2', deletedAt: NOW - 100, map: map('m2', 'Gone', '2026-11-23T09:00:00.000Z') });
    saveExitJournal({ db: db.name, at: NOW - 200, maps: [map('m1', 'Stale', '2026-11-23T09:59:59.000Z'), map('m2', 'Gone', '2026-11-23T09:59:59.000Z')], catalogue: [] }, store);
    expect(await replayExitJournals(db, NOW, store)).toBe(0);
    expect((await db.maps.get('m1'))!.nodes[0]!.label).toBe('Edited later in another tab');
    expect(await db.maps.get('m2')).toBeUndefined();
  });

  it('puts back catalogue rows from a fresh journal only (they carry no time of their own)', async () => {
    const row = { id: 's1', name: 'CRM', kind: 'application', integratesWith: [] };
    saveExitJournal({ db: db.name, at: NOW - 5 * 60_000, maps: [], catalogue: [{ table: 'systems', rows: [row] }] }, store);
    expect(await replayExitJournals(db, NOW, store)).toBe(0);
    saveExitJournal({ db: db.name, at: NOW - 1000, maps: [], catalogue: [{ table: 'systems', rows: [row] }] }, store);
    expect(await replayExitJournals(db, NOW, store)).toBe(1);
    expect(await db.systems.get('s1')).toMatchObject({ name: 'CRM' });
  });

  it('skips a journal that is not JSON', async () => {
    store.setItem('lanemap:exit-journal:broken', '{not json');
    expect(await replayExitJournals(db, NOW, store)).toBe(0);
    expect(store.length).toBe(0);
  });

  it('goes back only into the workspace it came from; the one workspace of older versions is the legacy database', async () => {
    const other = new LanemapDB(`journal-other-${seq}`);
    await other.open();
    saveExitJournal({ db: other.name, at: NOW - 200, maps: [map('m9', 'Elsewhere', '2026-11-23T09:59:59.800Z')], catalogue: [] }, store);
    // An older Lanemap's journal has no database name: it belongs to 'lanemap'.
    store.setItem('lanemap:exit-journal:oldtab', JSON.stringify({ at: NOW - 200, maps: [map('m8', 'Old', '2026-11-23T09:59:59.800Z')], catalogue: [] }));
    expect(await replayExitJournals(db, NOW, store)).toBe(0);
    expect(await db.maps.count()).toBe(0);
    expect(store.length).toBe(2);
    expect(await replayExitJournals(other, NOW, store)).toBe(1);
    expect((await other.maps.get('m9'))!.nodes[0]!.label).toBe('Elsewhere');
    expect(store.length).toBe(1);
    other.close();
    const legacy = new LanemapDB('lanemap');
    expect(await replayExitJournals(legacy, NOW, store)).toBe(1);
    expect((await legacy.maps.get('m8'))!.name).toBe('Map m8');
    expect(store.length).toBe(0);
    await legacy.delete();
  });
});
