import { describe, expect, test } from 'vitest';
import { buildContext } from '../../src/core/analysis/accessIndex';
import { usedIn } from '../../src/core/catalogue';
import { DATA_STORE_KINDS, type Flow, type MapNode, NODE_KINDS, type NodeKind, type ProcessMap, type Workspace } from '../../src/core/model/types';
import {
  accessReads,
  accessWrites,
  capitalise,
  count,
  flowAccess,
  flowKindName,
  isCatalogueKind,
  isControlKind,
  isDataKind,
  laneDepartment,
  laneOwnDepartment,
  mergeAccess,
  NODE_KIND_LABEL,
  nodeDepartment,
  nodeKindPlural,
  nodeKindWord,
  STORE_KIND_LABEL,
  STORE_KIND_NAME,
  stepAccess,
  storeKindNoun,
} from '../../src/core/model/vocabulary';
import { catalogueOf, mapSteps } from '../../src/core/report/mapSteps';

describe('words', () => {
  test('count: one, none and many, with an irregular plural when given', () => {
    expect(count(1, 'store')).toBe('1 store');
    expect(count(3, 'store')).toBe('3 stores');
    expect(count(0, 'lane')).toBe('0 lanes');
    expect(count(2, 'sub-process', 'sub-processes')).toBe('2 sub-processes');
    expect(count(1, 'sub-process', 'sub-processes')).toBe('1 sub-process');
  });

  test('capitalise touches the first letter only', () => {
    expect(capitalise('data store')).toBe('Data store');
    expect(capitalise('')).toBe('');
  });

  test('node kinds as labels, in sentences and in the plural', () => {
    expect(NODE_KINDS.map((k) => NODE_KIND_LABEL[k])).toEqual(['Start', 'End', 'Step', 'Decision', 'Data store', 'System', 'Document', 'Note']);
    expect(nodeKindWord('dataStore')).toBe('data store');
    expect(nodeKindWord('decision')).toBe('decision');
    expect(nodeKindPlural('dataStore')).toBe('data stores');
    expect(count(2, nodeKindWord('system'), nodeKindPlural('system'))).toBe('2 systems');
  });

  test('store kinds: the catalogue offers one word, the report names the thing, a sentence says what it is', () => {
    expect(DATA_STORE_KINDS.map((k) => STORE_KIND_LABEL[k])).toEqual(['Database', 'Spreadsheet', 'Paper', 'E-mail', 'Document', 'Other']);
    expect(DATA_STORE_KINDS.map((k) => STORE_KIND_NAME[k])).toEqual(['Database', 'Spreadsheet', 'Paper file', 'Mailbox', 'Document', 'Other']);
    expect(DATA_STORE_KINDS.map(storeKindNoun)).toEqual(['database', 'spreadsheet', 'paper file', 'mailbox', 'document', 'store']);
  });

  test('flow kinds in a sentence', () => {
    expect(flowKindName('message')).toBe('message flow');
    expect(flowKindName('sequence')).toBe('sequence flow');
  });
});

