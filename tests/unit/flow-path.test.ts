import { describe, expect, test } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { flowPath } from '../../src/core/drawing/flowPath';
import { flowRoutes } from '../../src/core/drawing/flowRoutes';
import { STEP_RADIUS, stepRoute } from '../../src/core/drawing/stepRoute';
import { renderMapSvg } from '../../src/core/picture';
import type { NodeBox, Point } from '../../src/core/model/types';

describe('flowPath: the line of a flow, for the canvas and the picture alike', () => {
  test('a two-point route is one straight run, rounded or not', () => {
    expect(flowPath([[0, 0], [120, 0]], true)).toBe('M0,0H120');
    expect(flowPath([[0, 0], [120, 0]], false)).toBe('M0,0H120');
    expect(flowPath([[10, 5], [10, 90]], true)).toBe('M10,5V90');
  });

  test(`a rounded route turns each corner on a quarter curve of ${STEP_RADIUS} px; a routed one keeps its sharp corners`, () => {
    const points: Point[] = [[0, 0], [100, 0], [100, 50], [200, 50]];
    expect(flowPath(points, true)).toBe('M0,0H92Q100,0 100,8V42Q100,50 108,50H200');
    expect(flowPath(points, false)).toBe('M0,0H100V50H200');
    // Turning left and upwards as well: the curve starts and ends on the runs, its control point at the corner.
    expect(flowPath([[100, 100], [100, 20], [0, 20]], true)).toBe('M100,100V28Q100,20 92,20H0');
  });

  test('on runs shorter than two radii the corner takes half the run, and two corners on one run meet in its middle', () => {
    // A 6 px run between two corners: each corner gets 3 px, so the line is curve into curve.
    expect(flowPath([[0, 0], [10, 0], [10, 6], [30, 6]], true)).toBe('M0,0H7Q10,0 10,3Q10,6 13,6H30');
    // A 4 px first run: its corner is 2 px, though the second run is long.
    expect(flowPath([[0, 0], [4, 0], [4, 100]], true)).toBe('M0,0H2Q4,0 4,2V100');
  });

  test('a point the line runs straight through is passed, not rounded', () => {
    expect(flowPath([[0, 0], [50, 0], [100, 0], [100, 40]], true)).toBe('M0,0H50H92Q100,0 100,8V40');
  });

  test('coordinates are written with at most one decimal', () => {
    expect(flowPath([[0.04, 1.26], [33.333, 1.26]], false)).toBe('M0,1.3H33.3');
  });

  test('the step between two boxes: out of one side, across in the middle, into the other, corners rounded', () => {
    const from: NodeBox = { x: 0, y: 0, width: 100, height: 60 };
    const to: NodeBox = { x: 300, y: 200, width: 100, height: 60 };
    const route = stepRoute(from, to);
    expect(route.rounded).toBe(true);
    expect(flowPath(route.points, route.rounded)).toBe('M104.5,30H192Q200,30 200,38V222Q200,230 208,230H295.5');
  });

  test('the SVG picture draws every flow of the demo maps with this path data', () => {
    const ws = demoWorkspace('2026-01-01T00:00:00.000Z');
    for (const source of ws.maps) {
      // Unrouted too: the step and the way round are drawn rounded and sharp as their routes say.
      for (const map of [source, { ...source, view: { ...source.view, flowPoints: {} } }]) {
        const svg = renderMapSvg(map, ws).svg;
        const drawn = [...svg.matchAll(/<g class="flow flow-\w+"[^>]*><path d="([^"]+)"\/>/g)].map((m) => m[1]);
        expect(drawn).toEqual(flowRoutes(map).map(({ route }) => flowPath(route.points, route.rounded)));
      }
    }
  });
});
