import { describe, expect, it } from 'vitest';
import { addFlow, addNode, CommandError, inferFlowKind, reverseFlow, updateFlow } from '../../src/core/commands';
import { nodeDepartment } from '../../src/core/model/vocabulary';
import type { Workspace } from '../../src/core/model/types';
import { ctx, expectNoOp, expectUndoable, getFlow, getMap, getNode, NOW, runCmd, expectPure, workspace } from './fixtures/maps';

/** The fixture plus a document in Operations and a plain step in Systems (a lane without a department). */
function richer(): Workspace {
  let ws = workspace();
  ws = runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'contract', kind: 'document', laneId: 'lane-ops', label: 'Contract' });
  ws = runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'task', kind: 'step', laneId: 'lane-sys', label: 'Sync' });
  ws = runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'memo', kind: 'note', laneId: 'lane-ops', label: 'Memo' });
  return ws;
}

const added = (ws: Workspace, from: string, to: string) =>
  getFlow(getMap(runCmd(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from, to })), 'fx');

describe('addFlow', () => {
  it('connects two nodes; across departments the inferred kind is message', () => {
    const ws = workspace();
    const next = expectUndoable(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'start', to: 'fulfil' });
    const map = getMap(next);
    expect(map.flows).toHaveLength(7);
    expect(map.flows.at(-1)).toStrictEqual({ id: 'fx', kind: 'message', from: 'start', to: 'fulfil' });
    expect(map.nodes).toBe(getMap(ws).nodes);
    expect(map.view).toBe(getMap(ws).view);
    expect(map.updatedAt).toBe(NOW);
  });

  it('infers sequence within one department', () => {
    expect(added(workspace(), 'quote', 'close').kind).toBe('sequence');
    expect(added(workspace(), 'check', 'fulfil').kind).toBe('sequence');
  });

  it('infers data when either end is a store, a system or a document, whatever the departments', () => {
    const ws = richer();
    expect(added(ws, 'fulfil', 'sheet').kind).toBe('data'); // to a data store
    expect(added(ws, 'sheet', 'start').kind).toBe('data'); // from a data store, across departments
    expect(added(ws, 'check', 'crm').kind).toBe('data'); // to a system
    expect(added(ws, 'contract', 'close').kind).toBe('data'); // from a document
    expect(added(ws, 'quote', 'contract').kind).toBe('data'); // to a document
  });

  it('a lane without a department counts as the map department', () => {
    const ws = richer();
    const map = getMap(ws);
    expect(nodeDepartment(map, getNode(map, 'task'))).toBe('d-sales');
    expect(added(ws, 'quote', 'task').kind).toBe('sequence'); // Sales → (map: Sales)
    expect(added(ws, 'fulfil', 'task').kind).toBe('message'); // Operations → Sales
    // A note is not a data node.
    expect(inferFlowKind(map, getNode(map, 'memo'), getNode(map, 'fulfil'))).toBe('sequence');
  });

  it('takes an explicit kind and a label', () => {
    const next = expectUndoable(addFlow, workspace(), { mapId: 'map-a', flowId: 'fx', from: 'start', to: 'fulfil', kind: 'sequence', label: 'Yes' });
    expect(getFlow(getMap(next), 'fx')).toStrictEqual({ id: 'fx', kind: 'sequence', from: 'start', to: 'fulfil', label: 'Yes' });
    const noLabel = getFlow(getMap(runCmd(addFlow, workspace(), { mapId: 'map-a', flowId: 'fx', from: 'start', to: 'close', label: '' })), 'fx');
    expect('label' in noLabel).toBe(false);
  });

  it('the opposite direction is not a duplicate', () => {
    const map = getMap(expectUndoable(addFlow, workspace(), { mapId: 'map-a', flowId: 'fx', from: 'quote', to: 'start' }));
    expect(getFlow(map, 'fx')).toStrictEqual({ id: 'fx', kind: 'sequence', from: 'quote', to: 'start' });
  });

  it('refuses a duplicate (same ends, same kind) and a self-loop as no-ops', () => {
    const ws = workspace();
    expectNoOp(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'start', to: 'quote' }); // f-1, inferred sequence
    expectNoOp(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'quote', to: 'fulfil' }); // f-2, inferred message
    expectNoOp(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'quote', to: 'crm', kind: 'data' }); // f-5
    expectNoOp(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'quote', to: 'quote' });
    expectNoOp(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'crm', to: 'crm', kind: 'data' });
  });

  it('refuses nodes that are not in the map', () => {
    const ws = workspace();
    expect(() => runCmd(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'quote', to: 'ghost' })).toThrow(CommandError);
    expect(() => runCmd(addFlow, ws, { mapId: 'map-a', flowId: 'fx', from: 'welcome', to: 'quote' })).toThrow(CommandError);
  });
});

