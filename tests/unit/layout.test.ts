import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { defaultElk } from '../../src/core/layout/elkNode';
import { generateMap } from '../../src/core/layout/generate';
import { withLayout, layoutMap, naiveLayout } from '../../src/core/layout/layout';
import { measureLayout } from '../../src/core/layout/metrics';
import { laneBands, NODE_SIZE } from '../../src/core/model/geometry';
import type { ProcessMap } from '../../src/core/model/types';
import { centreX, centreY, layoutProblems, makeMap } from './layout-helpers';

const elk = defaultElk();
// ELK on maps of 150 nodes takes a while on a busy machine: these tests check drawings, not time.
const SLOW = 60_000;
const lay = async (map: ProcessMap) => withLayout(map, await layoutMap(map, { elk }));
const points = (map: ProcessMap, flow: string) => map.view.flowPoints[flow]!;

describe('layoutMap on hand-made maps', () => {
  it('draws a chain in one lane as a straight line, left to right', async () => {
    const map = await lay(makeMap(['L'], [['s', 'start', 'L'], ['a', 'step', 'L'], ['b', 'step', 'L'], ['e', 'end', 'L']], [['s', 'a'], ['a', 'b'], ['b', 'e']]));
    expect(layoutProblems(map)).toEqual([]);
    expect(centreX(map, 's')).toBeLessThan(centreX(map, 'a'));
    expect(centreX(map, 'a')).toBeLessThan(centreX(map, 'b'));
    expect(centreX(map, 'b')).toBeLessThan(centreX(map, 'e'));
    expect(measureLayout(map).bends).toBe(0);
    for (const f of ['f0', 'f1', 'f2']) expect(points(map, f)).toHaveLength(2);
    expect(map.view.nodes.a).toMatchObject(NODE_SIZE.step);
  });

  it('keeps every node in its own lane, lanes stacked in list order and grown to fit', async () => {
    const nodes: [string, 'step', string][] = [];
    for (let i = 0; i < 6; i++) nodes.push([`a${i}`, 'step', 'top'], [`b${i}`, 'step', 'bottom']);
    // Every step of the top lane hands over to all of the bottom lane's first column: a tall cell.
    const flows: [string, string][] = nodes.filter((n) => n[2] === 'top').map((n) => [n[0], 'b0']);
    const map = await lay(makeMap(['top', 'bottom'], [['s', 'start', 'top'], ...nodes], [['s', 'a0'], ...flows]));
    expect(layoutProblems(map)).toEqual([]);
    const bands = laneBands(map);
    expect(bands.map((b) => b.laneId)).toEqual(['top', 'bottom']);
    expect(bands[0]!.y).toBe(0);
    expect(bands[1]!.y).toBe(bands[0]!.height);
  });

  it('routes a hand-off between lanes with one corner, from border to border', async () => {
    const map = await lay(makeMap(['A', 'B'], [['a', 'step', 'A'], ['b', 'step', 'B']], [['a', 'b', 'message']]));
    // layoutProblems checks the ends are on the borders and no run crosses a node.
    expect(layoutProblems(map)).toEqual([]);
    const p = points(map, 'f0');
    expect(p).toHaveLength(3);
    const b = map.view.nodes.b!;
    // The corner is above the target, to its left: the flow goes right and down.
    expect(p[1]![1]).toBeLessThanOrEqual(b.y + b.height / 2);
    expect(p[1]![0]).toBeLessThanOrEqual(b.x + b.width / 2);
  });

  it('fans a decision out: the branch going up leaves by the top vertex, the one going down by the bottom', async () => {
    const map = await lay(
      makeMap(
        ['up', 'mid', 'down'],
        [['s', 'start', 'mid'], ['d', 'decision', 'mid'], ['u', 'step', 'up'], ['m', 'step', 'mid'], ['w', 'step', 'down']],
        [['s', 'd'], ['d', 'u'], ['d', 'm'], ['d', 'w']],
      ),
    );
    expect(layoutProblems(map)).toEqual([]);
    const d = map.view.nodes.d!;
    const first = (f: string) => points(map, f)[0]!;
    expect(first('f1')).toEqual([d.x + d.width / 2, d.y]);
    expect(first('f3')).toEqual([d.x + d.width / 2, d.y + d.height]);
    expect(first('f2')).toEqual([d.x + d.width, d.y + d.height / 2]);
  });

  it('routes a rework loop back under the steps between, into the bottom of the step it returns to', async () => {
    const map = await lay(
      makeMap(
        ['L'],
        [['s', 'start', 'L'], ['a', 'step', 'L'], ['d', 'decision', 'L'], ['r', 'step', 'L'], ['e', 'end', 'L']],
        [['s', 'a'], ['a', 'd'], ['d', 'e'], ['d', 'r'], ['r', 'a']],
      ),
    );
    expect(layoutProblems(map)).toEqual([]);
    expect(centreX(map, 'a')).toBeLessThan(centreX(map, 'd'));
    expect(centreX(map, 'd')).toBeLessThan(centreX(map, 'r'));
    const p = points(map, 'f4');
    const a = map.view.nodes.a!;
    const d = map.view.nodes.d!;
    expect(p[p.length - 1]).toEqual([p[p.length - 1]![0], a.y + a.height]);
    // Right to left below the decision, with at most two corners.
    const lowest = Math.max(...p.map((q) => q[1]));
    expect(lowest).toBeGreaterThan(d.y + d.height);
    expect(p.length).toBeLessThanOrEqual(4);
  });

  it('puts a store between the steps that read and write it, and draws reads leftwards when it must', async () => {
    const map = await lay(
      makeMap(
        ['L', 'S'],
        [['s', 'start', 'L'], ['a', 'step', 'L'], ['b', 'step', 'L'], ['c', 'step', 'L'], ['e', 'end', 'L'], ['db', 'dataStore', 'S']],
        [['s', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'e'], ['a', 'db', 'data'], ['db', 'b', 'data'], ['db', 'c', 'data']],
      ),
    );
    expect(layoutProblems(map)).toEqual([]);
    // Median of the users' columns: next to b, not after c.
    expect(Math.abs(centreX(map, 'db') - centreX(map, 'b'))).toBeLessThanOrEqual(Math.abs(centreX(map, 'db') - centreX(map, 'c')));
    expect(measureLayout(map).backwardFlows).toBe(0);
  });

  it('draws a self-loop over its node', async () => {
    const map = await lay(makeMap(['L'], [['a', 'step', 'L'], ['b', 'step', 'L']], [['a', 'b'], ['b', 'b']]));
    expect(layoutProblems(map)).toEqual([]);
    const p = points(map, 'f1');
    const b = map.view.nodes.b!;
    expect(p[0]![0]).toBe(b.x + b.width);
    expect(p[p.length - 1]).toEqual([p[p.length - 1]![0], b.y]);
  });

  it('copes with odd maps: no flows, notes only, a node in an unknown lane, dangling and duplicate flows', async () => {
    const empty = await lay(makeMap(['L'], [], []));
    expect(empty.view).toEqual({ nodes: {}, laneHeights: { L: expect.any(Number) }, flowPoints: {} });
    const odd = makeMap(
      ['L', 'M'],
      [['n1', 'note', 'L'], ['a', 'step', 'nowhere'], ['b', 'step', 'M'], ['c', 'system', 'M']],
      [['a', 'b'], ['a', 'b'], ['b', 'ghost'], ['c', 'b', 'data'], ['b', 'c', 'data']],
    );
    const map = await lay(odd);
    // The node of an unknown lane is drawn in the first lane, as laneAtY would read it.
    expect(layoutProblems({ ...map, nodes: map.nodes.map((n) => (n.id === 'a' ? { ...n, laneId: 'L' } : n)) })).toEqual([]);
    expect(Object.keys(map.view.flowPoints).sort()).toEqual(['f0', 'f1', 'f3', 'f4']);
    expect(points(map, 'f0')).not.toEqual(points(map, 'f1'));
    const noLanes = await lay(makeMap([], [['a', 'step', 'x'], ['b', 'step', 'x']], [['a', 'b']]));
    expect(noLanes.view.laneHeights).toEqual({});
    expect(Object.keys(noLanes.view.nodes)).toEqual(['a', 'b']);
  });

  it('keeps sizes the view already has', async () => {
    const map = makeMap(['L'], [['a', 'step', 'L'], ['b', 'step', 'L']], [['a', 'b']]);
    map.view.nodes.a = { x: 0, y: 0, width: 220, height: 90 };
    const out = await lay(map);
    expect(out.view.nodes.a).toMatchObject({ width: 220, height: 90 });
    expect(layoutProblems(out)).toEqual([]);
  });

  it('needs an ELK instance', async () => {
    await expect(layoutMap(makeMap(['L'], [], []))).rejects.toThrow(/ELK instance/);
  });
});

