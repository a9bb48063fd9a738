import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  addSystem,
  addFlow,
  addLane,
  addNode,
  type Command,
  deleteElements,
  deleteMap,
  diffWorkspace,
  emptyHistory,
  type History,
  moveLane,
  moveNodes,
  recordEntry,
  redo,
  renameLane,
  renameMap,
  resizeLane,
  resizeNodes,
  scopeKey,
  undo,
  updateDataStore,
  updateNode,
  updateSystem,
} from '../../src/core/commands';
import { applyPatch, patchBetween } from '../../src/core/commands/workspacePatch';
import type { Workspace } from '../../src/core/model/types';
import { validateCatalogueRecord, validateMapRecord } from '../../src/core/schema/bundle';
import { applyPatchToDoc, danglingReferences, observeRemote, readWorkspace } from '../../src/core/sync';
import { exchange, twoInRoom } from './fixtures/docExchange';
import { getBox, getMap, getNode, runCmd, workspace } from './fixtures/maps';

// Undo in a shared workspace undoes only your own edits: another person's edits reach this tab
// through the live doc, without history entries, and undoing or redoing an edit of mine keeps
// them. Each test runs two people on two Y.Docs joined as the provider joins them.

const LOCAL = { name: 'this tab' };
const SCOPES = ['map:map-a', 'map:map-b', 'workspace'];

/** One person: a doc, the store's workspace that follows it, and (for me) the undo history. */
class Person {
  doc = new Y.Doc();
  h: History = emptyHistory();
  constructor(public ws: Workspace) {
    observeRemote(this.doc, LOCAL, (patch) => {
      this.ws = applyPatch(this.ws, patch);
    });
  }
  /** A command, recorded in this person's history and written to their doc. */
  run<A>(cmd: Command<A>, args: A): this {
    const next = runCmd(cmd, this.ws, args);
    this.h = recordEntry(this.h, { name: cmd.name, title: cmd.title, scope: scopeKey(cmd.scope(args)), changes: diffWorkspace(this.ws, next), at: 0 });
    this.write(next);
    return this;
  }
  undo(): this {
    return this.step('undo');
  }
  redo(): this {
    return this.step('redo');
  }
  private step(dir: 'undo' | 'redo'): this {
    const r = (dir === 'undo' ? undo : redo)(this.h, this.ws, SCOPES);
    if (!r) throw new Error(`nothing to ${dir}`);
    this.h = r.history;
    this.write(r.workspace);
    return this;
  }
  private write(next: Workspace): void {
    applyPatchToDoc(this.doc, patchBetween(this.ws, next)!, LOCAL);
    this.ws = next;
  }
}

/** Me and a colleague in one room, both with the fixture workspace. */
const room = (): [Person, Person] => twoInRoom(workspace(), LOCAL, (ws) => new Person(ws));

/** Both people see one workspace, and it is the doc's. */
function expectConverged(me: Person, them: Person): void {
  exchange(me, them);
  expect(them.ws).toEqual(me.ws);
  expect(readWorkspace(me.doc)).toEqual(me.ws);
}

/** The map reads as a valid one where a file or stored row is checked, and nothing in it dangles. */
function expectValidMap(ws: Workspace, mapId = 'map-a'): void {
  const ids = { departmentIds: ws.departments.map((d) => d.id), systemIds: ws.systems.map((s) => s.id), dataStoreIds: ws.dataStores.map((s) => s.id) };
  const checked = validateMapRecord(getMap(ws, mapId), ids);
  expect(checked.ok ? [] : checked.errors).toEqual([]);
  expect(danglingReferences(ws)).toEqual([]);
  const map = getMap(ws, mapId);
  const nodeIds = new Set(map.nodes.map((n) => n.id));
  expect(Object.keys(map.view.nodes).filter((id) => !nodeIds.has(id))).toEqual([]);
  expect(Object.keys(map.view.flowPoints).filter((id) => !map.flows.some((f) => f.id === id))).toEqual([]);
  expect((map.comments ?? []).filter((c) => !nodeIds.has(c.nodeId))).toEqual([]);
}

const moveQuote = { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 333, y: 80 }] };
const addInvoice = { mapId: 'map-a', nodeId: 'invoice', kind: 'step', laneId: 'lane-sales', label: 'Invoice', x: 520, y: 68 } as const;

