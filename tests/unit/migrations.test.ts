import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../src/core/model/types';
import { migrateTables, MIGRATIONS, STORAGE_VERSION, type StoredTables } from '../../src/core/schema/migrations';
import type { RevisionBody, RevisionRow } from '../../src/core/schema/revisionRecords';
import { LanemapDB } from '../../src/persistence/db';
import { Repository } from '../../src/persistence/repository';

// Every step between storage versions, on plain rows and through Dexie's upgrade on open.

const NOW = Date.parse('2026-11-23T12:00:00Z');
const SAVED = '2026-10-01T09:30:00.000Z';

function map(id: string, name: string, extra: Partial<ProcessMap> = {}): ProcessMap {
  return {
    id,
    name,
    departmentId: 'd-adm',
    lanes: [{ id: 'l1', name: 'Officer' }],
    nodes: [
      { id: 'n1', kind: 'start', laneId: 'l1', label: 'Enquiry' },
      { id: 'n2', kind: 'dataStore', laneId: 'l1', label: 'Sheet', refId: 'ds-1' },
    ],
    flows: [{ id: 'f1', kind: 'data', from: 'n1', to: 'n2' }],
    view: { nodes: { n1: { x: 200, y: 60, width: 48, height: 48 } }, laneHeights: { l1: 200 }, flowPoints: {} },
    updatedAt: SAVED,
    ...extra,
  };
}

/** The rows a Lanemap with storage version 1 left behind. */
function version1Tables(maps: unknown[], schema = 1): StoredTables {
  return {
    meta: [
      { key: 'schema', version: schema },
      { key: 'workspace', id: 'ws-1', name: 'Workshop' },
      { key: 'order', departments: ['d-adm'], systems: [], dataStores: ['ds-1'], maps: maps.map((m) => (m as { id: string }).id) },
    ],
    maps,
    mapIndex: [],
    departments: [{ id: 'd-adm', name: 'Admissions' }],
    systems: [],
    dataStores: [{ id: 'ds-1', name: 'Sheet', kind: 'spreadsheet', systemId: null, customerFields: [] }],
  };
}

let ids = 0;
const ctx = () => ({ now: NOW, newId: () => `rev-${++ids}` });

describe('migration steps', () => {
  it('has a test for each step below, and the steps lead to the current version', () => {
    const tested = [2, 3];
    expect(MIGRATIONS.map((m) => m.version)).toEqual(tested);
    expect(MIGRATIONS.at(-1)!.version).toBe(STORAGE_VERSION);
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 2));
  });

  it('2: raises the schema row and gives every readable map a first revision of itself as last saved', () => {
    const a = map('m-a', 'Enquiries');
    const b = map('m-b', 'Offers', { updatedAt: 'not a date' });
    const broken = { ...map('m-x', 'Broken'), nodes: [{ id: 'n1', kind: 'blob', laneId: 'l1', label: 'x' }] };
    const before = version1Tables([a, b, broken]);
    const { tables, applied } = migrateTables(before, 1, ctx(), 2);
    expect(applied).toEqual([2]);

    expect(tables.meta).toEqual([before.meta![1], before.meta![2], { key: 'schema', version: 2 }]);
    const rows = tables.revisions as RevisionRow[];
    expect(rows.map((r) => [r.mapId, r.at])).toEqual([
      ['m-a', Date.parse(SAVED)],
      ['m-b', NOW], // no time of its own: stamped with the migration's
    ]);
    expect(rows[0]!.summary).toMatchObject({ name: 'Enquiries', lanes: 1, nodes: 2, flows: 1 });
    expect(rows[0]!.size).toBe(JSON.stringify(a).length);
    expect((tables.revisionMaps as RevisionBody[]).map((r) => [r.id, r.map])).toEqual([
      [rows[0]!.id, a],
      [rows[1]!.id, b],
    ]);
    expect(tables.trash).toEqual([]);
    // The maps themselves are not touched; the broken one is left for loading to set aside.
    expect(tables.maps).toBe(before.maps);
  });

  it('2: a map whose catalogue link is gone gets no revision (it will be set aside on load)', () => {
    const t = version1Tables([map('m-a', 'Enquiries')]);
    t.dataStores = [];
    expect(migrateTables(t, 1, ctx()).tables.revisions).toEqual([]);
  });

  it('3: raises the schema row and starts an empty edit journal, touching nothing else', () => {
    const before: StoredTables = { ...version1Tables([map('m-a', 'Enquiries')], 2), revisions: [], revisionMaps: [], trash: [] };
    const { tables, applied } = migrateTables(before, 2, ctx());
    expect(applied).toEqual([3]);
    expect(tables.meta).toEqual([before.meta![1], before.meta![2], { key: 'schema', version: 3 }]);
    expect(tables.journal).toEqual([]);
    expect(tables.maps).toBe(before.maps);
    expect(tables.revisions).toBe(before.revisions);
  });

  it('runs nothing on data already at the current version, and refuses to go down', () => {
    const t = version1Tables([map('m-a', 'Enquiries')], 3);
    expect(migrateTables(t, 3, ctx())).toEqual({ tables: t, applied: [] });
    expect(() => migrateTables(t, 4, ctx())).toThrow(/newer than this version of Lanemap/);
  });
});