describe('layoutMap on generated and demo maps', () => {
  const cases = [
    { nodes: 20, lanes: 4, seed: 1 },
    { nodes: 60, lanes: 8, seed: 2 },
    { nodes: 150, lanes: 15, seed: 3 },
    { nodes: 150, lanes: 4, seed: 4 },
  ];
  for (const c of cases) {
    it(`keeps every invariant on a generated map of ${c.nodes} nodes in ${c.lanes} lanes`, async () => {
      const map = await lay(generateMap(c));
      expect(layoutProblems(map)).toEqual([]);
      expect(Object.keys(map.view.flowPoints)).toHaveLength(map.flows.length);
    }, SLOW);
  }

  it('keeps every invariant on the demo maps', async () => {
    for (const m of demoWorkspace('2026-01-01T00:00:00Z').maps) expect(layoutProblems(await lay(m)), m.id).toEqual([]);
  }, SLOW);

  it('crosses fewer flows than ELK with naive banding', async () => {
    let ours = 0;
    let naive = 0;
    for (const c of cases) {
      const map = generateMap(c);
      ours += measureLayout(await lay(map)).crossings;
      naive += measureLayout(withLayout(map, await naiveLayout(map, { elk }))).crossings;
    }
    expect(ours).toBeLessThan(0.8 * naive);
  }, SLOW);

  it('also keeps the invariants in the naive baseline (same banding and router)', async () => {
    const map = generateMap({ nodes: 150, lanes: 8, seed: 5 });
    expect(layoutProblems(withLayout(map, await naiveLayout(map, { elk })))).toEqual([]);
  }, SLOW);
});