describe('updateFlow', () => {
  it('sets a label, trimmed', () => {
    const next = expectUndoable(updateFlow, workspace(), { mapId: 'map-a', flowId: 'f-3', patch: { label: '  Packed  ' } });
    expect(getFlow(getMap(next), 'f-3')).toStrictEqual({ id: 'f-3', kind: 'sequence', from: 'fulfil', to: 'check', label: 'Packed' });
  });

  it('an empty label removes it', () => {
    const next = expectUndoable(updateFlow, workspace(), { mapId: 'map-a', flowId: 'f-4', patch: { label: '   ' } });
    expect(getFlow(getMap(next), 'f-4')).toStrictEqual({ id: 'f-4', kind: 'message', from: 'check', to: 'close' });
  });

  it('changing a data flow to another kind drops its access', () => {
    const next = expectUndoable(updateFlow, workspace(), { mapId: 'map-a', flowId: 'f-5', patch: { kind: 'sequence' } });
    expect(getFlow(getMap(next), 'f-5')).toStrictEqual({ id: 'f-5', kind: 'sequence', from: 'quote', to: 'crm' });
  });

  it('sets and clears the access of a data flow', () => {
    const ws = workspace();
    const read = expectUndoable(updateFlow, ws, { mapId: 'map-a', flowId: 'f-6', patch: { access: 'read' } });
    expect(getFlow(getMap(read), 'f-6').access).toBe('read');
    const cleared = expectUndoable(updateFlow, ws, { mapId: 'map-a', flowId: 'f-5', patch: { access: null } });
    expect('access' in getFlow(getMap(cleared), 'f-5')).toBe(false);
    const both = getFlow(getMap(runCmd(updateFlow, ws, { mapId: 'map-a', flowId: 'f-1', patch: { kind: 'data', access: 'readwrite' } })), 'f-1');
    expect(both).toStrictEqual({ id: 'f-1', kind: 'data', from: 'start', to: 'quote', access: 'readwrite' });
  });

  it('is a no-op for unchanged values, and access on a flow that is not data', () => {
    const ws = workspace();
    expectNoOp(updateFlow, ws, { mapId: 'map-a', flowId: 'f-4', patch: { label: 'OK' } });
    expectNoOp(updateFlow, ws, { mapId: 'map-a', flowId: 'f-4', patch: { label: ' OK ', kind: 'message' } });
    expectNoOp(updateFlow, ws, { mapId: 'map-a', flowId: 'f-5', patch: { access: 'write' } });
    expectNoOp(updateFlow, ws, { mapId: 'map-a', flowId: 'f-1', patch: { access: 'read' } });
    expectNoOp(updateFlow, ws, { mapId: 'map-a', flowId: 'f-1', patch: { label: '' } });
    expectNoOp(updateFlow, ws, { mapId: 'map-a', flowId: 'f-1', patch: {} });
  });

  it('refuses an unknown flow', () => {
    expect(() => runCmd(updateFlow, workspace(), { mapId: 'map-a', flowId: 'nope', patch: { label: 'x' } })).toThrow(CommandError);
  });
});

describe('reverseFlow', () => {
  it('swaps the ends, keeps kind, label and access, and drops the routed points of that flow only', () => {
    const ws = workspace();
    const next = expectUndoable(reverseFlow, ws, { mapId: 'map-a', flowId: 'f-2' });
    const map = getMap(next);
    expect(getFlow(map, 'f-2')).toStrictEqual({ id: 'f-2', kind: 'message', from: 'fulfil', to: 'quote' });
    expect(Object.keys(map.view.flowPoints).sort()).toEqual(['f-3', 'f-5', 'f-6']);
    expect(map.view.flowPoints['f-3']).toBe(getMap(ws).view.flowPoints['f-3']);
    expect(map.flows.indexOf(getFlow(map, 'f-2'))).toBe(1); // stays in place

    const labelled = getMap(runCmd(reverseFlow, ws, { mapId: 'map-a', flowId: 'f-4' }));
    expect(getFlow(labelled, 'f-4')).toStrictEqual({ id: 'f-4', kind: 'message', from: 'close', to: 'check', label: 'OK' });
    const data = getMap(runCmd(reverseFlow, ws, { mapId: 'map-a', flowId: 'f-5' }));
    expect(getFlow(data, 'f-5')).toStrictEqual({ id: 'f-5', kind: 'data', from: 'crm', to: 'quote', access: 'write' });
  });

  it('reversing twice gives the flows back', () => {
    const ws = workspace();
    const twice = runCmd(reverseFlow, runCmd(reverseFlow, ws, { mapId: 'map-a', flowId: 'f-1' }), { mapId: 'map-a', flowId: 'f-1' });
    expect(getMap(twice).flows).toStrictEqual(getMap(ws).flows);
  });

  it('refuses an unknown flow', () => {
    expect(() => runCmd(reverseFlow, workspace(), { mapId: 'map-a', flowId: 'nope' })).toThrow(CommandError);
  });
});

describe('flow commands are pure', () => {
  const cases: [string, (ws: Workspace) => Workspace][] = [
    ['addFlow', (ws) => addFlow.run(ws, { mapId: 'map-a', flowId: 'fx', from: 'start', to: 'close' }, ctx)],
    ['updateFlow', (ws) => updateFlow.run(ws, { mapId: 'map-a', flowId: 'f-5', patch: { kind: 'message', label: '' } }, ctx)],
    ['reverseFlow', (ws) => reverseFlow.run(ws, { mapId: 'map-a', flowId: 'f-2' }, ctx)],
  ];
  it.each(cases)('%s leaves its input as it was', (_name, run) => {
    const { ws, next } = expectPure(run);
    expect(next.maps[1]).toBe(ws.maps[1]);
  });
});
