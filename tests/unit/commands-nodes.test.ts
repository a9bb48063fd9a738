import { describe, expect, it } from 'vitest';
import {
  addLane,
  addNode,
  CommandError,
  copyFragment,
  deleteElements,
  deleteLane,
  type Fragment,
  moveNodes,
  pasteFragment,
  placeInLane,
  setNodeLane,
  shiftNodesLane,
  updateNode,
} from '../../src/core/commands';
import { GRID, LANE_HEADER_WIDTH, NODE_SIZE } from '../../src/core/model/geometry';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import {
  ctx,
  deepFreeze,
  expectNodesInTheirBands,
  expectNoOp,
  expectUndoable,
  getBox,
  getFlow,
  getMap,
  getNode,
  NOW,
  runCmd,
  workspace,
  expectPure,
} from './fixtures/maps';

/** The node's box overlaps no other node's box. */
function expectNoOverlap(map: ProcessMap, id: string): void {
  const a = getBox(map, id);
  for (const n of map.nodes) {
    if (n.id === id) continue;
    const b = getBox(map, n.id);
    const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps, `${id} overlaps ${n.id}`).toBe(false);
  }
}

describe('addNode', () => {
  it('places a new node right of the lane rightmost node (x on the grid), centred exactly in the band', () => {
    const ws = workspace();
    const next = expectUndoable(addNode, ws, { mapId: 'map-a', nodeId: 'pack', kind: 'step', laneId: 'lane-ops', label: 'Pack' });
    const map = getMap(next);
    expect(map.nodes.at(-1)).toStrictEqual({ id: 'pack', kind: 'step', laneId: 'lane-ops', label: 'Pack' });
    // Right of check (520 + 96) plus the gap 60 = 676 → 680; band 200..440 centred: 200 + (240 − 64) / 2 = 288.
    expect(getBox(map, 'pack')).toEqual({ x: 680, y: 288, ...NODE_SIZE.step });
    expect(map.flows).toBe(getMap(ws).flows);
    expect(map.updatedAt).toBe(NOW);
    expectNodesInTheirBands(map);
  });

  it('places the first node of an empty lane just right of the lane header', () => {
    const ws = runCmd(addLane, workspace(), { mapId: 'map-a', laneId: 'lane-new', name: 'New' });
    const next = expectUndoable(addNode, ws, { mapId: 'map-a', nodeId: 'go', kind: 'start', laneId: 'lane-new', label: 'Go' });
    // Band 600..800: 600 + (200 − 48) / 2 = 676.
    expect(getBox(getMap(next), 'go')).toEqual({ x: LANE_HEADER_WIDTH + 40, y: 676, width: 48, height: 48 });
  });

  it('at an explicit position, belongs to the lane under its centre rather than the one asked for', () => {
    const next = expectUndoable(addNode, workspace(), {
      mapId: 'map-a',
      nodeId: 'log',
      kind: 'step',
      laneId: 'lane-sales',
      label: 'Log',
      x: 400,
      y: 500,
    });
    const map = getMap(next);
    expect(getNode(map, 'log').laneId).toBe('lane-sys'); // centre y 532 is in 440..600
    expect(getBox(map, 'log')).toEqual({ x: 400, y: 500, width: 150, height: 64 });
  });

  it('connectFrom places the node after the source and adds a sequence flow within a department', () => {
    const ws = workspace();
    const next = expectUndoable(addNode, ws, {
      mapId: 'map-a',
      nodeId: 'pack',
      kind: 'step',
      laneId: 'lane-sales',
      label: 'Pack',
      connectFrom: { nodeId: 'start', flowId: 'f-new' },
    });
    const map = getMap(next);
    // Right after start (190 + 48 + 60 = 298) is taken by quote, so it steps past quote: 300 + 150 + 60 = 510.
    expect(getBox(map, 'pack')).toEqual({ x: 510, y: 68, width: 150, height: 64 });
    expectNoOverlap(map, 'pack');
    expect(map.flows).toHaveLength(getMap(ws).flows.length + 1);
    expect(map.flows.at(-1)).toStrictEqual({ id: 'f-new', kind: 'sequence', from: 'start', to: 'pack' });
  });

  it('connectFrom with free room right after the source puts the node there', () => {
    const map = getMap(
      runCmd(addNode, workspace(), { mapId: 'map-a', nodeId: 'n', kind: 'end', laneId: 'lane-sys', label: 'N', connectFrom: { nodeId: 'sheet', flowId: 'fx' } }),
    );
    // 520 + 110 + 60 = 690; band 440..600 centred for 48: 496.
    expect(getBox(map, 'n')).toEqual({ x: 690, y: 496, width: 48, height: 48 });
  });

  it('a new node never lands on another one', () => {
    let ws = workspace();
    // Fill Operations right after fulfil, then ask again and again to add after fulfil.
    for (const id of ['n1', 'n2', 'n3']) {
      ws = runCmd(addNode, ws, { mapId: 'map-a', nodeId: id, kind: 'step', laneId: 'lane-ops', label: id, connectFrom: { nodeId: 'fulfil', flowId: `f-${id}` } });
      expectNoOverlap(getMap(ws), id);
    }
    expect(['n1', 'n2', 'n3'].map((id) => getBox(getMap(ws), id).x)).toEqual([680, 890, 1100]);
  });

  it('connectFrom infers a message across departments and data from a system', () => {
    const ws = workspace();
    const handOff = getMap(
      runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'n', kind: 'step', laneId: 'lane-ops', label: 'N', connectFrom: { nodeId: 'quote', flowId: 'fx' } }),
    );
    expect(getFlow(handOff, 'fx').kind).toBe('message');
    // After quote (300 + 150 + 60 = 510), though in another lane; check is in the way there, so past it.
    expect(getBox(handOff, 'n').x).toBe(680);
    expectNoOverlap(handOff, 'n');

    const data = getMap(
      runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'n', kind: 'step', laneId: 'lane-sys', label: 'N', connectFrom: { nodeId: 'crm', flowId: 'fx' } }),
    );
    expect(getFlow(data, 'fx')).toStrictEqual({ id: 'fx', kind: 'data', from: 'crm', to: 'n' });

    // Systems has no department, so it is the map's (Sales): Sales → Systems is no hand-off.
    const same = getMap(
      runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'n', kind: 'step', laneId: 'lane-sys', label: 'N', connectFrom: { nodeId: 'quote', flowId: 'fx' } }),
    );
    expect(getFlow(same, 'fx').kind).toBe('sequence');
  });

  it('connectFrom an unknown node still adds the node, without a flow', () => {
    const ws = workspace();
    const map = getMap(
      runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'n', kind: 'step', laneId: 'lane-ops', label: 'N', connectFrom: { nodeId: 'ghost', flowId: 'fx' } }),
    );
    expect(getNode(map, 'n').laneId).toBe('lane-ops');
    expect(map.flows).toEqual(getMap(ws).flows);
  });

  it('refuses a node id that is taken and an unknown lane', () => {
    const ws = workspace();
    expect(() => runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'quote', kind: 'step', laneId: 'lane-ops', label: 'X' })).toThrow(CommandError);
    expect(() => runCmd(addNode, ws, { mapId: 'map-a', nodeId: 'n', kind: 'step', laneId: 'nope', label: 'X' })).toThrow(CommandError);
  });

  it('placeInLane is pure and follows the anchor when given', () => {
    const map = getMap(workspace());
    expect(placeInLane(map, 'lane-sales', 'step', 'start')).toEqual({ x: 510, y: 68 }); // past quote
    expect(placeInLane(map, 'lane-sales', 'step')).toEqual({ x: 810, y: 68 }); // right of close: 700 + 48 + 60 = 808
    expect(placeInLane(map, 'lane-sys', 'decision', 'crm')).toEqual({ x: 690, y: 472 }); // past sheet (520 + 110 + 60)
    expect(() => placeInLane(map, 'nope', 'step')).toThrow(CommandError);
  });
});

