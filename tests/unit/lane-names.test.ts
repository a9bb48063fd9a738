import { expect, test } from 'vitest';
import { minLaneHeight, renameLane, resizeLane } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { laneHeaderNeed } from '../../src/core/drawing/laneNames';
import { textWidth } from '../../src/core/drawing/textMetrics';
import { PRINT_TEXT, SCREEN_TEXT } from '../../src/core/drawing/textStyle';
import { quickLayout } from '../../src/core/layout';
import { laneBands, laneHeight } from '../../src/core/model/geometry';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { renderMapSvg } from '../../src/core/picture';
import { verticalNameLines } from '../../src/core/picture/drawLanes';
import { type El, parseXmlTree } from './fixtures/xmlTree';
import { expectUndoable, runCmd } from './fixtures/maps';
import { makeMap } from './layout-helpers';

// Lane names are shown whole (issue 15): no "…" the reader cannot expand, in the picture as on
// the canvas; a band too short for its wrapped name grows.

const NOW = '2026-11-22T10:00:00Z';
const LONG = [
  'Student records and enrolment services team', // 43
  'Faculty of Arts admissions tutors and their departmental administrators', // 71
  'Alumni relations, development and supporter care (including legacy gifts)', // 74
  'Short',
];

function longNamed(): { map: ProcessMap; ws: Workspace } {
  const ws = demoWorkspace(NOW);
  const base = quickLayout(makeMap(['a', 'b', 'c', 'd'], [['s', 'start', 'a'], ['x', 'step', 'b'], ['y', 'step', 'c'], ['z', 'step', 'd'], ['e', 'end', 'd']], [['s', 'x'], ['x', 'y'], ['y', 'z'], ['z', 'e']]));
  // Bands as a workshop leaves them: short, and one lane handed to another department.
  const lanes = base.lanes.map((l, i) => ({ ...l, name: LONG[i]!, ...(i === 1 ? { departmentId: ws.departments[0]!.id } : {}) }));
  const map = { ...base, lanes, departmentId: ws.departments[1]!.id, view: { ...base.view, laneHeights: Object.fromEntries(base.lanes.map((l) => [l.id, 90])) } };
  const boxes = Object.fromEntries(Object.entries(base.view.nodes).map(([id, b]) => [id, { ...b, y: laneBands(map).find((band) => band.laneId === base.nodes.find((n) => n.id === id)!.laneId)!.y + 10 }]));
  return { map: { ...map, view: { ...map.view, nodes: boxes, flowPoints: {} } }, ws: { ...ws, maps: [map] } };
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const num = (s: string | undefined) => Number(s ?? NaN);

test('the picture shows every lane name whole, each line inside its lane header', () => {
  const { map, ws } = longNamed();
  const { svg } = renderMapSvg(map, ws, { padding: 0 });
  expect(svg).not.toContain('…');
  const root = parseXmlTree(svg, 'svg');
  const lanes = all(root).filter((e) => e.name === 'g' && e.attrs.class === 'lane');
  expect(lanes).toHaveLength(LONG.length);
  const { size } = SCREEN_TEXT.laneName;
  lanes.forEach((g, i) => {
    const header = g.children.filter((c) => c.name === 'rect')[1]!;
    const top = num(header.attrs.y);
    const bottom = top + num(header.attrs.height);
    const right = num(header.attrs.width);
    const name = g.children.find((c) => c.name === 'text' && c.attrs['font-weight'] === '700')!;
    const lines = name.children.length ? name.children.map((t) => ({ text: t.text, x: num(t.attrs.x), y: num(t.attrs.y) })) : [{ text: name.text, x: num(name.attrs.x), y: num(name.attrs.y) }];
    // Every word of the name, in order.
    expect(lines.map((l) => l.text).join(' ')).toBe(LONG[i]);
    for (const l of lines) {
      expect(l.y - size, `${l.text} below the header's top`).toBeGreaterThanOrEqual(top);
      expect(l.y, `${l.text} above the header's bottom`).toBeLessThanOrEqual(bottom);
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x + textWidth(l.text, size, true), `${l.text} inside the header`).toBeLessThanOrEqual(right);
    }
    // The department tag, where there is one, is inside the header too, and whole.
    const tag = g.children.find((c) => c.name === 'text' && c.attrs['font-weight'] !== '700');
    if (tag) {
      expect(tag.text || tag.children.map((t) => t.text).join(' ')).toBe(ws.departments[0]!.name);
      expect(num(tag.attrs.y ?? tag.children[0]!.attrs.y)).toBeLessThanOrEqual(bottom);
    }
  });
  expect(lanes.slice(1, 3).every((g) => g.children.find((c) => c.name === 'text' && c.attrs['font-weight'] === '700')!.children.length >= 3)).toBe(true);
});

test('a band too short for its lane’s wrapped name grows; what is below moves down with it', () => {
  const { map, ws } = longNamed();
  const root = parseXmlTree(renderMapSvg(map, ws, { padding: 0 }).svg, 'svg');
  const headers = all(root).filter((e) => e.name === 'g' && e.attrs.class === 'lane').map((g) => g.children.filter((c) => c.name === 'rect')[1]!);
  LONG.forEach((name, i) => {
    const need = laneHeaderNeed(name, i === 1 ? ws.departments[0]!.name : undefined, SCREEN_TEXT);
    // The header is drawn 1 px short of its band, above the band's bottom line.
    expect(num(headers[i]!.attrs.height) + 1).toBe(Math.max(90, need));
  });
  // The last lane's step is drawn inside the last (moved) band.
  const z = all(root).find((e) => e.name === 'g' && e.children.some((c) => c.name === 'text' && c.text === 'z'))!;
  const top = Number(/translate\([\d.]+,([\d.]+)\)/.exec(z.attrs.transform!)![1]);
  const last = headers[3]!;
  expect(top).toBeGreaterThan(num(last.attrs.y));
  expect(top).toBeLessThan(num(last.attrs.y) + num(last.attrs.height));
});

test('renaming a lane to a long name grows its band, and resizing never makes it too short for the name', () => {
  const { map, ws } = longNamed();
  const short = { ...map, lanes: map.lanes.map((l) => ({ ...l, name: 'Team' })) };
  const w0 = { ...ws, maps: [short] };
  const laneId = short.lanes[0]!.id;
  const below = short.nodes.find((n) => n.laneId === short.lanes[1]!.id)!;
  const w1 = expectUndoable(renameLane, w0, { mapId: short.id, laneId, name: LONG[1]! });
  const m1 = w1.maps[0]!;
  const need = laneHeaderNeed(LONG[1]!, undefined, SCREEN_TEXT);
  expect(laneHeight(m1.view, laneId)).toBe(need);
  expect(m1.view.nodes[below.id]!.y - short.view.nodes[below.id]!.y).toBe(need - 90);
  expect(minLaneHeight(m1, laneId)).toBeGreaterThanOrEqual(need);
  const m2 = runCmd(resizeLane, w1, { mapId: short.id, laneId, height: 40 }).maps[0]!;
  expect(laneHeight(m2.view, laneId)).toBe(need);
});

test('on paper, a name written up the header is whole in at most three lines, however short the band', () => {
  for (const name of LONG) {
    const lines = verticalNameLines(name, 60, PRINT_TEXT);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.join(' ')).toBe(name);
    expect(lines.join('')).not.toContain('…');
  }
});
