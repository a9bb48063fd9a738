import { describe, expect, it } from 'vitest';
import { LAYOUT_LEFT, MIN_BAND } from '../../src/core/layout/constants';
import { measureLayout } from '../../src/core/layout/metrics';
import { quickLayout } from '../../src/core/layout/quickLayout';
import { LANE_HEADER_WIDTH, laneBands, NODE_SIZE } from '../../src/core/model/geometry';
import { NODE_KINDS, type MapNode, type ProcessMap } from '../../src/core/model/types';
import { type F, makeMap, type N } from './layout-helpers';

/** Every way a layout can break the guarantee: missing boxes, overlaps, nodes outside their band. */
function layoutProblems(map: ProcessMap): string[] {
  const problems: string[] = [];
  const bands = new Map(laneBands(map).map((b) => [b.laneId, b]));
  const boxes = map.nodes.map((n) => ({ n, b: map.view.nodes[n.id] }));
  for (const { n, b } of boxes) {
    if (!b) { problems.push(`${n.id} has no box`); continue; }
    const band = bands.get(n.laneId);
    if (!band || b.y < band.y || b.y + b.height > band.y + band.height) problems.push(`${n.id} outside its lane band`);
    if (b.x < LANE_HEADER_WIDTH) problems.push(`${n.id} under the lane header`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!.b, c = boxes[j]!.b;
      if (a && c && a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height) {
        problems.push(`${boxes[i]!.n.id} overlaps ${boxes[j]!.n.id}`);
      }
    }
  }
  return problems;
}

const col = (map: ProcessMap, id: string) => map.view.nodes[id]!.x + map.view.nodes[id]!.width / 2;