describe('updateNode', () => {
  it('changes the label, trimmed', () => {
    const next = expectUndoable(updateNode, workspace(), { mapId: 'map-a', nodeId: 'quote', patch: { label: '  Send quote  ' } });
    const map = getMap(next);
    expect(getNode(map, 'quote')).toStrictEqual({ id: 'quote', kind: 'step', laneId: 'lane-sales', label: 'Send quote' });
    expect(getBox(map, 'quote')).toEqual({ x: 300, y: 68, width: 150, height: 64 });
  });

  it('a kind change gives the node the new size and keeps its centre (to the grid)', () => {
    const ws = workspace();
    const next = expectUndoable(updateNode, ws, { mapId: 'map-a', nodeId: 'fulfil', patch: { kind: 'decision' } });
    const map = getMap(next);
    expect(getNode(map, 'fulfil').kind).toBe('decision');
    const box = getBox(map, 'fulfil');
    expect(box).toEqual({ x: 330, y: 270, width: 96, height: 96 });
    const old = getBox(getMap(ws), 'fulfil');
    expect(Math.abs(box.x + box.width / 2 - (old.x + old.width / 2))).toBeLessThanOrEqual(GRID / 2);
    expect(Math.abs(box.y + box.height / 2 - (old.y + old.height / 2))).toBeLessThanOrEqual(GRID / 2);
    expect(getNode(map, 'fulfil').laneId).toBe('lane-ops');
    // Other boxes keep their objects.
    expect(map.view.nodes.quote).toBe(getMap(ws).view.nodes.quote);
  });

  it('a kind change to a bigger shape keeps the centre too', () => {
    const next = runCmd(updateNode, workspace(), { mapId: 'map-a', nodeId: 'start', patch: { kind: 'note' } });
    // start centre (214, 100); note 150 × 80 → (139, 60) → (140, 60).
    expect(getBox(getMap(next), 'start')).toEqual({ x: 140, y: 60, width: 150, height: 80 });
  });

  it('sets and clears optional fields; cleared fields are absent, not empty', () => {
    const ws = workspace();
    const withNotes = expectUndoable(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { notes: 'Ask for PO', manual: true } });
    expect(getNode(getMap(withNotes), 'quote')).toMatchObject({ notes: 'Ask for PO', manual: true });
    const cleared = expectUndoable(updateNode, withNotes, { mapId: 'map-a', nodeId: 'quote', patch: { notes: '', manual: false } });
    const node = getNode(getMap(cleared), 'quote');
    expect('notes' in node).toBe(false);
    expect('manual' in node).toBe(false);
    const noRef = runCmd(updateNode, ws, { mapId: 'map-a', nodeId: 'crm', patch: { refId: '' } });
    expect('refId' in getNode(getMap(noRef), 'crm')).toBe(false);
  });

  it('is a no-op for an unchanged label (even padded) or an empty patch', () => {
    const ws = workspace();
    expectNoOp(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { label: 'Quote' } });
    expectNoOp(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { label: '  Quote ' } });
    expectNoOp(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: {} });
    expectNoOp(updateNode, ws, { mapId: 'map-a', nodeId: 'fulfil', patch: { kind: 'step', label: 'Fulfil order' } });
  });

  it('is a no-op when clearing optional fields the node does not have', () => {
    // Absent and empty are the same ("optional fields are absent rather than empty"), so an
    // inspector blur that sends notes: '' or manual: false must not make a history entry.
    const ws = workspace();
    expectNoOp(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { notes: '' } });
    expectNoOp(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { manual: false } });
  });

  it('refuses an unknown node', () => {
    expect(() => runCmd(updateNode, workspace(), { mapId: 'map-a', nodeId: 'nope', patch: { label: 'X' } })).toThrow(CommandError);
  });
});

