import { describe, expect, it } from 'vitest';
import { diffWorkspace, emptyHistory, linkNodeToCatalogue, recordEntry, undo } from '../../src/core/commands';
import { emptyMap } from '../../src/core/model/factory';
import type { Workspace } from '../../src/core/model/types';

const ctx = { now: () => '2026-11-23T10:00:00Z' };

function ws(): Workspace {
  const map = emptyMap({ id: 'm', name: 'M', departmentId: 'd1', lanes: [{ id: 'l', name: 'L' }], now: 't0' });
  map.nodes = [
    { id: 'ds', kind: 'dataStore', laneId: 'l', label: 'Data store' },
    { id: 'sy', kind: 'system', laneId: 'l', label: 'Our CRM' },
    { id: 'st', kind: 'step', laneId: 'l', label: 'Step' },
  ];
  return {
    meta: { id: 'w', name: 'W' },
    departments: [{ id: 'd1', name: 'Dept' }],
    systems: [{ id: 's1', name: "Raiser's Edge", kind: 'crm', integratesWith: [] }],
    dataStores: [{ id: 'x1', name: 'Enquiries spreadsheet', kind: 'spreadsheet', systemId: null, customerFields: ['Name'] }],
    maps: [map],
  };
}

describe('linkNodeToCatalogue', () => {
  it('links to an existing entry; a node with the default label takes its name', () => {
    const next = linkNodeToCatalogue.run(ws(), { mapId: 'm', nodeId: 'ds', refId: 'x1' }, ctx);
    expect(next.maps[0]!.nodes[0]).toMatchObject({ refId: 'x1', label: 'Enquiries spreadsheet' });
    const sys = linkNodeToCatalogue.run(ws(), { mapId: 'm', nodeId: 'sy', refId: 's1' }, ctx);
    expect(sys.maps[0]!.nodes[1]).toMatchObject({ refId: 's1', label: 'Our CRM' });
  });

  it('creates the entry from the search text, owned by the map’s department, and undo takes both back', () => {
    const before = ws();
    const next = linkNodeToCatalogue.run(before, { mapId: 'm', nodeId: 'ds', refId: 'x2', create: { name: ' Alumni mailbox ', kind: 'email' } }, ctx);
    expect(next.dataStores.at(-1)).toEqual({ id: 'x2', name: 'Alumni mailbox', kind: 'email', systemId: null, ownerDepartmentId: 'd1', customerFields: [] });
    expect(next.maps[0]!.nodes[0]!.refId).toBe('x2');
    const h = recordEntry(emptyHistory(), { name: 'l', title: 'l', scope: 'map:m', changes: diffWorkspace(before, next), at: 0 });
    expect(undo(h, next, ['map:m'])!.workspace).toEqual(before);
  });

  it('unlinks with null, refuses steps and unknown ids, and relinking the same entry changes nothing', () => {
    const linked = linkNodeToCatalogue.run(ws(), { mapId: 'm', nodeId: 'ds', refId: 'x1' }, ctx);
    expect(linkNodeToCatalogue.run(linked, { mapId: 'm', nodeId: 'ds', refId: 'x1' }, ctx)).toBe(linked);
    expect(linkNodeToCatalogue.run(linked, { mapId: 'm', nodeId: 'ds', refId: null }, ctx).maps[0]!.nodes[0]!.refId).toBeUndefined();
    expect(() => linkNodeToCatalogue.run(ws(), { mapId: 'm', nodeId: 'st', refId: 'x1' }, ctx)).toThrow(/Only data store/);
    expect(() => linkNodeToCatalogue.run(ws(), { mapId: 'm', nodeId: 'ds', refId: 'nope' }, ctx)).toThrow(/No data store/);
  });
});
