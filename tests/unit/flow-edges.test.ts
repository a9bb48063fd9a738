import { describe, expect, test } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { flowRoutes } from '../../src/core/drawing/flowRoutes';
import { flowSides, stepRoute } from '../../src/core/drawing/stepRoute';
import type { Id } from '../../src/core/model/types';
import type { Selection } from '../../src/state/uiStore';
import { buildEdges, buildNodes, followRoute, newEdgeCache, newNodeCache, placeDragged, type FlowEdgeData } from '../../src/ui/editor/buildElements';

// The canvas's edges take their lines from core/drawing: what the SVG picture draws when still,
// the step between the live boxes while an end is dragged.

const NONE: Selection = { nodeIds: [], flowIds: [], laneId: null };
const map = demoWorkspace('2026-01-01T00:00:00.000Z').maps[0]!;
const unrouted = { ...map, view: { ...map.view, flowPoints: {} } };

describe('buildEdges: one route per flow, from core/drawing', () => {
  test('each edge carries the route and label spot the picture draws, routed or not', () => {
    for (const m of [map, unrouted]) {
      const edges = buildEdges(m, NONE, new Map());
      const routes = flowRoutes(m);
      expect(edges.map((e) => e.id)).toEqual(routes.map((r) => r.flow.id));
      edges.forEach((e, i) => expect((e.data as FlowEdgeData).route).toEqual(routes[i]!.route));
    }
    // Both kinds occur: routed polylines as the layout left them, rounded steps where there are none.
    expect(flowRoutes(map).every((r) => !r.route.rounded)).toBe(true);
    expect(flowRoutes(unrouted).some((r) => r.route.rounded)).toBe(true);
  });

  test('while a node is dragged its flows follow as the step between the live boxes; the other flows keep their lines', () => {
    const moved = map.nodes.find((n) => map.flows.filter((f) => f.from === n.id || f.to === n.id).length >= 2)!;
    const box = map.view.nodes[moved.id]!;
    const place = { x: box.x + 130, y: box.y + 95 };
    const live = (id: Id) => (id === moved.id ? { ...box, ...place } : map.view.nodes[id]!);
    const placeOf = (id: Id) => (id === moved.id ? place : undefined);
    let touching = 0;
    for (const e of buildEdges(map, NONE, new Map())) {
      const data = e.data as FlowEdgeData;
      const route = followRoute(data, placeOf(data.flow.from), placeOf(data.flow.to));
      if (data.flow.from === moved.id || data.flow.to === moved.id) {
        touching++;
        expect(route).toEqual(stepRoute(live(data.flow.from), live(data.flow.to)));
      } else {
        expect(route).toBe(data.route);
      }
    }
    expect(touching).toBeGreaterThanOrEqual(2);
  });

  test('a node moved by layout or resized takes its flows with it, with the handles on the sides they leave by', () => {
    const moved = map.nodes.find((n) => map.flows.filter((f) => f.from === n.id || f.to === n.id).length >= 2)!;
    const box = map.view.nodes[moved.id]!;
    const drag = new Map<Id, { x: number; y: number }>([[moved.id, { x: box.x + 130, y: box.y + 95 }]]);
    const live = (id: Id) => (id === moved.id ? { ...box, ...drag.get(id)! } : map.view.nodes[id]!);
    const still = new Map(buildEdges(map, NONE, new Map()).map((e) => [e.id, (e.data as FlowEdgeData).route]));
    for (const e of buildEdges(map, NONE, drag)) {
      const f = (e.data as FlowEdgeData).flow;
      const route = (e.data as FlowEdgeData).route;
      if (f.from === moved.id || f.to === moved.id) {
        expect(route).toEqual(stepRoute(live(f.from), live(f.to)));
        // The handles React Flow connects by are the sides the step leaves and enters by.
        const sides = flowSides(live(f.from), live(f.to));
        expect([e.sourceHandle, e.targetHandle]).toEqual([sides.source, sides.target]);
      } else {
        expect(route).toBe(still.get(f.id));
      }
    }
  });
});

describe('buildEdges: edge objects kept while their flow is unchanged', () => {
  test('renaming a step keeps every edge object whose line is the same; selecting a flow replaces only that edge', () => {
    const cache = newEdgeCache();
    const before = buildEdges(map, NONE, new Map(), cache);
    const step = map.nodes.find((n) => n.kind === 'step')!;
    const renamed = { ...map, nodes: map.nodes.map((n) => (n.id === step.id ? { ...n, label: `${n.label}!` } : n)) };
    const after = buildEdges(renamed, NONE, new Map(), cache);
    const byId = new Map(before.map((e) => [e.id, e]));
    const kept = after.filter((e) => byId.get(e.id) === e);
    // A longer label may grow the box and move the lines at its ends; every other flow keeps its object.
    const touching = map.flows.filter((f) => f.from === step.id || f.to === step.id).map((f) => f.id);
    expect(kept.length).toBeGreaterThanOrEqual(after.length - touching.length);
    expect(kept.length).toBeGreaterThan(0);
    for (const e of after.filter((x) => byId.get(x.id) !== x)) expect((e.data as FlowEdgeData).route).not.toEqual((byId.get(e.id)!.data as FlowEdgeData).route);

    const flow = map.flows[0]!;
    const picked = buildEdges(renamed, { ...NONE, flowIds: [flow.id] }, new Map(), cache);
    expect(picked.filter((e, i) => e !== after[i]).map((e) => e.id)).toEqual([flow.id]);
    expect(picked.find((e) => e.id === flow.id)!.selected).toBe(true);
  });

  test('when no edge changed (a step picked, a field edited) the same list comes back, so React Flow takes nothing in again', () => {
    const cache = newEdgeCache();
    const before = buildEdges(map, NONE, new Map(), cache);
    const step = map.nodes.find((n) => n.kind === 'step')!;
    expect(buildEdges(map, { ...NONE, nodeIds: [step.id] }, new Map(), cache)).toBe(before);
    const noted = { ...map, nodes: map.nodes.map((n) => (n.id === step.id ? { ...n, minutesPerCase: 12 } : n)) };
    expect(buildEdges(noted, NONE, new Map(), cache)).toBe(before);
    // One flow picked: a new list, with that edge alone new.
    const picked = buildEdges(noted, { ...NONE, flowIds: [map.flows[0]!.id] }, new Map(), cache);
    expect(picked).not.toBe(before);
    expect(picked.filter((e, i) => e !== before[i])).toHaveLength(1);
  });
});

describe('placeDragged: a mouse move of a drag', () => {
  test('moves the dragged nodes to their live places and hands every other node over as the same object', () => {
    const nodes = buildNodes(map, NONE, new Map(), null, newNodeCache());
    const [a, b] = map.nodes;
    const shown = placeDragged(nodes, new Map([[a!.id, { x: 1234, y: 567 }], [b!.id, { ...map.view.nodes[b!.id]! }]]));
    expect(shown.find((n) => n.id === a!.id)!.position).toEqual({ x: 1234, y: 567 });
    // Moved: a new object, its size, handles and data kept.
    const before = nodes.find((n) => n.id === a!.id)!;
    const after = shown.find((n) => n.id === a!.id)!;
    expect(after).not.toBe(before);
    expect({ ...after, position: before.position }).toEqual(before);
    // Not moved (or "dragged" to where it already is): the very object React Flow had.
    for (const n of nodes) if (n.id !== a!.id) expect(shown.find((s) => s.id === n.id)).toBe(n);
    expect(shown.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
    // No drag: the list itself is the same.
    expect(placeDragged(nodes, new Map())).toBe(nodes);
  });
});