describe('moveNodes', () => {
  it('moves a node within its lane, rounding to whole pixels, and drops routed points of its flows', () => {
    const ws = workspace();
    const next = expectUndoable(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 400.4, y: 70.6 }] });
    const map = getMap(next);
    expect(getBox(map, 'quote')).toEqual({ x: 400, y: 71, width: 150, height: 64 });
    expect(getNode(map, 'quote').laneId).toBe('lane-sales');
    expect(map.nodes).toBe(getMap(ws).nodes);
    // f-2 and f-5 touch quote; f-3 and f-6 do not.
    expect(Object.keys(map.view.flowPoints).sort()).toEqual(['f-3', 'f-6']);
    expect(map.view.flowPoints['f-3']).toEqual(getMap(ws).view.flowPoints['f-3']);
  });

  it('a node dropped into another lane band belongs to that lane', () => {
    const ws = workspace();
    const next = expectUndoable(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 300, y: 300 }] });
    const map = getMap(next);
    expect(getNode(map, 'quote').laneId).toBe('lane-ops'); // centre 332
    expect(getBox(map, 'quote').y).toBe(300);
    expectNodesInTheirBands(map);
    // The flows stay; only the lane changed.
    expect(map.flows).toBe(getMap(ws).flows);
  });

  it('above the first band is the first lane, below the last the last', () => {
    const ws = workspace();
    const up = getMap(runCmd(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'fulfil', x: 300, y: -100 }] }));
    expect(getNode(up, 'fulfil').laneId).toBe('lane-sales');
    const down = getMap(runCmd(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'fulfil', x: 300, y: 900 }] }));
    expect(getNode(down, 'fulfil').laneId).toBe('lane-sys');
  });

  it('moves several nodes at once and keeps nodes off the lane header', () => {
    const next = expectUndoable(moveNodes, workspace(), {
      mapId: 'map-a',
      moves: [
        { nodeId: 'start', x: 20, y: 76 },
        { nodeId: 'crm', x: 320, y: 248 },
      ],
    });
    const map = getMap(next);
    expect(getBox(map, 'start')).toEqual({ x: LANE_HEADER_WIDTH, y: 76, width: 48, height: 48 });
    expect(getBox(map, 'crm')).toEqual({ x: 320, y: 248, width: 130, height: 64 });
    expect(getNode(map, 'crm').laneId).toBe('lane-ops');
    expect(getNode(map, 'start').laneId).toBe('lane-sales');
  });

  it('is a no-op when nothing moves or the nodes are unknown', () => {
    const ws = workspace();
    expectNoOp(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 300, y: 68 }] });
    expectNoOp(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 300.2, y: 67.8 }] });
    expectNoOp(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'ghost', x: 500, y: 500 }] });
    expectNoOp(moveNodes, ws, { mapId: 'map-a', moves: [] });
  });
});

