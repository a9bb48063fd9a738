import { describe, expect, it } from 'vitest';
import { STORAGE_VERSION } from '../../src/core/schema/migrations';
import { explainProblems, fullRows, migrateRow, restoreWorkspaceMeta, type StoredTable } from '../../src/core/schema/storedRows';
import { fastFirst, type RowValidator } from '../../src/core/schema/rowValidator';
import { DAMAGED_NAME, MISSING_NAME, restoreStoredWorkspace, type RawTables } from '../../src/core/schema/storedWorkspace';

// Every row type the browser database holds goes through validate -> migrate -> restore; a
// broken row is set aside alone and what points at it keeps working.

const map = (id: string, departmentId: string | null, storeId?: string) => ({
  id,
  name: `Map ${id}`,
  departmentId,
  lanes: [{ id: 'l1', name: 'Officer' }],
  nodes: [
    { id: 'n1', kind: 'step', laneId: 'l1', label: 'Log enquiry' },
    ...(storeId ? [{ id: 'n2', kind: 'dataStore', laneId: 'l1', label: 'Sheet', refId: storeId }] : []),
  ],
  flows: storeId ? [{ id: 'f1', kind: 'data', from: 'n1', to: 'n2' }] : [],
  view: { nodes: {}, laneHeights: { l1: 200 }, flowPoints: {} },
  updatedAt: '2026-10-01T09:00:00.000Z',
});
const index = (m: ReturnType<typeof map>) => ({ id: m.id, name: m.name, departmentId: m.departmentId, updatedAt: m.updatedAt, nodeCount: m.nodes.length, flowCount: m.flows.length });
const summary = { name: 'Map', lanes: 1, nodes: 1, flows: 0, hash: 'a.1', textHash: 'b.1' };

/** A good row of each table, and broken variants: wrong type, missing field, a value from a newer version, a dangling reference. */
const CASES: { table: StoredTable; good: unknown; broken: Record<string, unknown> }[] = [
  {
    table: 'meta',
    good: { key: 'workspace', id: 'ws-1', name: 'CRM as-is', requirements: [{ id: 'r1', text: 'One record', priority: 'essential', findingIds: [] }] },
    broken: {
      'wrong type': { key: 'workspace', id: 'ws-1', name: { text: 'CRM' } },
      'missing field': { key: 'workspace', name: 'CRM' },
      'newer value': { key: 'workspace', id: 'ws-1', name: 'CRM', status: 'archived' },
    },
  },
  { table: 'meta', good: { key: 'order', departments: ['d1'], systems: [], dataStores: [], maps: ['m1'] }, broken: { 'wrong type': { key: 'order', departments: 'd1', systems: [], dataStores: [], maps: [] }, 'missing field': { key: 'order', departments: [] } } },
  { table: 'meta', good: { key: 'schema', version: 2 }, broken: { 'wrong type': { key: 'schema', version: 'two' }, 'missing field': { key: 'schema' } } },
  { table: 'departments', good: { id: 'd1', name: 'Admissions' }, broken: { 'wrong type': { id: 'd1', name: 42 }, 'missing field': { id: 'd1' } } },
  {
    table: 'systems',
    good: { id: 's1', name: 'SITS', kind: 'application', integratesWith: [] },
    broken: { 'wrong type': { id: 's1', name: 'SITS', kind: 'application', integratesWith: 's2' }, 'missing field': { id: 's1', kind: 'application' } },
  },
  {
    table: 'dataStores',
    good: { id: 'ds1', name: 'Sheet', kind: 'spreadsheet', systemId: null, customerFields: ['Name'] },
    broken: { 'wrong type': { id: 'ds1', name: 'Sheet', kind: 'spreadsheet', customerFields: 'Name' }, 'missing field': { id: 'ds1', kind: 'spreadsheet' }, 'newer value': { id: 'ds1', name: 'Sheet', kind: 'hologram' } },
  },
  {
    table: 'maps',
    good: map('m1', 'd1'),
    broken: {
      'wrong type': { ...map('m1', 'd1'), lanes: 'Officer' },
      'missing field': { ...map('m1', 'd1'), view: undefined },
      'newer value': { ...map('m1', 'd1'), nodes: [{ id: 'n1', kind: 'subprocess', laneId: 'l1', label: 'x' }] },
      'dangling reference': { ...map('m1', 'd1'), flows: [{ id: 'f1', kind: 'sequence', from: 'n1', to: 'n-gone' }] },
    },
  },
  { table: 'mapIndex', good: index(map('m1', 'd1')), broken: { 'wrong type': { ...index(map('m1', 'd1')), nodeCount: 'one' }, 'missing field': { id: 'm1', name: 'x' } } },
  {
    table: 'revisions',
    good: { id: 'r1', mapId: 'm1', at: 1_700_000_000_000, size: 100, summary },
    broken: { 'wrong type': { id: 'r1', mapId: 'm1', at: 'yesterday', size: 100, summary }, 'missing field': { id: 'r1', mapId: 'm1', at: 1, size: 1 } },
  },
  { table: 'revisionMaps', good: { id: 'r1', map: map('m1', 'd1') }, broken: { 'wrong type': { id: 'r1', map: 'm1' }, 'missing field': { id: 'r1' } } },
  {
    table: 'trash',
    good: { id: 'm1', deletedAt: 1_700_000_000_000, map: map('m1', null) },
    broken: { 'wrong type': { id: 'm1', deletedAt: 'today', map: map('m1', null) }, 'missing field': { id: 'm1', deletedAt: 1 }, 'dangling reference': { id: 'm1', deletedAt: 1, map: map('m2', null) } },
  },
];

