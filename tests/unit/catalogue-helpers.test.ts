import { describe, expect, it } from 'vitest';
import { editDistance, fieldSuggestions, fuzzyMatch, integrationsOf, normaliseFields, normaliseName, usedIn } from '../../src/core/catalogue';
import { demoWorkspace } from '../../src/core/demo';
import type { Workspace } from '../../src/core/model/types';
import { deepFreeze, workspace } from './fixtures/maps';

const names = (hits: { name: string }[]) => hits.map((h) => h.name);

describe('fuzzyMatch', () => {
  const catalogue = [
    'Student records system (SITS)',
    'Finance system',
    "Raiser's Edge",
    'Online giving page',
    'Email marketing tool (Mailchimp)',
    "Donor records (Raiser's Edge)",
    'Mailchimp (email tool)',
    'Microsoft 365 mail (Outlook)',
  ];

  it('ignores punctuation and case: "Raisers Edge" finds "Raiser\'s Edge" first', () => {
    const hits = fuzzyMatch('Raisers Edge', catalogue);
    expect(hits[0]).toEqual({ index: 2, name: "Raiser's Edge", score: 1 });
    expect(names(hits)).toContain("Donor records (Raiser's Edge)");
  });

  it('"mailchimp" finds "Mailchimp (email tool)" before the name that only mentions it', () => {
    const hits = names(fuzzyMatch('mailchimp', catalogue));
    expect(hits.slice(0, 2)).toEqual(['Mailchimp (email tool)', 'Email marketing tool (Mailchimp)']);
  });

  it('tolerates small typos and swapped letters', () => {
    expect(names(fuzzyMatch('finanse', catalogue))[0]).toBe('Finance system');
    expect(names(fuzzyMatch('raisres edge', catalogue))[0]).toBe("Raiser's Edge");
    expect(names(fuzzyMatch('mialchimp', catalogue))[0]).toBe('Mailchimp (email tool)');
    expect(names(fuzzyMatch('studnet recs', catalogue))[0]).toBe('Student records system (SITS)');
    // Part of a compound word, with a typo elsewhere.
    expect(names(fuzzyMatch('enquries sheet', ['Enquiries spreadsheet', 'Admissions enquiries mailbox']))).toEqual(['Enquiries spreadsheet']);
  });

  it('matches word starts while typing and letters in order as a last resort', () => {
    expect(names(fuzzyMatch('onl giv', catalogue))[0]).toBe('Online giving page');
    expect(names(fuzzyMatch('sits', catalogue))[0]).toBe('Student records system (SITS)');
    expect(names(fuzzyMatch('stdnt rcrds', catalogue))).toEqual(['Student records system (SITS)']);
  });

  it('drops names that do not match; words under four letters allow no typo', () => {
    expect(fuzzyMatch('zebra', catalogue)).toEqual([]);
    expect(fuzzyMatch('fun', catalogue)).toEqual([]);
    expect(names(fuzzyMatch('sots', catalogue))).toEqual(['Student records system (SITS)']);
  });

  it('an empty query lists everything in order; limit and minScore cut the list', () => {
    expect(fuzzyMatch('  ', catalogue).map((h) => h.index)).toEqual(catalogue.map((_, i) => i));
    expect(fuzzyMatch('mail', catalogue, { limit: 2 })).toHaveLength(2);
    expect(fuzzyMatch('mail', catalogue, { minScore: 0.99 })).toEqual([]);
  });

  it('scores lie in 0..1 and rank by score, then by shorter name', () => {
    const hits = fuzzyMatch('edge', ["Donor records (Raiser's Edge)", "Raiser's Edge"]);
    expect(names(hits)).toEqual(["Raiser's Edge", "Donor records (Raiser's Edge)"]);
    for (const h of hits) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
  });

  it('normalises accents, apostrophes and symbols', () => {
    expect(normaliseName("  Café—Raiser’s  EDGE! ")).toBe('cafe raisers edge');
    expect(fuzzyMatch('cafe', ['Café list'])[0]?.name).toBe('Café list');
  });

  it('editDistance counts a swap as one edit and stops past the limit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});

describe('fieldSuggestions', () => {
  const ws = demoWorkspace('2026-01-01T00:00:00.000Z');

  it('ranks fields starting with the prefix by how often they are used, then those containing it', () => {
    const s = fieldSuggestions(ws, 'e');
    expect(s[0]).toBe('Email');
    expect(s.slice(0, 2)).toEqual(['Email', 'E-mail address']);
    // "Year of entry" contains an "e" but does not start with it: after every "e…" field.
    expect(s.indexOf('Year of entry')).toBeGreaterThan(s.indexOf('E-mail address'));
  });

  it('ignores case in the prefix and excludes the fields a store already has', () => {
    expect(fieldSuggestions(ws, 'SURN')).toEqual(['Surname']);
    expect(fieldSuggestions(ws, 'name', { exclude: ['full NAME'] })).not.toContain('Full name');
    expect(fieldSuggestions(ws, '', { limit: 3 })).toHaveLength(3);
  });

  it('merges spellings that differ in case, showing the most used', () => {
    const w = structuredClone(workspace());
    w.dataStores.push(
      { id: 'x', name: 'X', kind: 'other', systemId: null, customerFields: ['Email'] },
      { id: 'y', name: 'Y', kind: 'other', systemId: null, customerFields: ['Email', 'Phone'] },
    );
    expect(fieldSuggestions(w, '')).toEqual(['Email', 'Phone']);
  });

  it('normaliseFields trims, collapses spaces and keeps the first of duplicates', () => {
    expect(normaliseFields([' Email ', 'email', '', 'Post  code', 'EMAIL'])).toEqual(['Email', 'Post code']);
  });
});

describe('integrationsOf', () => {
  it('counts a link written on either side, once, without self-links or unknown systems', () => {
    const systems = [
      { id: 'a', name: 'A', kind: 'x', integratesWith: ['b', 'a', 'ghost'] },
      { id: 'b', name: 'B', kind: 'x', integratesWith: ['a'] },
      { id: 'c', name: 'C', kind: 'x', integratesWith: ['a'] },
    ];
    expect(integrationsOf(systems, 'a')).toEqual(['b', 'c']);
    expect(integrationsOf(systems, 'c')).toEqual(['a']);
    expect(integrationsOf(systems, 'nope')).toEqual([]);
  });
});

describe('usedIn', () => {
  it('lists the nodes that refer to each entry and the steps that read or write it', () => {
    const ws: Workspace = deepFreeze(workspace());
    const u = usedIn(ws);
    const crm = u.systems.get('sys-crm')!;
    expect(crm.nodes).toEqual([{ mapId: 'map-a', mapName: 'Order to cash', nodeId: 'crm', label: 'CRM' }]);
    // f-5: quote -> crm with access "write"; f-6 joins two stores and is no step's access.
    expect(crm.steps).toEqual([{ mapId: 'map-a', mapName: 'Order to cash', nodeId: 'quote', label: 'Quote', access: 'write' }]);
    expect(crm.maps).toEqual([{ mapId: 'map-a', mapName: 'Order to cash', nodes: 1, steps: 1 }]);
    const sheet = u.dataStores.get('ds-sheet')!;
    expect(sheet.nodes.map((n) => n.nodeId)).toEqual(['sheet']);
    expect(sheet.steps).toEqual([]);
  });

  it('reads the direction of a data flow, merges read and write into readwrite, and honours `access`', () => {
    const ws = structuredClone(workspace());
    const map = ws.maps[0]!;
    map.flows.push(
      { id: 'r1', kind: 'data', from: 'sheet', to: 'fulfil' },
      { id: 'w1', kind: 'data', from: 'fulfil', to: 'sheet' },
      { id: 'r2', kind: 'data', from: 'check', to: 'sheet', access: 'read' },
    );
    const steps = usedIn(ws).dataStores.get('ds-sheet')!.steps;
    expect(steps.map((s) => [s.nodeId, s.access])).toEqual([['fulfil', 'readwrite'], ['check', 'read']]);
    expect(usedIn(ws).dataStores.get('ds-sheet')!.maps).toEqual([{ mapId: 'map-a', mapName: 'Order to cash', nodes: 1, steps: 2 }]);
  });

  it('has an empty entry for unused records, ignores ad-hoc nodes, and shows a system used through its stores', () => {
    const ws = structuredClone(workspace());
    ws.systems.push({ id: 'sys-erp', name: 'ERP', kind: 'application', integratesWith: [] });
    ws.dataStores[0]!.systemId = 'sys-erp';
    ws.maps[1]!.nodes.push({ id: 'adhoc', kind: 'system', laneId: 'lane-team', label: 'CRM' });
    const u = usedIn(ws);
    expect(u.systems.get('sys-erp')).toEqual({ nodes: [], steps: [], maps: [], viaStores: [{ mapId: 'map-a', mapName: 'Order to cash', nodes: 1, steps: 0 }], viaStoreSteps: [] });
    expect(u.systems.get('sys-crm')!.nodes).toHaveLength(1);
  });

  it('covers the demo: every store drawn on a map has a use', () => {
    const ws = demoWorkspace('2026-01-01T00:00:00.000Z');
    const u = usedIn(ws);
    expect(u.dataStores.get('ds-enq')!.maps.map((m) => m.mapName).length).toBe(2);
    expect(u.systems.get('s-sits')!.viaStores.length).toBeGreaterThan(0);
    // And the steps that read or write its stores, with the store named.
    const sits = u.systems.get('s-sits')!.viaStoreSteps;
    expect(sits.length).toBeGreaterThan(0);
    for (const s of sits) expect(ws.dataStores.find((d) => d.name === s.storeName)!.systemId).toBe('s-sits');
    expect(sits.map((s) => s.label)).toContain('Create applicant record');
  });
});
