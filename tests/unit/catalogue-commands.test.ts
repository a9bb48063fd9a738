import { describe, expect, it } from 'vitest';
import {
  addDataStore,
  addSystem,
  CommandError,
  deleteDataStore,
  deleteSystem,
  mapsUsing,
  updateDataStore,
  updateSystem,
} from '../../src/core/commands';
import { integrationsOf } from '../../src/core/catalogue';
import type { System, Workspace } from '../../src/core/model/types';
import { deepFreeze, expectNoOp, expectUndoable, getMap, getNode, NOW, OLD, runCmd, workspace } from './fixtures/maps';

const sys = (id: string, integratesWith: string[] = []): System => ({ id, name: id.toUpperCase(), kind: 'application', integratesWith, ownerDepartmentId: null });

/** The fixture plus systems a, b, c: a lists b, c lists a; the order sheet lives in the CRM. */
function catalogue(): Workspace {
  const ws = structuredClone(workspace());
  ws.systems.push(sys('a', ['b']), sys('b'), sys('c', ['a']));
  ws.dataStores[0]!.systemId = 'sys-crm';
  return deepFreeze(ws);
}
const system = (ws: Workspace, id: string) => ws.systems.find((s) => s.id === id)!;
const store = (ws: Workspace, id: string) => ws.dataStores.find((d) => d.id === id)!;

describe('addSystem', () => {
  it('appends a system with a trimmed name, in the workspace history', () => {
    const next = expectUndoable(addSystem, catalogue(), { systemId: 's-new', name: '  Finance  ', ownerDepartmentId: 'd-ops', integratesWith: ['a', 'a', 's-new'] });
    expect(next.systems.at(-1)).toEqual({ id: 's-new', name: 'Finance', kind: 'application', integratesWith: ['a'], ownerDepartmentId: 'd-ops' });
    expect(addSystem.scope({ systemId: 'x', name: 'x' })).toEqual({ kind: 'workspace' });
  });

  it('refuses a taken id, an empty name and unknown references', () => {
    const ws = catalogue();
    expect(() => runCmd(addSystem, ws, { systemId: 'a', name: 'Again' })).toThrow(/taken/);
    expect(() => runCmd(addSystem, ws, { systemId: 'n', name: '   ' })).toThrow(CommandError);
    expect(() => runCmd(addSystem, ws, { systemId: 'n', name: 'N', ownerDepartmentId: 'd-nope' })).toThrow(/department/);
    expect(() => runCmd(addSystem, ws, { systemId: 'n', name: 'N', integratesWith: ['zzz'] })).toThrow(/No system/);
  });
});

describe('updateSystem', () => {
  it('renames, re-kinds and re-owns; blank name or kind keeps the old one', () => {
    const ws = catalogue();
    const next = expectUndoable(updateSystem, ws, { systemId: 'b', patch: { name: ' Bee ', kind: 'website', ownerDepartmentId: 'd-sales' } });
    expect(system(next, 'b')).toMatchObject({ name: 'Bee', kind: 'website', ownerDepartmentId: 'd-sales' });
    expectNoOp(updateSystem, ws, { systemId: 'b', patch: { name: '  ', kind: '' } });
  });

  it('is a no-op for the same values, null for an absent owner, and the same integrations in another order', () => {
    const ws = catalogue();
    expectNoOp(updateSystem, ws, { systemId: 'sys-crm', patch: { name: 'CRM', kind: 'crm', ownerDepartmentId: null } });
    expectNoOp(updateSystem, ws, { systemId: 'a', patch: { integratesWith: ['c', 'b'] } });
    expect(() => runCmd(updateSystem, ws, { systemId: 'zzz', patch: { name: 'x' } })).toThrow(/No system/);
  });

  it('writes a new integration on the edited system only', () => {
    const next = expectUndoable(updateSystem, catalogue(), { systemId: 'b', patch: { integratesWith: ['c'] } });
    expect(system(next, 'b').integratesWith).toEqual(['c']);
    expect(system(next, 'c').integratesWith).toEqual(['a']);
    expect(integrationsOf(next.systems, 'c')).toEqual(['a', 'b']);
  });

  it('removes an integration from both sides, wherever it was written', () => {
    const ws = catalogue();
    // b's link to a is written on a; a's link to c is written on c.
    const fromB = expectUndoable(updateSystem, ws, { systemId: 'b', patch: { integratesWith: [] } });
    expect(system(fromB, 'a').integratesWith).toEqual([]);
    expect(integrationsOf(fromB.systems, 'b')).toEqual([]);
    const fromA = expectUndoable(updateSystem, ws, { systemId: 'a', patch: { integratesWith: ['b'] } });
    expect(system(fromA, 'c').integratesWith).toEqual([]);
    expect(system(fromA, 'a').integratesWith).toEqual(['b']);
  });
});

