import { describe, expect, it } from 'vitest';
import {
  addLane,
  CommandError,
  deleteLane,
  inferFlowKind,
  minLaneHeight,
  minLaneHeights,
  moveLane,
  renameLane,
  resizeLane,
  setLaneDepartment,
} from '../../src/core/commands';
import { laneBands, MIN_LANE_HEIGHT } from '../../src/core/model/geometry';
import { demoWorkspace } from '../../src/core/demo';
import { laneNeed } from '../../src/core/drawing/laneNames';
import { SCREEN_TEXT } from '../../src/core/drawing/textStyle';
import { generateMap } from '../../src/core/layout/generate';
import { quickLayout } from '../../src/core/layout/quickLayout';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import {
  ctx,
  expectNodesInTheirBands,
  expectNoOp,
  expectUndoable,
  getBox,
  getMap,
  getNode,
  NOW,
  runCmd,
  workspace,
  expectPure,
} from './fixtures/maps';

const ys = (map: ProcessMap) => Object.fromEntries(map.nodes.map((n) => [n.id, getBox(map, n.id).y]));
const laneIds = (map: ProcessMap) => map.lanes.map((l) => l.id);

describe('addLane', () => {
  it('inserts a lane at an index and pushes the lanes below, with their nodes, down by its height', () => {
    const ws = workspace();
    const next = expectUndoable(addLane, ws, {
      mapId: 'map-a',
      laneId: 'lane-fin',
      name: 'Finance',
      index: 1,
      departmentId: 'd-fin',
      height: 120,
    });
    const map = getMap(next);
    expect(laneIds(map)).toEqual(['lane-sales', 'lane-fin', 'lane-ops', 'lane-sys']);
    expect(map.lanes[1]).toEqual({ id: 'lane-fin', name: 'Finance', departmentId: 'd-fin' });
    expect(map.view.laneHeights['lane-fin']).toBe(120);
    expect(ys(map)).toEqual({ start: 76, quote: 68, close: 76, fulfil: 408, check: 392, crm: 608, sheet: 604 });
    expect(laneBands(map).map((b) => b.y)).toEqual([0, 200, 320, 560]);
    expectNodesInTheirBands(map);
    expect(map.updatedAt).toBe(NOW);
    // The other map is untouched, by reference.
    expect(getMap(next, 'map-b')).toBe(getMap(ws, 'map-b'));
  });

  it('appends at the bottom with the default height and no department by default; nothing moves', () => {
    const ws = workspace();
    const next = expectUndoable(addLane, ws, { mapId: 'map-a', laneId: 'lane-new', name: 'Support' });
    const map = getMap(next);
    expect(laneIds(map)).toEqual(['lane-sales', 'lane-ops', 'lane-sys', 'lane-new']);
    expect(map.lanes[3]).toStrictEqual({ id: 'lane-new', name: 'Support' });
    expect(map.view.laneHeights['lane-new']).toBe(200);
    expect(map.view.nodes).toEqual(getMap(ws).view.nodes);
    expect(laneBands(map)[3]).toEqual({ laneId: 'lane-new', y: 600, height: 200 });
  });

  it('clamps the index: below 0 inserts at the top (every node moves down), past the end appends', () => {
    const ws = workspace();
    const top = getMap(runCmd(addLane, ws, { mapId: 'map-a', laneId: 'lane-x', name: 'Top', index: -3 }));
    expect(laneIds(top)[0]).toBe('lane-x');
    for (const n of top.nodes) expect(getBox(top, n.id).y).toBe(getBox(getMap(ws), n.id).y + 200);
    expectNodesInTheirBands(top);

    const end = getMap(runCmd(addLane, ws, { mapId: 'map-a', laneId: 'lane-x', name: 'End', index: 99 }));
    expect(laneIds(end)).toEqual(['lane-sales', 'lane-ops', 'lane-sys', 'lane-x']);
    expect(ys(end)).toEqual(ys(getMap(ws)));
  });

  it('refuses a lane id that is taken, and an unknown map', () => {
    const ws = workspace();
    expect(() => runCmd(addLane, ws, { mapId: 'map-a', laneId: 'lane-ops', name: 'Again' })).toThrow(CommandError);
    expect(() => runCmd(addLane, ws, { mapId: 'nope', laneId: 'lane-x', name: 'X' })).toThrow(CommandError);
  });

  it('is recorded in the map scope', () => {
    expect(addLane.scope({ mapId: 'map-a', laneId: 'x', name: 'X' })).toEqual({ kind: 'map', mapId: 'map-a' });
  });
});

