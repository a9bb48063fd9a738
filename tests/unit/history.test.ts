import { describe, expect, it } from 'vitest';
import {
  addLane,
  applyChanges,
  type Command,
  createMap,
  deleteMap,
  diffWorkspace,
  emptyHistory,
  type History,
  type HistoryEntry,
  MAX_ENTRIES_PER_SCOPE,
  moveNodes,
  peekRedo,
  peekUndo,
  recordEntry,
  redo,
  renameDepartment,
  renameMap,
  replaceWorkspace,
  scopeKey,
  setMapDepartment,
  undo,
} from '../../src/core/commands';
import { emptyMap, emptyWorkspace } from '../../src/core/model/factory';
import type { Workspace } from '../../src/core/model/types';
import { deepFreeze, getBox, getMap, NOW, runCmd, workspace } from './fixtures/maps';

// The document store's loop, without the store: run, and when something changed, record
// the diff in the command's scope.
interface State {
  ws: Workspace;
  h: History;
}

function commit<A>(s: State, cmd: Command<A>, args: A, at = 0, coalesceKey?: string): State {
  const next = runCmd(cmd, s.ws, args);
  if (next === s.ws) return s;
  const entry = { name: cmd.name, title: cmd.title, scope: scopeKey(cmd.scope(args)), changes: diffWorkspace(s.ws, next), at, coalesceKey };
  return { ws: next, h: recordEntry(deepFreeze(s.h), entry) };
}

function step(s: State, scopes: string[], dir: 'undo' | 'redo'): State & { entry: HistoryEntry } {
  const r = (dir === 'undo' ? undo : redo)(deepFreeze(s.h), s.ws, scopes);
  if (!r) throw new Error(`nothing to ${dir} in ${scopes.join(', ')}`);
  return { ws: r.workspace, h: r.history, entry: r.entry };
}

const A = ['map:map-a', 'workspace'];
const B = ['map:map-b', 'workspace'];
const start = (): State => ({ ws: workspace(), h: emptyHistory() });
/** Move quote to x, as an arrow-key nudge (coalesce key) unless key is null. */
const nudge = (s: State, x: number, at: number, key: string | null = 'nudge:quote') =>
  commit(s, moveNodes, { mapId: 'map-a', moves: [{ nodeId: 'quote', x, y: 68 }] }, at, key ?? undefined);

describe('diffWorkspace and applyChanges', () => {
  it('finds no change between a workspace and itself', () => {
    const ws = workspace();
    expect(diffWorkspace(ws, ws)).toEqual([]);
  });

  it('lists exactly the records that changed, with both sides', () => {
    const ws = workspace();
    const renamed = runCmd(renameMap, ws, { mapId: 'map-b', name: 'New starters' });
    expect(diffWorkspace(ws, renamed)).toEqual([
      expect.objectContaining({ table: 'maps', id: 'map-b', before: getMap(ws, 'map-b'), after: getMap(renamed, 'map-b') }),
    ]);

    const created = runCmd(createMap, ws, {
      map: emptyMap({ id: 'map-c', name: 'C', departmentId: 'd-fin', lanes: [], now: NOW }),
      newDepartmentName: 'Finance',
    });
    expect(diffWorkspace(ws, created)).toEqual([
      expect.objectContaining({ table: 'departments', id: 'd-fin', before: undefined, after: { id: 'd-fin', name: 'Finance' } }),
      expect.objectContaining({ table: 'maps', id: 'map-c', before: undefined, after: getMap(created, 'map-c') }),
    ]);

    const deleted = runCmd(deleteMap, ws, { mapId: 'map-a' });
    expect(diffWorkspace(ws, deleted)).toEqual([
      expect.objectContaining({ table: 'maps', id: 'map-a', before: getMap(ws, 'map-a'), after: undefined }),
    ]);

    const replaced = runCmd(replaceWorkspace, ws, { workspace: emptyWorkspace('ws-2', 'Other') });
    const changes = diffWorkspace(ws, replaced);
    expect(changes[0]).toMatchObject({ table: 'meta', id: 'ws-1', before: ws.meta, after: replaced.meta });
    expect(changes.filter((c) => c.after === undefined).map((c) => c.id)).toEqual(['d-sales', 'd-ops', 'sys-crm', 'ds-sheet', 'map-a', 'map-b']);
  });

  it('writes either side back', () => {
    const ws = workspace();
    const next = runCmd(renameDepartment, ws, { departmentId: 'd-ops', name: 'Fulfilment' });
    const changes = diffWorkspace(ws, next);
    expect(applyChanges(next, changes, 'before')).toStrictEqual(ws);
    expect(applyChanges(ws, changes, 'after')).toStrictEqual(next);
    expect(applyChanges(ws, [], 'after')).toBe(ws);
  });
});