describe('setNodeLane', () => {
  it('moves nodes to a lane by name: same x, centred in the band, routed points of their flows dropped', () => {
    const ws = workspace();
    const next = expectUndoable(setNodeLane, ws, { mapId: 'map-a', nodeIds: ['fulfil', 'check'], laneId: 'lane-sys' });
    const map = getMap(next);
    expect(getNode(map, 'fulfil').laneId).toBe('lane-sys');
    expect(getNode(map, 'check').laneId).toBe('lane-sys');
    // Band 440..600, centred exactly: fulfil 440 + (160 − 64) / 2 = 488; check 440 + 32 = 472.
    expect(getBox(map, 'fulfil')).toEqual({ x: 300, y: 488, width: 150, height: 64 });
    expect(getBox(map, 'check')).toEqual({ x: 520, y: 472, width: 96, height: 96 });
    expect(Object.keys(map.view.flowPoints).sort()).toEqual(['f-5', 'f-6']);
    expectNodesInTheirBands(map);
  });

  it('leaves nodes already in the lane where they are', () => {
    const next = expectUndoable(setNodeLane, workspace(), { mapId: 'map-a', nodeIds: ['start', 'fulfil'], laneId: 'lane-sales' });
    const map = getMap(next);
    expect(getBox(map, 'start')).toEqual({ x: 190, y: 76, width: 48, height: 48 });
    expect(getBox(map, 'fulfil')).toEqual({ x: 300, y: 68, width: 150, height: 64 }); // (200 − 64) / 2
    expect(getNode(map, 'fulfil').laneId).toBe('lane-sales');
  });

  it('is a no-op when every node is already in the lane or unknown; refuses an unknown lane', () => {
    const ws = workspace();
    expectNoOp(setNodeLane, ws, { mapId: 'map-a', nodeIds: ['start', 'quote'], laneId: 'lane-sales' });
    expectNoOp(setNodeLane, ws, { mapId: 'map-a', nodeIds: ['ghost'], laneId: 'lane-sales' });
    expect(() => runCmd(setNodeLane, ws, { mapId: 'map-a', nodeIds: ['quote'], laneId: 'nope' })).toThrow(CommandError);
  });
});