describe('deleteSystem', () => {
  it('deletes an unused system, unlinking integrations and the stores inside it', () => {
    const ws = catalogue();
    const next = expectUndoable(deleteSystem, ws, { systemId: 'a' });
    expect(next.systems.map((s) => s.id)).toEqual(['sys-crm', 'b', 'c']);
    expect(system(next, 'c').integratesWith).toEqual([]);
    expect(next.maps).toBe(ws.maps);
  });

  it('refuses while a map uses it, naming the maps', () => {
    const ws = catalogue();
    expect(mapsUsing(ws, 'system', 'sys-crm')).toEqual(['Order to cash']);
    expect(() => runCmd(deleteSystem, ws, { systemId: 'sys-crm' })).toThrow(/System "CRM" is still used in "Order to cash"/);
  });

  it('with force, unlinks the nodes (label kept) and the stores inside it; undo restores all', () => {
    const ws = catalogue();
    const next = expectUndoable(deleteSystem, ws, { systemId: 'sys-crm', force: true });
    const crm = getNode(getMap(next), 'crm');
    expect(crm.label).toBe('CRM');
    expect('refId' in crm).toBe(false);
    expect(getMap(next).updatedAt).toBe(NOW);
    expect(getMap(next, 'map-b')).toBe(getMap(ws, 'map-b'));
    expect(store(next, 'ds-sheet').systemId).toBeNull();
    expect(getMap(ws).updatedAt).toBe(OLD);
  });

  it('is a no-op for an unknown id', () => {
    expectNoOp(deleteSystem, catalogue(), { systemId: 'zzz' });
  });
});

describe('addDataStore', () => {
  it('appends a store with clean fields and checked references', () => {
    const next = expectUndoable(addDataStore, catalogue(), {
      dataStoreId: 'ds-new', name: 'Donor files', kind: 'paper', systemId: 'a', customerFields: [' Name ', 'name', '', 'Postal  address'],
    });
    expect(next.dataStores.at(-1)).toEqual({ id: 'ds-new', name: 'Donor files', kind: 'paper', systemId: 'a', ownerDepartmentId: null, customerFields: ['Name', 'Postal address'] });
  });

  it('defaults to a standalone store of kind "other"', () => {
    const next = expectUndoable(addDataStore, catalogue(), { dataStoreId: 'ds-new', name: 'Box' });
    expect(store(next, 'ds-new')).toMatchObject({ kind: 'other', systemId: null, customerFields: [] });
  });

  it('refuses a taken id, an unknown kind or system', () => {
    const ws = catalogue();
    expect(() => runCmd(addDataStore, ws, { dataStoreId: 'ds-sheet', name: 'x' })).toThrow(/taken/);
    expect(() => runCmd(addDataStore, ws, { dataStoreId: 'n', name: 'x', kind: 'cloud' as never })).toThrow(/not a kind/);
    expect(() => runCmd(addDataStore, ws, { dataStoreId: 'n', name: 'x', systemId: 'zzz' })).toThrow(/No system/);
  });
});

