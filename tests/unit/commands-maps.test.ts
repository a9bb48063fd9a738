import { describe, expect, it } from 'vitest';
import {
  CommandError,
  createMap,
  deleteMap,
  diffWorkspace,
  duplicateMap,
  emptyHistory,
  inferFlowKind,
  mergeWorkspace,
  recordEntry,
  redo,
  renameDepartment,
  renameMap,
  replaceWorkspace,
  scopeKey,
  setMapDepartment,
  setMapReview,
  undo,
  withDepartment,
} from '../../src/core/commands';
import { emptyMap, emptyWorkspace } from '../../src/core/model/factory';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { ctx, deepFreeze, expectNoOp, expectUndoable, getMap, getNode, mapA, mapB, NOW, OLD, runCmd, expectPure, workspace } from './fixtures/maps';

const ids = (ws: Workspace) => ws.maps.map((m) => m.id);
const returns = (id = 'map-c', departmentId: string | null = 'd-ops'): ProcessMap =>
  emptyMap({ id, name: 'Returns', departmentId, lanes: [{ id: 'l-desk', name: 'Desk' }], now: NOW });

/** Record one command's diff, then undo and redo it in the workspace scope. */
function throughHistory(before: Workspace, after: Workspace) {
  const h = recordEntry(emptyHistory(), { name: 'cmd', title: 'Cmd', scope: 'workspace', changes: diffWorkspace(before, after), at: 0 });
  const back = undo(h, after, ['workspace'])!;
  const forward = redo(back.history, back.workspace, ['workspace'])!;
  return { back: back.workspace, forward: forward.workspace };
}

describe('createMap', () => {
  it('adds the map at the end of the list, in the workspace scope', () => {
    const ws = workspace();
    const map = returns();
    const next = expectUndoable(createMap, ws, { map });
    expect(ids(next)).toEqual(['map-a', 'map-b', 'map-c']);
    expect(getMap(next, 'map-c')).toBe(map);
    expect(next.departments).toBe(ws.departments);
    expect(createMap.scope({ map })).toEqual({ kind: 'workspace' });
  });

  it('creates a new department by name in the same edit; undo removes both', () => {
    const ws = workspace();
    const next = expectUndoable(createMap, ws, { map: returns('map-c', 'd-fin'), newDepartmentName: '  Finance ' });
    expect(next.departments).toEqual([...ws.departments, { id: 'd-fin', name: 'Finance' }]);
    expect(getMap(next, 'map-c').departmentId).toBe('d-fin');
  });

  it('takes a map without a department', () => {
    const next = expectUndoable(createMap, workspace(), { map: returns('map-c', null) });
    expect(getMap(next, 'map-c').departmentId).toBeNull();
  });

  it('refuses a taken id, and an unknown department without a name for it', () => {
    const ws = workspace();
    expect(() => runCmd(createMap, ws, { map: returns('map-a') })).toThrow(CommandError);
    expect(() => runCmd(createMap, ws, { map: returns('map-c', 'd-fin') })).toThrow(CommandError);
    expect(() => runCmd(createMap, ws, { map: returns('map-c', 'd-fin'), newDepartmentName: '   ' })).toThrow(CommandError);
  });
});

describe('deleteMap', () => {
  it('removes the map; undo brings it back', () => {
    const ws = workspace();
    const next = expectUndoable(deleteMap, ws, { mapId: 'map-b' });
    expect(ids(next)).toEqual(['map-a']);
    expect(getMap(next)).toBe(getMap(ws));
  });

  it('undo puts a deleted map back in its place in the list', () => {
    const ws = workspace();
    const next = runCmd(deleteMap, ws, { mapId: 'map-a' });
    expect(ids(next)).toEqual(['map-b']);
    const { back, forward } = throughHistory(ws, next);
    expect(ids(back)).toEqual(['map-a', 'map-b']);
    expect(back).toStrictEqual(ws);
    expect(forward).toStrictEqual(next);
  });

  it('is a no-op for an unknown map', () => {
    expectNoOp(deleteMap, workspace(), { mapId: 'nope' });
  });
});

