import { describe, expect, test } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { compareCatalogue, mapFigures, sharedCustomerData, storesWritten, withMap } from '../../src/core/compare';
import type { DataStore, Flow, MapNode, NodeKind, ProcessMap, Workspace } from '../../src/core/model/types';

// The figures above the compared maps and the colours of shared catalogue entries, on a
// hand-made workspace where every number can be counted by eye:
//
// Catalogue: system Mail (two mailboxes in it), system CRM (no stores), standalone stores
// Enquiries sheet and Leads list, and a Schools list with no personal data.
// Map A (Admissions): customer -> officer logs the enquiry by hand (reads the Admissions
//   mailbox, writes the Enquiries sheet) -> hands over to Registry, which creates a record in
//   the CRM -> decision -> end. Two hand-offs between lanes, one manual step.
// Map B (Marketing): officer builds leads (reads the Schools list, writes the Leads list and
//   the Enquiries sheet), reads the Marketing mailbox; an end.

const store = (id: string, name: string, systemId: string | null, customerFields: string[]): DataStore =>
  ({ id, name, kind: 'spreadsheet', systemId, customerFields });

type Row = [id: string, kind: NodeKind, lane: string, label: string, extra?: Partial<MapNode>];

function map(id: string, departmentId: string, lanes: ProcessMap['lanes'], rows: Row[], flows: [Flow['kind'], string, string][]): ProcessMap {
  return {
    id, name: id, departmentId, lanes,
    nodes: rows.map(([nid, kind, laneId, label, extra]) => ({ id: nid, kind, laneId, label, ...extra })),
    flows: flows.map(([kind, from, to], i) => ({ id: `${id}-f${i}`, kind, from, to })),
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: '',
  };
}

function workspace(): Workspace {
  const a = map('A', 'd-adm', [{ id: 'cust', name: 'Applicant' }, { id: 'off', name: 'Officer', departmentId: 'd-adm' }, { id: 'reg', name: 'Registry', departmentId: 'd-reg' }], [
    ['a1', 'start', 'cust', 'Asks'],
    ['a2', 'step', 'off', 'Log enquiry', { manual: true }],
    ['a3', 'dataStore', 'off', 'Mailbox', { refId: 'ds-adm-box' }],
    ['a4', 'dataStore', 'off', 'Sheet', { refId: 'ds-sheet' }],
    ['a5', 'step', 'reg', 'Create record'],
    ['a6', 'system', 'reg', 'CRM', { refId: 's-crm' }],
    ['a7', 'decision', 'reg', 'Offer?'],
    ['a8', 'end', 'reg', 'Done'],
    ['a9', 'dataStore', 'reg', 'Uncatalogued pad'],
  ], [['message', 'a1', 'a2'], ['data', 'a3', 'a2'], ['data', 'a2', 'a4'], ['message', 'a2', 'a5'], ['data', 'a5', 'a6'], ['sequence', 'a5', 'a7'], ['sequence', 'a7', 'a8']]);
  const b = map('B', 'd-mkt', [{ id: 'off', name: 'Marketing officer', departmentId: 'd-mkt' }], [
    ['b1', 'step', 'off', 'Build leads', { manual: true }],
    ['b2', 'dataStore', 'off', 'Schools', { refId: 'ds-schools' }],
    ['b3', 'dataStore', 'off', 'Leads', { refId: 'ds-leads' }],
    ['b4', 'dataStore', 'off', 'Sheet', { refId: 'ds-sheet' }],
    ['b5', 'dataStore', 'off', 'Marketing mailbox', { refId: 'ds-mkt-box' }],
    ['b6', 'end', 'off', 'Sent'],
  ], [['data', 'b2', 'b1'], ['data', 'b1', 'b3'], ['data', 'b1', 'b4'], ['data', 'b5', 'b1'], ['sequence', 'b1', 'b6']]);
  return {
    meta: { id: 'ws', name: 'Test' },
    departments: [{ id: 'd-adm', name: 'Admissions' }, { id: 'd-reg', name: 'Registry' }, { id: 'd-mkt', name: 'Marketing' }],
    systems: [
      { id: 's-mail', name: 'Mail', kind: 'email', integratesWith: [] },
      { id: 's-crm', name: 'CRM', kind: 'application', integratesWith: [] },
    ],
    dataStores: [
      store('ds-adm-box', 'Admissions mailbox', 's-mail', ['Name', 'E-mail address']),
      store('ds-mkt-box', 'Marketing mailbox', 's-mail', ['Full name', 'Email']),
      store('ds-sheet', 'Enquiries sheet', null, ['Full name', 'Email', 'Mobile', 'Course']),
      store('ds-leads', 'Leads list', null, ['First name', 'Last name', 'E-mail', 'Telephone', 'Course']),
      store('ds-schools', 'Schools list', null, ['School']),
    ],
    maps: [a, b],
  };
}