// --- through Dexie: a database as version 1 of the app made it, then opened by this one

/** Lanemap's database as the first version of the app declared it. */
class Version1DB extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      maps: 'id',
      mapIndex: 'id, departmentId, updatedAt',
      departments: 'id',
      systems: 'id',
      dataStores: 'id',
      quarantine: '++seq, table, id',
    });
  }
}

let seq = 0;
const opened: Dexie[] = [];

async function version1Database(tables: StoredTables): Promise<string> {
  const name = `lanemap-migrate-${++seq}`;
  const old = new Version1DB(name);
  await old.open();
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkPut(rows);
  old.close();
  return name;
}

function open(name: string): LanemapDB {
  const db = new LanemapDB(name, { now: () => NOW });
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('migration on open', () => {
  it('opens a version 1 database migrated: the maps load, the schema is current, history has begun, the journal is there', async () => {
    const name = await version1Database(version1Tables([map('m-a', 'Enquiries'), map('m-b', 'Offers')]));
    const db = open(name);
    const repo = new Repository(db, { getWorkspace: () => null!, onStatus: () => undefined });
    const { workspace, warnings } = await repo.load();
    expect(warnings).toEqual([]);
    expect(repo.readOnly).toBe(false);
    expect(workspace!.maps.map((m) => m.name)).toEqual(['Enquiries', 'Offers']);
    expect(db.verno).toBe(STORAGE_VERSION);
    expect(await db.meta.get('schema')).toEqual({ key: 'schema', version: 3 });
    expect(await db.journal.count()).toBe(0);
    const revisions = await db.revisions.orderBy('mapId').toArray();
    expect(revisions.map((r) => [r.mapId, r.at])).toEqual([
      ['m-a', Date.parse(SAVED)],
      ['m-b', Date.parse(SAVED)],
    ]);
    expect((await db.revisionMaps.get(revisions[0]!.id))!.map).toEqual(workspace!.maps[0]);
    repo.dispose();
  });

  it('a broken map survives the migration untouched, and load sets it aside', async () => {
    const broken = { ...map('m-x', 'Broken'), nodes: [{ id: 'n1', kind: 'blob', laneId: 'l1', label: 'x' }] };
    const name = await version1Database(version1Tables([map('m-a', 'Enquiries'), broken]));
    const db = open(name);
    const repo = new Repository(db, { getWorkspace: () => null!, onStatus: () => undefined });
    const { workspace, warnings } = await repo.load();
    expect(workspace!.maps.map((m) => m.id)).toEqual(['m-a']);
    expect(warnings).toEqual([expect.stringMatching(/^Map "Broken" \(m-x\) could not be read and was set aside/)]);
    expect((await repo.listQuarantine()).map((q) => q.row)).toEqual([broken]);
    expect(await db.revisions.where('mapId').equals('m-x').count()).toBe(0);
    repo.dispose();
  });

  it('leaves data written by a newer Lanemap as it is, and opens it read-only', async () => {
    const tables = version1Tables([map('m-a', 'Enquiries')], 4);
    const name = await version1Database(tables);
    const db = open(name);
    const repo = new Repository(db, { getWorkspace: () => null!, onStatus: () => undefined });
    const { workspace } = await repo.load();
    expect(repo.readOnly).toBe(true);
    expect(workspace!.maps).toHaveLength(1);
    expect(await db.meta.get('schema')).toEqual({ key: 'schema', version: 4 });
    expect(await db.revisions.count()).toBe(0);
    repo.dispose();
  });
});
