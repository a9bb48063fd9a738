import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { defaultElk } from '../../src/core/layout/elkNode';
import { layoutMap, withLayout } from '../../src/core/layout/layout';
import { measureLayout } from '../../src/core/layout/metrics';
import { countBends } from '../../src/core/drawing/polyline';
import { takeShortcuts, type ShortcutNode } from '../../src/core/drawing/shortcuts';
import type { Point } from '../../src/core/model/types';
import { layoutProblems } from './layout-helpers';

const box = (x: number, y: number, width = 150, height = 60): ShortcutNode => ({ x, y, width, height, decision: false, captionBelow: false });

const onBorder = (n: ShortcutNode, [x, y]: Point) =>
  ((x === n.x || x === n.x + n.width) && y >= n.y && y <= n.y + n.height) || ((y === n.y || y === n.y + n.height) && x >= n.x && x <= n.x + n.width);

/** Runs the shortcuts on one scene; flow 0 is the one under test. */
function shortcut(nodes: ShortcutNode[], edges: { from: number; to: number }[], routes: Point[][], gaps: [number, number][], corridors: number[] = []): Point[][] {
  const points = routes.map((r) => r.map((p): Point => [p[0], p[1]]));
  takeShortcuts(nodes, edges, points, gaps, corridors);
  return points;
}

// A hand-off to the next lane as the router draws it: out east, down the channel, into the west side.
const a = box(0, 0);
const b = box(250, 200);
const handOff: Point[] = [[150, 30], [200, 30], [200, 230], [250, 230]];

describe('takeShortcuts', () => {
  it('turns a hand-off with two corners into one corner when nothing is in the way', () => {
    const [route] = shortcut([a, b], [{ from: 0, to: 1 }], [handOff], [[150, 250]]);
    expect(countBends(route!)).toBe(1);
    expect(onBorder(a, route![0]!)).toBe(true);
    expect(onBorder(b, route![route!.length - 1]!)).toBe(true);
  });

  it('keeps the route when every shorter one would run through a step', () => {
    // One step above b blocks the way into its top, one under a the way out of its bottom.
    const nodes = [a, b, box(250, 80), box(0, 120)];
    const [route] = shortcut(nodes, [{ from: 0, to: 1 }], [handOff], [[150, 250]]);
    expect(route).toEqual(handOff);
  });

  it('keeps the route when the shorter one would cross three flows the old one did not', () => {
    // Three flows coming down the channel between the two columns, from a step above to one
    // below, in the way of every route out of a's east side that turns only once: one bend
    // saved does not pay for three crossings.
    const nodes = [a, b, box(0, 120), box(170, -200, 100, 60), box(170, 150, 100, 30)];
    const others: Point[][] = [[[215, -140], [215, 150]], [[227, -140], [227, 150]], [[239, -140], [239, 150]]];
    const edges = [{ from: 0, to: 1 }, { from: 3, to: 4 }, { from: 3, to: 4 }, { from: 3, to: 4 }];
    const [route] = shortcut(nodes, edges, [handOff, ...others], [[150, 250]]);
    expect(route).toEqual(handOff);
  });

  it('straightens a flow that snakes over the flows in its way, crossing them instead', () => {
    // a and z level, three flows coming down between them from steps above to steps below.
    // The router's route climbs over them (four bends, no crossing); the straight line crosses
    // all three: three crossings are worth four bends saved.
    const z = box(1000, 0);
    const nodes = [a, z];
    const edges = [{ from: 0, to: 1 }];
    const others: Point[][] = [];
    for (const x of [400, 600, 800]) {
      nodes.push(box(x - 50, -60, 100, 40), box(x - 50, 80, 100, 40));
      edges.push({ from: nodes.length - 2, to: nodes.length - 1 });
      others.push([[x, -20], [x, 80]]);
    }
    const snake: Point[] = [[150, 30], [200, 30], [200, -100], [950, -100], [950, 30], [1000, 30]];
    const gaps: [number, number][] = [[150, 350], [450, 550], [650, 750], [850, 1000]];
    const [route] = shortcut(nodes, edges, [snake, ...others], gaps);
    expect(countBends(route!)).toBe(0);
    expect(onBorder(a, route![0]!)).toBe(true);
    expect(onBorder(z, route![route!.length - 1]!)).toBe(true);
  });

  it('takes a small jog out of a long run', () => {
    const far = box(400, 0, 150, 64);
    const jog: Point[] = [[150, 30], [270, 30], [270, 34], [400, 34]];
    const [route] = shortcut([a, far], [{ from: 0, to: 1 }], [jog], [[150, 400]]);
    expect(countBends(route!)).toBe(0);
    expect(route![0]![1]).toBe(route![1]![1]);
  });

  it('sends a long flow that jogs at every column along a free lane-edge corridor instead', () => {
    // Five columns; a and z at the ends, level with each other. Tall steps fill the middle
    // columns' row, steps over and under a and z close their tops and bottoms, and a small
    // step in each middle column leaves the long flow a different level there: no route with
    // two corners or fewer is free, and no jog can be taken out. A corridor runs at y = 20.
    const start = box(0, 200);
    const end = box(1000, 200);
    const nodes = [start, end, box(250, 150, 150, 160), box(500, 150, 150, 160), box(750, 150, 150, 160), box(0, 80), box(1000, 80), box(0, 320), box(1000, 320), box(250, 110, 150, 30), box(500, 60, 150, 45), box(750, 110, 150, 30)];
    const stairs: Point[] = [[150, 230], [200, 230], [200, 100], [450, 100], [450, 120], [700, 120], [700, 100], [950, 100], [950, 230], [1000, 230]];
    const gaps: [number, number][] = [[150, 250], [400, 500], [650, 750], [900, 1000]];
    const [route] = shortcut(nodes, [{ from: 0, to: 1 }], [stairs], gaps, [20, 440]);
    expect(countBends(route!)).toBe(4);
    expect(route!.some(([, y]) => y === 20)).toBe(true);
    expect(onBorder(start, route![0]!)).toBe(true);
    expect(onBorder(end, route![route!.length - 1]!)).toBe(true);
  });

  it('leaves a decision only by a vertex', () => {
    const d: ShortcutNode = { ...box(0, 0, 96, 96), decision: true };
    const target = box(250, 250);
    const zig: Point[] = [[96, 48], [200, 48], [200, 280], [250, 280]];
    const [route] = shortcut([d, target], [{ from: 0, to: 1 }], [zig], [[96, 250]]);
    const vertices: Point[] = [[48, 0], [96, 48], [48, 96], [0, 48]];
    expect(vertices).toContainEqual(route![0]);
    expect(countBends(route!)).toBe(1);
  });
});

describe('bends of laid-out maps', () => {
  const elk = defaultElk();
  it('the demo maps turn at most 1.5 times per flow, and keep every invariant', async () => {
    for (const map of demoWorkspace('2026-01-01T00:00:00Z').maps) {
      const laid = withLayout(map, await layoutMap(map, { elk }));
      expect(layoutProblems(laid)).toEqual([]);
      const m = measureLayout(laid);
      expect(m.bends / m.flows, map.name).toBeLessThanOrEqual(1.5);
    }
  }, 60_000);
});