describe('figures per map', () => {
  test('counts steps, decisions, hand-offs between lanes, manual steps and the catalogue entries touched', () => {
    const ws = workspace();
    const f = mapFigures(ws, ws.maps[0]!, analyzeWorkspace(ws));
    expect({ steps: f.steps, decisions: f.decisions, handOffs: f.handOffs, manual: f.manualSteps }).toEqual({ steps: 2, decisions: 1, handOffs: 2, manual: 1 });
    // The uncatalogued pad is not an entry; the mailbox's system counts as touched.
    expect(f.systems).toEqual(['s-mail', 's-crm']);
    expect(f.stores).toEqual(['ds-adm-box', 'ds-sheet']);
    const g = mapFigures(ws, ws.maps[1]!, analyzeWorkspace(ws));
    expect({ steps: g.steps, decisions: g.decisions, handOffs: g.handOffs, manual: g.manualSteps }).toEqual({ steps: 1, decisions: 0, handOffs: 0, manual: 1 });
    expect(g.stores).toEqual(['ds-mkt-box', 'ds-sheet', 'ds-leads', 'ds-schools']);
  });

  test('silos and findings by severity are those of the map only', () => {
    const ws = workspace();
    const findings = analyzeWorkspace(ws);
    const a = mapFigures(ws, ws.maps[0]!, findings);
    const b = mapFigures(ws, ws.maps[1]!, findings);
    // The Leads list is written by Marketing alone and lives in no system: a silo of B, not of A.
    expect(b.silos).toContain('ds-leads');
    expect(a.silos).not.toContain('ds-leads');
    const count = (id: string) => {
      const mine = findings.filter((x) => x.mapIds.includes(id));
      return { high: mine.filter((x) => x.severity === 'high').length, medium: mine.filter((x) => x.severity === 'medium').length, low: mine.filter((x) => x.severity === 'low').length };
    };
    expect(a.findings).toEqual(count('A'));
    expect(b.findings).toEqual(count('B'));
    expect(a.findings.high + a.findings.medium + a.findings.low).toBeGreaterThan(0);
  });

  test('an older version is counted as itself: withMap puts it in place of the current one', () => {
    const ws = workspace();
    const older = { ...ws.maps[0]!, nodes: ws.maps[0]!.nodes.filter((n) => n.id !== 'a7'), flows: ws.maps[0]!.flows.filter((f) => f.to !== 'a7' && f.from !== 'a7') };
    const wsOld = withMap(ws, older);
    expect(wsOld.maps).toHaveLength(2);
    expect(wsOld.maps[0]).toBe(older);
    expect(withMap(ws, ws.maps[0]!)).toBe(ws);
    expect(mapFigures(wsOld, older, analyzeWorkspace(wsOld)).decisions).toBe(0);
  });
});

describe('customer data both maps write', () => {
  test('the same store written by both comes first with all its fields, then matching pairs by most shared fields', () => {
    const ws = workspace();
    expect([...storesWritten(ws, ws.maps[0]!)]).toEqual(['ds-sheet']);
    // A system node stands for all its stores: none for the CRM.
    expect([...storesWritten(ws, ws.maps[1]!)].sort()).toEqual(['ds-leads', 'ds-sheet']);
    const rows = sharedCustomerData(ws, ws.maps[0]!, ws.maps[1]!, analyzeWorkspace(ws));
    expect(rows).toEqual([
      { storeA: 'ds-sheet', storeB: 'ds-sheet', fields: ['name', 'email', 'phone', 'course'] },
      { storeA: 'ds-sheet', storeB: 'ds-leads', fields: ['name', 'email', 'phone', 'course'] },
    ]);
  });

  test('nothing in common gives no rows', () => {
    const ws = workspace();
    const b = { ...ws.maps[1]!, flows: ws.maps[1]!.flows.filter((f) => f.to !== 'b4' && f.to !== 'b3') };
    expect(sharedCustomerData(ws, ws.maps[0]!, b, analyzeWorkspace(ws))).toEqual([]);
  });
});

describe('shared catalogue entries', () => {
  test('a store on both maps and a system reached through different stores are shared; the rest is only here', () => {
    const ws = workspace();
    const c = compareCatalogue(ws, ws.maps);
    expect(c.shared.map((s) => [s.id, s.kind, s.maps])).toEqual([['s-mail', 'system', [0, 1]], ['ds-sheet', 'store', [0, 1]]]);
    expect(c.nodes[0]!.get('a3')).toEqual({ entryId: 's-mail', shared: true });
    expect(c.nodes[1]!.get('b5')).toEqual({ entryId: 's-mail', shared: true });
    expect(c.nodes[0]!.get('a4')).toEqual({ entryId: 'ds-sheet', shared: true });
    expect(c.nodes[0]!.get('a6')).toEqual({ entryId: 's-crm', shared: false });
    expect(c.nodes[0]!.has('a9')).toBe(false);
    expect(c.only.map((list) => list.map((e) => e.name))).toEqual([['CRM'], ['Schools list', 'Leads list']]);
  });

  test('with three maps an entry is shared when any two use it', () => {
    const ws = workspace();
    const third = map('C', 'd-reg', [{ id: 'l', name: 'Registry' }], [['c1', 'system', 'l', 'CRM', { refId: 's-crm' }]], []);
    const c = compareCatalogue(ws, [...ws.maps, third]);
    expect(c.shared.find((s) => s.id === 's-crm')?.maps).toEqual([0, 2]);
    expect(c.only[2]).toEqual([]);
  });
});
