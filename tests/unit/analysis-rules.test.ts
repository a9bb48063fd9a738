import { describe, expect, it } from 'vitest';
import { analyzeWorkspace, compareFindings, type Finding, type FindingKind, landscape } from '../../src/core/analysis';
import type { Access, DataStore, Flow, FlowKind, MapNode, NodeKind, ProcessMap, System, Workspace } from '../../src/core/model/types';

// Small hand-made workspaces, one rule at a time. Departments: adm (Admissions), reg (Registry).

type NodeRow = [id: string, kind: NodeKind, lane: string, label?: string, extra?: Partial<MapNode>];
type FlowRow = [kind: 'seq' | 'msg' | 'data', from: string, to: string, access?: Access];
const KIND: Record<FlowRow[0], FlowKind> = { seq: 'sequence', msg: 'message', data: 'data' };

interface MapSpec {
  id?: string;
  name?: string;
  dept?: string | null;
  lanes?: [id: string, dept?: string | null, name?: string][];
  nodes: NodeRow[];
  flows?: FlowRow[];
}

function map(spec: MapSpec): ProcessMap {
  const id = spec.id ?? 'm1';
  const lanes = spec.lanes ?? [['l1', null]];
  return {
    id,
    name: spec.name ?? `Map ${id}`,
    departmentId: spec.dept === undefined ? 'adm' : spec.dept,
    lanes: lanes.map(([lid, dept, name]) => ({ id: lid, name: name ?? `Lane ${lid}`, ...(dept ? { departmentId: dept } : {}) })),
    nodes: spec.nodes.map(([nid, kind, lane, label, extra]) => ({ id: nid, kind, laneId: lane, label: label ?? `${kind} ${nid}`, ...extra })),
    flows: (spec.flows ?? []).map(([kind, from, to, access], i): Flow => ({ id: `${id}-f${i}`, kind: KIND[kind], from, to, ...(access ? { access } : {}) })),
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

function workspace(a: { systems?: Partial<System>[]; stores?: Partial<DataStore>[]; maps: ProcessMap[] }): Workspace {
  return {
    meta: { id: 'ws', name: 'Test' },
    departments: [
      { id: 'adm', name: 'Admissions' },
      { id: 'reg', name: 'Registry' },
    ],
    systems: (a.systems ?? []).map((s, i) => ({ id: `s${i}`, name: `System ${i}`, kind: 'application', integratesWith: [], ...s })),
    dataStores: (a.stores ?? []).map((d, i) => ({ id: `d${i}`, name: `Store ${i}`, kind: 'spreadsheet', systemId: null, customerFields: [], ...d })),
    maps: a.maps,
  };
}

/** A map whose control flow is clean: start -> the given steps in order -> end, in lane l1. */
function line(steps: NodeRow[], extra: { nodes?: NodeRow[]; flows?: FlowRow[]; lanes?: MapSpec['lanes']; id?: string; dept?: string | null } = {}): ProcessMap {
  const ids = steps.map((s) => s[0]);
  const chain = ['s', ...ids, 'e'];
  return map({
    id: extra.id,
    dept: extra.dept,
    lanes: extra.lanes,
    nodes: [['s', 'start', 'l1', 'Start'], ...steps, ['e', 'end', 'l1', 'End'], ...(extra.nodes ?? [])],
    flows: [...chain.slice(1).map((to, i): FlowRow => ['seq', chain[i]!, to]), ...(extra.flows ?? [])],
  });
}

const of = (findings: Finding[], kind: FindingKind) => findings.filter((f) => f.kind === kind);
const CONTACT = ['Full name', 'Email', 'Phone'];

describe('a clean workspace', () => {
  it('gives no findings at all', () => {
    const ws = workspace({
      systems: [{ id: 'crm', name: 'CRM', integratesWith: ['fin'] }, { id: 'fin', name: 'Finance' }],
      stores: [
        { id: 'contacts', name: 'Contacts', systemId: 'crm', customerFields: ['Full name', 'Email', 'Phone'] },
        { id: 'ledger', name: 'Ledger', systemId: 'fin', customerFields: ['Payer reference', 'Amount'] },
      ],
      maps: [
        map({
          lanes: [['l1', 'adm'], ['l2', 'reg']],
          nodes: [
            ['s', 'start', 'l1', 'Enquiry'],
            ['a', 'step', 'l1', 'Log enquiry'],
            ['db', 'dataStore', 'l1', 'Contacts', { refId: 'contacts' }],
            ['q', 'decision', 'l1', 'Applying?'],
            ['b', 'step', 'l2', 'Open record'],
            ['fin', 'system', 'l2', 'Finance', { refId: 'fin' }],
            ['doc', 'document', 'l2', 'Letter'],
            ['note', 'note', 'l2', ''],
            ['e1', 'end', 'l1', 'Closed'],
            ['e2', 'end', 'l2', 'Opened'],
          ],
          flows: [['seq', 's', 'a'], ['data', 'a', 'db'], ['seq', 'a', 'q'], ['seq', 'q', 'e1'], ['msg', 'q', 'b'],
            ['data', 'db', 'b'], ['data', 'b', 'fin'], ['data', 'b', 'doc'], ['seq', 'b', 'e2']],
        }),
      ],
    });
    expect(analyzeWorkspace(ws)).toEqual([]);
  });

  it('and a blank new map is not a process yet, so it is not linted', () => {
    expect(analyzeWorkspace(workspace({ maps: [map({ nodes: [['n', 'note', 'l1', 'Ideas']] })] }))).toEqual([]);
  });
});

describe('silo-system', () => {
  it('finds a system with customer data used by one department and integrated with nothing', () => {
    const ws = workspace({
      systems: [{ id: 'acc', name: 'Alumni Access DB' }],
      stores: [{ id: 'alum', systemId: 'acc', customerFields: CONTACT }],
      maps: [line([['a', 'step', 'l1', 'Update alumnus']], { nodes: [['db', 'dataStore', 'l1', '', { refId: 'alum' }]], flows: [['data', 'a', 'db']] })],
    });
    const [f, ...rest] = of(analyzeWorkspace(ws), 'silo-system');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'silo-system', severity: 'high', subjects: ['acc'], mapIds: ['m1'] });
    expect(f!.title).toBe('Alumni Access DB is a silo: only Admissions uses it');
    expect(f!.explanation).toContain('Update alumnus');
    expect(f!.suggestion).not.toBe('');
  });

  it('finds a standalone store used by one department, reached through a system-less store node', () => {
    const ws = workspace({
      stores: [{ id: 'sheet', name: 'Enquiries sheet', customerFields: CONTACT }],
      maps: [line([['a', 'step', 'l1']], { nodes: [['x', 'dataStore', 'l1', '', { refId: 'sheet' }]], flows: [['data', 'x', 'a']] })],
    });
    expect(of(analyzeWorkspace(ws), 'silo-system').map((f) => f.subjects)).toEqual([['sheet']]);
  });

  it('trap: a store used by two departments is not a silo', () => {
    const ws = workspace({
      stores: [{ id: 'sheet', customerFields: CONTACT }],
      maps: [
        line([['a', 'step', 'l1'], ['b', 'step', 'l2']], {
          lanes: [['l1', 'adm'], ['l2', 'reg']],
          nodes: [['x', 'dataStore', 'l1', '', { refId: 'sheet' }]],
          flows: [['data', 'a', 'x'], ['data', 'x', 'b']],
        }),
      ],
    });
    expect(of(analyzeWorkspace(ws), 'silo-system')).toEqual([]);
  });

  it('counts departments across maps: the same store used by another department elsewhere is shared', () => {
    const store = { id: 'sheet', customerFields: CONTACT };
    const use = (id: string, dept: string) =>
      line([['a', 'step', 'l1']], { id, dept, nodes: [['x', 'dataStore', 'l1', '', { refId: 'sheet' }]], flows: [['data', 'a', 'x']] });
    expect(of(analyzeWorkspace(workspace({ stores: [store], maps: [use('m1', 'adm')] })), 'silo-system')).toHaveLength(1);
    expect(of(analyzeWorkspace(workspace({ stores: [store], maps: [use('m1', 'adm'), use('m2', 'reg')] })), 'silo-system')).toEqual([]);
  });

  it('trap: an integrated system used by one department is not a silo, whichever side declares the link', () => {
    for (const systems of [
      [{ id: 'sits', integratesWith: ['fin'] }, { id: 'fin' }],
      [{ id: 'sits' }, { id: 'fin', integratesWith: ['sits'] }],
    ]) {
      const ws = workspace({
        systems,
        stores: [{ id: 'rec', systemId: 'sits', customerFields: CONTACT }],
        maps: [line([['a', 'step', 'l1']], { nodes: [['x', 'system', 'l1', '', { refId: 'sits' }]], flows: [['data', 'a', 'x']] })],
      });
      expect(of(analyzeWorkspace(ws), 'silo-system')).toEqual([]);
    }
  });

  it('does not count a system linked only to itself as integrated', () => {
    const ws = workspace({
      systems: [{ id: 'acc', integratesWith: ['acc'] }],
      stores: [{ id: 'rec', systemId: 'acc', customerFields: CONTACT }],
      maps: [line([['a', 'step', 'l1']], { nodes: [['x', 'system', 'l1', '', { refId: 'acc' }]], flows: [['data', 'a', 'x']] })],
    });
    expect(of(analyzeWorkspace(ws), 'silo-system').map((f) => f.subjects)).toEqual([['acc']]);
  });

  it('trap: a system with no customer data is not a silo', () => {
    const ws = workspace({
      systems: [{ id: 'web', name: 'Giving page' }, { id: 'empty' }],
      stores: [{ id: 'blank', systemId: 'empty', customerFields: [' '] }],
      maps: [
        line([['a', 'step', 'l1']], {
          nodes: [['x', 'system', 'l1', '', { refId: 'web' }], ['y', 'system', 'l1', '', { refId: 'empty' }]],
          flows: [['data', 'a', 'x'], ['data', 'a', 'y']],
        }),
      ],
    });
    expect(of(analyzeWorkspace(ws), 'silo-system')).toEqual([]);
  });

  it('counts a store node inside a system as that system, together with the system node', () => {
    const ws = workspace({
      systems: [{ id: 'acc' }],
      stores: [{ id: 'rec', systemId: 'acc', customerFields: CONTACT }],
      maps: [
        line([['a', 'step', 'l1'], ['b', 'step', 'l2']], {
          lanes: [['l1', 'adm'], ['l2', 'reg']],
          nodes: [['x', 'dataStore', 'l1', '', { refId: 'rec' }], ['y', 'system', 'l2', '', { refId: 'acc' }]],
          flows: [['data', 'a', 'x'], ['data', 'y', 'b']],
        }),
      ],
    });
    // Admissions through the store, Registry through the system node: two departments.
    expect(of(analyzeWorkspace(ws), 'silo-system')).toEqual([]);
  });

  it('takes the map’s department for a lane without one, and reports nothing when the department is unknown', () => {
    const store = { id: 'sheet', customerFields: CONTACT };
    const m = (dept: string | null) =>
      line([['a', 'step', 'l1']], { dept, nodes: [['x', 'dataStore', 'l1', '', { refId: 'sheet' }]], flows: [['data', 'a', 'x']] });
    expect(of(analyzeWorkspace(workspace({ stores: [store], maps: [m('reg')] })), 'silo-system')[0]!.title).toContain('only Registry');
    expect(of(analyzeWorkspace(workspace({ stores: [store], maps: [m(null)] })), 'silo-system')).toEqual([]);
  });

  it('does not report a store nobody reads or writes', () => {
    expect(analyzeWorkspace(workspace({ stores: [{ customerFields: CONTACT }], maps: [] }))).toEqual([]);
  });
});