describe('rules of the format', () => {
  test('control, data and catalogue kinds: the four that act, the three that hold data, the two the catalogue knows', () => {
    expect(NODE_KINDS.filter(isControlKind)).toEqual(['start', 'end', 'step', 'decision']);
    expect(NODE_KINDS.filter(isDataKind)).toEqual(['dataStore', 'system', 'document']);
    expect(NODE_KINDS.filter(isCatalogueKind)).toEqual(['dataStore', 'system']);
    // A note neither acts nor holds data.
    expect(isControlKind('note') || isDataKind('note')).toBe(false);
  });

  test('the access of a data flow: out of the step writes, into it reads, `access` overrides', () => {
    expect(flowAccess({}, true)).toBe('write');
    expect(flowAccess({}, false)).toBe('read');
    expect(flowAccess({ access: 'readwrite' }, true)).toBe('readwrite');
    expect(flowAccess({ access: 'read' }, true)).toBe('read');
    expect([accessReads('read'), accessWrites('read')]).toEqual([true, false]);
    expect([accessReads('write'), accessWrites('write')]).toEqual([false, true]);
    expect([accessReads('readwrite'), accessWrites('readwrite')]).toEqual([true, true]);
    expect(mergeAccess('read', 'read')).toBe('read');
    expect(mergeAccess('read', 'write')).toBe('readwrite');
  });

  test('stepAccess finds the step and what it reads or writes, whichever way the flow runs', () => {
    const step: MapNode = { id: 's', kind: 'step', laneId: 'l', label: 'Log' };
    const store: MapNode = { id: 'd', kind: 'dataStore', laneId: 'l', label: 'Sheet' };
    const other: MapNode = { id: 'e', kind: 'system', laneId: 'l', label: 'CRM' };
    const holds = (n: MapNode) => isCatalogueKind(n.kind);
    const data = (extra: Partial<Flow> = {}): Flow => ({ id: 'f', kind: 'data', from: 's', to: 'd', ...extra });
    expect(stepAccess(data(), step, store, holds)).toEqual({ step, holder: store, access: 'write' });
    expect(stepAccess(data(), store, step, holds)).toEqual({ step, holder: store, access: 'read' });
    expect(stepAccess(data({ access: 'readwrite' }), store, step, holds)).toEqual({ step, holder: store, access: 'readwrite' });
    // No step at either end, steps at both, a flow that is not data, or an end the caller does not count: no access.
    expect(stepAccess(data(), store, other, holds)).toBeNull();
    expect(stepAccess(data(), step, { ...step, id: 't' }, holds)).toBeNull();
    expect(stepAccess(data({ kind: 'sequence' }), step, store, holds)).toBeNull();
    expect(stepAccess(data(), step, store, () => false)).toBeNull();
  });

  test("a step's department: its lane's if set, else the map's, else none", () => {
    const map: Pick<ProcessMap, 'departmentId' | 'lanes'> = {
      departmentId: 'd-map',
      lanes: [{ id: 'own', name: 'Registry team', departmentId: 'd-reg' }, { id: 'plain', name: 'Officer' }, { id: 'unset', name: 'Tutor', departmentId: null }],
    };
    expect(nodeDepartment(map, { laneId: 'own' })).toBe('d-reg');
    expect(nodeDepartment(map, { laneId: 'plain' })).toBe('d-map');
    expect(nodeDepartment(map, { laneId: 'unset' })).toBe('d-map');
    expect(nodeDepartment({ ...map, departmentId: null }, { laneId: 'plain' })).toBeNull();
    expect(laneDepartment(map, undefined)).toBe('d-map');
    // Named beside the lane only where it is not the map's own.
    expect(laneOwnDepartment(map, map.lanes[0]!)).toBe('d-reg');
    expect(laneOwnDepartment(map, map.lanes[1]!)).toBeNull();
    expect(laneOwnDepartment(map, { departmentId: 'd-map' })).toBeNull();
  });
});

test('the analysis, the catalogue and the report read the same accesses from one map', () => {
  const node = (id: string, kind: NodeKind, laneId: string, refId?: string): MapNode => ({ id, kind, laneId, label: id, ...(refId ? { refId } : {}) });
  const map: ProcessMap = {
    id: 'm',
    name: 'Enquiries',
    departmentId: 'd-adm',
    lanes: [{ id: 'l1', name: 'Officer' }, { id: 'l2', name: 'Registry', departmentId: 'd-reg' }],
    nodes: [node('log', 'step', 'l1'), node('check', 'decision', 'l2'), node('sheet', 'dataStore', 'l1', 'ds'), node('crm', 'system', 'l2', 'sys')],
    flows: [
      { id: 'w', kind: 'data', from: 'log', to: 'sheet' },
      { id: 'r', kind: 'data', from: 'sheet', to: 'check' },
      { id: 'rw', kind: 'data', from: 'crm', to: 'check', access: 'readwrite' },
      { id: 'x', kind: 'data', from: 'sheet', to: 'crm' },
    ],
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const ws: Workspace = {
    meta: { id: 'w', name: 'W' },
    departments: [{ id: 'd-adm', name: 'Admissions' }, { id: 'd-reg', name: 'Registry' }],
    systems: [{ id: 'sys', name: 'CRM', kind: 'application', integratesWith: [] }],
    dataStores: [{ id: 'ds', name: 'Sheet', kind: 'spreadsheet', systemId: null, customerFields: ['Name'] }],
    maps: [map],
  };
  const analysis = buildContext(ws).accesses.map((a) => [a.actor.id, a.read, a.write, a.departmentId]);
  expect(analysis).toEqual([['log', false, true, 'd-adm'], ['check', true, false, 'd-reg'], ['check', true, true, 'd-reg']]);
  const catalogue = usedIn(ws);
  expect(catalogue.dataStores.get('ds')!.steps.map((s) => [s.nodeId, s.access])).toEqual([['log', 'write'], ['check', 'read']]);
  expect(catalogue.systems.get('sys')!.steps.map((s) => [s.nodeId, s.access])).toEqual([['check', 'readwrite']]);
  const report = mapSteps(map, catalogueOf(ws)).steps.map((s) => [s.nodeId, s.uses.map((u) => `${u.name}: ${u.access}`)]);
  expect(report).toEqual(expect.arrayContaining([['log', ['Sheet: write']], ['check', ['Sheet: read', 'CRM: readwrite']]]));
});