describe('renameLane', () => {
  it('renames the lane, trimming the name, and stamps the map', () => {
    const ws = workspace();
    const next = expectUndoable(renameLane, ws, { mapId: 'map-a', laneId: 'lane-ops', name: '  Fulfilment  ' });
    const map = getMap(next);
    expect(map.lanes.map((l) => l.name)).toEqual(['Sales', 'Fulfilment', 'Systems']);
    // The department stays with the lane.
    expect(map.lanes[1]!.departmentId).toBe('d-ops');
    expect(map.updatedAt).toBe(NOW);
    expect(map.nodes).toBe(getMap(ws).nodes);
  });

  it('is a no-op for the same name (even padded) or a blank name', () => {
    const ws = workspace();
    expectNoOp(renameLane, ws, { mapId: 'map-a', laneId: 'lane-sales', name: 'Sales' });
    expectNoOp(renameLane, ws, { mapId: 'map-a', laneId: 'lane-sales', name: '  Sales ' });
    expectNoOp(renameLane, ws, { mapId: 'map-a', laneId: 'lane-sales', name: '   ' });
  });

  it('refuses an unknown lane', () => {
    expect(() => runCmd(renameLane, workspace(), { mapId: 'map-a', laneId: 'nope', name: 'X' })).toThrow(CommandError);
  });
});

