import { describe, expect, it } from 'vitest';
import { reversedForLayering } from '../../src/core/layout/acyclic';
import { clusterColumns } from '../../src/core/layout/columns';
import { generateMap } from '../../src/core/layout/generate';
import { buildGraph } from '../../src/core/layout/graph';
import { buildLayered } from '../../src/core/layout/layers';
import { countCrossings, orderLayers } from '../../src/core/layout/ordering';
import { isotonic } from '../../src/core/layout/placement';
import { simplify } from '../../src/core/drawing/polyline';
import { makeMap } from './layout-helpers';

describe('clusterColumns', () => {
  it('groups overlapping extents into columns, left to right', () => {
    expect(clusterColumns([0, 200, 10, 420, 205], [100, 300, 60, 480, 250])).toEqual({ column: [0, 1, 0, 2, 1], count: 3 });
    expect(clusterColumns([], [])).toEqual({ column: [], count: 0 });
  });
});

describe('isotonic', () => {
  it('is the weighted least-squares non-decreasing fit', () => {
    expect(isotonic([1, 3, 2, 4], [1, 1, 1, 1])).toEqual([1, 2.5, 2.5, 4]);
    expect(isotonic([5, 1], [3, 1])).toEqual([4, 4]);
    expect(isotonic([1, 2, 3], [1, 1, 1])).toEqual([1, 2, 3]);
  });
});

describe('simplify', () => {
  it('drops repeated points and points on a straight run', () => {
    expect(simplify([[0, 0], [0, 0], [5, 0], [10, 0], [10, 5], [10, 9]])).toEqual([[0, 0], [10, 0], [10, 9]]);
  });
});

describe('reversedForLayering', () => {
  it('reverses only the flow closing a loop, and puts stores after their single writer, before their single reader', () => {
    const g = buildGraph(
      makeMap(
        ['L'],
        [['s', 'start', 'L'], ['a', 'step', 'L'], ['b', 'step', 'L'], ['w', 'dataStore', 'L'], ['r', 'system', 'L']],
        [['s', 'a'], ['a', 'b'], ['b', 'a'], ['a', 'w', 'data'], ['r', 'b', 'data']],
      ),
    );
    expect(reversedForLayering(g)).toEqual([false, false, true, false, false]);
  });

  it('leaves an acyclic graph for every generated map', () => {
    for (const seed of [1, 2, 3]) {
      const g = buildGraph(generateMap({ nodes: 200, lanes: 6, seed }));
      const rev = reversedForLayering(g);
      const out = g.nodes.map(() => [] as number[]);
      g.edges.forEach((e, i) => e.from !== e.to && out[rev[i] ? e.to : e.from]!.push(rev[i] ? e.from : e.to));
      const indeg = g.nodes.map(() => 0);
      out.forEach((list) => list.forEach((v) => indeg[v]!++));
      const queue = g.nodes.map((_, i) => i).filter((i) => indeg[i] === 0);
      for (let q = 0; q < queue.length; q++) for (const v of out[queue[q]!]!) if (--indeg[v]! === 0) queue.push(v);
      expect(queue).toHaveLength(g.nodes.length);
    }
  });
});

describe('orderLayers', () => {
  it('keeps each column lane by lane and never ends with more crossings than it started with', () => {
    const map = generateMap({ nodes: 120, lanes: 5, seed: 11 });
    const g = buildGraph(map);
    // Columns by a longest path, enough for the ordering on its own.
    const rev = reversedForLayering(g);
    const col = g.nodes.map(() => 0);
    for (let changed = true; changed; ) {
      changed = false;
      g.edges.forEach((e, i) => {
        if (e.from === e.to) return;
        const [a, b] = rev[i] ? [e.to, e.from] : [e.from, e.to];
        if (col[b]! <= col[a]!) {
          col[b] = col[a]! + 1;
          changed = true;
        }
      });
    }
    const L = buildLayered(g, col, Math.max(...col) + 1);
    const r = orderLayers(L, g.nodes.map((_, i) => i));
    expect(r.crossingsAfter).toBeLessThanOrEqual(r.crossingsBefore);
    expect(countCrossings(L)).toBe(r.crossingsAfter);
    for (const layer of L.layers) {
      const lanes = layer.map((item) => L.lane[item]!);
      expect(lanes).toEqual([...lanes].sort((a, b) => a - b));
      // Glued dummies sit right next to their node.
      layer.forEach((item, p) => {
        const owner = item >= L.nodes ? L.owner[item]! : -1;
        if (owner < 0) return;
        const side = L.ownerSide[item] === 'S' ? -1 : 1;
        let q = p + side;
        while (layer[q]! >= L.nodes && L.owner[layer[q]!] === owner) q += side;
        expect(layer[q]).toBe(owner);
      });
    }
  });
});

describe('generateMap', () => {
  it('is seeded: same options, same map; other seed, other map', () => {
    const a = generateMap({ nodes: 150, lanes: 8, seed: 42 });
    expect(generateMap({ nodes: 150, lanes: 8, seed: 42 })).toEqual(a);
    expect(generateMap({ nodes: 150, lanes: 8, seed: 43 })).not.toEqual(a);
    expect(a.nodes).toHaveLength(150);
    expect(a.lanes).toHaveLength(8);
    const kinds = new Set(a.nodes.map((n) => n.kind));
    for (const k of ['start', 'end', 'step', 'decision', 'dataStore', 'system', 'note']) expect(kinds).toContain(k);
    expect(a.flows.some((f) => f.kind === 'data')).toBe(true);
    const ids = new Set(a.nodes.map((n) => n.id));
    for (const f of a.flows) expect(ids.has(f.from) && ids.has(f.to)).toBe(true);
  });
});
