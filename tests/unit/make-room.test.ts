import { describe, expect, it } from 'vitest';
import { resizeNodes, updateNode } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { laneBands } from '../../src/core/model/geometry';
import type { NodeBox, ProcessMap, Workspace } from '../../src/core/model/types';
import { expectUndoable } from './fixtures/maps';

// Issue 15: a step that grows in place (a longer label, a resize) used to cover its neighbours
// until the next auto layout. Now the same edit moves them just clear and grows the lane when
// they no longer fit; one undo puts every node back.

const LONG =
  'Check the applicant record against the student system, then send the confirmation letter by post or e-mail once the fee is paid in full by the applicant herself';

const overlaps = (a: NodeBox, b: NodeBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair of nodes whose boxes overlap, by label. */
function overlapping(map: ProcessMap): string[] {
  const out: string[] = [];
  map.nodes.forEach((a, i) =>
    map.nodes.slice(i + 1).forEach((b) => {
      if (overlaps(map.view.nodes[a.id]!, map.view.nodes[b.id]!)) out.push(`"${a.label}" / "${b.label}"`);
    }),
  );
  return out;
}

/** Nodes whose box is not inside their lane's band. */
function outsideBands(map: ProcessMap): string[] {
  const bands = new Map(laneBands(map).map((b) => [b.laneId, b]));
  return map.nodes.filter((n) => {
    const box = map.view.nodes[n.id]!;
    const band = bands.get(n.laneId)!;
    return box.y < band.y || box.y + box.height > band.y + band.height;
  }).map((n) => n.label);
}

const ws = demoWorkspace('2026-12-01T00:00:00Z');
const mapOf = (w: Workspace, id: string) => w.maps.find((m) => m.id === id)!;

/** How many nodes other than `id` an edit moved, and a check that lanes above the node's lane kept theirs. */
function movedOthers(before: ProcessMap, after: ProcessMap, id: string): number {
  const lane = before.nodes.find((n) => n.id === id)!.laneId;
  const above = new Set(before.lanes.slice(0, before.lanes.findIndex((l) => l.id === lane)).map((l) => l.id));
  let moved = 0;
  for (const n of before.nodes) {
    if (n.id === id) continue;
    const [a, b] = [before.view.nodes[n.id]!, after.view.nodes[n.id]!];
    if (a.x !== b.x || a.y !== b.y) moved++;
    if (above.has(n.laneId)) expect(b, `${n.label} is in a lane above and kept its place`).toEqual(a);
  }
  return moved;
}

describe('a node that grows makes room for itself', () => {
  it('the demo maps have no overlapping nodes to start with', () => {
    for (const map of ws.maps) expect(overlapping(map), map.name).toEqual([]);
  });

  it('renaming any step of a demo map to a 160-character label leaves no two boxes overlapping, in one undoable edit', () => {
    expect(LONG).toHaveLength(160);
    let moved = 0;
    for (const map of ws.maps) {
      for (const step of map.nodes.filter((n) => n.kind === 'step')) {
        // expectUndoable: one undo gives back the workspace as it was, every position included.
        const next = mapOf(expectUndoable(updateNode, ws, { mapId: map.id, nodeId: step.id, patch: { label: LONG } }), map.id);
        expect(next.view.nodes[step.id]!.height, step.label).toBeGreaterThan(map.view.nodes[step.id]!.height);
        expect(overlapping(next), `${map.name}: ${step.label}`).toEqual([]);
        expect(outsideBands(next), `${map.name}: ${step.label}`).toEqual([]);
        moved += movedOthers(map, next, step.id);
      }
    }
    // Growing really covered neighbours in places, and they were moved.
    expect(moved).toBeGreaterThan(5);
  });

  it('resizing a step to twice its size (and to a tall narrow box) leaves no two boxes overlapping, in one undoable edit', () => {
    let moved = 0;
    for (const map of ws.maps) {
      for (const step of map.nodes.filter((n) => n.kind === 'step')) {
        const b = map.view.nodes[step.id]!;
        for (const size of [{ width: 2 * b.width, height: 2 * b.height }, { width: b.width, height: 3 * b.height }]) {
          const next = mapOf(expectUndoable(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: step.id, x: b.x, y: b.y, ...size }] }), map.id);
          expect(overlapping(next), `${map.name}: ${step.label}`).toEqual([]);
          expect(outsideBands(next), `${map.name}: ${step.label}`).toEqual([]);
          moved += movedOthers(map, next, step.id);
        }
      }
    }
    expect(moved).toBeGreaterThan(5);
  });

  it('moves nothing when the grown step still clears its neighbours', () => {
    const map = ws.maps[0]!;
    const step = map.nodes.find((n) => n.kind === 'step')!;
    const b = map.view.nodes[step.id]!;
    const next = mapOf(expectUndoable(resizeNodes, ws, { mapId: map.id, sizes: [{ nodeId: step.id, x: b.x, y: b.y, width: b.width + 1, height: b.height }] }), map.id);
    expect(movedOthers(map, next, step.id)).toBe(0);
    expect(next.view.laneHeights).toEqual(map.view.laneHeights);
  });
});