describe('setLaneDepartment', () => {
  it('gives a lane a department, which changes how flows across it are inferred', () => {
    const ws = workspace();
    const before = getMap(ws);
    expect(inferFlowKind(before, getNode(before, 'quote'), getNode(before, 'fulfil'))).toBe('message');
    const next = expectUndoable(setLaneDepartment, ws, { mapId: 'map-a', laneId: 'lane-ops', departmentId: 'd-sales' });
    const map = getMap(next);
    expect(map.lanes[1]).toEqual({ id: 'lane-ops', name: 'Operations', departmentId: 'd-sales' });
    expect(inferFlowKind(map, getNode(map, 'quote'), getNode(map, 'fulfil'))).toBe('sequence');
  });

  it('clearing the department makes the lane fall back to the map department', () => {
    const ws = workspace();
    const next = expectUndoable(setLaneDepartment, ws, { mapId: 'map-a', laneId: 'lane-ops', departmentId: null });
    const map = getMap(next);
    expect(map.lanes[1]!.departmentId ?? null).toBeNull();
    // The map is Sales's, so Sales → Operations (no department) is no longer a hand-off.
    expect(inferFlowKind(map, getNode(map, 'quote'), getNode(map, 'fulfil'))).toBe('sequence');
  });

  it('sets a department on a lane that had none', () => {
    const next = expectUndoable(setLaneDepartment, workspace(), { mapId: 'map-a', laneId: 'lane-sys', departmentId: 'd-ops' });
    expect(getMap(next).lanes[2]!.departmentId).toBe('d-ops');
  });

  it('creates a new department by name in the same edit, recorded in the map scope; undo takes both back', () => {
    const ws = workspace();
    const args = { mapId: 'map-a', laneId: 'lane-sys', departmentId: 'd-it', newDepartmentName: '  IT  ' };
    expect(setLaneDepartment.scope(args)).toEqual({ kind: 'map', mapId: 'map-a' });
    const next = expectUndoable(setLaneDepartment, ws, args);
    expect(next.departments).toEqual([...ws.departments, { id: 'd-it', name: 'IT' }]);
    const map = getMap(next);
    expect(map.lanes[2]).toEqual({ id: 'lane-sys', name: 'Systems', departmentId: 'd-it' });
    expect(map.updatedAt).toBe(NOW);
    expect(getMap(next, 'map-b')).toBe(getMap(ws, 'map-b'));
  });

  it('a name for an existing department neither duplicates nor renames it', () => {
    const ws = workspace();
    const next = runCmd(setLaneDepartment, ws, { mapId: 'map-a', laneId: 'lane-sys', departmentId: 'd-ops', newDepartmentName: 'Ops' });
    expect(next.departments).toBe(ws.departments);
    expect(getMap(next).lanes[2]!.departmentId).toBe('d-ops');
  });

  it('refuses an unknown department without a name for it', () => {
    const ws = workspace();
    expect(() => runCmd(setLaneDepartment, ws, { mapId: 'map-a', laneId: 'lane-sys', departmentId: 'd-nope' })).toThrow(CommandError);
    expect(() => runCmd(setLaneDepartment, ws, { mapId: 'map-a', laneId: 'lane-sys', departmentId: 'd-nope', newDepartmentName: ' ' })).toThrow(
      CommandError,
    );
  });

  it('is a no-op when the department is already that one (null and absent count as the same)', () => {
    const ws = workspace();
    expectNoOp(setLaneDepartment, ws, { mapId: 'map-a', laneId: 'lane-sales', departmentId: 'd-sales' });
    expectNoOp(setLaneDepartment, ws, { mapId: 'map-a', laneId: 'lane-sys', departmentId: null });
  });

  it('refuses an unknown lane', () => {
    expect(() => runCmd(setLaneDepartment, workspace(), { mapId: 'map-a', laneId: 'nope', departmentId: null })).toThrow(CommandError);
  });
});

describe('moveLane', () => {
  it('moving a lane down moves its nodes down by the other lane height and the other lane nodes up', () => {
    const ws = workspace();
    const next = expectUndoable(moveLane, ws, { mapId: 'map-a', laneId: 'lane-sales', direction: 1 });
    const map = getMap(next);
    expect(laneIds(map)).toEqual(['lane-ops', 'lane-sales', 'lane-sys']);
    // Sales nodes +240 (the Operations height), Operations nodes −200 (the Sales height).
    expect(ys(map)).toEqual({ start: 316, quote: 308, close: 316, fulfil: 88, check: 72, crm: 488, sheet: 484 });
    // x never changes, nor do lane heights or lane membership.
    for (const n of map.nodes) expect(getBox(map, n.id).x).toBe(getBox(getMap(ws), n.id).x);
    expect(map.view.laneHeights).toEqual(getMap(ws).view.laneHeights);
    expect(map.nodes).toBe(getMap(ws).nodes);
    expectNodesInTheirBands(map);
  });

  it('moving the lower lane up gives the same map as moving the upper lane down', () => {
    const ws = workspace();
    const down = getMap(runCmd(moveLane, ws, { mapId: 'map-a', laneId: 'lane-sales', direction: 1 }));
    const up = getMap(expectUndoable(moveLane, ws, { mapId: 'map-a', laneId: 'lane-ops', direction: -1 }));
    expect(up).toStrictEqual(down);
  });

  it('moving the middle lane to the bottom swaps it with the last lane', () => {
    const next = expectUndoable(moveLane, workspace(), { mapId: 'map-a', laneId: 'lane-ops', direction: 1 });
    const map = getMap(next);
    expect(laneIds(map)).toEqual(['lane-sales', 'lane-sys', 'lane-ops']);
    // Operations nodes +160 (Systems height), Systems nodes −240.
    expect(ys(map)).toEqual({ start: 76, quote: 68, close: 76, fulfil: 448, check: 432, crm: 248, sheet: 244 });
    expectNodesInTheirBands(map);
  });

  it('is a no-op for the top lane up and the bottom lane down', () => {
    const ws = workspace();
    expectNoOp(moveLane, ws, { mapId: 'map-a', laneId: 'lane-sales', direction: -1 });
    expectNoOp(moveLane, ws, { mapId: 'map-a', laneId: 'lane-sys', direction: 1 });
    expectNoOp(moveLane, ws, { mapId: 'map-b', laneId: 'lane-team', direction: 1 });
  });

  it('refuses an unknown lane', () => {
    expect(() => runCmd(moveLane, workspace(), { mapId: 'map-a', laneId: 'nope', direction: 1 })).toThrow(CommandError);
  });
});