describe('undo and redo', () => {
  it('has nothing to undo or redo in an empty history', () => {
    const ws = workspace();
    expect(undo(emptyHistory(), ws, A)).toBeUndefined();
    expect(redo(emptyHistory(), ws, A)).toBeUndefined();
    expect(peekUndo(emptyHistory(), A)).toBeUndefined();
  });

  it('moves an entry from the undo stack to the redo stack and back, without mutating the history', () => {
    const s1 = commit(start(), renameMap, { mapId: 'map-a', name: 'O2C' }, 10);
    expect(s1.h.seq).toBe(1);
    expect(s1.h.undo['map:map-a']).toHaveLength(1);
    expect(peekUndo(s1.h, A)).toMatchObject({ seq: 1, name: 'renameMap', title: 'Rename map', scope: 'map:map-a', at: 10 });
    const frozen = structuredClone(s1.h);
    const u = step(s1, A, 'undo');
    expect(s1.h).toStrictEqual(frozen);
    expect(u.h.undo['map:map-a']).toEqual([]);
    expect(u.h.redo['map:map-a']).toHaveLength(1);
    expect(peekRedo(u.h, A)?.name).toBe('renameMap');
    expect(u.ws).toStrictEqual(workspace());
    const r = step(u, A, 'redo');
    expect(r.ws).toStrictEqual(s1.ws);
    expect(r.h.undo['map:map-a']).toHaveLength(1);
    expect(r.h.redo['map:map-a']).toEqual([]);
  });

  it('keeps one history per map: undo in map A never touches map B', () => {
    let s = start();
    s = commit(s, renameMap, { mapId: 'map-a', name: 'A1' }, 1);
    s = commit(s, renameMap, { mapId: 'map-b', name: 'B1' }, 2);
    s = commit(s, moveNodes, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 400, y: 68 }] }, 3);
    const bAfterEdits = getMap(s.ws, 'map-b');

    let u = step(s, A, 'undo');
    expect(u.entry.name).toBe('moveNodes');
    expect(getBox(getMap(u.ws), 'quote').x).toBe(300);
    expect(getMap(u.ws).name).toBe('A1');
    expect(getMap(u.ws, 'map-b')).toBe(bAfterEdits);

    u = step(u, A, 'undo');
    expect(u.entry.name).toBe('renameMap');
    expect(getMap(u.ws)).toStrictEqual(getMap(workspace()));
    expect(getMap(u.ws, 'map-b')).toBe(bAfterEdits);
    expect(undo(u.h, u.ws, A)).toBeUndefined(); // map B's entry is not reachable from map A

    u = step(u, B, 'undo');
    expect(getMap(u.ws, 'map-b').name).toBe('Onboarding');
    expect(u.ws).toStrictEqual(workspace());
  });

  it('undo takes the newest entry across the map scope and the workspace scope', () => {
    let s = start();
    s = commit(s, renameMap, { mapId: 'map-a', name: 'A1' }, 1); // seq 1, map
    s = commit(s, renameDepartment, { departmentId: 'd-ops', name: 'Fulfilment' }, 2); // seq 2, workspace
    s = commit(s, addLane, { mapId: 'map-a', laneId: 'lane-x', name: 'X' }, 3); // seq 3, map
    expect(peekUndo(s.h, A)?.name).toBe('addLane');
    expect(peekUndo(s.h, B)?.name).toBe('renameDepartment');

    const order: string[] = [];
    let u: State = s;
    for (let i = 0; i < 3; i++) {
      const r = step(u, A, 'undo');
      order.push(r.entry.name);
      u = r;
    }
    expect(order).toEqual(['addLane', 'renameDepartment', 'renameMap']);
    expect(u.ws).toStrictEqual(workspace());

    // From map B only the workspace entry is reachable; map A keeps its lane and name.
    const fromB = step(s, B, 'undo');
    expect(fromB.entry.name).toBe('renameDepartment');
    expect(fromB.ws.departments[1]!.name).toBe('Operations');
    expect(getMap(fromB.ws)).toBe(getMap(s.ws));
  });

  it('redo reapplies the most recently undone entry first', () => {
    let s = start();
    s = commit(s, renameMap, { mapId: 'map-a', name: 'A1' }, 1); // seq 1, map
    s = commit(s, renameDepartment, { departmentId: 'd-ops', name: 'Fulfilment' }, 2); // seq 2, workspace
    let u = step(s, A, 'undo'); // undoes the department rename
    u = step(u, A, 'undo'); // undoes the map rename
    const r = step(u, A, 'redo');
    expect(r.entry.name).toBe('renameMap');
    expect(getMap(r.ws).name).toBe('A1');
    expect(r.ws.departments[1]!.name).toBe('Operations');
  });

  it('undo all then redo all comes back to the latest state across scopes', () => {
    let s = start();
    // Map scope: set a new department for the map (creates "Finance").
    s = commit(s, setMapDepartment, { mapId: 'map-a', departmentId: 'd-fin', newDepartmentName: 'Finance' }, 1);
    // Workspace scope: rename that department.
    s = commit(s, renameDepartment, { departmentId: 'd-fin', name: 'Finance team' }, 2);
    let u: State = s;
    u = step(u, A, 'undo');
    u = step(u, A, 'undo');
    expect(u.ws).toStrictEqual(workspace());
    u = step(u, A, 'redo');
    u = step(u, A, 'redo');
    expect(u.ws.departments.find((d) => d.id === 'd-fin')?.name).toBe('Finance team');
    expect(u.ws).toStrictEqual(s.ws);
  });

  it('a new edit clears the redo stack of its scope only', () => {
    let s = start();
    s = commit(s, renameMap, { mapId: 'map-a', name: 'A1' }, 1);
    s = commit(s, renameMap, { mapId: 'map-b', name: 'B1' }, 2);
    s = commit(s, renameDepartment, { departmentId: 'd-ops', name: 'Ops' }, 3);
    let u: State = step(s, A, 'undo'); // department rename → workspace redo
    u = step(u, A, 'undo'); // map A rename → map A redo
    u = step(u, B, 'undo'); // map B rename → map B redo
    expect(peekRedo(u.h, ['map:map-a'])).toBeDefined();
    expect(peekRedo(u.h, ['map:map-b'])).toBeDefined();

    const edited = commit(u, moveNodes, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 400, y: 68 }] }, 4);
    expect(edited.h.redo['map:map-a']).toEqual([]);
    expect(peekRedo(edited.h, ['map:map-a'])).toBeUndefined();
    expect(edited.h.redo['map:map-b']).toHaveLength(1);
    expect(edited.h.redo.workspace).toHaveLength(1);
    // Redo in map A now only finds the workspace entry.
    const r = step(edited, A, 'redo');
    expect(r.entry.name).toBe('renameDepartment');
    expect(getMap(r.ws).name).toBe('Order to cash');
    expect(getBox(getMap(r.ws), 'quote').x).toBe(400);
  });
});

