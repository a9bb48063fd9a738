import { describe, expect, it } from 'vitest';
import { catalogueIds, mendCatalogueLinks, mendMap } from '../../src/core/commands';
import { parseBundle, toBundle, validateMapRecord } from '../../src/core/schema/bundle';
import type { ProcessMap } from '../../src/core/model/types';
import { getMap, mapA, workspace } from './fixtures/maps';

// A map where two people's valid edits met in references that point nowhere, mended the way the
// commands delete: a step goes with its lane, a flow with either end, comments with their step,
// geometry with its record, a catalogue link with its entry.

const CATALOGUE = { departmentIds: ['d-sales', 'd-ops'], systemIds: ['sys-crm'], dataStoreIds: ['ds-sheet'] };
const problems = (map: ProcessMap, ctx = CATALOGUE) => {
  const r = validateMapRecord(map, ctx);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

/** map-a as a merge can leave it: lane-ops gone (its steps fulfil and check still there), step close gone. */
function broken(): ProcessMap {
  const m = mapA();
  return {
    ...m,
    lanes: m.lanes.filter((l) => l.id !== 'lane-ops'),
    nodes: m.nodes.filter((n) => n.id !== 'close'),
    comments: [
      { id: 'c-1', nodeId: 'close', author: 'Ana', text: 'Who closes it?', at: '2026-12-06T10:00:00.000Z' },
      { id: 'c-2', nodeId: 'quote', author: 'Ben', text: 'Template?', at: '2026-12-06T10:01:00.000Z' },
    ],
  };
}

describe('mendMap', () => {
  it('gives back the very map when nothing in it dangles', () => {
    const map = getMap(workspace());
    expect(mendMap(map)).toBe(map);
    expect(mendMap(map, catalogueIds(workspace()))).toBe(map);
  });

  it('drops steps whose lane is gone, flows whose end is gone, comments on steps gone, and their geometry', () => {
    const map = broken();
    expect(problems(map)).not.toEqual([]);
    const mended = mendMap(map);
    expect(problems(mended)).toEqual([]);
    expect(mended.nodes.map((n) => n.id)).toEqual(['start', 'quote', 'crm', 'sheet']);
    // f-2 quote→fulfil, f-3 fulfil→check and f-4 check→close lost an end.
    expect(mended.flows.map((f) => f.id)).toEqual(['f-1', 'f-5', 'f-6']);
    expect(Object.keys(mended.view.nodes).sort()).toEqual(['crm', 'quote', 'sheet', 'start']);
    expect(Object.keys(mended.view.laneHeights).sort()).toEqual(['lane-sales', 'lane-sys']);
    expect(Object.keys(mended.view.flowPoints).sort()).toEqual(['f-5', 'f-6']);
    expect(mended.comments?.map((c) => c.id)).toEqual(['c-2']);
  });

  it('leaves out the comments field when no comment is left, as the model keeps it', () => {
    const map = { ...mapA(), comments: [{ id: 'c-1', nodeId: 'gone', author: 'Ana', text: 'Hm', at: '2026-12-06T10:00:00.000Z' }] };
    expect('comments' in mendMap(map)).toBe(false);
  });

  it('with the catalogue, drops links to departments, systems and stores that are gone', () => {
    const map = mapA();
    const without = { departmentIds: ['d-ops'], systemIds: [], dataStoreIds: [] };
    expect(problems(map, without)).not.toEqual([]);
    const mended = mendMap(map, { departments: new Set(without.departmentIds), systems: new Set(), dataStores: new Set() });
    expect(problems(mended, without)).toEqual([]);
    expect(mended.departmentId).toBeNull();
    expect(mended.lanes.map((l) => l.departmentId)).toEqual([undefined, 'd-ops', undefined]);
    expect(mended.nodes.filter((n) => n.refId !== undefined)).toEqual([]);
    // The steps themselves stay: only the link goes.
    expect(mended.nodes).toHaveLength(map.nodes.length);
  });

  it('mends a workspace whose catalogue lost entries others point at, so it reads back as a file', () => {
    const ws = workspace();
    expect(mendCatalogueLinks(ws)).toBe(ws);
    const broken = {
      ...ws,
      departments: ws.departments.filter((d) => d.id !== 'd-ops'),
      systems: [{ id: 'sys-erp', name: 'ERP', kind: 'erp', integratesWith: ['sys-crm'], ownerDepartmentId: 'd-ops' }],
      dataStores: ws.dataStores.map((d) => ({ ...d, systemId: 'sys-crm', ownerDepartmentId: 'd-ops' })),
    };
    expect(parseBundle(toBundle(broken, '2026-12-06T10:00:00.000Z')).ok).toBe(false);
    const mended = mendCatalogueLinks(broken);
    const read = parseBundle(toBundle(mended, '2026-12-06T10:00:00.000Z'));
    expect(read.ok ? [] : read.errors).toEqual([]);
    expect(mended.systems[0]).toMatchObject({ integratesWith: [], ownerDepartmentId: null });
    expect(mended.dataStores[0]).toMatchObject({ systemId: null, ownerDepartmentId: null });
    expect(getMap(mended).nodes.find((n) => n.id === 'crm')).not.toHaveProperty('refId');
    expect(getMap(mended).lanes.find((l) => l.id === 'lane-ops')).not.toHaveProperty('departmentId');
    expect(getMap(mended, 'map-b')).toBe(getMap(broken, 'map-b'));
  });
});