describe('determinism', () => {
  it('gives the same drawing, byte for byte, for the same map', async () => {
    const map = generateMap({ nodes: 150, lanes: 8, seed: 7 });
    const a = JSON.stringify(await layoutMap(map, { elk }).then((r) => r.view));
    const b = JSON.stringify(await layoutMap(structuredClone(map), { elk }).then((r) => r.view));
    expect(a).toBe(b);
  }, SLOW);

  it('does not depend on the key order of the view it is given', async () => {
    const map = generateMap({ nodes: 40, lanes: 4, seed: 8 });
    const sized = { ...map, view: { ...map.view, nodes: Object.fromEntries(map.nodes.map((n) => [n.id, { x: 0, y: 0, ...NODE_SIZE[n.kind] }])) } };
    const reversed = { ...sized, view: { ...sized.view, nodes: Object.fromEntries(Object.entries(sized.view.nodes).reverse()) } };
    const a = (await layoutMap(sized, { elk })).view;
    const b = (await layoutMap(reversed, { elk })).view;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  }, SLOW);

  it('replaces only the geometry', async () => {
    const map = generateMap({ nodes: 20, lanes: 4, seed: 9 });
    const out = await lay(map);
    expect({ ...out, view: null }).toEqual({ ...map, view: null });
    expect(centreY(out, map.nodes[0]!.id)).toBeGreaterThan(0);
  });
});