describe('coalescing', () => {
  it('merges consecutive nudges with the same key within 1 s: one undo reverts them all', () => {
    let s = start();
    s = nudge(s, 310, 0);
    s = nudge(s, 320, 300);
    s = nudge(s, 330, 600);
    expect(s.h.undo['map:map-a']).toHaveLength(1);
    expect(s.h.undo['map:map-a']![0]!.at).toBe(600);
    const u = step(s, A, 'undo');
    expect(u.ws).toStrictEqual(workspace());
    expect(undo(u.h, u.ws, A)).toBeUndefined();
    const r = step(u, A, 'redo');
    expect(r.ws).toStrictEqual(s.ws);
    expect(getBox(getMap(r.ws), 'quote').x).toBe(330);
  });

  it('keeps a window of 1 s from the previous nudge', () => {
    expect(nudge(nudge(start(), 310, 0), 320, 999).h.undo['map:map-a']).toHaveLength(1);
    expect(nudge(nudge(start(), 310, 0), 320, 1000).h.undo['map:map-a']).toHaveLength(2);
    // Each nudge within 1 s of the one before: still one entry.
    expect(nudge(nudge(nudge(start(), 310, 0), 320, 800), 330, 1600).h.undo['map:map-a']).toHaveLength(1);
  });

  it('does not merge different keys, entries without a key, or across scopes', () => {
    expect(nudge(nudge(start(), 310, 0, 'nudge:quote'), 320, 100, 'nudge:other').h.undo['map:map-a']).toHaveLength(2);
    expect(nudge(nudge(start(), 310, 0, null), 320, 100, null).h.undo['map:map-a']).toHaveLength(2);
    let s = nudge(start(), 310, 0, 'k');
    s = commit(s, moveNodes, { mapId: 'map-b', moves: [{ nodeId: 'welcome', x: 200, y: 68 }] }, 100, 'k');
    expect(s.h.undo['map:map-a']).toHaveLength(1);
    expect(s.h.undo['map:map-b']).toHaveLength(1);
  });

  it('merges only consecutive entries: another edit in between starts a new entry', () => {
    let s = nudge(start(), 310, 0);
    s = commit(s, renameMap, { mapId: 'map-a', name: 'A1' }, 100);
    s = nudge(s, 320, 200);
    expect(s.h.undo['map:map-a']!.map((e) => e.name)).toEqual(['moveNodes', 'renameMap', 'moveNodes']);
    const u = step(s, A, 'undo');
    expect(getBox(getMap(u.ws), 'quote').x).toBe(310);
    expect(getMap(u.ws).name).toBe('A1');
  });

  it('merging into the top entry clears the redo stack of the scope', () => {
    let s = nudge(start(), 310, 0);
    s = commit(s, renameMap, { mapId: 'map-a', name: 'A1' }, 100);
    const u = step(s, A, 'undo'); // the rename goes to redo; the nudge is on top again
    expect(u.h.redo['map:map-a']).toHaveLength(1);
    const merged = nudge(u, 320, 200);
    expect(merged.h.undo['map:map-a']).toHaveLength(1);
    expect(merged.h.redo['map:map-a']).toEqual([]);
    expect(redo(merged.h, merged.ws, A)).toBeUndefined();
    expect(step(merged, A, 'undo').ws).toStrictEqual(workspace());
  });

  it('a merged entry keeps the first before and the last after of every record it touches', () => {
    let s = nudge(start(), 310, 0, 'k');
    s = commit(s, setMapDepartment, { mapId: 'map-a', departmentId: 'd-fin', newDepartmentName: 'Finance' }, 100, 'k');
    const [entry] = s.h.undo['map:map-a']!;
    expect(entry!.changes.map((c) => `${c.table}:${c.id}`)).toEqual(['maps:map-a', 'departments:d-fin']);
    expect(entry!.changes[0]!.before).toStrictEqual(getMap(workspace()));
    expect(entry!.changes[0]!.after).toBe(getMap(s.ws));
    const u = step(s, A, 'undo');
    expect(u.ws).toStrictEqual(workspace());
  });

  it('after a coalesced nudge, undo takes the nudge before an older workspace edit', () => {
    let s = nudge(start(), 310, 0); // seq 1, map A
    s = commit(s, renameDepartment, { departmentId: 'd-ops', name: 'Ops' }, 100); // seq 2, workspace
    s = nudge(s, 320, 200); // the newest edit, merged into seq 1
    const u = step(s, A, 'undo');
    expect(u.entry.scope).toBe('map:map-a');
    expect(u.ws.departments[1]!.name).toBe('Ops');
  });
});