describe('shiftNodesLane (Alt+Up / Alt+Down)', () => {
  it('moves each node one lane from its own lane, keeping its place in the band', () => {
    const ws = workspace();
    const before = getMap(ws);
    const next = expectUndoable(shiftNodesLane, ws, { mapId: 'map-a', nodeIds: ['quote', 'fulfil'], by: 1 });
    const map = getMap(next);
    // Quote: Sales → Operations; Fulfil: Operations → Systems (not two lanes down with it).
    expect(getNode(map, 'quote').laneId).toBe('lane-ops');
    expect(getNode(map, 'fulfil').laneId).toBe('lane-sys');
    expect(getBox(map, 'quote').y).toBe(getBox(before, 'quote').y + 200);
    expect(getBox(map, 'quote').x).toBe(getBox(before, 'quote').x);
    expectNodesInTheirBands(map);
  });

  it('moves none when one of them has no lane that way', () => {
    expectNoOp(shiftNodesLane, workspace(), { mapId: 'map-a', nodeIds: ['quote', 'fulfil'], by: -1 });
    expectNoOp(shiftNodesLane, workspace(), { mapId: 'map-a', nodeIds: ['ghost'], by: 1 });
  });
});

describe('deleteElements', () => {
  it('deleting a node deletes the flows attached to it and their routed points', () => {
    const ws = workspace();
    const next = expectUndoable(deleteElements, ws, { mapId: 'map-a', nodeIds: ['fulfil'], flowIds: [] });
    const map = getMap(next);
    expect(map.nodes.map((n) => n.id)).toEqual(['start', 'quote', 'close', 'check', 'crm', 'sheet']);
    expect(map.flows.map((f) => f.id)).toEqual(['f-1', 'f-4', 'f-5', 'f-6']);
    expect(map.view.nodes.fulfil).toBeUndefined();
    expect(Object.keys(map.view.flowPoints).sort()).toEqual(['f-5', 'f-6']);
    // Nothing else moves.
    expect(map.view.nodes.check).toBe(getMap(ws).view.nodes.check);
  });

  it('deletes a flow alone, with its points, keeping its nodes', () => {
    const next = expectUndoable(deleteElements, workspace(), { mapId: 'map-a', nodeIds: [], flowIds: ['f-6'] });
    const map = getMap(next);
    expect(map.flows.map((f) => f.id)).toEqual(['f-1', 'f-2', 'f-3', 'f-4', 'f-5']);
    expect(map.nodes).toHaveLength(7);
    expect(Object.keys(map.view.flowPoints).sort()).toEqual(['f-2', 'f-3', 'f-5']);
  });

  it('deletes a mixed selection of nodes and flows', () => {
    const next = expectUndoable(deleteElements, workspace(), { mapId: 'map-a', nodeIds: ['start', 'sheet'], flowIds: ['f-3'] });
    const map = getMap(next);
    expect(map.nodes.map((n) => n.id)).toEqual(['quote', 'close', 'fulfil', 'check', 'crm']);
    expect(map.flows.map((f) => f.id)).toEqual(['f-2', 'f-4', 'f-5']);
  });

  it('deletes a node without flows', () => {
    const ws = workspace();
    const next = expectUndoable(deleteElements, ws, { mapId: 'map-b', nodeIds: ['welcome'], flowIds: [] });
    expect(getMap(next, 'map-b').nodes).toEqual([]);
    expect(getMap(next, 'map-b').view.nodes).toEqual({});
    expect(getMap(next, 'map-a')).toBe(getMap(ws, 'map-a'));
  });

  it('is a no-op for unknown ids or an empty selection', () => {
    const ws = workspace();
    expectNoOp(deleteElements, ws, { mapId: 'map-a', nodeIds: ['ghost'], flowIds: ['f-ghost'] });
    expectNoOp(deleteElements, ws, { mapId: 'map-a', nodeIds: [], flowIds: [] });
  });
});