describe('duplicate-data', () => {
  it('matches two stores on synonyms, naming the shared fields, when they hold more than a name and an e-mail', () => {
    const ws = workspace({
      stores: [
        { id: 'a', name: 'Enquiries', ownerDepartmentId: 'adm', customerFields: ['First name', 'Last name', 'E-mail address', 'Course of interest'] },
        { id: 'b', name: 'Applicants', ownerDepartmentId: 'reg', customerFields: ['Full name', 'email', 'Date of birth', 'Course of interest'] },
      ],
      maps: [],
    });
    const [f, ...rest] = analyzeWorkspace(ws);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'duplicate-data', subjects: ['a', 'b'], pairs: [{ stores: ['a', 'b'], fields: ['name', 'email', 'course of interest'] }] });
    // No maps: no department takes part, so none is named.
    expect(f!.title).toBe('Customer records with course of interest are kept in 2 stores');
    expect(f!.explanation).toContain('They share course of interest, besides name and e-mail address');
  });

  it('never takes a name and an e-mail alone for a copy: two populations stay apart', () => {
    const ws = workspace({
      stores: [
        { id: 'app', name: 'Applicants', customerFields: ['Full name', 'Email', 'Phone', 'Course of interest', 'UCAS number'] },
        { id: 'ten', name: 'Tenants', customerFields: ['Name', 'E-mail address', 'Mobile', 'Tenancy start', 'Property'] },
        // Holds both kinds of people's names and e-mails, and nothing else: it bridges no one.
        { id: 'news', name: 'Newsletter list', customerFields: ['Name', 'Email', 'Marketing consent', 'Notes'] },
        { id: 'app2', name: 'Offer holders', customerFields: ['First name', 'Surname', 'Email', 'UCAS ID'] },
        { id: 'ten2', name: 'Rent ledger', customerFields: ['Tenant name', 'Email', 'Tenancy start', 'Rent due'] },
      ],
      maps: [],
    });
    const found = of(analyzeWorkspace(ws), 'duplicate-data');
    expect(found.map((f) => f.subjects)).toEqual([['app', 'app2'], ['ten', 'ten2']]);
    expect(found.map((f) => f.title)).toEqual([
      'Customer records with UCAS ID are kept in 2 stores',
      'Customer records with tenancy start are kept in 2 stores',
    ]);
    // Said whose records they hold, stores of different people never match, whatever they share.
    const said = workspace({
      stores: [
        { id: 'x', population: 'Alumni', customerFields: ['Name', 'Email', 'Graduation year'] },
        { id: 'y', population: 'donors', customerFields: ['Name', 'Email', 'Graduation year'] },
        { id: 'z', population: 'alumnus', customerFields: ['Name', 'Email', 'Graduation year'] },
      ],
      maps: [],
    });
    const [g, ...none] = of(analyzeWorkspace(said), 'duplicate-data');
    expect(none).toEqual([]);
    expect(g).toMatchObject({ subjects: ['x', 'z'], title: 'Records of Alumni are kept in 2 stores' });
  });

  it('needs two shared fields, one identifying a person and one telling whose records they are', () => {
    const pair = (x: string[], y: string[]) => analyzeWorkspace(workspace({ stores: [{ customerFields: x }, { customerFields: y }], maps: [] }));
    expect(pair(['Email', 'Course'], ['E-mail', 'School'])).toEqual([]); // one field
    expect(pair(['Course', 'Graduation year', 'Notes'], ['Course', 'Graduation year'])).toEqual([]); // none identifies
    expect(pair(['First name', 'Last name'], ['Full name', 'School'])).toEqual([]); // one name, however split
    expect(pair(['Course', 'Student number'], ['Student ID', 'Course'])).toHaveLength(1);
    // A bare reference or number is an invoice's as much as a person's.
    expect(pair(['Amount', 'Reference'], ['Amount', 'Reference'])).toEqual([]);
    expect(pair(['Amount', 'Number'], ['Amount', 'No.'])).toEqual([]);
    // Name, e-mail and phone, and fields about the record (notes, consent), are held by any store.
    expect(pair(['First and last name', 'Email', 'Mobile', 'Notes', 'Marketing consent'], ['Forename', 'E-mail', 'Telephone', 'Notes', 'Marketing consent'])).toEqual([]);
    expect(pair(['First and last name', 'Email', 'Postcode'], ['Forename', 'E-mail', 'Post code'])).toHaveLength(1);
  });

  it('groups overlapping stores into one finding per group with a table of the group, listing every matching pair', () => {
    const ws = workspace({
      stores: [
        { id: 'a', name: 'A', ownerDepartmentId: 'adm', customerFields: ['Name', 'Email', 'Postcode'] },
        { id: 'b', name: 'B', ownerDepartmentId: 'adm', customerFields: ['Name', 'Email', 'Date of birth', 'Postcode'] },
        { id: 'c', name: 'C', ownerDepartmentId: 'adm', customerFields: ['Date of birth', 'Post code'] },
        { id: 'd', name: 'D', ownerDepartmentId: 'reg', customerFields: ['Student ID', 'Course'] },
        { id: 'e', name: 'E', ownerDepartmentId: 'reg', customerFields: ['Student number', 'Course', 'Notes'] },
        { id: 'f', name: 'F', ownerDepartmentId: 'reg', customerFields: ['Notes'] },
      ],
      maps: [
        line([['w1', 'step', 'l1', 'Enter applicant'], ['w2', 'step', 'l2', 'Register student']], {
          lanes: [['l1', 'adm'], ['l2', 'reg']],
          nodes: [['nb', 'dataStore', 'l1', 'B', { refId: 'b' }], ['nd', 'dataStore', 'l2', 'D', { refId: 'd' }]],
          flows: [['data', 'w1', 'nb'], ['data', 'w2', 'nd'], ['data', 'nd', 'w1']],
        }),
      ],
    });
    const found = of(analyzeWorkspace(ws), 'duplicate-data');
    expect(found.map((f) => f.subjects)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    expect(found[0]!.pairs).toEqual([
      { stores: ['a', 'b'], fields: ['name', 'email', 'postcode'] },
      { stores: ['b', 'c'], fields: ['postcode', 'date of birth'] },
    ]);
    // The first is in one department, but the date of birth is sensitive: it ranks high and says why.
    // The second: D is written by a Registry lane and read by an Admissions lane.
    expect(found.map((f) => [f.severity, f.title])).toEqual([
      ['high', 'Customer records with postcode and date of birth are kept in 3 stores in Admissions'],
      ['high', 'Customer records with student ID and course are kept in 2 stores across 2 departments'],
    ]);
    expect(found[0]!.explanation).toContain('sensitive data (date of birth)');
    expect(found[0]!.table).toEqual({
      columns: ['Store', 'Department', 'Fields held', 'Who writes it', 'Who reads it'],
      rows: [
        ['A', 'Admissions', 'Name, Email, Postcode', 'No step on any map', 'No step on any map'],
        ['B', 'Admissions', 'Name, Email, Date of birth (sensitive), Postcode', 'Admissions (“Enter applicant”)', 'No step on any map'],
        ['C', 'Admissions', 'Date of birth (sensitive), Post code', 'No step on any map', 'No step on any map'],
      ],
    });
    // D is used by a Registry lane and read by an Admissions lane, though owned by Registry: both named.
    expect(found[1]!.table!.rows[0]).toEqual(['D', 'Registry, Admissions', 'Student ID, Course', 'Registry (“Register student”)', 'Admissions (“Enter applicant”)']);
    expect(found[1]!.departmentIds).toEqual(['reg', 'adm']);
  });

  it('follows catalogue edits, even in place, although matching pairs are reused between runs', () => {
    const ws = workspace({ stores: [{ id: 'a', customerFields: ['Name', 'Email', 'Postcode'] }, { id: 'b', customerFields: ['Name', 'Phone', 'Email'] }], maps: [] });
    expect(analyzeWorkspace(ws)).toEqual([]);
    ws.dataStores[1]!.customerFields.push('Post code');
    const [f] = analyzeWorkspace(ws);
    expect(f!.pairs).toEqual([{ stores: ['a', 'b'], fields: ['name', 'email', 'postcode'] }]);
    expect(Object.isFrozen(f!.pairs![0])).toBe(true); // shared with later runs, so read-only
    ws.dataStores[0]!.customerFields = ['Course'];
    expect(analyzeWorkspace(ws)).toEqual([]);
  });

  it('after a catalogue edit, redoes the pairs it changed and keeps the others as they were', () => {
    const ws = workspace({
      stores: [
        { id: 'a', customerFields: ['Name', 'Email', 'Postcode'] },
        { id: 'b', customerFields: ['Name', 'Email', 'Postcode', 'Course'] },
        { id: 'c', customerFields: ['Name', 'Email', 'Course'] },
      ],
      maps: [],
    });
    expect(analyzeWorkspace(ws)[0]!.pairs).toEqual([
      { stores: ['a', 'b'], fields: ['name', 'email', 'postcode'] },
      { stores: ['b', 'c'], fields: ['name', 'email', 'course'] },
    ]);
    // c now shares a postcode with a and b: (b, c) at the same positions holds more fields.
    ws.dataStores[2]!.customerFields.push('Post code');
    const [f] = analyzeWorkspace(ws);
    expect(f!.pairs).toEqual([
      { stores: ['a', 'b'], fields: ['name', 'email', 'postcode'] },
      { stores: ['a', 'c'], fields: ['name', 'email', 'postcode'] },
      { stores: ['b', 'c'], fields: ['name', 'email', 'postcode', 'course'] },
    ]);
    expect(f!.pairs!.every((p) => Object.isFrozen(p))).toBe(true);
    // Back to the first catalogue, and a store renamed in place: the pairs follow both.
    ws.dataStores[2]!.customerFields.pop();
    ws.dataStores[1]!.id = 'b2';
    expect(analyzeWorkspace(ws)[0]!.pairs).toEqual([
      { stores: ['a', 'b2'], fields: ['name', 'email', 'postcode'] },
      { stores: ['b2', 'c'], fields: ['name', 'email', 'course'] },
    ]);
  });

  it('takes a store’s departments from the steps using it when it has no owner, and lists the maps', () => {
    const ws = workspace({
      stores: [{ id: 'a', customerFields: [...CONTACT, 'Course'] }, { id: 'b', customerFields: [...CONTACT, 'Course'] }],
      maps: [
        line([['x', 'step', 'l1'], ['y', 'step', 'l2']], {
          lanes: [['l1', 'adm'], ['l2', 'reg']],
          nodes: [['na', 'dataStore', 'l1', '', { refId: 'a' }], ['nb', 'dataStore', 'l2', '', { refId: 'b' }]],
          flows: [['data', 'x', 'na'], ['data', 'y', 'nb']],
        }),
      ],
    });
    expect(of(analyzeWorkspace(ws), 'duplicate-data')[0]).toMatchObject({ severity: 'high', mapIds: ['m1'], title: 'Customer records with course are kept in 2 stores across 2 departments', departmentIds: ['adm', 'reg'] });
  });
});