const catalogue = { departmentIds: ['d1'], systemIds: ['s1'], dataStoreIds: ['ds1'] };

/** The zod checks alone, and the fast check in front of them as a page load reads rows: both must give the same answers. */
const VALIDATORS: [string, RowValidator][] = [
  ['zod', fullRows],
  ['fast check, then zod', fastFirst(fullRows)],
];

describe.each(VALIDATORS)('validateRow (%s): each row type', (_name, check) => {
  for (const { table, good, broken } of CASES) {
    const label = table === 'meta' ? `meta ${(good as { key: string }).key}` : table;
    it(`${label}: a good row passes`, () => {
      expect(check.validateRow(table, good, catalogue)).toMatchObject({ ok: true });
    });
    for (const [variant, row] of Object.entries(broken)) {
      it(`${label}: ${variant} is refused with a readable reason`, () => {
        const v = check.validateRow(table, row, catalogue);
        expect(v.ok).toBe(false);
        if (v.ok) return;
        expect(v.problems.length).toBeGreaterThan(0);
        const words = explainProblems(v.problems);
        expect(words).toMatch(/^“?[A-Za-z[]/);
        if (variant === 'newer value') expect(words).toContain('may come from a newer version of Lanemap');
      });
    }
  }

  it('a map pointing at a department that is not in the catalogue is refused on its own', () => {
    const v = check.validateRow('maps', map('m1', 'd-gone'), catalogue);
    expect(v).toEqual({ ok: false, problems: [{ path: 'departmentId', message: 'no department with id "d-gone"' }] });
  });

  it('a meta row a newer version added passes untouched', () => {
    expect(check.validateRow('meta', { key: 'comments', whatever: 1 })).toEqual({ ok: true, value: { key: 'comments', whatever: 1 } });
  });
});

describe('migrateRow', () => {
  it('brings a row set aside by this or an older version to this layout', () => {
    const row = { id: 'd1', name: 'Admissions' };
    expect(migrateRow('departments', row, 1)).toEqual({ ok: true, row });
    expect(migrateRow('departments', row, STORAGE_VERSION)).toEqual({ ok: true, row });
  });

  it('runs the steps after the version the row was set aside at, for its table only', () => {
    const steps = [
      { version: 2, table: 'departments' as const, up: (r: unknown) => ({ ...(r as object), name: 'renamed by step 2' }) },
      { version: 2, table: 'systems' as const, up: () => ({ wrong: true }) },
    ];
    expect(migrateRow('departments', { id: 'd1', name: 'x' }, 1, steps)).toEqual({ ok: true, row: { id: 'd1', name: 'renamed by step 2' } });
    expect(migrateRow('departments', { id: 'd1', name: 'x' }, 2, steps)).toEqual({ ok: true, row: { id: 'd1', name: 'x' } });
  });

  it('refuses a row set aside by a newer version, saying so', () => {
    const m = migrateRow('departments', { id: 'd1', name: 'x' }, STORAGE_VERSION + 1);
    expect(m).toEqual({ ok: false, reason: expect.stringContaining('newer version of Lanemap') });
  });
});

describe('restoreWorkspaceMeta', () => {
  it('a name of the wrong type becomes "Workspace"; every readable field stays', () => {
    const { meta, problems } = restoreWorkspaceMeta(
      {
        key: 'workspace',
        id: 'ws-1',
        name: { text: 'CRM' },
        organisation: 'Uni',
        requirements: [{ id: 'r1', text: 'One record', priority: 'essential' }, { id: 'r2', text: 5 }],
        recommendations: { 'duplicate-data': 'Merge', silo: 7 },
        comments: ['kept'],
      },
      () => 'new',
    );
    expect(meta).toEqual({
      id: 'ws-1',
      name: 'Workspace',
      organisation: 'Uni',
      requirements: [{ id: 'r1', text: 'One record', priority: 'essential', findingIds: [] }],
      recommendations: { 'duplicate-data': 'Merge' },
      comments: ['kept'],
    });
    expect(problems.map((p) => p.path)).toEqual(['name', 'recommendations.silo', 'requirements[1].text', 'requirements[1].priority']);
  });

  it('a row that is not an object at all gives a made-up id and name', () => {
    expect(restoreWorkspaceMeta('CRM', () => 'ws-new').meta).toEqual({ id: 'ws-new', name: 'Workspace' });
  });
});

describe.each(VALIDATORS)('restoreStoredWorkspace (%s)', (_name, check) => {
  const tables = (over: Partial<RawTables> = {}): RawTables => {
    const maps = [map('m1', 'd1'), map('m2', 'd2', 'ds1'), map('m3', null)];
    return {
      meta: [{ key: 'schema', version: 2 }, { key: 'workspace', id: 'ws-1', name: 'CRM' }, { key: 'order', departments: ['d2', 'd1'], systems: [], dataStores: [], maps: ['m3', 'm2', 'm1'] }],
      departments: [{ id: 'd1', name: 'Admissions' }, { id: 'd2', name: 'Finance' }],
      systems: [],
      dataStores: [{ id: 'ds1', name: 'Sheet', kind: 'spreadsheet', systemId: null, customerFields: [] }],
      maps,
      mapIndex: maps.map(index),
      revisions: [],
      trash: [],
      ...over,
    };
  };
  const newId = () => 'fresh';

  it('reads a healthy database whole, in the stored order, with nothing set aside', () => {
    const r = restoreStoredWorkspace(tables(), newId, check);
    expect(r.damaged).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.standIns).toEqual([]);
    expect(r.workspace!.maps.map((m) => m.id)).toEqual(['m3', 'm2', 'm1']);
    expect(r.workspace!.departments.map((d) => d.name)).toEqual(['Finance', 'Admissions']);
  });

  it('an empty database is no workspace', () => {
    expect(restoreStoredWorkspace({ meta: [], maps: [], departments: [], systems: [], dataStores: [] }, newId, check).workspace).toBeNull();
  });

  it('a damaged department is set aside alone: its map opens, the department shown as unknown (damaged record)', () => {
    const r = restoreStoredWorkspace(tables({ departments: [{ id: 'd1', name: 42 }, { id: 'd2', name: 'Finance' }] }), newId, check);
    expect(r.workspace!.maps.map((m) => m.id)).toEqual(['m3', 'm2', 'm1']);
    expect(r.damaged.map((d) => [d.table, d.id])).toEqual([['departments', 'd1']]);
    expect(r.damaged[0]!.explanation).toBe('“name” must be text, found 42.');
    expect(r.standIns).toEqual([{ table: 'departments', record: { id: 'd1', name: DAMAGED_NAME } }]);
    expect(r.workspace!.departments).toContainEqual({ id: 'd1', name: DAMAGED_NAME });
    expect(r.warnings).toEqual(['Department "d1" could not be read and was set aside: name: must be text, found 42']);
  });

  it('a damaged data store does not hide the maps that draw it', () => {
    const r = restoreStoredWorkspace(tables({ dataStores: [{ id: 'ds1', name: 'Sheet', kind: 'hologram' }] }), newId, check);
    expect(r.workspace!.maps.map((m) => m.id)).toContain('m2');
    expect(r.workspace!.dataStores).toEqual([{ id: 'ds1', name: DAMAGED_NAME, kind: 'other', systemId: null, customerFields: [] }]);
    expect(r.damaged.map((d) => d.id)).toEqual(['ds1']);
  });

  it('a map pointing at a record that is gone altogether opens with a stand-in for it', () => {
    const r = restoreStoredWorkspace(tables({ departments: [{ id: 'd1', name: 'Admissions' }] }), newId, check);
    expect(r.workspace!.maps.map((m) => m.id)).toContain('m2');
    expect(r.workspace!.departments).toContainEqual({ id: 'd2', name: MISSING_NAME });
    expect(r.damaged).toEqual([]);
  });

  it('a damaged department nobody points at gets no stand-in', () => {
    const r = restoreStoredWorkspace(tables({ departments: [{ id: 'd1', name: 'Admissions' }, { id: 'd2', name: 'Finance' }, { id: 'd9' }] }), newId, check);
    expect(r.standIns).toEqual([]);
    expect(r.damaged.map((d) => d.id)).toEqual(['d9']);
  });

  it('the workspace name stored as an object: the workspace opens as "Workspace" and the row is set aside', () => {
    const bad = { key: 'workspace', id: 'ws-1', name: { text: 'CRM' }, organisation: 'Uni' };
    const r = restoreStoredWorkspace(tables({ meta: [{ key: 'schema', version: 2 }, bad] }), newId, check);
    expect(r.workspace!.meta).toEqual({ id: 'ws-1', name: 'Workspace', organisation: 'Uni' });
    expect(r.damaged).toEqual([expect.objectContaining({ table: 'meta', id: 'workspace', row: bad })]);
    expect(r.workspace!.maps).toHaveLength(3);
  });

  it('a damaged order row is set aside and the lists keep the stored order of ids', () => {
    const r = restoreStoredWorkspace(tables({ meta: [{ key: 'workspace', id: 'ws-1', name: 'CRM' }, { key: 'order', maps: 'm1' }] }), newId, check);
    expect(r.damaged.map((d) => [d.table, d.id])).toEqual([['meta', 'order']]);
    expect(r.workspace!.maps.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('damaged revisions, trash rows and index entries are set aside; a map without a good index entry is indexed again', () => {
    const good = { id: 'r1', mapId: 'm1', at: 1, size: 1, summary };
    const r = restoreStoredWorkspace(
      tables({
        revisions: [good, { id: 'r2', mapId: 'm1', at: 'yesterday', size: 1, summary }],
        trash: [{ id: 'm9', deletedAt: 'x', map: map('m9', null) }],
        mapIndex: [index(map('m1', 'd1')), { id: 'm2', name: 7 }],
      }),
      newId,
      check,
    );
    expect(r.damaged.map((d) => [d.table, d.id])).toEqual([['mapIndex', 'm2'], ['revisions', 'r2'], ['trash', 'm9']]);
    expect(r.reindex.map((m) => m.id).sort()).toEqual(['m2', 'm3']);
    expect(r.workspace!.maps).toHaveLength(3);
  });

  it('a broken map is set aside alone, the others open', () => {
    const broken = { ...map('m2', 'd2'), nodes: [{ id: 'n1', kind: 'subprocess', laneId: 'l1', label: 'x' }] };
    const r = restoreStoredWorkspace(tables({ maps: [map('m1', 'd1'), broken, map('m3', null)] }), newId, check);
    expect(r.workspace!.maps.map((m) => m.id)).toEqual(['m3', 'm1']);
    expect(r.damaged).toEqual([expect.objectContaining({ table: 'maps', id: 'm2', row: broken })]);
    expect(r.damaged[0]!.explanation).toContain('may come from a newer version of Lanemap');
  });

  it('says which storage version a newer Lanemap wrote', () => {
    expect(restoreStoredWorkspace(tables({ meta: [{ key: 'schema', version: STORAGE_VERSION + 1 }, { key: 'workspace', id: 'w', name: 'n' }] }), newId, check).newerVersion).toBe(STORAGE_VERSION + 1);
  });
});
