import { describe, expect, it } from 'vitest';
import { detourRoute } from '../../src/core/drawing/detourRoute';
import { flowRoutes } from '../../src/core/drawing/flowRoutes';
import { stepRoute } from '../../src/core/drawing/stepRoute';
import { generateMap } from '../../src/core/layout/generate';
import { measureLayout } from '../../src/core/layout/metrics';
import { quickLayout } from '../../src/core/layout/quickLayout';
import type { NodeBox, Point, ProcessMap } from '../../src/core/model/types';

// A flow drawn since the last Auto layout has no routed points; where the editor's smooth step
// would run through another node, it goes round instead.

const box = (x: number, y: number, width = 150, height = 64): NodeBox => ({ x, y, width, height });
const inside = (b: NodeBox, [x1, y1]: Point, [x2, y2]: Point) =>
  Math.min(x1, x2) < b.x + b.width && Math.max(x1, x2) > b.x && Math.min(y1, y2) < b.y + b.height && Math.max(y1, y2) > b.y;
const runsThrough = (points: Point[], b: NodeBox) => points.slice(1).some((p, i) => inside(b, points[i]!, p));
const orthogonal = (points: Point[]) => points.slice(1).every((p, i) => p[0] === points[i]![0] || p[1] === points[i]![1]);

describe('detourRoute', () => {
  it('leaves a smooth step that crosses nothing as it is', () => {
    expect(detourRoute(box(200, 100), box(500, 100), [box(200, 400)])).toBeNull();
  });

  it('takes a flow past a node standing between its ends, from the same sides', () => {
    // A step added at the end of a row: the smooth step from the first node runs through the middle one.
    const from = box(200, 100);
    const middle = box(420, 100);
    const to = box(640, 100);
    expect(runsThrough(stepRoute(from, to).points, middle)).toBe(true);
    // The map's boxes, the ends among them: they are told apart by identity.
    const points = detourRoute(from, to, [from, middle, to])!;
    expect(runsThrough(points, middle)).toBe(false);
    expect(orthogonal(points)).toBe(true);
    expect(points[0]).toEqual(stepRoute(from, to).points[0]);
    expect(points.at(-1)).toEqual(stepRoute(from, to).points.at(-1));
  });

  it('goes round a row of nodes in the way, and never through its own ends', () => {
    const from = box(200, 300);
    const to = box(1000, 300);
    const row = [box(400, 290), box(600, 300), box(800, 310)];
    const points = detourRoute(from, to, row)!;
    for (const b of row) expect(runsThrough(points, b)).toBe(false);
    expect(runsThrough(points.slice(1, -1), from)).toBe(false);
    expect(runsThrough(points.slice(1, -1), to)).toBe(false);
  });
});

describe('flowRoutes on maps drawn without routed flows', () => {
  it('takes most flows that would cross a node round it, and draws the rest as before', () => {
    const laid = quickLayout(generateMap({ nodes: 150, lanes: 8, seed: 7 }));
    const map: ProcessMap = { ...laid, view: { ...laid.view, flowPoints: {} } };
    const through = (pick: (r: ReturnType<typeof flowRoutes>[number]) => Point[]) =>
      measureLayout({ ...map, view: { ...map.view, flowPoints: Object.fromEntries(flowRoutes(map).map((r) => [r.flow.id, pick(r)])) } }).flowsThroughNodes;
    const before = through((r) => stepRoute(map.view.nodes[r.flow.from]!, map.view.nodes[r.flow.to]!).points);
    const after = through((r) => r.route.points);
    expect(before).toBeGreaterThan(20);
    expect(after).toBeLessThan(before / 5);
    // A way round carries its points, drawn as a routed polyline; a flow kept as a smooth step
    // is drawn rounded, as the editor draws it.
    const routes = flowRoutes(map);
    const detoured = routes.filter((r) => r.detour);
    expect(detoured.length).toBeGreaterThan(0);
    for (const r of detoured) expect({ points: r.route.points, rounded: r.route.rounded }).toEqual({ points: r.detour, rounded: false });
    for (const r of routes.filter((x) => !x.detour)) expect(r.route.rounded).toBe(true);
  });
});