describe('copyFragment and pasteFragment', () => {
  const copied = (ws: Workspace): Fragment => copyFragment(getMap(ws), ['quote', 'fulfil', 'crm']);

  it('copy takes the selected nodes, their boxes, and only the flows between them', () => {
    const ws = workspace();
    const before = structuredClone(ws);
    const frag = copied(ws);
    expect(ws).toStrictEqual(before);
    expect(frag.nodes.map((n) => n.id)).toEqual(['quote', 'fulfil', 'crm']);
    expect(frag.flows.map((f) => f.id)).toEqual(['f-2', 'f-5']); // not f-1 (from start) nor f-3 (to check)
    expect(Object.keys(frag.boxes).sort()).toEqual(['crm', 'fulfil', 'quote']);
    expect(frag.boxes.quote).toEqual({ x: 300, y: 68, width: 150, height: 64 });
    expect(copyFragment(getMap(ws), [])).toEqual({ nodes: [], flows: [], boxes: {} });
  });

  it('paste adds copies with the new ids in order, offset, keeping lanes, kinds and flow details', () => {
    const ws = workspace();
    const next = expectUndoable(pasteFragment, ws, {
      mapId: 'map-a',
      fragment: copied(ws),
      newIds: ['p1', 'p2', 'p3', 'pf1', 'pf2'],
      dx: 500,
      dy: 0,
    });
    const map = getMap(next);
    expect(map.nodes.slice(0, 7)).toEqual(getMap(ws).nodes);
    expect(map.nodes.slice(7)).toStrictEqual([
      { id: 'p1', kind: 'step', laneId: 'lane-sales', label: 'Quote' },
      { id: 'p2', kind: 'step', laneId: 'lane-ops', label: 'Fulfil order' },
      { id: 'p3', kind: 'system', laneId: 'lane-sys', label: 'CRM', refId: 'sys-crm' },
    ]);
    expect(getBox(map, 'p1')).toEqual({ x: 800, y: 68, width: 150, height: 64 });
    expect(getBox(map, 'p3')).toEqual({ x: 800, y: 488, width: 130, height: 64 });
    expect(map.flows.slice(6)).toStrictEqual([
      { id: 'pf1', kind: 'message', from: 'p1', to: 'p2' },
      { id: 'pf2', kind: 'data', from: 'p1', to: 'p3', access: 'write' },
    ]);
    // The originals are untouched.
    expect(getBox(map, 'quote')).toEqual({ x: 300, y: 68, width: 150, height: 64 });
    expectNodesInTheirBands(map);
  });

  it('pasted nodes belong to the lane under them', () => {
    const ws = workspace();
    const map = getMap(runCmd(pasteFragment, ws, { mapId: 'map-a', fragment: copied(ws), newIds: ['p1', 'p2', 'p3', 'pf1', 'pf2'], dx: 0, dy: 200 }));
    expect(map.nodes.slice(7).map((n) => n.laneId)).toEqual(['lane-ops', 'lane-sys', 'lane-sys']);
    expect(getBox(map, 'p1').y).toBe(268);
  });

  it('pastes into another map, whose lanes the fragment does not know', () => {
    const ws = workspace();
    const next = expectUndoable(pasteFragment, ws, { mapId: 'map-b', fragment: copied(ws), newIds: ['p1', 'p2', 'p3', 'pf1', 'pf2'], dx: 0, dy: 0 });
    const map = getMap(next, 'map-b');
    expect(map.nodes.map((n) => [n.id, n.laneId])).toEqual([
      ['welcome', 'lane-team'],
      ['p1', 'lane-team'],
      ['p2', 'lane-team'],
      ['p3', 'lane-team'],
    ]);
    expect(map.flows.map((f) => [f.from, f.to])).toEqual([
      ['p1', 'p2'],
      ['p1', 'p3'],
    ]);
    expect(getMap(next, 'map-a')).toBe(getMap(ws, 'map-a'));
  });

  it('keeps pasted nodes off the lane header', () => {
    const ws = workspace();
    const map = getMap(runCmd(pasteFragment, ws, { mapId: 'map-a', fragment: copied(ws), newIds: ['p1', 'p2', 'p3', 'pf1', 'pf2'], dx: -1000, dy: 0 }));
    for (const id of ['p1', 'p2', 'p3']) expect(getBox(map, id).x).toBe(LANE_HEADER_WIDTH);
  });

  it('refuses too few ids; an empty fragment or a map without lanes is a no-op', () => {
    const ws = workspace();
    expect(() => runCmd(pasteFragment, ws, { mapId: 'map-a', fragment: copied(ws), newIds: ['p1', 'p2', 'p3', 'pf1'], dx: 0, dy: 0 })).toThrow(
      CommandError,
    );
    expectNoOp(pasteFragment, ws, { mapId: 'map-a', fragment: { nodes: [], flows: [], boxes: {} }, newIds: [], dx: 10, dy: 10 });
    const noLanes = runCmd(deleteLane, ws, { mapId: 'map-b', laneId: 'lane-team' });
    expect(getMap(noLanes, 'map-b').lanes).toEqual([]);
    expectNoOp(pasteFragment, noLanes, { mapId: 'map-b', fragment: copied(ws), newIds: ['p1', 'p2', 'p3', 'pf1', 'pf2'], dx: 0, dy: 0 });
  });
});

