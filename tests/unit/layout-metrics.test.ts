import { describe, expect, it } from 'vitest';
import { measureLayout } from '../../src/core/layout/metrics';
import type { MapView, ProcessMap } from '../../src/core/model/types';
import { makeMap } from './layout-helpers';

// Two lanes of 100 px; a, b in lane A, c in lane B.
function drawn(view: Partial<MapView>, extraFlows: [string, string][] = []): ProcessMap {
  const map = makeMap(['A', 'B'], [['a', 'step', 'A'], ['b', 'step', 'A'], ['c', 'step', 'B']], [['a', 'b'], ['a', 'c'], ...extraFlows]);
  map.view = {
    nodes: {
      a: { x: 200, y: 20, width: 100, height: 60 },
      b: { x: 400, y: 20, width: 100, height: 60 },
      c: { x: 400, y: 120, width: 100, height: 60 },
    },
    laneHeights: { A: 100, B: 100 },
    flowPoints: { f0: [[300, 50], [400, 50]], f1: [[300, 60], [350, 60], [350, 150], [400, 150]] },
    ...view,
  };
  return map;
}

describe('measureLayout', () => {
  it('measures a clean drawing', () => {
    const m = measureLayout(drawn({}));
    expect(m).toMatchObject({
      nodes: 3,
      flows: 2,
      crossings: 0,
      bends: 2,
      edgeLength: 100 + 50 + 90 + 50,
      width: 300,
      height: 160,
      area: 48000,
      overlaps: 0,
      flowsThroughNodes: 0,
      nodesOutsideBand: 0,
      diagonalSegments: 0,
      detachedEnds: 0,
      missing: 0,
      backwardFlows: 0,
    });
  });

  it('counts proper crossings between different flows only', () => {
    // f2 from b back to a runs under both, down through f1's horizontal and across its vertical.
    const map = drawn({}, [['c', 'a']]);
    map.view.flowPoints.f2 = [[450, 120], [450, 100], [320, 100], [320, 40], [300, 40]];
    const m = measureLayout(map);
    // (350,100) with f1's vertical; (320,60) and (320,50) with the horizontals of f1 and f0.
    expect(m.crossings).toBe(3);
    expect(m.backwardFlows).toBe(1);
  });

  it('finds flows through nodes, overlaps, nodes outside their band, diagonals and loose ends', () => {
    const map = drawn({
      nodes: {
        a: { x: 200, y: 20, width: 100, height: 60 },
        b: { x: 250, y: 50, width: 100, height: 60 },
        c: { x: 100, y: 90, width: 100, height: 60 },
      },
      flowPoints: { f0: [[300, 50], [330, 70]], f1: [[210, 50], [150, 120]] },
    });
    const m = measureLayout(map);
    expect(m.overlaps).toBe(1);
    // b reaches below lane A; c starts above lane B and under the lane header.
    expect(m.nodesOutsideBand).toBe(2);
    expect(m.diagonalSegments).toBe(2);
    // f0 ends inside b, not on its border; f1 starts inside a.
    expect(m.detachedEnds).toBe(2);
    expect(m.flowsThroughNodes).toBe(2);
  });

  it('reports what is missing', () => {
    const map = drawn({ flowPoints: { f0: [[300, 50], [400, 50]] } });
    delete map.view.nodes.c;
    const m = measureLayout(map);
    // c has no box, so f1 cannot be drawn and is not counted as a flow.
    expect(m.missing).toBe(1);
    expect(m.flows).toBe(1);
  });
});