describe('owners from lanes', () => {
  // An Admissions map with a Finance lane; a store owned by Admissions that only the Finance
  // lane writes; and Marketing, whose only map was deleted, still owning a store.
  const ws = (): Workspace => {
    const w = workspace({
      stores: [
        { id: 'ledger', name: 'Fee ledger', ownerDepartmentId: 'adm', customerFields: ['Name', 'Email', 'Student ID'] },
        { id: 'old', name: 'Old campaign list', ownerDepartmentId: 'mkt', customerFields: ['Name', 'Email', 'Student number'] },
      ],
      maps: [
        line([['take', 'step', 'l1', 'Take deposit'], ['bank', 'step', 'l2', 'Bank the deposit']], {
          lanes: [['l1', null], ['l2', 'fin']],
          nodes: [['nl', 'dataStore', 'l2', 'Fee ledger', { refId: 'ledger' }]],
          flows: [['data', 'bank', 'nl'], ['data', 'nl', 'bank']],
        }),
      ],
    });
    w.departments.push({ id: 'fin', name: 'Finance' }, { id: 'mkt', name: 'Marketing' });
    return w;
  };

  it('gives every use of a store to the department of the lane of the step, not the map’s or the owner’s', () => {
    const found = analyzeWorkspace(ws());
    const silo = of(found, 'silo-system')[0]!;
    expect(silo.title).toBe('Fee ledger is a silo: only Finance uses it');
    expect(silo.departmentIds).toEqual(['fin']);
    const dup = of(found, 'duplicate-data')[0]!;
    expect(dup.departmentIds).toEqual(['fin']);
    expect(dup.table!.rows[0]!.slice(0, 2)).toEqual(['Fee ledger', 'Finance']);
    expect(dup.table!.rows[0]![3]).toBe('Finance (“Bank the deposit”)');
  });

  it('leaves out departments without maps or steps, in findings and in the landscape', () => {
    const w = ws();
    const dup = of(analyzeWorkspace(w), 'duplicate-data')[0]!;
    // Marketing owns "Old campaign list" but has no map and no step: it is named nowhere.
    expect(dup.table!.rows[1]!.slice(0, 2)).toEqual(['Old campaign list', 'No department']);
    expect(dup.title).toBe('Customer records with student ID are kept in 2 stores in Finance');
    expect(JSON.stringify(analyzeWorkspace(w))).not.toContain('Marketing');
    // Registry has neither: off the matrix too; Admissions owns the map, Finance a lane with a step.
    expect(landscape(w).departments.map((d) => d.id)).toEqual(['adm', 'fin']);
    // Its map is deleted: Finance goes, and with it every name in the findings.
    w.maps = [];
    expect(landscape(w).departments).toEqual([]);
    expect(of(analyzeWorkspace(w), 'duplicate-data')[0]!.departmentIds).toEqual([]);
  });
});