describe('undo and redo keep other people\'s edits', () => {
  it('undoing my rename of one step keeps a colleague\'s later move of another step in the same map', () => {
    const [me, them] = room();
    me.run(updateNode, { mapId: 'map-a', nodeId: 'fulfil', patch: { label: 'Ship order' } });
    exchange(me, them);
    them.run(moveNodes, moveQuote);
    exchange(me, them);
    me.undo();
    const map = getMap(me.ws);
    expect(getNode(map, 'fulfil').label).toBe('Fulfil order');
    expect(getBox(map, 'quote')).toMatchObject({ x: 333, y: 80 });
    expectConverged(me, them);

    me.redo();
    expect(getNode(getMap(me.ws), 'fulfil').label).toBe('Ship order');
    expect(getBox(getMap(me.ws), 'quote')).toMatchObject({ x: 333, y: 80 });
    expectConverged(me, them);
  });

  it('a step a colleague added survives my undo of a lane rename', () => {
    const [me, them] = room();
    me.run(renameLane, { mapId: 'map-a', laneId: 'lane-ops', name: 'Warehouse' });
    exchange(me, them);
    them.run(addNode, { mapId: 'map-a', nodeId: 'pack', kind: 'step', laneId: 'lane-ops', label: 'Pack', x: 700, y: 288 });
    exchange(me, them);
    me.undo();
    const map = getMap(me.ws);
    expect(map.lanes.find((l) => l.id === 'lane-ops')?.name).toBe('Operations');
    expect(getNode(map, 'pack')).toMatchObject({ label: 'Pack', laneId: 'lane-ops' });
    expect(getBox(map, 'pack')).toMatchObject({ x: 700, y: 288 });
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('undoing my added step also removes the flow a colleague drew to it, and keeps the rest of their work', () => {
    const [me, them] = room();
    me.run(addNode, addInvoice);
    exchange(me, them);
    them.run(addFlow, { mapId: 'map-a', flowId: 'f-new', from: 'quote', to: 'invoice' });
    them.run(updateNode, { mapId: 'map-a', nodeId: 'check', patch: { label: 'All there?' } });
    exchange(me, them);
    me.undo();
    const map = getMap(me.ws);
    expect(map.nodes.map((n) => n.id)).not.toContain('invoice');
    expect(map.flows.map((f) => f.id)).not.toContain('f-new');
    expect(getNode(map, 'check').label).toBe('All there?');
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('redoing my deletion of a step removes the flow a colleague drew to it meanwhile, and keeps the rest of their work', () => {
    const [me, them] = room();
    me.run(deleteElements, { mapId: 'map-a', nodeIds: ['close'], flowIds: [] });
    me.undo();
    exchange(me, them);
    them.run(addFlow, { mapId: 'map-a', flowId: 'f-late', from: 'quote', to: 'close' });
    them.run(moveNodes, moveQuote);
    exchange(me, them);
    me.redo();
    const map = getMap(me.ws);
    expect(map.nodes.map((n) => n.id)).not.toContain('close');
    expect(map.flows.map((f) => f.id)).not.toContain('f-late');
    expect(map.flows.map((f) => f.id)).not.toContain('f-4');
    expect(getBox(map, 'quote')).toMatchObject({ x: 333, y: 80 });
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('undoing my deletion brings the step and its flows back, beside a colleague\'s later edit', () => {
    const [me, them] = room();
    me.run(deleteElements, { mapId: 'map-a', nodeIds: ['close'], flowIds: [] });
    exchange(me, them);
    them.run(moveNodes, moveQuote);
    exchange(me, them);
    me.undo();
    const map = getMap(me.ws);
    expect(getNode(map, 'close').label).toBe('Closed');
    expect(map.flows.find((f) => f.id === 'f-4')).toMatchObject({ from: 'check', to: 'close' });
    expect(map.nodes.map((n) => n.id)).toEqual(getMap(workspace()).nodes.map((n) => n.id));
    expect(getBox(map, 'quote')).toMatchObject({ x: 333, y: 80 });
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('undoing my added step also removes a colleague\'s comments on it', () => {
    const [me, them] = room();
    me.run(addNode, addInvoice);
    exchange(me, them);
    const comment = (id: string, nodeId: string) => ({ id, nodeId, author: 'Ana', text: 'Which template?', at: '2026-12-06T10:00:00.000Z' });
    them.run(addComment, { mapId: 'map-a', comment: comment('c-1', 'invoice') });
    them.run(addComment, { mapId: 'map-a', comment: comment('c-2', 'quote') });
    exchange(me, them);
    me.undo();
    expect(getMap(me.ws).comments?.map((c) => c.nodeId)).toEqual(['quote']);
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('undoing my added lane removes it with the steps a colleague put in it, as deleting a lane does', () => {
    const [me, them] = room();
    me.run(addLane, { mapId: 'map-a', laneId: 'lane-legal', name: 'Legal', index: 3 });
    exchange(me, them);
    them.run(addNode, { mapId: 'map-a', nodeId: 'vet', kind: 'step', laneId: 'lane-legal', label: 'Vet contract', x: 300, y: 620 });
    them.run(addFlow, { mapId: 'map-a', flowId: 'f-vet', from: 'quote', to: 'vet' });
    them.run(updateNode, { mapId: 'map-a', nodeId: 'check', patch: { label: 'All there?' } });
    exchange(me, them);
    me.undo();
    const map = getMap(me.ws);
    expect(map.lanes.map((l) => l.id)).toEqual(['lane-sales', 'lane-ops', 'lane-sys']);
    expect(map.nodes.map((n) => n.id)).not.toContain('vet');
    expect(map.flows.map((f) => f.id)).not.toContain('f-vet');
    expect(getNode(map, 'check').label).toBe('All there?');
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('undoing my move of a step keeps the size a colleague gave it, and drops the routes that no longer fit it', () => {
    const [me, them] = room();
    const was = getBox(getMap(me.ws), 'quote');
    me.run(moveNodes, moveQuote);
    exchange(me, them);
    them.run(resizeNodes, { mapId: 'map-a', sizes: [{ nodeId: 'quote', x: 333, y: 80, width: 200, height: 64 }] });
    exchange(me, them);
    me.undo();
    const map = getMap(me.ws);
    expect(getBox(map, 'quote')).toMatchObject({ x: was.x, y: was.y, width: 200 });
    // f-2 and f-5 leave quote: their routes were made for its old outline, 150 wide.
    expect(Object.keys(map.view.flowPoints).sort()).toEqual(['f-3', 'f-6']);
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('undoing my lane resize gives back its height only, keeping the height a colleague gave another lane', () => {
    const [me, them] = room();
    me.run(resizeLane, { mapId: 'map-a', laneId: 'lane-sys', height: 300 });
    exchange(me, them);
    them.run(resizeLane, { mapId: 'map-a', laneId: 'lane-sales', height: 260 });
    exchange(me, them);
    me.undo();
    expect(getMap(me.ws).view.laneHeights).toEqual({ 'lane-sales': 260, 'lane-ops': 240, 'lane-sys': 160 });
    expectConverged(me, them);
  });

  it('edits a catalogue record field by field: my rename undone, a colleague\'s change of kind kept', () => {
    const [me, them] = room();
    me.run(updateSystem, { systemId: 'sys-crm', patch: { name: 'Salesforce' } });
    exchange(me, them);
    them.run(updateSystem, { systemId: 'sys-crm', patch: { kind: 'erp' } });
    exchange(me, them);
    me.undo();
    const crm = me.ws.systems.find((s) => s.id === 'sys-crm')!;
    expect(crm).toMatchObject({ name: 'CRM', kind: 'erp' });
    expect(validateCatalogueRecord('systems', crm).ok).toBe(true);
    expectConverged(me, them);
  });

  it('a field a colleague set after me keeps their value when I undo', () => {
    const [me, them] = room();
    me.run(updateNode, { mapId: 'map-a', nodeId: 'fulfil', patch: { label: 'Ship order' } });
    exchange(me, them);
    them.run(updateNode, { mapId: 'map-a', nodeId: 'fulfil', patch: { label: 'Dispatch' } });
    exchange(me, them);
    me.undo();
    expect(getNode(getMap(me.ws), 'fulfil').label).toBe('Dispatch');
    expectConverged(me, them);
  });

  it('undoing my lane move puts the lanes back in order, keeping a lane a colleague added and their rename', () => {
    const [me, them] = room();
    me.run(moveLane, { mapId: 'map-a', laneId: 'lane-sales', direction: 1 });
    expect(getMap(me.ws).lanes.map((l) => l.id)).toEqual(['lane-ops', 'lane-sales', 'lane-sys']);
    exchange(me, them);
    them.run(addLane, { mapId: 'map-a', laneId: 'lane-legal', name: 'Legal', index: 3 });
    them.run(renameLane, { mapId: 'map-a', laneId: 'lane-sys', name: 'IT' });
    exchange(me, them);
    me.undo();
    const map = getMap(me.ws);
    expect(map.lanes.map((l) => `${l.id} ${l.name}`)).toEqual(['lane-sales Sales', 'lane-ops Operations', 'lane-sys IT', 'lane-legal Legal']);
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('undoing my rename of a map a colleague has deleted does not bring their deleted map back', () => {
    const [me, them] = room();
    me.run(renameMap, { mapId: 'map-b', name: 'New starters' });
    exchange(me, them);
    them.run(deleteMap, { mapId: 'map-b' });
    exchange(me, them);
    me.undo();
    expect(me.ws.maps.map((m) => m.id)).toEqual(['map-a']);
    expectConverged(me, them);
  });

  it('undoing my deletion of a map brings it back, beside a colleague\'s later rename of another map', () => {
    const [me, them] = room();
    me.run(deleteMap, { mapId: 'map-b' });
    exchange(me, them);
    them.run(renameMap, { mapId: 'map-a', name: 'Quote to cash' });
    exchange(me, them);
    me.undo();
    expect(me.ws.maps.map((m) => m.name)).toEqual(['Quote to cash', 'Onboarding']);
    expect(getMap(me.ws, 'map-b')).toEqual(getMap(workspace(), 'map-b'));
    expectConverged(me, them);
  });
});

describe('an undo that takes away a catalogue entry still in use unlinks it, as deleting it anyway does', () => {
  const linkCrmTo = { mapId: 'map-a', nodeId: 'crm', patch: { refId: 'sys-erp' } };

  it('a colleague\'s step drawn as the system I added stays, without the link', () => {
    const [me, them] = room();
    me.run(addSystem, { systemId: 'sys-erp', name: 'ERP', kind: 'erp' });
    exchange(me, them);
    them.run(updateNode, linkCrmTo);
    them.run(updateDataStore, { dataStoreId: 'ds-sheet', patch: { systemId: 'sys-erp' } });
    exchange(me, them);
    me.undo();
    expect(me.ws.systems.map((s) => s.id)).toEqual(['sys-crm']);
    expect(getNode(getMap(me.ws), 'crm')).not.toHaveProperty('refId');
    expect(me.ws.dataStores[0]!.systemId).toBeNull();
    expectValidMap(me.ws);
    expectConverged(me, them);
  });

  it('on my own: undoing "add system" from another map leaves no step in map A linked to nothing', () => {
    const ws = workspace();
    const added = runCmd(addSystem, ws, { systemId: 'sys-erp', name: 'ERP', kind: 'erp' });
    let h = recordEntry(emptyHistory(), { name: 'addSystem', title: 'Add system', scope: 'workspace', changes: diffWorkspace(ws, added), at: 0 });
    const linked = runCmd(updateNode, added, linkCrmTo);
    h = recordEntry(h, { name: 'updateNode', title: 'Edit node', scope: 'map:map-a', changes: diffWorkspace(added, linked), at: 1 });
    const back = undo(h, linked, ['map:map-b', 'workspace'])!;
    expect(back.entry.name).toBe('addSystem');
    expect(back.workspace.systems.map((s) => s.id)).toEqual(['sys-crm']);
    expect(getNode(getMap(back.workspace), 'crm')).not.toHaveProperty('refId');
    expectValidMap(back.workspace);
  });
});

describe('undo on my own (nobody else touched the record) writes back the stored side as it is', () => {
  it('gives back the very record the entry stored', () => {
    const ws = workspace();
    const next = runCmd(updateNode, ws, { mapId: 'map-a', nodeId: 'fulfil', patch: { label: 'Ship order' } });
    const h = recordEntry(emptyHistory(), { name: 'updateNode', title: 'Edit node', scope: 'map:map-a', changes: diffWorkspace(ws, next), at: 0 });
    const back = undo(h, next, SCOPES)!;
    expect(getMap(back.workspace)).toBe(getMap(ws));
    expect(getMap(redo(back.history, back.workspace, SCOPES)!.workspace)).toBe(getMap(next));
  });
});