describe('duplicateMap', () => {
  it('inserts a deep copy right after the source, keeping inner ids, named "Copy of …" and stamped now', () => {
    const ws = workspace();
    const next = runCmd(duplicateMap, ws, { mapId: 'map-a', newId: 'map-a2' });
    expect(ids(next)).toEqual(['map-a', 'map-a2', 'map-b']);
    const src = getMap(ws);
    const copy = getMap(next, 'map-a2');
    expect(copy).toStrictEqual({ ...mapA(), id: 'map-a2', name: 'Copy of Order to cash', updatedAt: NOW });
    // A deep copy: editing one never reaches the other.
    expect(copy.view).not.toBe(src.view);
    expect(copy.nodes[0]).not.toBe(src.nodes[0]);
    expect(copy.view.nodes.quote).not.toBe(src.view.nodes.quote);
    // The source is the same record, not stamped.
    expect(getMap(next)).toBe(src);
    expect(getMap(next).updatedAt).toBe(OLD);
  });

  it('takes a name; undo and redo round-trip (copy of the last map)', () => {
    const next = expectUndoable(duplicateMap, workspace(), { mapId: 'map-b', newId: 'map-b2', name: 'Onboarding v2' });
    expect(ids(next)).toEqual(['map-a', 'map-b', 'map-b2']);
    expect(getMap(next, 'map-b2').name).toBe('Onboarding v2');
  });

  it('redo puts the copy back right after its source', () => {
    const ws = workspace();
    const next = runCmd(duplicateMap, ws, { mapId: 'map-a', newId: 'map-a2' });
    const { back, forward } = throughHistory(ws, next);
    expect(back).toStrictEqual(ws);
    expect(ids(forward)).toEqual(['map-a', 'map-a2', 'map-b']);
    expect(forward).toStrictEqual(next);
  });

  it('refuses a taken id and an unknown source', () => {
    const ws = workspace();
    expect(() => runCmd(duplicateMap, ws, { mapId: 'map-a', newId: 'map-b' })).toThrow(CommandError);
    expect(() => runCmd(duplicateMap, ws, { mapId: 'nope', newId: 'map-x' })).toThrow(CommandError);
  });
});

describe('renameMap', () => {
  it('renames, trimmed, stamps the map, in the map scope', () => {
    const ws = workspace();
    const next = expectUndoable(renameMap, ws, { mapId: 'map-b', name: '  New starters ' });
    expect(getMap(next, 'map-b')).toStrictEqual({ ...mapB(), name: 'New starters', updatedAt: NOW });
    expect(getMap(next, 'map-a')).toBe(getMap(ws, 'map-a'));
    expect(renameMap.scope({ mapId: 'map-b', name: 'x' })).toEqual({ kind: 'map', mapId: 'map-b' });
  });

  it('is a no-op for the same name or a blank one; refuses an unknown map', () => {
    const ws = workspace();
    expectNoOp(renameMap, ws, { mapId: 'map-a', name: 'Order to cash' });
    expectNoOp(renameMap, ws, { mapId: 'map-a', name: ' Order to cash  ' });
    expectNoOp(renameMap, ws, { mapId: 'map-a', name: '' });
    expect(() => runCmd(renameMap, ws, { mapId: 'nope', name: 'X' })).toThrow(CommandError);
  });
});

describe('setMapDepartment', () => {
  it('picks an existing department', () => {
    const ws = workspace();
    const next = expectUndoable(setMapDepartment, ws, { mapId: 'map-b', departmentId: 'd-ops' });
    expect(getMap(next, 'map-b')).toStrictEqual({ ...mapB(), departmentId: 'd-ops', updatedAt: NOW });
    expect(next.departments).toBe(ws.departments);
  });

  it('creates a department by name in the same edit, recorded in the map scope; undo takes both back', () => {
    const ws = workspace();
    const args = { mapId: 'map-b', departmentId: 'd-fin', newDepartmentName: ' Finance ' };
    expect(scopeKey(setMapDepartment.scope(args))).toBe('map:map-b');
    const next = expectUndoable(setMapDepartment, ws, args);
    expect(next.departments).toEqual([...ws.departments, { id: 'd-fin', name: 'Finance' }]);
    expect(getMap(next, 'map-b').departmentId).toBe('d-fin');

    // Undo in the map's own scope alone reverts the department too.
    const h = recordEntry(emptyHistory(), { name: 'setMapDepartment', title: 'x', scope: 'map:map-b', changes: diffWorkspace(ws, next), at: 0 });
    const back = undo(h, next, ['map:map-b'])!;
    expect(back.workspace.departments).toEqual(ws.departments);
    expect(undo(h, next, ['map:map-a', 'workspace'])).toBeUndefined();
  });

  it('a name for an existing department neither duplicates nor renames it', () => {
    const ws = workspace();
    const next = runCmd(setMapDepartment, ws, { mapId: 'map-b', departmentId: 'd-ops', newDepartmentName: 'Ops' });
    expect(next.departments).toBe(ws.departments);
  });

  it('clearing the department changes how lanes without one are read', () => {
    const ws = workspace();
    const next = expectUndoable(setMapDepartment, ws, { mapId: 'map-a', departmentId: null });
    const map = getMap(next);
    expect(map.departmentId).toBeNull();
    // Systems lane has no department: it was Sales (the map's), now none, so Sales → Systems is a hand-off.
    const withTask = { ...map, nodes: [...map.nodes, { id: 't', kind: 'step' as const, laneId: 'lane-sys', label: 'T' }] };
    expect(inferFlowKind(withTask, getNode(withTask, 'quote'), getNode(withTask, 't'))).toBe('message');
  });

  it('is a no-op for the same department; refuses an unknown one without a name', () => {
    const ws = workspace();
    expectNoOp(setMapDepartment, ws, { mapId: 'map-a', departmentId: 'd-sales' });
    expectNoOp(setMapDepartment, ws, { mapId: 'map-b', departmentId: null });
    expect(() => runCmd(setMapDepartment, ws, { mapId: 'map-a', departmentId: 'd-fin' })).toThrow(CommandError);
  });

  it('withDepartment returns the same list when nothing is created', () => {
    const list = workspace().departments;
    expect(withDepartment(list, null)).toBe(list);
    expect(withDepartment(list, 'd-ops', 'Whatever')).toBe(list);
    expect(withDepartment(list, 'd-new', ' New ')).toEqual([...list, { id: 'd-new', name: 'New' }]);
  });
});