describe('manual-rekeying', () => {
  const catalogue = {
    systems: [{ id: 'mbx', name: 'Mail' }, { id: 'crm', name: 'CRM', integratesWith: ['web'] }, { id: 'web', name: 'Web forms' }],
    stores: [
      { id: 'inbox', name: 'Inbox', systemId: 'mbx', customerFields: ['Name', 'E-mail address', 'Telephone'] },
      { id: 'sheet', name: 'Sheet', customerFields: ['Full name', 'Email', 'Mobile', 'Course'] },
      { id: 'crmdb', name: 'CRM contacts', systemId: 'crm', customerFields: ['Name', 'Email'] },
      { id: 'forms', name: 'Form entries', systemId: 'web', customerFields: ['Name', 'Email'] },
      { id: 'crm2', name: 'CRM events', systemId: 'crm', customerFields: ['Name', 'Email'] },
      { id: 'stats', name: 'Stats', customerFields: ['Course'] },
    ] as Partial<DataStore>[],
  };
  const step = (refs: [string, 'read' | 'write', ('read' | 'write' | 'readwrite')?][], extra: Partial<MapNode> = { manual: true }, kind: NodeKind = 'step') =>
    analyzeWorkspace(
      workspace({
        ...catalogue,
        maps: [
          line([['k', kind, 'l1', 'Copy enquiry', extra], ...(kind === 'decision' ? [['k2', 'step', 'l1'] as NodeRow] : [])], {
            nodes: refs.map(([ref], i): NodeRow => [`n${i}`, catalogue.systems.some((s) => s.id === ref) ? 'system' : 'dataStore', 'l1', ref, { refId: ref }]),
            flows: [
              ...refs.map(([, dir, access], i): FlowRow => (dir === 'write' ? ['data', 'k', `n${i}`, access] : ['data', `n${i}`, 'k', access])),
              ...(kind === 'decision' ? [['seq', 'k', 'e'] as FlowRow] : []),
            ],
          }),
        ],
      }),
    ).filter((f) => f.kind === 'manual-rekeying');

  it('finds a manual step reading one store and writing another it is not integrated with', () => {
    const [f, ...rest] = step([['inbox', 'read'], ['sheet', 'write']]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'high', subjects: ['k', 'inbox', 'sheet'], mapIds: ['m1'], copies: [{ from: 'inbox', to: 'sheet', fields: ['name', 'email', 'phone'] }] });
    expect(f!.title).toBe('“Copy enquiry” re-keys customer data by hand from Inbox into Sheet');
    expect(f!.explanation).toContain('Sheet is not part of any system');
  });

  it('is less severe when the step is not marked manual', () => {
    expect(step([['inbox', 'read'], ['sheet', 'write']], {}).map((f) => f.severity)).toEqual(['medium']);
  });

  it('ignores integrated systems, the same system, the same store, and places with no field in common', () => {
    expect(step([['forms', 'read'], ['crmdb', 'write']])).toEqual([]); // crm <-> web
    expect(step([['crmdb', 'read'], ['crm2', 'write']])).toEqual([]); // both in crm
    expect(step([['sheet', 'read'], ['sheet', 'write']])).toEqual([]);
    expect(step([['inbox', 'read'], ['stats', 'write']])).toEqual([]);
  });

  it('takes a system node’s customer fields from its stores', () => {
    expect(step([['mbx', 'read'], ['sheet', 'write']]).map((f) => f.subjects)).toEqual([['k', 'mbx', 'sheet']]);
  });

  it('lets the access field override the direction', () => {
    // Drawn step -> inbox, but it is a read; drawn sheet -> step, but it is a write.
    expect(step([['inbox', 'write', 'read'], ['sheet', 'read', 'write']])).toHaveLength(1);
    expect(step([['inbox', 'write', 'readwrite'], ['sheet', 'write']])).toHaveLength(1);
    expect(step([['inbox', 'write'], ['sheet', 'write']])).toEqual([]);
  });

  it('lists every copy of a step that feeds two places, once', () => {
    const [f] = step([['inbox', 'read'], ['sheet', 'write'], ['crmdb', 'write']]);
    expect(f!.subjects).toEqual(['k', 'inbox', 'sheet', 'crmdb']);
    expect(f!.copies!.map((c) => c.to)).toEqual(['sheet', 'crmdb']);
  });

  it('is about steps: a decision that reads and writes is not re-keying', () => {
    expect(step([['inbox', 'read'], ['sheet', 'write']], {}, 'decision')).toEqual([]);
  });
});

