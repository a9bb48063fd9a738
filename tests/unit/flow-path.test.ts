import { describe, expect, test } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { flowPath, flowPathPieces } from '../../src/core/drawing/flowPath';
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

describe('flowPathPieces: a dashed flow painted run by run', () => {
  const demo = demoWorkspace('2026-01-01T00:00:00.000Z');
  const routes = demo.maps.flatMap((m) => [...flowRoutes(m), ...flowRoutes({ ...m, view: { ...m.view, flowPoints: {} } })].map((r) => r.route));

  test('each piece is one straight run or one corner, starting where the one before it ended', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const pieces = flowPathPieces(route.points, route.rounded);
      for (const p of pieces) expect(p).toMatch(/^M[-\d.]+,[-\d.]+(H[-\d.]+|V[-\d.]+|L[-\d.]+,[-\d.]+|Q[-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+)$/);
      // Laid end to end they are flowPath's line, command for command.
      const joined = pieces.map((p, i) => (i === 0 ? p : p.replace(/^M[^HVLQ]+/, ''))).join('');
      expect(joined).toBe(flowPath(route.points, route.rounded));
    }
  });

  test('a rounded step has its corners as pieces of their own', () => {
    const pieces = flowPathPieces([[0, 0], [60, 0], [60, 80], [140, 80]], true);
    expect(pieces).toEqual([`M0,0H${60 - STEP_RADIUS}`, `M${60 - STEP_RADIUS},0Q60,0 60,${STEP_RADIUS}`, `M60,${STEP_RADIUS}V${80 - STEP_RADIUS}`, `M60,${80 - STEP_RADIUS}Q60,80 ${60 + STEP_RADIUS},80`, `M${60 + STEP_RADIUS},80H140`]);
  });
});
