import { expect, test } from 'vitest';
import { generateMap, quickLayout } from '../../src/core/layout';
import { nodeBox } from '../../src/core/model/geometry';
import type { ProcessMap } from '../../src/core/model/types';
import { firstNode } from '../../src/ui/actions/readableFit';
import { buildNodes, newNodeCache, NO_MARKS } from '../../src/ui/editor/buildElements';
import { openingView } from '../../src/ui/editor/openingView';
import { makeMap } from './layout-helpers';

// The view a map opens with is worked out before React Flow draws, from the nodes it will be
// given: a map that reads well whole opens whole, a long one at its start, never unreadably small.
const CANVAS = { width: 890, height: 818 };
const nodesOf = (map: ProcessMap) => buildNodes(map, { nodeIds: [], flowIds: [], laneId: null }, new Map(), null, newNodeCache(), NO_MARKS);
const onScreen = (v: { x: number; y: number; zoom: number }, b: { x: number; y: number; width: number; height: number }) => ({
  left: b.x * v.zoom + v.x,
  top: b.y * v.zoom + v.y,
  right: (b.x + b.width) * v.zoom + v.x,
  bottom: (b.y + b.height) * v.zoom + v.y,
});

test('a small map opens whole: every lane band and step inside the canvas, not blown up past 1.2', () => {
  const small = quickLayout(makeMap(['a', 'b'], [['s', 'start', 'a'], ['x', 'step', 'b'], ['y', 'step', 'a'], ['e', 'end', 'a']], [['s', 'x'], ['x', 'y'], ['y', 'e']]));
  const nodes = nodesOf(small);
  const view = openingView(small, nodes, CANVAS);
  expect(view.zoom).toBeLessThanOrEqual(1.2);
  for (const n of nodes) {
    const r = onScreen(view, { ...n.position, width: n.width!, height: n.height! });
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(CANVAS.width + 0.5);
    expect(r.bottom).toBeLessThanOrEqual(CANVAS.height + 0.5);
  }
});

test.each([150, 400])('a %i-step map opens at its start, readable, its first step on screen', (size) => {
  const big = quickLayout(generateMap({ nodes: size, lanes: 6, seed: size }));
  const view = openingView(big, nodesOf(big), CANVAS);
  expect(view.zoom).toBeGreaterThanOrEqual(0.35);
  const r = onScreen(view, nodeBox(big, firstNode(big)!));
  expect(r.left).toBeGreaterThanOrEqual(0);
  expect(r.right).toBeLessThanOrEqual(CANVAS.width);
  expect(r.top).toBeGreaterThanOrEqual(0);
  expect(r.bottom).toBeLessThanOrEqual(CANVAS.height);
});

test('an empty map opens at the top left at full size, where its hint and first lane go', () => {
  const empty = makeMap([], [], []);
  expect(openingView(empty, nodesOf(empty), CANVAS)).toEqual({ x: 0, y: 0, zoom: 1 });
});
