import { describe, expect, it } from 'vitest';
import { resizeNodes } from '../../src/core/commands';
import { MIN_SIZE } from '../../src/core/drawing/nodeSize';
import { layoutMap, withLayout } from '../../src/core/layout';
import { defaultElk } from '../../src/core/layout/elkNode';
import { expectNoOp, expectUndoable, getBox, getMap, workspace } from './fixtures/maps';

// Sizing a step by hand: one undoable edit, never so small that its label is cut, and kept by
// the layout afterwards.

describe('resizeNodes', () => {
  const ws = workspace();
  const map = getMap(ws);
  const step = map.nodes.find((n) => n.kind === 'step')!;
  const box = getBox(map, step.id);

  it('sets the box asked for in one undoable edit', () => {
    const next = expectUndoable(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: step.id, x: box.x, y: box.y, width: 240, height: 110 }] });
    expect(getBox(getMap(next), step.id)).toEqual({ x: box.x, y: box.y, width: 240, height: 110 });
  });

  it('changes nothing when the size is the same, and ignores nodes that are not there or numbers that are not', () => {
    expectNoOp(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: step.id, ...box }] });
    expectNoOp(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: 'nope', ...box }] });
    expectNoOp(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: step.id, ...box, width: Number.NaN }] });
  });

  it('never goes below the smallest size, nor below what the label needs', () => {
    const tiny = expectUndoable(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: step.id, x: box.x, y: box.y, width: 5, height: 5 }] });
    const b = getBox(getMap(tiny), step.id);
    expect(b.width).toBeGreaterThanOrEqual(MIN_SIZE.width);
    expect(b.height).toBeGreaterThanOrEqual(MIN_SIZE.height);
    // A long label in a narrow box: the box grows back in height so every word is inside.
    const labelled = { ...ws, maps: ws.maps.map((m) => (m.id === map.id ? { ...m, nodes: m.nodes.map((n) => (n.id === step.id ? { ...n, label: 'Check the applicant record against the student system and send the letter' } : n)) } : m)) };
    const squeezed = expectUndoable(resizeNodes, labelled, { mapId: map.id, sizes: [{ nodeId: step.id, x: box.x, y: box.y, width: 100, height: 40 }] });
    const s = getBox(getMap(squeezed), step.id);
    expect(s.width).toBe(100);
    expect(s.height).toBeGreaterThan(40);
  });

  it('the layout keeps a size given by hand', async () => {
    const next = expectUndoable(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: step.id, x: box.x, y: box.y, width: 260, height: 120 }] });
    const resized = getMap(next);
    const laid = withLayout(resized, await layoutMap(resized, { elk: defaultElk() }));
    const after = getBox(laid, step.id);
    expect([after.width, after.height]).toEqual([260, 120]);
  });
});
