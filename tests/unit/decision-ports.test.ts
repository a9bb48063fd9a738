import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { flowRoutes } from '../../src/core/drawing/flowRoutes';
import { placeLabel } from '../../src/core/drawing/nodeLabels';
import { layoutMap, withLayout } from '../../src/core/layout';
import { defaultElk } from '../../src/core/layout/elkNode';
import { emptyMap } from '../../src/core/model/factory';
import type { Id, Point, ProcessMap } from '../../src/core/model/types';

// A decision's Yes and No used to leave by the same vertex and share their first run, so
// neither could be clicked or read apart. Each now leaves by its own port, named at its start.

type Seg = [Point, Point];
const firstRun = (points: Point[]): Seg => [points[0]!, points[1]!];
/** Two axis-parallel runs share more than a point. */
function overlap([a1, a2]: Seg, [b1, b2]: Seg): boolean {
  const lo = (a: number, b: number) => Math.min(a, b);
  const hi = (a: number, b: number) => Math.max(a, b);
  if (a1[0] === a2[0] && b1[0] === b2[0] && a1[0] === b1[0]) return Math.min(hi(a1[1], a2[1]), hi(b1[1], b2[1])) - Math.max(lo(a1[1], a2[1]), lo(b1[1], b2[1])) > 0;
  if (a1[1] === a2[1] && b1[1] === b2[1] && a1[1] === b1[1]) return Math.min(hi(a1[0], a2[0]), hi(b1[0], b2[0])) - Math.max(lo(a1[0], a2[0]), lo(b1[0], b2[0])) > 0;
  return false;
}
const walk = (points: Point[], to: Point) => {
  // Distance along the line from its start to the point nearest `to` on it.
  let best = Infinity;
  let along = 0;
  let at = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
    for (let d = 0; d <= len; d += 2) {
      const x = a[0] + ((b[0] - a[0]) * d) / (len || 1);
      const y = a[1] + ((b[1] - a[1]) * d) / (len || 1);
      const off = Math.hypot(x - to[0], y - to[1]);
      if (off < best) [best, at] = [off, along + d];
    }
    along += len;
  }
  return at;
};

function decisionMap(label: string): ProcessMap {
  const map = emptyMap({ id: 'm', name: 'M', departmentId: null, lanes: [{ id: 'l', name: 'Office' }], now: 't' });
  map.view.laneHeights = { l: 400 };
  map.nodes = [
    { id: 'd', kind: 'decision', laneId: 'l', label },
    { id: 'yes', kind: 'step', laneId: 'l', label: 'Forward to registry' },
    { id: 'no', kind: 'step', laneId: 'l', label: 'Chase missing documents' },
  ];
  map.flows = [
    { id: 'fy', kind: 'sequence', from: 'd', to: 'yes', label: 'Yes' },
    { id: 'fn', kind: 'sequence', from: 'd', to: 'no', label: 'No' },
  ];
  // Both to the right, No a little lower: drawn between boxes, both would leave by the right vertex.
  map.view.nodes = { d: { x: 300, y: 100, width: 96, height: 96 }, yes: { x: 520, y: 116, width: 150, height: 64 }, no: { x: 520, y: 200, width: 150, height: 64 } };
  return map;
}

function expectDistinctBranches(map: ProcessMap, decision: Id): void {
  const routes = flowRoutes(map).filter((r) => r.flow.from === decision);
  expect(routes.length).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < routes.length; i++) {
    for (let j = i + 1; j < routes.length; j++) {
      const [a, b] = [routes[i]!.route.points, routes[j]!.route.points];
      expect(a[0], `${routes[i]!.flow.id} and ${routes[j]!.flow.id} leave by one point`).not.toEqual(b[0]);
      expect(overlap(firstRun(a), firstRun(b)), `${routes[i]!.flow.id} and ${routes[j]!.flow.id} share their first run`).toBe(false);
    }
  }
}

describe('decision ports', () => {
  it('between boxes: Yes keeps the right vertex, No leaves by the bottom one, each named near its start', () => {
    const map = decisionMap('Complete?');
    expectDistinctBranches(map, 'd');
    const routes = new Map(flowRoutes(map).map((r) => [r.flow.id, r.route]));
    const box = map.view.nodes.d!;
    expect(routes.get('fy')!.points[0]![0]).toBeGreaterThan(box.x + box.width);
    expect(routes.get('fn')!.points[0]![1]).toBeGreaterThan(box.y + box.height);
    for (const id of ['fy', 'fn']) {
      const r = routes.get(id)!;
      expect(walk(r.points, r.label), `${id} named far from the diamond`).toBeLessThanOrEqual(90);
    }
  });

  it('with its text hanging under the diamond, the other branch takes the top vertex and no line crosses the text', () => {
    const long = 'Has the applicant paid the deposit and sent the signed form back?';
    const map = decisionMap(long);
    const box = map.view.nodes.d!;
    const caption = placeLabel('decision', long, box.width, box.height)!;
    expect(caption.below).toBe(true);
    expectDistinctBranches(map, 'd');
    const routes = flowRoutes(map).filter((r) => r.flow.from === 'd');
    expect(routes.some((r) => r.route.points[0]![1] < box.y)).toBe(true);
    const text = { x0: box.x + caption.box.x, x1: box.x + caption.box.x + caption.box.width, y0: box.y + caption.box.y, y1: box.y + caption.box.y + caption.box.height };
    for (const { route } of routes) {
      for (let i = 1; i < route.points.length; i++) {
        const [[x1, y1], [x2, y2]] = [route.points[i - 1]!, route.points[i]!];
        const crosses = Math.max(x1, x2) > text.x0 && Math.min(x1, x2) < text.x1 && Math.max(y1, y2) > text.y0 && Math.min(y1, y2) < text.y1;
        expect(crosses).toBe(false);
      }
    }
  });

  it('laid out by ELK and our phases: in every demo map the branches of a decision leave by different vertices', async () => {
    const elk = defaultElk();
    let checked = 0;
    for (const source of demoWorkspace('2026-12-01T00:00:00Z').maps) {
      const map = withLayout(source, await layoutMap(source, { elk }));
      for (const d of map.nodes.filter((n) => n.kind === 'decision')) {
        if (map.flows.filter((f) => f.from === d.id).length < 2) continue;
        expect(map.flows.filter((f) => f.from === d.id).every((f) => map.view.flowPoints[f.id])).toBe(true);
        expectDistinctBranches(map, d.id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('in every demo map, drawn by the quick layout, no two branches of a decision share a port', () => {
    let checked = 0;
    for (const map of demoWorkspace('2026-12-01T00:00:00Z').maps) {
      for (const d of map.nodes.filter((n) => n.kind === 'decision')) {
        if (map.flows.filter((f) => f.from === d.id).length < 2) continue;
        expectDistinctBranches(map, d.id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });
});
