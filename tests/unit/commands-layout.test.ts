import { describe, expect, it } from 'vitest';
import { applyLayout, diffWorkspace, emptyHistory, recordEntry, redo, undo } from '../../src/core/commands';
import { emptyMap } from '../../src/core/model/factory';
import type { Workspace } from '../../src/core/model/types';

const ctx = { now: () => '2026-11-23T10:00:00Z' };

function workspace(): Workspace {
  const map = emptyMap({ id: 'm', name: 'M', departmentId: null, lanes: [{ id: 'l1', name: 'A' }, { id: 'l2', name: 'B' }], now: 't0' });
  map.nodes = [
    { id: 'a', kind: 'step', laneId: 'l1', label: 'A' },
    { id: 'b', kind: 'step', laneId: 'l2', label: 'B' },
  ];
  map.flows = [{ id: 'f', kind: 'sequence', from: 'a', to: 'b' }];
  map.view.nodes = { a: { x: 200, y: 20, width: 150, height: 64 }, b: { x: 200, y: 220, width: 150, height: 64 } };
  return { meta: { id: 'w', name: 'W' }, departments: [], systems: [], dataStores: [], maps: [map] };
}

describe('applyLayout', () => {
  it('puts every box, lane height and route on the map in one undoable step', () => {
    const ws = workspace();
    const view = {
      nodes: { a: { x: 190, y: 40, width: 150, height: 64 }, b: { x: 400, y: 180, width: 150, height: 64 }, gone: { x: 0, y: 0, width: 1, height: 1 } },
      laneHeights: { l1: 140, l2: 160 },
      flowPoints: { f: [[340, 72], [370, 72], [370, 212], [400, 212]] as [number, number][], other: [[0, 0]] as [number, number][] },
    };
    const next = applyLayout.run(ws, { mapId: 'm', view }, ctx);
    const map = next.maps[0]!;
    expect(map.view.nodes).toEqual({ a: view.nodes.a, b: view.nodes.b });
    expect(map.view.laneHeights).toEqual({ l1: 140, l2: 160 });
    expect(map.view.flowPoints).toEqual({ f: view.flowPoints.f });

    const changes = diffWorkspace(ws, next);
    const h = recordEntry(emptyHistory(), { name: applyLayout.name, title: applyLayout.title, scope: 'map:m', changes, at: 0 });
    const back = undo(h, next, ['map:m'])!;
    expect(back.workspace).toEqual(ws);
    expect(redo(back.history, back.workspace, ['map:m'])!.workspace).toEqual(next);
  });

  it('changes nothing when the layout is the one already there', () => {
    const ws = workspace();
    const same = { ...ws.maps[0]!.view, laneHeights: { l1: 200, l2: 200 } };
    expect(applyLayout.run(ws, { mapId: 'm', view: same }, ctx)).toBe(ws);
  });
});
