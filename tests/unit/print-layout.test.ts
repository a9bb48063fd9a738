import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { generateMap } from '../../src/core/layout/generate';
import { printLayout, printSize } from '../../src/core/picture/print/printLayout';
import { clipRoute, renderPrintSvg, splitParts } from '../../src/core/picture/print/printParts';
import { textWidth } from '../../src/core/drawing/textMetrics';
import { chainMap } from './fixtures/chainMap';

const demo = demoWorkspace('2026-11-22T10:00:00Z');

describe('the print layout', () => {
  it('makes a step about an inch wide, wider only for a word that would not fit, and never cuts a word', () => {
    expect(printSize({ id: 'a', kind: 'step', laneId: 'l', label: 'Reply with prospectus to the applicant' }).width).toBe(80);
    const long = printSize({ id: 'b', kind: 'step', laneId: 'l', label: 'Internationalisation office' });
    expect(long.width).toBeGreaterThanOrEqual(Math.ceil(textWidth('Internationalisation', 11)));
    const svg = renderPrintSvg(printLayout({ ...demo.maps[0]!, nodes: [{ id: 'n', kind: 'step', laneId: demo.maps[0]!.lanes[0]!.id, label: 'Internationalisation office' }], flows: [] }), demo).svg;
    expect(svg).toContain('>Internationalisation</tspan>');
  });

  it('keeps every node inside its lane and clear of the lane header', () => {
    for (const map of [...demo.maps, generateMap({ nodes: 32, lanes: 4, seed: 6 })]) {
      const p = printLayout(map, demo.departments);
      let top = 0;
      const bands = p.map.lanes.map((l) => {
        const band = { top, bottom: top + p.map.view.laneHeights[l.id]! };
        top = band.bottom;
        return band;
      });
      for (const n of p.map.nodes) {
        const b = p.map.view.nodes[n.id]!;
        const band = bands[p.map.lanes.findIndex((l) => l.id === n.laneId)]!;
        expect(b.y, `${map.name}: ${n.label}`).toBeGreaterThanOrEqual(band.top);
        expect(b.y + b.height, `${map.name}: ${n.label}`).toBeLessThanOrEqual(band.bottom);
        expect(b.x, `${map.name}: ${n.label}`).toBeGreaterThan(p.style.headerWidth);
      }
    }
  });

  it('cuts a wide map between columns only: every node lies whole in one part, and the parts are no wider than the page', () => {
    for (const [map, width] of [[chainMap(24, 4), 960], [generateMap({ nodes: 60, lanes: 5, seed: 3 }), 1026], [demo.maps[0]!, 960]] as const) {
      const p = printLayout(map, demo.departments);
      const parts = splitParts(p, width);
      expect(parts.length, map.name).toBeGreaterThan(1);
      for (const r of parts) expect(p.style.headerWidth + r.x1 - r.x0).toBeLessThanOrEqual(width);
      for (const n of p.map.nodes) {
        const b = p.map.view.nodes[n.id]!;
        const holding = parts.filter((r) => b.x >= r.x0 && b.x + b.width <= r.x1);
        expect(holding, `${map.name}: ${n.label}`).toHaveLength(1);
      }
      // The parts follow on: together they are the whole map.
      parts.slice(1).forEach((r, i) => expect(r.x0).toBe(parts[i]!.x1));
    }
  });

  it('clips a flow at the edges of a part and says which ends were cut', () => {
    const pieces = clipRoute([[0, 10], [50, 10], [50, 40], [150, 40], [150, 0], [20, 0]], 40, 100);
    expect(pieces).toEqual([
      { points: [[40, 10], [50, 10], [50, 40], [100, 40]], cutStart: true, cutEnd: true },
      { points: [[100, 0], [40, 0]], cutStart: true, cutEnd: true },
    ]);
    expect(clipRoute([[50, 0], [60, 0]], 40, 100)).toEqual([{ points: [[50, 0], [60, 0]], cutStart: false, cutEnd: false }]);
  });
});
