import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveNodes, updateNode, updateSystem } from '../../src/core/commands';
import { applyPatch, patchBetween, type WorkspacePatch } from '../../src/core/commands/workspacePatch';
import type { Workspace } from '../../src/core/model/types';
import { applyPatchToDoc, keepUnchanged, observeRemote, writeWorkspace } from '../../src/core/sync';
import { getMap, runCmd, workspace } from './fixtures/maps';

// A remote edit read back from the doc keeps the store's objects wherever nothing changed, so
// the canvas redraws only what changed and the save writes only that (src/live/liveSession).

const LOCAL = 'here';

/** Another laptop's command, as this laptop receives it: the patch observeRemote gives. */
function received(edit: (ws: Workspace) => Workspace): { mine: Workspace; patch: WorkspacePatch } {
  const mine = workspace();
  const here = new Y.Doc();
  writeWorkspace(here, mine, LOCAL);
  const there = new Y.Doc();
  Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
  const patches: WorkspacePatch[] = [];
  observeRemote(here, LOCAL, (p) => patches.push(p));
  applyPatchToDoc(there, patchBetween(mine, edit(mine))!, 'there');
  Y.applyUpdate(here, Y.encodeStateAsUpdate(there, Y.encodeStateVector(here)), 'server');
  expect(patches).toHaveLength(1);
  return { mine, patch: patches[0]! };
}

describe('a remote edit keeps what did not change', () => {
  it('a step renamed elsewhere: only that step is a new object; the other steps, lanes, flows and the geometry are the ones held', () => {
    const { mine, patch } = received((ws) => runCmd(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { label: 'Quote by phone' } }));
    const before = getMap(mine, 'map-a');
    // As read from the doc, every record of the map is a new object.
    const raw = patch.changes.find((c) => c.id === 'map-a')!.after as typeof before;
    expect(raw.nodes.find((n) => n.id === 'start')).not.toBe(before.nodes.find((n) => n.id === 'start'));
    const kept = keepUnchanged(mine, patch);
    expect(kept.changes.map((c) => c.id)).toEqual(['map-a']);
    const after = getMap(applyPatch(mine, kept), 'map-a');
    expect(after.nodes.find((n) => n.id === 'quote')!.label).toBe('Quote by phone');
    const newObjects = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(newObjects).toEqual(['quote']);
    expect(after.lanes).toBe(before.lanes);
    expect(after.flows).toBe(before.flows);
    expect(after.view).toBe(before.view);
    expect(Object.keys(kept.orders)).toEqual([]);
  });

  it('a step moved elsewhere: its box is new, the other boxes and every record are the ones held', () => {
    const { mine, patch } = received((ws) => runCmd(moveNodes, ws, { mapId: 'map-a', moves: [{ nodeId: 'quote', x: 333, y: 80 }] }));
    const before = getMap(mine, 'map-a');
    const after = getMap(applyPatch(mine, keepUnchanged(mine, patch)), 'map-a');
    expect(after.nodes).toBe(before.nodes);
    expect(after.view.nodes.quote).toMatchObject({ x: 333, y: 80 });
    expect(Object.keys(after.view.nodes).filter((id) => after.view.nodes[id] !== before.view.nodes[id])).toEqual(['quote']);
  });

  it('a catalogue record changed elsewhere is taken; one written back the same is dropped', () => {
    const { mine, patch } = received((ws) => runCmd(updateSystem, ws, { systemId: ws.systems[0]!.id, patch: { name: 'CRM (cloud)' } }));
    const kept = keepUnchanged(mine, patch);
    expect(kept.changes).toHaveLength(1);
    const same = keepUnchanged(applyPatch(mine, kept), patch);
    expect(same.changes).toEqual([]);
  });
});
