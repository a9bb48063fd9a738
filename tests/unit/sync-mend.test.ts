import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFlow, addNode, type Command, deleteElements, deleteLane } from '../../src/core/commands';
import { applyPatch, patchBetween } from '../../src/core/commands/workspacePatch';
import type { Workspace } from '../../src/core/model/types';
import { applyPatchToDoc, danglingReferences, mendMerged, observeRemote, readWorkspace } from '../../src/core/sync';
import { exchange, twoInRoom } from './fixtures/docExchange';
import { getMap, runCmd, workspace } from './fixtures/maps';

// Two laptops edit apart (the server away), each edit valid alone; their merge points nowhere.
// Each takes the other's changes in as the live client does (src/live/liveSession): the patch
// applied to its workspace, mended (mendMerged), the mend written back. Both end with the same
// workspace, and it is one a file or a stored row would accept.

const LOCAL = 'this laptop';

class Laptop {
  doc = new Y.Doc();
  constructor(public ws: Workspace) {
    observeRemote(this.doc, LOCAL, (patch) => {
      const merged = applyPatch(this.ws, patch);
      const mended = mendMerged(merged, patch);
      if (mended !== merged) applyPatchToDoc(this.doc, patchBetween(merged, mended)!, LOCAL);
      this.ws = mended;
    });
  }
  run<A>(cmd: Command<A>, args: A): void {
    const next = runCmd(cmd, this.ws, args);
    applyPatchToDoc(this.doc, patchBetween(this.ws, next)!, LOCAL);
    this.ws = next;
  }
}

const twoLaptops = (): [Laptop, Laptop] => twoInRoom(workspace(), LOCAL, (ws) => new Laptop(ws));

/** Joined until neither has anything the other lacks (a mend written back goes round once more). */
function reconnect(a: Laptop, b: Laptop): void {
  for (let i = 0; i < 3; i++) exchange(a, b);
}

describe('a merge that points nowhere is mended, the same on both laptops', () => {
  it('a flow drawn to a step deleted meanwhile goes with the step', () => {
    const [a, b] = twoLaptops();
    a.run(deleteElements, { mapId: 'map-a', nodeIds: ['close'], flowIds: [] });
    b.run(addFlow, { mapId: 'map-a', flowId: 'f-late', from: 'quote', to: 'close' });
    reconnect(a, b);
    for (const laptop of [a, b]) {
      expect(danglingReferences(laptop.ws)).toEqual([]);
      expect(getMap(laptop.ws, 'map-a').flows.map((f) => f.id)).not.toContain('f-late');
    }
    expect(b.ws).toEqual(a.ws);
    expect(readWorkspace(a.doc)).toEqual(a.ws);
  });

  it('a step put in a lane removed meanwhile goes with the lane, as deleting a lane takes its steps', () => {
    const [a, b] = twoLaptops();
    a.run(deleteLane, { mapId: 'map-a', laneId: 'lane-ops' });
    b.run(addNode, { mapId: 'map-a', nodeId: 'pack', kind: 'step', laneId: 'lane-ops', label: 'Pack', x: 700, y: 288 });
    b.run(addFlow, { mapId: 'map-a', flowId: 'f-pack', from: 'quote', to: 'pack' });
    reconnect(a, b);
    for (const laptop of [a, b]) {
      expect(danglingReferences(laptop.ws)).toEqual([]);
      const map = getMap(laptop.ws, 'map-a');
      expect(map.nodes.map((n) => n.id)).not.toContain('pack');
      expect(Object.keys(map.view.nodes)).not.toContain('pack');
    }
    expect(b.ws).toEqual(a.ws);
  });

  it('leaves a merge that points somewhere as it is (the same objects)', () => {
    const [a, b] = twoLaptops();
    const before = { ...b.ws };
    a.run(addNode, { mapId: 'map-a', nodeId: 'pack', kind: 'step', laneId: 'lane-ops', label: 'Pack', x: 700, y: 288 });
    exchange(a, b);
    expect(getMap(b.ws, 'map-a').nodes.map((n) => n.id)).toContain('pack');
    expect(b.ws.maps.find((m) => m.id === 'map-b')).toBe(before.maps.find((m) => m.id === 'map-b'));
  });
});
