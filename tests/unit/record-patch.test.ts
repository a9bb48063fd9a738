import { describe, expect, it } from 'vitest';
import { addNode, deleteElements, moveNodes, updateNode } from '../../src/core/commands';
import { diffWorkspace } from '../../src/core/commands/diff';
import { applyPatch, diffRecord } from '../../src/core/commands/patch';
import type { ProcessMap, Workspace } from '../../src/core/model/types';

// The small difference between two versions of a record, which the edit journal stores.

function bigMap(steps: number): ProcessMap {
  const nodes = Array.from({ length: steps }, (_, i) => ({ id: `n${i}`, kind: 'step' as const, laneId: 'l1', label: `Step number ${i}` }));
  return {
    id: 'm1',
    name: 'Admissions',
    departmentId: null,
    lanes: [{ id: 'l1', name: 'Officer' }],
    nodes,
    flows: nodes.slice(1).map((n, i) => ({ id: `f${i}`, kind: 'sequence' as const, from: `n${i}`, to: n.id })),
    view: { nodes: Object.fromEntries(nodes.map((n, i) => [n.id, { x: i * 200, y: 60, width: 150, height: 64 }])), laneHeights: { l1: 200 }, flowPoints: {} },
    updatedAt: '2026-12-05T10:00:00.000Z',
  };
}

const ws = (map: ProcessMap): Workspace => ({ meta: { id: 'ws', name: 'W' }, departments: [], systems: [], dataStores: [], maps: [map] });
const ctx = { now: () => '2026-12-05T10:01:00.000Z' };
const mapAfter = (w: Workspace) => w.maps[0]!;

describe('record patches', () => {
  it('a rename in a map of 2,000 steps is a few small operations that give back the edited map', () => {
    const before = bigMap(2000);
    const after = mapAfter(updateNode.run(ws(before), { mapId: 'm1', nodeId: 'n1500', patch: { label: 'Check the documents' } }, ctx));
    const ops = diffRecord(before, after);
    expect(JSON.stringify(ops).length).toBeLessThan(1000);
    expect(JSON.stringify(before).length).toBeGreaterThan(200_000);
    expect(ops).toContainEqual({ path: ['nodes', { id: 'n1500' }, 'label'], set: 'Check the documents' });
    expect(applyPatch(before, ops)).toEqual({ value: after, skipped: 0 });
  });

  it('adding and deleting steps carry the new order and only the new records', () => {
    const before = bigMap(50);
    const added = mapAfter(addNode.run(ws(before), { mapId: 'm1', nodeId: 'n-new', kind: 'step', laneId: 'l1', label: 'New step', x: 10, y: 10 }, ctx));
    const addOps = diffRecord(before, added);
    const order = addOps.find((op) => 'order' in op && op.path.join() === 'nodes');
    expect(order).toMatchObject({ items: [expect.objectContaining({ id: 'n-new' })] });
    expect(applyPatch(before, addOps).value).toEqual(added);

    const deleted = mapAfter(deleteElements.run(ws(added), { mapId: 'm1', nodeIds: ['n3'], flowIds: [] }, ctx));
    const delOps = diffRecord(added, deleted);
    expect(applyPatch(added, delOps).value).toEqual(deleted);
    expect(deleted.nodes.some((n) => n.id === 'n3')).toBe(false);
  });

  it('applying a patch twice, or a run of patches onto a copy that has some of them, gives the same record', () => {
    const v0 = bigMap(20);
    const v1 = mapAfter(moveNodes.run(ws(v0), { mapId: 'm1', moves: [{ nodeId: 'n2', x: 999, y: 60 }] }, ctx));
    const v2 = mapAfter(updateNode.run(ws(v1), { mapId: 'm1', nodeId: 'n2', patch: { label: 'Renamed' } }, ctx));
    const p1 = diffRecord(v0, v1);
    const p2 = diffRecord(v1, v2);
    expect(applyPatch(applyPatch(v0, p1).value, p1).value).toEqual(v1);
    // v2 already has p1 and p2: replaying both onto it changes nothing.
    expect(applyPatch(applyPatch(v2, p1).value, p2).value).toEqual(v2);
  });

  it('an operation whose element is gone is skipped and counted, the rest still applies', () => {
    const v0 = bigMap(5);
    const renamed = { ...v0, name: 'New name', nodes: v0.nodes.map((n) => (n.id === 'n4' ? { ...n, label: 'x' } : n)) };
    const ops = diffRecord(v0, renamed);
    const without = { ...v0, nodes: v0.nodes.filter((n) => n.id !== 'n4') };
    expect(applyPatch(without, ops)).toEqual({ value: { ...without, name: 'New name' }, skipped: 1 });
  });

  it('finds removed keys, and a whole workspace change is the same as the records it touched', () => {
    const before = { a: 1, b: { c: [1, 2] } };
    const after = { b: { c: [1, 2, 3] } };
    const ops = diffRecord(before, after);
    expect(ops).toEqual([{ path: ['a'], drop: true }, { path: ['b', 'c'], set: [1, 2, 3] }]);
    expect(applyPatch(before, ops).value).toEqual(after);
    const w0 = ws(bigMap(3));
    const w1 = updateNode.run(w0, { mapId: 'm1', nodeId: 'n0', patch: { label: 'Start' } }, ctx);
    const [change] = diffWorkspace(w0, w1);
    expect(applyPatch(change!.before, diffRecord(change!.before, change!.after)).value).toEqual(change!.after);
  });
});
