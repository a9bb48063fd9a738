import { describe, expect, test } from 'vitest';
import { diffVersions, sameMeaning } from '../../src/core/compare';
import type { ProcessMap } from '../../src/core/model/types';
import { mapA } from './fixtures/maps';

// Two versions of one map, matched by id: what was added, removed and changed, and what
// only moved. The older version is the shared fixture's "Order to cash".

function edited(): { older: ProcessMap; newer: ProcessMap } {
  const older = mapA();
  const newer = structuredClone(older);
  newer.name = 'Order to cash (v2)';
  // Added: a lane at the top, a step in it and a flow to it.
  newer.lanes.unshift({ id: 'lane-new', name: 'Customer' });
  newer.nodes.push({ id: 'ask', kind: 'step', laneId: 'lane-new', label: 'Ask for quote' });
  newer.flows.push({ id: 'f-new', kind: 'message', from: 'ask', to: 'quote' });
  // Removed: the end and the flow into it.
  newer.nodes = newer.nodes.filter((n) => n.id !== 'close');
  newer.flows = newer.flows.filter((f) => f.id !== 'f-4');
  delete newer.view.nodes.close;
  // Changed: a relabelled step marked manual, a step moved to another lane, a flow relabelled, a lane renamed.
  const quote = newer.nodes.find((n) => n.id === 'quote')!;
  quote.label = 'Write quote';
  quote.manual = true;
  newer.nodes.find((n) => n.id === 'fulfil')!.laneId = 'lane-sales';
  newer.flows.find((f) => f.id === 'f-2')!.label = 'Order form';
  newer.lanes.find((l) => l.id === 'lane-ops')!.name = 'Warehouse';
  // Moved only: the decision's box.
  newer.view.nodes.check = { ...newer.view.nodes.check!, x: 900 };
  return { older, newer };
}

describe('diffVersions', () => {
  test('added, removed and changed nodes, flows and lanes, each with the fields that differ', () => {
    const { older, newer } = edited();
    const d = diffVersions(older, newer);
    expect(d.nodes.added.map((n) => n.id)).toEqual(['ask']);
    expect(d.nodes.removed.map((n) => n.id)).toEqual(['close']);
    expect(d.nodes.changed.map((c) => [c.after.id, c.fields])).toEqual([['quote', ['label', 'manual']], ['fulfil', ['laneId']]]);
    expect(d.flows.added.map((f) => f.id)).toEqual(['f-new']);
    expect(d.flows.removed.map((f) => f.id)).toEqual(['f-4']);
    expect(d.flows.changed.map((c) => [c.after.id, c.fields])).toEqual([['f-2', ['label']]]);
    expect(d.lanes.added.map((l) => l.id)).toEqual(['lane-new']);
    expect(d.lanes.removed).toEqual([]);
    // A lane added on top does not make the others "moved" in order.
    expect(d.lanes.changed.map((c) => [c.after.id, c.fields])).toEqual([['lane-ops', ['name']]]);
    expect(d.map).toEqual(['name']);
    expect(d.moved).toEqual(['check']);
    expect(sameMeaning(d)).toBe(false);
  });

  test('reordering lanes is a change of order; an unset flag and a false one are the same', () => {
    const older = mapA();
    const newer = structuredClone(older);
    newer.lanes = [newer.lanes[1]!, newer.lanes[0]!, newer.lanes[2]!];
    newer.nodes.find((n) => n.id === 'quote')!.manual = false;
    newer.nodes.find((n) => n.id === 'fulfil')!.notes = '';
    const d = diffVersions(older, newer);
    expect(d.lanes.changed.map((c) => [c.after.id, c.fields])).toEqual([['lane-ops', ['order']], ['lane-sales', ['order']]]);
    expect(d.nodes.changed).toEqual([]);
  });

  test('a version against itself has no differences; the diff does not touch its inputs', () => {
    const older = mapA();
    const copy = structuredClone(older);
    const d = diffVersions(older, structuredClone(older));
    expect(sameMeaning(d)).toBe(true);
    expect(d.moved).toEqual([]);
    expect(older).toEqual(copy);
  });
});