describe('structural lint', () => {
  const lint = (m: ProcessMap, stores: Partial<DataStore>[] = [], systems: Partial<System>[] = []) =>
    analyzeWorkspace(workspace({ stores, systems, maps: [m] })).map((f) => [f.kind, ...f.subjects]);

  it('trap: stores, systems, documents and notes reached only by data flows are never unreachable', () => {
    const m = line([['a', 'step', 'l1']], {
      nodes: [['x', 'dataStore', 'l1', 'x', { refId: 'd0' }], ['y', 'system', 'l1', 'y', { refId: 's0' }], ['doc', 'document', 'l1'], ['n', 'note', 'l1']],
      flows: [['data', 'a', 'x'], ['data', 'y', 'a'], ['data', 'a', 'doc']],
    });
    expect(lint(m, [{ customerFields: [] }], [{}])).toEqual([]);
  });

  it('trap: message flows carry control, data flows do not', () => {
    const m = map({
      lanes: [['l1', 'adm'], ['l2', 'reg']],
      nodes: [['s', 'start', 'l1'], ['a', 'step', 'l1'], ['b', 'step', 'l2'], ['c', 'step', 'l2'], ['x', 'dataStore', 'l1', 'x', { refId: 'd0' }], ['e', 'end', 'l2']],
      // b only by a message: reachable. c only through the store: unreachable.
      flows: [['seq', 's', 'a'], ['msg', 'a', 'b'], ['seq', 'b', 'e'], ['data', 'a', 'x'], ['data', 'x', 'c'], ['seq', 'c', 'e']],
    });
    expect(lint(m, [{ customerFields: [] }])).toEqual([['unreachable-node', 'c']]);
  });

  it('finds dead ends in steps and decisions only, counting no data flow as a way on', () => {
    const m = line([['a', 'step', 'l1']], {
      nodes: [['b', 'step', 'l1', 'Update by hand'], ['x', 'dataStore', 'l1', 'x', { refId: 'd0' }]],
      flows: [['seq', 'a', 'b'], ['data', 'b', 'x']],
    });
    const found = analyzeWorkspace(workspace({ stores: [{ customerFields: [] }], maps: [m] }));
    expect(found.map((f) => [f.kind, ...f.subjects])).toEqual([['dead-end', 'b']]);
    expect(found[0]!.title).toBe('Step “Update by hand” is a dead end');
  });

  it('wants two branches out of a decision; one with none is also a dead end', () => {
    const one = line([['q', 'decision', 'l1', 'OK?']]);
    expect(lint(one)).toEqual([['decision-branches', 'q']]);
    const twice = map({ nodes: [['s', 'start', 'l1'], ['q', 'decision', 'l1'], ['e', 'end', 'l1']], flows: [['seq', 's', 'q'], ['seq', 'q', 'e'], ['msg', 'q', 'e']] });
    expect(lint(twice)).toEqual([['decision-branches', 'q']]);
    const none = map({ nodes: [['s', 'start', 'l1'], ['q', 'decision', 'l1'], ['e', 'end', 'l1']], flows: [['seq', 's', 'q'], ['seq', 's', 'e']] });
    expect(lint(none)).toEqual([['decision-branches', 'q'], ['dead-end', 'q']]);
  });

  it('reports a missing start or end once, on the map, without flagging every node unreachable', () => {
    const m = map({ id: 'mx', nodes: [['a', 'step', 'l1'], ['b', 'step', 'l1']], flows: [['seq', 'a', 'b']] });
    const found = analyzeWorkspace(workspace({ maps: [m] }));
    expect(found.map((f) => [f.kind, ...f.subjects])).toEqual([['dead-end', 'b'], ['missing-start', 'mx'], ['missing-end', 'mx']]);
    expect(of(found, 'missing-start')[0]).toMatchObject({ subjects: ['mx'], mapIds: ['mx'], title: '“Map mx” has no start' });
  });

  it('finds store and system nodes not linked to the catalogue, or linked to the wrong list', () => {
    const m = line([], {
      nodes: [['x', 'dataStore', 'l1', 'Loose sheet'], ['y', 'system', 'l1', 'Old CRM', { refId: 'd0' }], ['z', 'dataStore', 'l1', 'Gone', { refId: 'nope' }], ['doc', 'document', 'l1']],
    });
    expect(lint(m, [{ customerFields: [] }])).toEqual([['uncatalogued-store', 'z'], ['uncatalogued-store', 'x'], ['uncatalogued-store', 'y']]); // by title
  });

  it('finds empty lanes and unlabelled nodes, but leaves a blank note alone', () => {
    const m = line([['a', 'step', 'l1', '  ']], { lanes: [['l1'], ['l2', null, 'Tutor']], nodes: [['n', 'note', 'l1', '']] });
    const found = analyzeWorkspace(workspace({ maps: [m] }));
    expect(found.map((f) => [f.kind, ...f.subjects])).toEqual([['empty-lane', 'l2'], ['unlabelled-node', 'a']]);
    expect(found.map((f) => f.severity)).toEqual(['low', 'low']);
  });
});