describe('renameDepartment', () => {
  it('renames, trimmed, without touching maps', () => {
    const ws = workspace();
    const next = expectUndoable(renameDepartment, ws, { departmentId: 'd-ops', name: ' Fulfilment ' });
    expect(next.departments).toEqual([
      { id: 'd-sales', name: 'Sales' },
      { id: 'd-ops', name: 'Fulfilment' },
    ]);
    expect(next.maps).toBe(ws.maps);
    expect(next.departments[0]).toBe(ws.departments[0]);
    expect(renameDepartment.scope({ departmentId: 'd-ops', name: 'x' })).toEqual({ kind: 'workspace' });
  });

  it('is a no-op for the same name, a blank name or an unknown department', () => {
    const ws = workspace();
    expectNoOp(renameDepartment, ws, { departmentId: 'd-ops', name: 'Operations' });
    expectNoOp(renameDepartment, ws, { departmentId: 'd-ops', name: ' Operations ' });
    expectNoOp(renameDepartment, ws, { departmentId: 'd-ops', name: '  ' });
    expectNoOp(renameDepartment, ws, { departmentId: 'nope', name: 'X' });
  });
});

describe('replaceWorkspace', () => {
  it('replaces everything with another workspace; undo brings the old one back', () => {
    const ws = workspace();
    const other: Workspace = { ...emptyWorkspace('ws-2', 'Restored'), departments: [{ id: 'd-x', name: 'X' }], maps: [returns('map-x', 'd-x')] };
    const next = expectUndoable(replaceWorkspace, ws, { workspace: other });
    expect(next).toBe(other);
  });

  it('restoring a backup of the same workspace round-trips through undo', () => {
    const ws = workspace();
    const backup = structuredClone(ws);
    backup.maps[0]!.name = 'Order to cash (backup)';
    backup.departments.push({ id: 'd-old', name: 'Old team' });
    backup.meta.name = 'Backup';
    const next = expectUndoable(replaceWorkspace, ws, { workspace: backup });
    expect(next.meta.name).toBe('Backup');
    expect(ids(next)).toEqual(['map-a', 'map-b']);
  });

  it('is a no-op when given the same workspace', () => {
    const ws = workspace();
    expectNoOp(replaceWorkspace, ws, { workspace: ws });
  });
});

