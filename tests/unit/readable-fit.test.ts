import { expect, test } from 'vitest';
import { SCREEN_TEXT, smallestLabel } from '../../src/core/drawing/textStyle';
import { generateMap, quickLayout } from '../../src/core/layout';
import { nodeBox } from '../../src/core/model/geometry';
import type { ProcessMap } from '../../src/core/model/types';
import { firstNode, planFit, startView, wholeZoom, type Viewport } from '../../src/ui/actions/readableFit';
import { buildNodes, newNodeCache, NO_MARKS } from '../../src/ui/editor/buildElements';
import { openingView } from '../../src/ui/editor/openingView';
import { makeMap } from './layout-helpers';

// Zoom to fit's rule, on a laptop's canvas: the whole map when its smallest text stays 12 px or
// more, else the start of the flow at the zoom where it is 12 px.
const CANVAS = { width: 900, height: 600 };
const TEXT = smallestLabel(SCREEN_TEXT);
const READABLE = 12 / TEXT;

const onScreen = (v: Viewport, b: { x: number; y: number; width: number; height: number }) => ({
  left: b.x * v.zoom + v.x,
  top: b.y * v.zoom + v.y,
  right: (b.x + b.width) * v.zoom + v.x,
  bottom: (b.y + b.height) * v.zoom + v.y,
});

test('a small map is fitted whole: every node on screen, its labels 12 px or more', () => {
  const small = quickLayout(makeMap(['a', 'b'], [['s', 'start', 'a'], ['x', 'step', 'b'], ['y', 'step', 'a'], ['e', 'end', 'a']], [['s', 'x'], ['x', 'y'], ['y', 'e']]));
  const plan = planFit(small, CANVAS, READABLE, TEXT);
  expect(plan.whole).toBe(true);
  expect(plan.view.zoom * TEXT).toBeGreaterThanOrEqual(12);
  expect(plan.wholeTextPx).toBeGreaterThanOrEqual(12);
  for (const b of Object.values(small.view.nodes)) {
    const r = onScreen(plan.view, b);
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(CANVAS.width);
    expect(r.bottom).toBeLessThanOrEqual(CANVAS.height);
  }
});

test('a 150-node map fits its flow’s start at 12 px text, with the whole map’s text size to say', () => {
  const big = quickLayout(generateMap({ nodes: 150, lanes: 6, seed: 150 }));
  const plan = planFit(big, CANVAS, READABLE, TEXT);
  expect(plan.whole).toBe(false);
  expect(plan.view.zoom * TEXT).toBeCloseTo(12, 5);
  expect(plan.wholeTextPx).toBeLessThan(12);
  expect(plan.wholeTextPx).toBeCloseTo(wholeZoom(big, CANVAS) * TEXT, 1);
  // The whole map's view, for the second press, holds every node.
  for (const b of Object.values(big.view.nodes)) {
    const r = onScreen(plan.wholeView, b);
    expect(Math.min(r.left, r.top)).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(CANVAS.width);
    expect(r.bottom).toBeLessThanOrEqual(CANVAS.height);
  }
  // The start node is in view, in the left third, with room for the columns after it.
  const start = onScreen(plan.view, nodeBox(big, firstNode(big)!));
  expect(firstNode(big)!.kind).toBe('start');
  expect(start.left).toBeGreaterThanOrEqual(0);
  expect(start.right).toBeLessThanOrEqual(CANVAS.width / 3 + 1);
  expect(start.top).toBeGreaterThanOrEqual(0);
  expect(start.bottom).toBeLessThanOrEqual(CANVAS.height);
});

test('a start far from the left end is brought in just right of the pinned lane names', () => {
  const map = quickLayout(makeMap(['a', 'b'], [['x', 'step', 'a'], ['s', 'start', 'b'], ['y', 'step', 'b']], [['s', 'y']]));
  const far = { ...map, view: { ...map.view, nodes: { ...map.view.nodes, s: { ...map.view.nodes.s!, x: 3000 } } } };
  const view = startView(far, CANVAS, READABLE);
  const start = onScreen(view, far.view.nodes.s!);
  expect(start.left).toBeGreaterThan(150);
  expect(start.right).toBeLessThan(CANVAS.width / 2);
});

// The view a map opens with (openingView) is worked out before React Flow draws, from the nodes it will be
// given: a map that reads well whole opens whole, a long one at its start, never unreadably small.
const EDITOR = { width: 890, height: 818 };
const nodesOf = (map: ProcessMap) => buildNodes(map, { nodeIds: [], flowIds: [], laneId: null }, new Map(), null, newNodeCache(), NO_MARKS);

test('a small map opens whole: every lane band and step inside the canvas, not blown up past 1.2', () => {
  const small = quickLayout(makeMap(['a', 'b'], [['s', 'start', 'a'], ['x', 'step', 'b'], ['y', 'step', 'a'], ['e', 'end', 'a']], [['s', 'x'], ['x', 'y'], ['y', 'e']]));
  const nodes = nodesOf(small);
  const view = openingView(small, nodes, EDITOR);
  expect(view.zoom).toBeLessThanOrEqual(1.2);
  for (const n of nodes) {
    const r = onScreen(view, { ...n.position, width: n.width!, height: n.height! });
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(EDITOR.width + 0.5);
    expect(r.bottom).toBeLessThanOrEqual(EDITOR.height + 0.5);
  }
});

test.each([150, 400])('a %i-step map opens at its start, readable, its first step on screen', (size) => {
  const big = quickLayout(generateMap({ nodes: size, lanes: 6, seed: size }));
  const view = openingView(big, nodesOf(big), EDITOR);
  expect(view.zoom).toBeGreaterThanOrEqual(0.35);
  const r = onScreen(view, nodeBox(big, firstNode(big)!));
  expect(r.left).toBeGreaterThanOrEqual(0);
  expect(r.right).toBeLessThanOrEqual(EDITOR.width);
  expect(r.top).toBeGreaterThanOrEqual(0);
  expect(r.bottom).toBeLessThanOrEqual(EDITOR.height);
});

test('an empty map opens at the top left at full size, where its hint and first lane go', () => {
  const empty = makeMap([], [], []);
  expect(openingView(empty, nodesOf(empty), EDITOR)).toEqual({ x: 0, y: 0, zoom: 1 });
});