describe('node commands are pure', () => {
  const frag = (): Fragment => deepFreeze(copyFragment(getMap(workspace()), ['quote', 'fulfil']));
  const cases: [string, (ws: Workspace) => Workspace][] = [
    ['addNode', (ws) => addNode.run(ws, { mapId: 'map-a', nodeId: 'n', kind: 'step', laneId: 'lane-ops', label: 'N', connectFrom: { nodeId: 'fulfil', flowId: 'fx' } }, ctx)],
    ['updateNode', (ws) => updateNode.run(ws, { mapId: 'map-a', nodeId: 'quote', patch: { kind: 'decision', notes: '' } }, ctx)],
    ['moveNodes', (ws) => moveNodes.run(ws, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 300, y: 300 }] }, ctx)],
    ['setNodeLane', (ws) => setNodeLane.run(ws, { mapId: 'map-a', nodeIds: ['quote'], laneId: 'lane-sys' }, ctx)],
    ['deleteElements', (ws) => deleteElements.run(ws, { mapId: 'map-a', nodeIds: ['quote'], flowIds: ['f-6'] }, ctx)],
    ['pasteFragment', (ws) => pasteFragment.run(ws, { mapId: 'map-a', fragment: frag(), newIds: ['a', 'b', 'c'], dx: 10, dy: 10 }, ctx)],
  ];
  it.each(cases)('%s leaves its input as it was', (_name, run) => {
    const { ws, next } = expectPure(run);
    expect(next.maps[1]).toBe(ws.maps[1]);
  });
});