describe('mergeWorkspace', () => {
  function incoming(): Workspace {
    return deepFreeze({
      meta: { id: 'ws-theirs', name: 'Theirs' },
      departments: [
        { id: 'd-ops', name: 'Ops (theirs)' },
        { id: 'd-fin', name: 'Finance' },
      ],
      systems: [
        { id: 'sys-crm', name: 'Their CRM', kind: 'crm', integratesWith: [] },
        { id: 'sys-erp', name: 'ERP', kind: 'erp', integratesWith: ['sys-crm'] },
      ],
      dataStores: [],
      maps: [{ ...mapA(), name: 'Their O2C' }, { ...mapB(), name: 'Their onboarding' }, returns('map-z', 'd-fin')],
    });
  }

  it('adds new catalogue records, keeps ours on id clashes, and renames incoming maps with taken ids', () => {
    const ws = workspace();
    const inc = incoming();
    const next = expectUndoable(mergeWorkspace, ws, { incoming: inc, mapIds: { 'map-a': 'map-a-2' } });
    expect(next.meta).toBe(ws.meta);
    expect(next.departments).toEqual([
      { id: 'd-sales', name: 'Sales' },
      { id: 'd-ops', name: 'Operations' },
      { id: 'd-fin', name: 'Finance' },
    ]);
    expect(next.systems.map((s) => [s.id, s.name])).toEqual([
      ['sys-crm', 'CRM'],
      ['sys-erp', 'ERP'],
    ]);
    expect(next.dataStores).toBe(ws.dataStores);
    expect(ids(next)).toEqual(['map-a', 'map-b', 'map-a-2', 'map-b-copy', 'map-z']);
    expect(getMap(next, 'map-a')).toBe(getMap(ws, 'map-a'));
    expect(getMap(next, 'map-a-2').name).toBe('Their O2C');
    expect(getMap(next, 'map-b-copy').name).toBe('Their onboarding');
    expect(getMap(next, 'map-z')).toBe(inc.maps[2]);
  });

  it('is a no-op when the other workspace brings nothing new', () => {
    const ws = workspace();
    const nothingNew = deepFreeze({ ...emptyWorkspace('ws-theirs', 'Theirs'), departments: [{ id: 'd-ops', name: 'Operations' }] });
    expectNoOp(mergeWorkspace, ws, { incoming: nothingNew, mapIds: {} });
  });
});

describe('map and workspace commands are pure', () => {
  const cases: [string, (ws: Workspace) => Workspace][] = [
    ['createMap', (ws) => createMap.run(ws, { map: returns('map-c', 'd-new'), newDepartmentName: 'New' }, ctx)],
    ['deleteMap', (ws) => deleteMap.run(ws, { mapId: 'map-a' }, ctx)],
    ['duplicateMap', (ws) => duplicateMap.run(ws, { mapId: 'map-a', newId: 'map-a2' }, ctx)],
    ['renameMap', (ws) => renameMap.run(ws, { mapId: 'map-a', name: 'X' }, ctx)],
    ['setMapDepartment', (ws) => setMapDepartment.run(ws, { mapId: 'map-a', departmentId: 'd-new', newDepartmentName: 'New' }, ctx)],
    ['renameDepartment', (ws) => renameDepartment.run(ws, { departmentId: 'd-ops', name: 'Ops' }, ctx)],
    ['replaceWorkspace', (ws) => replaceWorkspace.run(ws, { workspace: emptyWorkspace('ws-2', 'Other') }, ctx)],
    ['mergeWorkspace', (ws) => mergeWorkspace.run(ws, { incoming: { ...emptyWorkspace('w', 'W'), maps: [mapA()] }, mapIds: {} }, ctx)],
  ];
  it.each(cases)('%s leaves its input as it was', (_name, run) => {
    expectPure(run);
  });
});

describe('setMapReview', () => {
  const AT = '2026-12-06T18:00:00.000Z';

  it('records the state with who set it and when, as one undoable edit of the map', () => {
    const next = expectUndoable(setMapReview, workspace(), { mapId: 'map-a', state: 'agreed', by: '  Ana Silva ', at: AT });
    expect(getMap(next).review).toEqual({ state: 'agreed', by: 'Ana Silva', at: AT });
    expect(getMap(next).updatedAt).toBe(NOW);
    expect(getMap(next, 'map-b')).toStrictEqual(getMap(workspace(), 'map-b'));
  });

  it('changes nothing when the map already has that state (no review yet counts as a draft)', () => {
    expectNoOp(setMapReview, workspace(), { mapId: 'map-a', state: 'draft', by: 'Ana', at: AT });
    const agreed = runCmd(setMapReview, workspace(), { mapId: 'map-a', state: 'agreed', by: 'Ana', at: AT });
    expectNoOp(setMapReview, agreed, { mapId: 'map-a', state: 'agreed', by: 'Ben', at: '2026-12-07T09:00:00.000Z' });
  });

  it('refuses a review without a name or with an unknown state', () => {
    expect(() => runCmd(setMapReview, workspace(), { mapId: 'map-a', state: 'review', by: '  ', at: AT })).toThrow(CommandError);
    expect(() => runCmd(setMapReview, workspace(), { mapId: 'map-a', state: 'signed' as never, by: 'Ana', at: AT })).toThrow(/Unknown review status/);
  });

  it('a duplicate of an agreed map starts as a draft', () => {
    const agreed = runCmd(setMapReview, workspace(), { mapId: 'map-a', state: 'agreed', by: 'Ana', at: AT });
    const next = runCmd(duplicateMap, agreed, { mapId: 'map-a', newId: 'map-a2' });
    expect(getMap(next, 'map-a2').review).toBeUndefined();
    expect(getMap(next).review?.state).toBe('agreed');
  });
});