describe('resizeLane', () => {
  it('growing a lane pushes the lanes below, with their nodes, down by the difference', () => {
    const ws = workspace();
    const next = expectUndoable(resizeLane, ws, { mapId: 'map-a', laneId: 'lane-ops', height: 300 });
    const map = getMap(next);
    expect(map.view.laneHeights).toEqual({ 'lane-sales': 200, 'lane-ops': 300, 'lane-sys': 160 });
    expect(ys(map)).toEqual({ start: 76, quote: 68, close: 76, fulfil: 288, check: 272, crm: 548, sheet: 544 });
    expectNodesInTheirBands(map);
  });

  it('never cuts a node off: shrinking stops at the bottom of the lowest node plus a margin', () => {
    const ws = workspace();
    expect(minLaneHeight(getMap(ws), 'lane-ops')).toBe(178); // check: 272 + 96 − 200 + 10
    const next = expectUndoable(resizeLane, ws, { mapId: 'map-a', laneId: 'lane-ops', height: 100 });
    const map = getMap(next);
    expect(map.view.laneHeights['lane-ops']).toBe(178);
    const band = laneBands(map).find((b) => b.laneId === 'lane-ops')!;
    for (const id of ['fulfil', 'check']) {
      const b = getBox(map, id);
      expect(b.y).toBeGreaterThanOrEqual(band.y);
      expect(b.y + b.height).toBeLessThanOrEqual(band.y + band.height);
    }
    // Systems moved up by 240 − 178.
    expect(getBox(map, 'crm').y).toBe(488 - 62);
    expect(getBox(map, 'sheet').y).toBe(484 - 62);
    expectNodesInTheirBands(map);
    // Asking again for less is then a no-op.
    expectNoOp(resizeLane, next, { mapId: 'map-a', laneId: 'lane-ops', height: 50 });
  });

  it('shrinking the top lane to 0 keeps its nodes whole', () => {
    const next = expectUndoable(resizeLane, workspace(), { mapId: 'map-a', laneId: 'lane-sales', height: 0 });
    const map = getMap(next);
    expect(map.view.laneHeights['lane-sales']).toBe(142); // quote: 68 + 64 + 10
    for (const id of ['start', 'quote', 'close']) {
      const b = getBox(map, id);
      expect(b.y + b.height).toBeLessThanOrEqual(142);
    }
    expect(getBox(map, 'fulfil').y).toBe(288 - 58);
  });

  it('an empty lane shrinks no lower than MIN_LANE_HEIGHT', () => {
    const ws = runCmd(addLane, workspace(), { mapId: 'map-a', laneId: 'lane-empty', name: 'Empty', index: 0 });
    const next = expectUndoable(resizeLane, ws, { mapId: 'map-a', laneId: 'lane-empty', height: 10 });
    const map = getMap(next);
    expect(map.view.laneHeights['lane-empty']).toBe(MIN_LANE_HEIGHT);
    // Everything below moved up by 200 − 80.
    expect(getBox(map, 'quote').y).toBe(68 + 200 - 120);
    expectNodesInTheirBands(map);
  });

  it('rounds to whole pixels', () => {
    const next = runCmd(resizeLane, workspace(), { mapId: 'map-a', laneId: 'lane-sys', height: 250.6 });
    expect(getMap(next).view.laneHeights['lane-sys']).toBe(251);
  });

  it('is a no-op at the current height, and refuses an unknown lane', () => {
    const ws = workspace();
    expectNoOp(resizeLane, ws, { mapId: 'map-a', laneId: 'lane-ops', height: 240 });
    expect(() => runCmd(resizeLane, ws, { mapId: 'map-a', laneId: 'nope', height: 300 })).toThrow(CommandError);
  });
});