describe('quickLayout', () => {
  it('puts a straight process in successive columns of one lane, sized by kind', () => {
    const map = quickLayout(makeMap(['L'], [['s', 'start', 'L'], ['a', 'step', 'L'], ['e', 'end', 'L']], [['s', 'a'], ['a', 'e']]));
    expect(layoutProblems(map)).toEqual([]);
    expect(col(map, 's')).toBeLessThan(col(map, 'a'));
    expect(col(map, 'a')).toBeLessThan(col(map, 'e'));
    expect(map.view.nodes.s!.x).toBeGreaterThanOrEqual(LAYOUT_LEFT);
    expect(map.view.nodes.a).toMatchObject(NODE_SIZE.step);
    expect(Object.keys(map.view.laneHeights)).toEqual(['L']);
    // Centred on one axis, so the sequence flows run straight, border to border.
    const mid = (id: string) => map.view.nodes[id]!.y + map.view.nodes[id]!.height / 2;
    expect(mid('s')).toBe(mid('a'));
    expect(mid('a')).toBe(mid('e'));
    const right = (id: string) => map.view.nodes[id]!.x + map.view.nodes[id]!.width;
    expect(Object.values(map.view.flowPoints)).toEqual([
      [[right('s'), mid('s')], [map.view.nodes.a!.x, mid('a')]],
      [[right('a'), mid('a')], [map.view.nodes.e!.x, mid('e')]],
    ]);
  });

  it('lays out a loop by ignoring the back edge', () => {
    const map = quickLayout(makeMap(['L'],
      [['s', 'start', 'L'], ['a', 'step', 'L'], ['d', 'decision', 'L'], ['fix', 'step', 'L'], ['e', 'end', 'L']],
      [['s', 'a'], ['a', 'd'], ['d', 'fix'], ['fix', 'a'], ['d', 'e']]));
    expect(layoutProblems(map)).toEqual([]);
    expect(col(map, 'a')).toBeLessThan(col(map, 'd'));
    expect(col(map, 'fix')).toBe(col(map, 'e'));
  });

  it('stacks both branches of a decision in one lane and grows the lane to fit', () => {
    const map = quickLayout(makeMap(['A', 'B'],
      [['s', 'start', 'A'], ['d', 'decision', 'A'], ['y1', 'step', 'A'], ['y2', 'step', 'A'], ['y3', 'step', 'A'], ['j', 'end', 'B']],
      [['s', 'd'], ['d', 'y1'], ['d', 'y2'], ['d', 'y3'], ['y1', 'j', 'message'], ['y2', 'j'], ['y3', 'j']]));
    expect(layoutProblems(map)).toEqual([]);
    expect(col(map, 'y1')).toBe(col(map, 'y2'));
    expect(map.view.laneHeights.A).toBeGreaterThan(map.view.laneHeights.B!);
    expect(col(map, 'j')).toBeGreaterThan(col(map, 'y1'));
  });

  it('puts stores in the column of the step that uses them, a note in the column of the step written before it in its lane', () => {
    const map = quickLayout(makeMap(['A', 'B'],
      [['s', 'start', 'A'], ['a', 'step', 'A'], ['b', 'step', 'B'], ['e', 'end', 'B'],
        ['db', 'dataStore', 'A'], ['sys', 'system', 'A'], ['doc', 'document', 'B'], ['x', 'dataStore', 'B'], ['note', 'note', 'A']],
      [['s', 'a'], ['a', 'b', 'message'], ['b', 'e'], ['db', 'a', 'data'], ['a', 'sys', 'data'], ['b', 'doc', 'data'], ['doc', 'x', 'data']]));
    expect(layoutProblems(map)).toEqual([]);
    expect(col(map, 'db')).toBe(col(map, 'a'));
    expect(col(map, 'sys')).toBe(col(map, 'a'));
    expect(col(map, 'doc')).toBe(col(map, 'b'));
    expect(col(map, 'x')).toBe(col(map, 'b')); // linked only to another store: follows it
    expect(col(map, 'note')).toBe(col(map, 'a'));
  });

  it('places unreachable nodes after their predecessors, or first', () => {
    const map = quickLayout(makeMap(['L'],
      [['s', 'start', 'L'], ['e', 'end', 'L'], ['orphan', 'step', 'L'], ['after', 'step', 'L'], ['lone', 'dataStore', 'L']],
      [['s', 'e'], ['orphan', 'after']]));
    expect(layoutProblems(map)).toEqual([]);
    expect(col(map, 'orphan')).toBe(col(map, 's'));
    expect(col(map, 'after')).toBe(col(map, 'e'));
  });

  it('survives flows to missing nodes, self loops, a missing lane and an empty map', () => {
    const map = quickLayout(makeMap(['A', 'B'],
      [['s', 'start', 'A'], ['a', 'step', 'nowhere'], ['e', 'end', 'B']],
      [['s', 'ghost'], ['s', 'a'], ['a', 'a'], ['a', 'e'], ['ghost', 'e', 'data']]));
    expect(Object.keys(map.view.nodes).sort()).toEqual(['a', 'e', 's']);
    const bandA = laneBands(map)[0]!;
    expect(map.view.nodes.a!.y).toBeGreaterThanOrEqual(bandA.y);
    expect(map.view.nodes.a!.y + map.view.nodes.a!.height).toBeLessThanOrEqual(bandA.y + bandA.height);
    const empty = quickLayout(makeMap(['A'], [], []));
    expect(empty.view).toEqual({ nodes: {}, laneHeights: { A: MIN_BAND }, flowPoints: {} });
  });

  it('is deterministic, idempotent and leaves its input alone', () => {
    const input = makeMap(['A', 'B'],
      [['s', 'start', 'A'], ['d', 'decision', 'A'], ['a', 'step', 'B'], ['b', 'step', 'B'], ['db', 'dataStore', 'B'], ['e', 'end', 'A']],
      [['s', 'd'], ['d', 'a', 'message'], ['d', 'b', 'message'], ['a', 'db', 'data'], ['db', 'b', 'data'], ['b', 'd', 'message'], ['a', 'e', 'message']]);
    const before = structuredClone(input);
    const once = quickLayout(input);
    expect(input).toEqual(before);
    expect(quickLayout(structuredClone(input))).toEqual(once);
    expect(quickLayout(once)).toEqual(once);
  });

  it('keeps the guarantee on a large random map with cycles, every kind and many lanes', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const lanes = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'];
    const nodes: N[] = [['s0', 'start', 'L0']];
    for (let i = 1; i < 300; i++) nodes.push([`n${i}`, NODE_KINDS[rnd(NODE_KINDS.length)]!, lanes[rnd(lanes.length)]!]);
    const flows: F[] = [];
    for (let i = 0; i < 450; i++) {
      const a = nodes[rnd(nodes.length)]![0], b = nodes[rnd(nodes.length)]![0];
      flows.push([a, b, (['sequence', 'message', 'data'] as const)[rnd(3)]]);
    }
    const input = makeMap(lanes, nodes, flows);
    const map = quickLayout(input);
    expect(layoutProblems(map)).toEqual([]);
    // Every flow between existing nodes is routed, none through a node or off its ends' borders.
    const q = measureLayout(map);
    expect({ through: q.flowsThroughNodes, diagonal: q.diagonalSegments, detached: q.detachedEnds, missing: q.missing }).toEqual({ through: 0, diagonal: 0, detached: 0, missing: 0 });
    expect(quickLayout(structuredClone(input))).toEqual(map);
  });

  it('gives every node kind its default size', () => {
    const nodes: MapNode[] = NODE_KINDS.map((kind, i) => ({ id: `n${i}`, kind, laneId: 'L', label: kind }));
    const map = quickLayout({ ...makeMap(['L'], [], []), nodes });
    expect(layoutProblems(map)).toEqual([]);
    for (const n of nodes) expect(map.view.nodes[n.id]).toMatchObject(NODE_SIZE[n.kind]);
  });
});
