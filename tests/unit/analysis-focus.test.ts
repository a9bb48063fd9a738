import { describe, expect, it } from 'vitest';
import { findingFocus, nodeBadges } from '../../src/core/analysis/focus';
import { analyzeWorkspace } from '../../src/core/analysis';
import { generateMap } from '../../src/core/layout/generate';
import type { Finding } from '../../src/core/analysis';
import type { DataStore, ProcessMap } from '../../src/core/model/types';

// What a finding lights on a map: its subjects' nodes, found through catalogue links.

const store = (id: string, systemId: string | null): DataStore => ({ id, name: id, kind: 'database', systemId, customerFields: [] });
const stores = [store('crmdb', 'crm'), store('crmevents', 'crm'), store('sheet', null)];

function drawnMap(nodes: [id: string, refId?: string][]): ProcessMap {
  return {
    id: 'm1',
    name: 'Map',
    departmentId: null,
    lanes: [{ id: 'l1', name: 'Lane' }],
    nodes: nodes.map(([id, refId]) => ({ id, kind: refId === 'crm' ? 'system' : 'dataStore', laneId: 'l1', label: id, ...(refId ? { refId } : {}) })),
    flows: [],
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

const duplicate = (subjects: string[]): Finding => ({
  id: 'f1', kind: 'duplicate-data', severity: 'high', title: 'Contact details are kept in 2 stores', explanation: '', suggestion: '', subjects, mapIds: ['m1'],
});

describe('findingFocus', () => {
  it('lights the nodes linked to the stores a finding names', () => {
    const map = drawnMap([['n-db', 'crmdb'], ['n-sheet', 'sheet'], ['n-other', 'crmevents']]);
    expect(findingFocus(duplicate(['crmdb', 'sheet']), map, { dataStores: stores }).nodeIds).toEqual(['n-db', 'n-sheet']);
  });

  it('lights the system box where the map draws a store only as the system it lives in', () => {
    const map = drawnMap([['n-crm', 'crm'], ['n-sheet', 'sheet']]);
    const focus = findingFocus(duplicate(['crmdb', 'sheet']), map, { dataStores: stores });
    expect(focus.nodeIds).toEqual(['n-crm', 'n-sheet']);
    expect(nodeBadges([duplicate(['crmdb', 'sheet'])], map, { dataStores: stores }).get('n-crm')).toEqual({ count: 1, severity: 'high' });
  });

  it('does not light the system when the map draws the store itself, nor a sibling store of a named one', () => {
    const map = drawnMap([['n-crm', 'crm'], ['n-db', 'crmdb'], ['n-other', 'crmevents'], ['n-sheet', 'sheet']]);
    expect(findingFocus(duplicate(['crmdb', 'sheet']), map, { dataStores: stores }).nodeIds).toEqual(['n-db', 'n-sheet']);
  });

  it('lights a system and every store in it when the system is named (a silo)', () => {
    const map = drawnMap([['n-crm', 'crm'], ['n-db', 'crmdb'], ['n-other', 'crmevents'], ['n-sheet', 'sheet']]);
    const silo: Finding = { ...duplicate(['crm']), kind: 'silo-system' };
    expect(findingFocus(silo, map, { dataStores: stores }).nodeIds).toEqual(['n-crm', 'n-db', 'n-other']);
  });
});

describe('nodeBadges', () => {
  // Generated maps and their real findings: each node's badge counts the findings whose focus
  // lights it, and carries the worst of their severities.
  it('counts, per node, the findings findingFocus lights it for, on generated maps', () => {
    const rank = { high: 0, medium: 1, low: 2 } as const;
    for (const seed of [3, 17, 41]) {
      const map = { ...generateMap({ nodes: 120, lanes: 5, seed, id: `g${seed}` }), id: 'm1' };
      // Catalogue findings name stores and systems; logic findings name nodes and lanes.
      const refs = map.nodes.filter((n) => n.refId).map((n) => n.refId!);
      const findings: Finding[] = [
        ...analyzeWorkspace({ meta: { id: 'w', name: 'W' }, departments: [], systems: [], dataStores: stores, maps: [map] }),
        { ...duplicate([...refs.slice(0, 3), map.nodes[0]!.id]), severity: 'medium' },
        { ...duplicate([map.lanes[0]!.id, map.nodes[1]!.id, map.nodes[1]!.id]), id: 'f2', severity: 'low' },
        { ...duplicate([map.nodes[2]!.id]), id: 'f3', mapIds: ['other map'] },
      ];
      expect(findings.length).toBeGreaterThan(4);
      const expected = new Map<string, { count: number; severity: Finding['severity'] }>();
      for (const f of findings.filter((x) => x.mapIds.includes('m1'))) {
        for (const id of findingFocus(f, map, { dataStores: stores }).nodeIds) {
          const prev = expected.get(id);
          expected.set(id, prev ? { count: prev.count + 1, severity: rank[f.severity] < rank[prev.severity] ? f.severity : prev.severity } : { count: 1, severity: f.severity });
        }
      }
      expect(expected.size).toBeGreaterThan(0);
      expect(nodeBadges(findings, map, { dataStores: stores })).toEqual(expected);
    }
  });
});