describe('deleteLane', () => {
  it('deletes the lane with its nodes and every flow touching them; lanes below move up', () => {
    const ws = workspace();
    const next = expectUndoable(deleteLane, ws, { mapId: 'map-a', laneId: 'lane-ops' });
    const map = getMap(next);
    expect(laneIds(map)).toEqual(['lane-sales', 'lane-sys']);
    expect(map.nodes.map((n) => n.id)).toEqual(['start', 'quote', 'close', 'crm', 'sheet']);
    // f-2 (into fulfil), f-3 (inside the lane) and f-4 (out of check into Sales) go too.
    expect(map.flows.map((f) => f.id)).toEqual(['f-1', 'f-5', 'f-6']);
    expect(Object.keys(map.view.nodes).sort()).toEqual(['close', 'crm', 'quote', 'sheet', 'start']);
    expect(map.view.laneHeights).toEqual({ 'lane-sales': 200, 'lane-sys': 160 });
    // Routed points of the deleted flows go too (what happens to the others is tested below).
    for (const id of Object.keys(map.view.flowPoints)) expect(['f-1', 'f-5', 'f-6']).toContain(id);
    expect(ys(map)).toEqual({ start: 76, quote: 68, close: 76, crm: 248, sheet: 244 });
    expectNodesInTheirBands(map);
  });

  it('deleting the top lane moves every other lane up by its height', () => {
    const next = expectUndoable(deleteLane, workspace(), { mapId: 'map-a', laneId: 'lane-sales' });
    const map = getMap(next);
    expect(laneIds(map)).toEqual(['lane-ops', 'lane-sys']);
    expect(ys(map)).toEqual({ fulfil: 88, check: 72, crm: 288, sheet: 284 });
    expect(map.flows.map((f) => f.id)).toEqual(['f-3', 'f-6']);
    expectNodesInTheirBands(map);
  });

  it('deleting the bottom lane moves nothing', () => {
    const ws = workspace();
    const map = getMap(expectUndoable(deleteLane, ws, { mapId: 'map-a', laneId: 'lane-sys' }));
    expect(ys(map)).toEqual({ start: 76, quote: 68, close: 76, fulfil: 288, check: 272 });
    expect(map.flows.map((f) => f.id)).toEqual(['f-1', 'f-2', 'f-3', 'f-4']);
  });

  it('is a no-op for an unknown lane', () => {
    expectNoOp(deleteLane, workspace(), { mapId: 'map-a', laneId: 'nope' });
  });
});

