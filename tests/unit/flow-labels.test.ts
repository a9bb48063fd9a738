import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { flowLabelSize, placeFlowLabels } from '../../src/core/drawing/flowLabels';
import { flowRoutes } from '../../src/core/drawing/flowRoutes';
import { polylineRoute } from '../../src/core/drawing/stepRoute';
import { LANE_HEADER_WIDTH } from '../../src/core/model/geometry';
import type { NodeBox, Point, ProcessMap } from '../../src/core/model/types';
import { makeMap } from './layout-helpers';

// Flow labels must be readable: not under a node, a start's caption, the lane headers or
// another label, and still on or right beside their own line.

interface Box { x: number; y: number; w: number; h: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const fromNode = (b: NodeBox): Box => ({ x: b.x, y: b.y, w: b.width, h: b.height });
const labelBox = (text: string, [cx, cy]: Point): Box => {
  const s = flowLabelSize(text);
  return { x: cx - s.width / 2, y: cy - s.height / 2, w: s.width, h: s.height };
};
/** How far a box is from a polyline (0 when the line runs through it). */
function distanceToLine(b: Box, points: Point[]): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [[x1, y1], [x2, y2]] = [points[i - 1]!, points[i]!];
    const dx = Math.max(b.x - Math.max(x1, x2), Math.min(x1, x2) - (b.x + b.w), 0);
    const dy = Math.max(b.y - Math.max(y1, y2), Math.min(y1, y2) - (b.y + b.h), 0);
    best = Math.min(best, Math.hypot(dx, dy));
  }
  return best;
}

/** A map with the given boxes and flows drawn along the given points. */
function drawn(boxes: Record<string, NodeBox>, flows: { id: string; from: string; to: string; label: string; points: Point[] }[], kinds: Record<string, ProcessMap['nodes'][number]['kind']> = {}): ProcessMap {
  const map = makeMap(['L'], Object.keys(boxes).map((id) => [id, kinds[id] ?? 'step', 'L']), []);
  return {
    ...map,
    flows: flows.map(({ id, from, to, label }) => ({ id, kind: 'sequence', from, to, label })),
    view: { nodes: boxes, laneHeights: { L: 800 }, flowPoints: Object.fromEntries(flows.map((f) => [f.id, f.points])) },
  };
}
const routesOf = (map: ProcessMap) => map.flows.map((flow) => ({ flow, route: polylineRoute(map.view.flowPoints[flow.id]!) }));

describe('flow labels', () => {
  it('stay in the middle of the longest run when nothing is there', () => {
    const map = drawn({ a: { x: 200, y: 100, width: 150, height: 64 }, b: { x: 700, y: 100, width: 150, height: 64 } },
      [{ id: 'f', from: 'a', to: 'b', label: 'Application form', points: [[350, 132], [700, 132]] }]);
    expect(placeFlowLabels(map, routesOf(map)).get('f')).toEqual([525, 132]);
  });

  it('slide along their line off a node that the middle of the run would hide them under', () => {
    // An upright run passing close to the left of a store: centred on the line, the label would cover it.
    const map = drawn({
      a: { x: 200, y: 40, width: 150, height: 64 },
      b: { x: 420, y: 500, width: 150, height: 64 },
      store: { x: 390, y: 250, width: 110, height: 72 },
    }, [{ id: 'f', from: 'a', to: 'b', label: 'Web form, phone or e-mail', points: [[350, 72], [380, 72], [380, 532], [420, 532]] }]);
    const at = placeFlowLabels(map, routesOf(map)).get('f')!;
    const box = labelBox('Web form, phone or e-mail', at);
    for (const b of Object.values(map.view.nodes)) expect(overlaps(box, fromNode(b))).toBe(false);
    expect(distanceToLine(box, map.view.flowPoints.f!)).toBeLessThanOrEqual(4);
  });

  it('keep clear of the caption under a start and of the lane headers', () => {
    // The middle of the line is level with the caption, and left of the line are the lane headers.
    const map = drawn({ s: { x: 190, y: 52, width: 48, height: 48 }, a: { x: 288, y: 108, width: 150, height: 64 } },
      [{ id: 'f', from: 's', to: 'a', label: 'Web form, phone or e-mail', points: [[238, 76], [263, 76], [263, 140], [288, 140]] }], { s: 'start' });
    map.nodes[0]!.label = 'Asks about a course';
    const box = labelBox('Web form, phone or e-mail', placeFlowLabels(map, routesOf(map)).get('f')!);
    const caption: Box = { x: 214 - 60, y: 100, w: 120, h: 18 };
    expect(overlaps(box, caption)).toBe(false);
    expect(box.x).toBeGreaterThanOrEqual(LANE_HEADER_WIDTH);
    expect(overlaps(box, fromNode(map.view.nodes.a!))).toBe(false);
  });

  it('do not sit on each other where two lines share a channel', () => {
    // Two lines 12 px apart: the middles of their longest runs are a label's height apart.
    const map = drawn({ a: { x: 200, y: 100, width: 150, height: 64 }, b: { x: 700, y: 100, width: 150, height: 64 }, c: { x: 700, y: 300, width: 150, height: 64 } }, [
      { id: 'f1', from: 'a', to: 'b', label: 'Letter by post', points: [[350, 126], [700, 126]] },
      { id: 'f2', from: 'a', to: 'c', label: 'PDF by e-mail', points: [[350, 138], [650, 138], [650, 332], [700, 332]] },
    ]);
    const placed = placeFlowLabels(map, routesOf(map));
    expect(overlaps(labelBox('Letter by post', placed.get('f1')!), labelBox('PDF by e-mail', placed.get('f2')!))).toBe(false);
  });

  it('where every spot is covered, take the one that hides least, still on the line', () => {
    // A short hop between two nodes 30 px apart: the label must overlap something.
    const map = drawn({ a: { x: 200, y: 100, width: 150, height: 64 }, b: { x: 380, y: 100, width: 150, height: 64 } },
      [{ id: 'f', from: 'a', to: 'b', label: 'A long label for a short hop', points: [[350, 132], [380, 132]] }]);
    const at = placeFlowLabels(map, routesOf(map)).get('f')!;
    const box = labelBox('A long label for a short hop', at);
    expect(distanceToLine(box, map.view.flowPoints.f!)).toBeLessThanOrEqual(4);
    // Beside the line (above or below it) covers less of the nodes than across it.
    expect(at[1]).not.toBe(132);
  });

  it('on every demo map: no label on another, under the lane headers, or on a node its flow does not join', () => {
    for (const map of demoWorkspace('2026-11-23T10:00:00Z').maps) {
      const placed: { id: string; box: Box }[] = [];
      for (const { flow, route } of flowRoutes(map)) {
        if (!flow.label) continue;
        const box = labelBox(flow.label, route.label);
        expect(box.x, `${map.id} ${flow.label}`).toBeGreaterThanOrEqual(LANE_HEADER_WIDTH);
        for (const n of map.nodes) {
          if (n.id === flow.from || n.id === flow.to) continue;
          expect(overlaps(box, fromNode(map.view.nodes[n.id]!)), `${map.id}: “${flow.label}” on “${n.label}”`).toBe(false);
        }
        for (const p of placed) expect(overlaps(box, p.box), `${map.id}: “${flow.label}” on “${p.id}”`).toBe(false);
        placed.push({ id: flow.label, box });
      }
    }
  });
});