describe('per-scope cap', () => {
  it('keeps the newest MAX_ENTRIES_PER_SCOPE entries of a scope and leaves other scopes alone', () => {
    let h = recordEntry(emptyHistory(), { name: 'other', title: 'Other', scope: 'map:map-b', changes: [], at: 0 });
    for (let i = 0; i < MAX_ENTRIES_PER_SCOPE + 5; i++) h = recordEntry(h, { name: `e${i}`, title: 'E', scope: 'map:map-a', changes: [], at: i * 5_000 });
    const stack = h.undo['map:map-a']!;
    expect(stack).toHaveLength(MAX_ENTRIES_PER_SCOPE);
    expect(stack[0]!.name).toBe('e5');
    expect(stack.at(-1)!.name).toBe(`e${MAX_ENTRIES_PER_SCOPE + 4}`);
    expect(stack.at(-1)!.seq).toBe(MAX_ENTRIES_PER_SCOPE + 6);
    expect(h.seq).toBe(MAX_ENTRIES_PER_SCOPE + 6);
    expect(h.undo['map:map-b']).toHaveLength(1);
  });

  it('the oldest edit beyond the cap can no longer be undone', () => {
    let s = start();
    for (let i = 1; i <= MAX_ENTRIES_PER_SCOPE + 1; i++) s = nudge(s, 300 + i, i * 100, null);
    expect(s.h.undo['map:map-a']).toHaveLength(MAX_ENTRIES_PER_SCOPE);
    let u: State = s;
    for (let i = 0; i < MAX_ENTRIES_PER_SCOPE; i++) u = step(u, A, 'undo');
    expect(undo(u.h, u.ws, A)).toBeUndefined();
    // Back to the state after the first edit, not before it.
    expect(getBox(getMap(u.ws), 'quote').x).toBe(301);
  });
});