describe('updateDataStore', () => {
  it('edits every field; customer fields trimmed, de-duplicated without case, empties dropped', () => {
    const next = expectUndoable(updateDataStore, catalogue(), {
      dataStoreId: 'ds-sheet',
      patch: { name: 'Orders', kind: 'database', systemId: null, ownerDepartmentId: 'd-ops', customerFields: ['Email', ' EMAIL ', ' ', 'Phone'] },
    });
    expect(store(next, 'ds-sheet')).toEqual({ id: 'ds-sheet', name: 'Orders', kind: 'database', systemId: null, ownerDepartmentId: 'd-ops', customerFields: ['Email', 'Phone'] });
  });

  it('is a no-op when nothing differs after cleaning', () => {
    const ws = catalogue();
    expectNoOp(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: { customerFields: [' email', 'Email'], name: ' Order sheet ', ownerDepartmentId: null } });
    expectNoOp(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: {} });
  });

  it('says whose records a store holds and which of its fields are sensitive; a field removed is unmarked, empty removes', () => {
    let ws = expectUndoable(updateDataStore, catalogue(), { dataStoreId: 'ds-sheet', patch: { customerFields: ['Email', 'Date of birth', 'Health notes'], population: ' alumni ', sensitiveFields: ['Health notes', 'Health notes', 'Shoe size'] } });
    expect(store(ws, 'ds-sheet')).toMatchObject({ population: 'alumni', sensitiveFields: ['Health notes'] });
    ws = runCmd(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: { customerFields: ['Email', 'Date of birth'] } });
    expect(store(ws, 'ds-sheet').sensitiveFields).toBeUndefined();
    ws = runCmd(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: { population: '  ' } });
    expect('population' in store(ws, 'ds-sheet')).toBe(false);
    expectNoOp(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: { population: '', sensitiveFields: [] } });
  });

  it('changes only the case of a field when asked', () => {
    const next = expectUndoable(updateDataStore, catalogue(), { dataStoreId: 'ds-sheet', patch: { customerFields: ['Email'] } });
    expect(store(next, 'ds-sheet').customerFields).toEqual(['Email']);
  });

  it('refuses unknown stores, kinds, systems and departments', () => {
    const ws = catalogue();
    expect(() => runCmd(updateDataStore, ws, { dataStoreId: 'zzz', patch: { name: 'x' } })).toThrow(/No data store/);
    expect(() => runCmd(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: { kind: 'cloud' as never } })).toThrow(/not a kind/);
    expect(() => runCmd(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: { systemId: 'zzz' } })).toThrow(/No system/);
    expect(() => runCmd(updateDataStore, ws, { dataStoreId: 'ds-sheet', patch: { ownerDepartmentId: 'zzz' } })).toThrow(/No department/);
  });
});

describe('deleteDataStore', () => {
  it('refuses while used, naming the maps', () => {
    expect(() => runCmd(deleteDataStore, catalogue(), { dataStoreId: 'ds-sheet' })).toThrow(/Data store "Order sheet" is still used in "Order to cash"/);
  });

  it('with force, unlinks its nodes and goes; undo brings both back', () => {
    const next = expectUndoable(deleteDataStore, catalogue(), { dataStoreId: 'ds-sheet', force: true });
    expect(next.dataStores).toEqual([]);
    expect(getNode(getMap(next), 'sheet')).toEqual({ id: 'sheet', kind: 'dataStore', laneId: 'lane-sys', label: 'Order sheet' });
    // The CRM node is a system node: untouched.
    expect(getNode(getMap(next), 'crm').refId).toBe('sys-crm');
  });

  it('deletes an unused store; unknown ids are a no-op', () => {
    const ws = runCmd(addDataStore, catalogue(), { dataStoreId: 'ds-new', name: 'Box' });
    const next = expectUndoable(deleteDataStore, ws, { dataStoreId: 'ds-new' });
    expect(next.dataStores.map((d) => d.id)).toEqual(['ds-sheet']);
    expect(next.maps).toBe(ws.maps);
    expectNoOp(deleteDataStore, ws, { dataStoreId: 'zzz' });
  });
});