describe('every finding', () => {
  const messy = workspace({
    systems: [{ id: 'acc', name: 'Access' }],
    stores: [
      { id: 'a', name: 'A', systemId: 'acc', customerFields: [...CONTACT, 'Postcode'] },
      { id: 'b', name: 'B', customerFields: [...CONTACT, 'Postcode'] },
    ],
    maps: [
      line([['k', 'step', 'l1', 'Copy', { manual: true }], ['q', 'decision', 'l1', '']], {
        lanes: [['l1'], ['l2']],
        nodes: [['x', 'dataStore', 'l1', 'A', { refId: 'a' }], ['y', 'dataStore', 'l1', 'B', { refId: 'b' }], ['u', 'system', 'l1', 'Loose'], ['w', 'step', 'l1', 'Orphan']],
        flows: [['data', 'x', 'k'], ['data', 'k', 'y']],
      }),
    ],
  });
  const found = analyzeWorkspace(messy);

  it('carries every field, in plain English, with ids that are stable and unique', () => {
    expect(new Set(found.map((f) => f.kind)).size).toBe(9); // all but missing-start and missing-end
    for (const f of found) {
      expect(f.title.length, f.id).toBeGreaterThan(5);
      expect(f.explanation.length, f.id).toBeGreaterThan(40);
      expect(f.suggestion.length, f.id).toBeGreaterThan(10);
      expect(f.subjects.length, f.id).toBeGreaterThan(0);
      expect(['high', 'medium', 'low']).toContain(f.severity);
      expect(f.explanation, f.id).not.toMatch(/undefined|null|\[object/);
    }
    expect(new Set(found.map((f) => f.id)).size).toBe(found.length);
  });

  it('comes sorted by severity, then kind, then title, the same every time', () => {
    expect([...found].sort(compareFindings)).toEqual(found);
    const rank = { high: 0, medium: 1, low: 2 };
    for (let i = 1; i < found.length; i++) expect(rank[found[i - 1]!.severity]).toBeLessThanOrEqual(rank[found[i]!.severity]);
    expect(analyzeWorkspace(structuredClone(messy))).toEqual(found);
  });

  it('leaves the workspace untouched', () => {
    const before = structuredClone(messy);
    analyzeWorkspace(messy);
    expect(messy).toEqual(before);
  });
});
