import { describe, expect, it } from 'vitest';
import { layoutMap, quickLayout, withLayout } from '../../src/core/layout';
import { defaultElk } from '../../src/core/layout/elkNode';
import { noteAnchors } from '../../src/core/layout/notes';
import { emptyMap } from '../../src/core/model/factory';
import type { Id, NodeBox, ProcessMap } from '../../src/core/model/types';

// A sticky note stays beside the step it was put next to, through every layout; it used to be
// sent to the lane's far end, a column of its own, because it has no flows.

const mid = (b: NodeBox) => [b.x + b.width / 2, b.y + b.height / 2] as const;
const dist = (a: NodeBox, b: NodeBox) => Math.hypot(mid(a)[0] - mid(b)[0], mid(a)[1] - mid(b)[1]);

/** Six steps in a row over two lanes, a note dropped just under the fourth. */
function chainWithNote(): ProcessMap {
  const map = emptyMap({ id: 'm', name: 'M', departmentId: null, lanes: [{ id: 'a', name: 'Office' }, { id: 'b', name: 'Finance' }], now: 't' });
  map.nodes = [
    { id: 'note', kind: 'note', laneId: 'a', label: 'Only on Mondays' },
    ...[1, 2, 3, 4, 5, 6].map((i) => ({ id: `s${i}`, kind: 'step' as const, laneId: i % 3 === 0 ? 'b' : 'a', label: `Step ${i}` })),
  ];
  map.flows = [1, 2, 3, 4, 5].map((i) => ({ id: `f${i}`, kind: 'sequence' as const, from: `s${i}`, to: `s${i + 1}` }));
  map.view.nodes = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`s${i}`, { x: 200 + i * 220, y: i % 3 === 0 ? 260 : 60, width: 150, height: 64 }]));
  map.view.nodes.note = { x: 200 + 4 * 220, y: 140, width: 150, height: 80 };
  return map;
}

/** The step the note sits beside: the same column, and no step nearer. */
function expectBeside(map: ProcessMap, note: Id, step: Id): void {
  const n = map.view.nodes[note]!;
  const s = map.view.nodes[step]!;
  // Overlapping in x: one column.
  expect(Math.min(n.x + n.width, s.x + s.width) - Math.max(n.x, s.x), `${note} not in the column of ${step}`).toBeGreaterThan(0);
  for (const other of map.nodes) {
    if (other.id === note || other.id === step) continue;
    expect(dist(n, s), `${other.id} is nearer to the note than ${step}`).toBeLessThan(dist(n, map.view.nodes[other.id]!));
  }
}

describe('notes beside their step', () => {
  it('a note is attached to the nearest step in its lane, or to the step written before it when it has no place', () => {
    const map = chainWithNote();
    expect(noteAnchors(map).get('note')).toBe('s4');
    const unplaced = { ...map, nodes: [...map.nodes.slice(1, 3), map.nodes[0]!, ...map.nodes.slice(3)], view: { ...map.view, nodes: { ...map.view.nodes } } };
    delete unplaced.view.nodes.note;
    expect(noteAnchors(unplaced).get('note')).toBe('s2');
  });

  it('the full layout keeps it beside its step, and so does a second layout', async () => {
    const elk = defaultElk();
    const once = withLayout(chainWithNote(), await layoutMap(chainWithNote(), { elk }));
    expectBeside(once, 'note', 's4');
    const twice = withLayout(once, await layoutMap(once, { elk }));
    expectBeside(twice, 'note', 's4');
  });

  it('the quick layout puts it beside its step too', () => {
    expectBeside(quickLayout(chainWithNote()), 'note', 's4');
  });
});