describe('routed flow points follow lane edits', () => {
  // moveNodes and setNodeLane drop the routed points of flows whose nodes moved ("routed
  // points no longer fit moved nodes"). Lane edits move nodes too: a flow whose two ends
  // moved by different amounts cannot keep its old polyline.
  const pointsOf = (ws: Workspace) => getMap(ws).view.flowPoints;

  it('moveLane drops the points of flows between the swapped lanes and keeps the others', () => {
    const ws = workspace();
    const next = runCmd(moveLane, ws, { mapId: 'map-a', laneId: 'lane-sales', direction: 1 });
    expect(pointsOf(next)['f-6']).toEqual(pointsOf(ws)['f-6']); // crm → sheet: neither moved
    expect(pointsOf(next)['f-2']).toBeUndefined(); // quote (+240) → fulfil (−200)
    expect(pointsOf(next)['f-5']).toBeUndefined(); // quote (+240) → crm (0)
  });

  it('resizeLane drops the points of flows from the resized lane into the lanes below', () => {
    const next = runCmd(resizeLane, workspace(), { mapId: 'map-a', laneId: 'lane-sales', height: 260 });
    expect(pointsOf(next)['f-2']).toBeUndefined(); // quote (0) → fulfil (+60)
    expect(pointsOf(next)['f-5']).toBeUndefined(); // quote (0) → crm (+60)
  });

  it('addLane drops the points of flows that now span the new lane', () => {
    const next = runCmd(addLane, workspace(), { mapId: 'map-a', laneId: 'lane-x', name: 'X', index: 1 });
    expect(pointsOf(next)['f-2']).toBeUndefined(); // quote (0) → fulfil (+200)
  });

  it('deleteLane drops the points of flows that spanned the deleted lane', () => {
    const next = runCmd(deleteLane, workspace(), { mapId: 'map-a', laneId: 'lane-ops' });
    expect(pointsOf(next)['f-5']).toBeUndefined(); // quote (0) → crm (−240)
  });
});

describe('lane commands are pure', () => {
  const cases: [string, (ws: Workspace) => Workspace][] = [
    ['addLane', (ws) => addLane.run(ws, { mapId: 'map-a', laneId: 'l', name: 'L', index: 0 }, ctx)],
    ['renameLane', (ws) => renameLane.run(ws, { mapId: 'map-a', laneId: 'lane-ops', name: 'Ops' }, ctx)],
    ['setLaneDepartment', (ws) => setLaneDepartment.run(ws, { mapId: 'map-a', laneId: 'lane-sys', departmentId: 'd-ops' }, ctx)],
    ['moveLane', (ws) => moveLane.run(ws, { mapId: 'map-a', laneId: 'lane-sales', direction: 1 }, ctx)],
    ['resizeLane', (ws) => resizeLane.run(ws, { mapId: 'map-a', laneId: 'lane-sales', height: 90 }, ctx)],
    ['deleteLane', (ws) => deleteLane.run(ws, { mapId: 'map-a', laneId: 'lane-ops' }, ctx)],
  ];
  it.each(cases)('%s leaves its input as it was', (_name, run) => {
    const { ws, next } = expectPure(run);
    expect(next.maps[1]).toBe(ws.maps[1]);
    expect(next.departments).toBe(ws.departments);
  });
});

describe('minLaneHeights', () => {
  // The canvas reads every lane's minimum at once; each must be the least height that still holds
  // the lane's nodes (10 px under the lowest) and its whole name, on maps it was not written for.
  it('gives each lane the height holding its lowest node and its name, on the demo and generated maps', () => {
    const maps = [...demoWorkspace(NOW).maps, ...[5, 19].map((seed) => quickLayout(generateMap({ nodes: 90, lanes: 5, seed, id: `g${seed}` })))];
    for (const map of maps) {
      const all = minLaneHeights(map);
      expect([...all.keys()]).toEqual(map.lanes.map((l) => l.id));
      for (const band of laneBands(map)) {
        const lowest = Math.max(...map.nodes.filter((n) => n.laneId === band.laneId).map((n) => map.view.nodes[n.id]!.y + map.view.nodes[n.id]!.height));
        const name = laneNeed(map, map.lanes.find((l) => l.id === band.laneId)!, SCREEN_TEXT);
        expect(all.get(band.laneId), `${map.id} ${band.laneId}`).toBe(Math.ceil(Math.max(MIN_LANE_HEIGHT, name, lowest - band.y + 10)));
        expect(minLaneHeight(map, band.laneId)).toBe(all.get(band.laneId));
      }
    }
  });
});
