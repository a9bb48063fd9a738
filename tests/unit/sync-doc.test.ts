import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyPatch, patchBetween, type WorkspacePatch } from '../../src/core/commands/workspacePatch';
import { demoWorkspace } from '../../src/core/demo';
import type { MapNode, ProcessMap, Workspace } from '../../src/core/model/types';
import { applyPatchToDoc, checkDoc, checkTouched, danglingReferences, observeRemote, readWorkspace, type Touched, touchedRecords, writeWorkspace } from '../../src/core/sync';
import { orderKeysFor } from '../../src/core/sync/orderKeys';
import { exchange } from './fixtures/docExchange';

// The workspace as one Y.Doc: written, read back, edited by two people at once.

const NOW = '2026-12-06T10:00:00.000Z';
const LOCAL = { name: 'this tab' };

/** One person's copy: a doc and the store's workspace that follows it, as the app will keep them. */
class Peer {
  doc = new Y.Doc();
  ws: Workspace;
  remotePatches: WorkspacePatch[] = [];
  constructor(ws: Workspace) {
    this.ws = ws;
    observeRemote(this.doc, LOCAL, (patch) => {
      this.remotePatches.push(patch);
      this.ws = applyPatch(this.ws, patch);
    });
  }
  /** A local command: the store changes, its patch goes into the doc with the local origin. */
  edit(change: (ws: Workspace) => Workspace): void {
    const next = change(this.ws);
    applyPatchToDoc(this.doc, patchBetween(this.ws, next)!, LOCAL);
    this.ws = next;
  }
}

/** Two peers joined: B starts from A's doc, as a second client loading the room. */
function pair(): [Peer, Peer] {
  const ws = demoWorkspace(NOW);
  const a = new Peer(ws);
  writeWorkspace(a.doc, ws, LOCAL);
  const b = new Peer(ws);
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'server');
  b.remotePatches = [];
  return [a, b];
}

const withMap = (ws: Workspace, id: string, f: (m: ProcessMap) => ProcessMap): Workspace => ({ ...ws, maps: ws.maps.map((m) => (m.id === id ? f(m) : m)) });
const withNode = (ws: Workspace, mapId: string, nodeId: string, f: (n: MapNode, m: ProcessMap) => Partial<MapNode>, box?: { x: number; y: number }): Workspace =>
  withMap(ws, mapId, (m) => ({
    ...m,
    nodes: m.nodes.map((n) => (n.id === nodeId ? { ...n, ...f(n, m) } : n)),
    view: box ? { ...m.view, nodes: { ...m.view.nodes, [nodeId]: { ...m.view.nodes[nodeId]!, ...box } } } : m.view,
  }));

const map0 = (ws: Workspace) => ws.maps[0]!;
const step = (ws: Workspace) => map0(ws).nodes.find((n) => n.kind === 'step')!;

describe('a workspace as one Y.Doc', () => {
  it('reads back the demo workspace exactly, in the doc and in a second doc loaded from its update', () => {
    const demo = demoWorkspace(NOW);
    // With the fields a map may carry besides the demo's: a review status and another tool's extras.
    const ws = withMap(demo, demo.maps[0]!.id, (m) => ({
      ...m,
      review: { state: 'agreed', by: 'Ann', at: NOW },
      extra: { tool: { version: 2 } },
      casesPerYear: 1200,
      comments: [
        { id: 'c1', nodeId: m.nodes[1]!.id, author: 'Ann', text: 'Is this done twice?', at: NOW },
        { id: 'c2', nodeId: m.nodes[1]!.id, author: 'Bo', text: 'Yes, by hand', at: NOW },
      ],
    }));
    expect(ws.maps[1]!.comments).toBeUndefined();
    const doc = new Y.Doc();
    writeWorkspace(doc, ws, LOCAL);
    expect(readWorkspace(doc)).toEqual(ws);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readWorkspace(other)).toEqual(ws);
    expect(checkDoc(other).ok).toBe(true);
  });

  it('keeps both changes when two people edit different fields of one step at once', () => {
    const [a, b] = pair();
    const mapId = map0(a.ws).id;
    const nodeId = step(a.ws).id;
    const otherLane = map0(a.ws).lanes.find((l) => l.id !== step(a.ws).laneId)!.id;
    a.edit((ws) => withNode(ws, mapId, nodeId, () => ({ label: 'Renamed by A' })));
    b.edit((ws) => withNode(ws, mapId, nodeId, () => ({ laneId: otherLane }), { x: 999, y: 555 }));
    exchange(a, b);
    for (const peer of [a, b]) {
      const node = map0(readWorkspace(peer.doc)).nodes.find((n) => n.id === nodeId)!;
      expect(node.label).toBe('Renamed by A');
      expect(node.laneId).toBe(otherLane);
      expect(map0(readWorkspace(peer.doc)).view.nodes[nodeId]).toMatchObject({ x: 999, y: 555 });
      // The store that follows the doc through remote patches holds the same.
      expect(peer.ws).toEqual(readWorkspace(peer.doc));
    }
  });

  it('keeps both comments when two people comment on one step at once, and drops the field when the last goes', () => {
    const [a, b] = pair();
    const mapId = map0(a.ws).id;
    const nodeId = step(a.ws).id;
    const comment = (id: string, author: string) => (ws: Workspace) =>
      withMap(ws, mapId, (m) => ({ ...m, comments: [...(m.comments ?? []), { id, nodeId, author, text: `${author} says`, at: NOW }] }));
    a.edit(comment('c-a', 'Ann'));
    b.edit(comment('c-b', 'Bo'));
    exchange(a, b);
    for (const peer of [a, b]) {
      expect(map0(readWorkspace(peer.doc)).comments!.map((c) => c.id).sort()).toEqual(['c-a', 'c-b']);
      expect(peer.ws).toEqual(readWorkspace(peer.doc));
    }
    a.edit((ws) => withMap(ws, mapId, (m) => {
      const { comments: _gone, ...rest } = m;
      return rest;
    }));
    exchange(a, b);
    expect(map0(readWorkspace(b.doc)).comments).toBeUndefined();
    expect(b.ws).toEqual(readWorkspace(b.doc));
  });

  it('deletes a map in both, even when the other person was editing it', () => {
    const [a, b] = pair();
    const gone = a.ws.maps[1]!;
    a.edit((ws) => ({ ...ws, maps: ws.maps.filter((m) => m.id !== gone.id) }));
    b.edit((ws) => withNode(ws, gone.id, gone.nodes[0]!.id, () => ({ label: 'Edited as it went' })));
    exchange(a, b);
    for (const peer of [a, b]) {
      expect(readWorkspace(peer.doc).maps.map((m) => m.id)).not.toContain(gone.id);
      expect(peer.ws.maps.map((m) => m.id)).not.toContain(gone.id);
      expect(peer.ws).toEqual(readWorkspace(peer.doc));
    }
  });

  it('gives a remote patch only what the other side changed, never the local edits', () => {
    const [a, b] = pair();
    const mine = a.ws.maps[0]!;
    const theirs = a.ws.maps[2]!;
    a.edit((ws) => withMap(ws, mine.id, (m) => ({ ...m, name: 'Mine' })));
    expect(a.remotePatches).toEqual([]);
    b.edit((ws) => withMap(ws, theirs.id, (m) => ({ ...m, name: 'Theirs' })));
    b.edit((ws) => ({ ...ws, departments: ws.departments.map((d, i) => (i === 0 ? { ...d, name: 'Dept by B' } : d)) }));
    exchange(a, b);
    const ids = a.remotePatches.flatMap((p) => p.changes.map((c) => `${c.table}/${c.id}`));
    expect(ids.sort()).toEqual([`departments/${a.ws.departments[0]!.id}`, `maps/${theirs.id}`]);
    expect(a.ws.maps.find((m) => m.id === mine.id)!.name).toBe('Mine');
    expect(a.ws.maps.find((m) => m.id === theirs.id)!.name).toBe('Theirs');
    // And B received A's edit the same way.
    expect(b.remotePatches.flatMap((p) => p.changes.map((c) => c.id))).toEqual([mine.id]);
  });

  it('keeps both moves when two people reorder different lanes at once, with no lane doubled', () => {
    const [a, b] = pair();
    const mapId = map0(a.ws).id;
    const lanes = map0(a.ws).lanes.map((l) => l.id);
    expect(lanes.length).toBeGreaterThanOrEqual(3);
    const move = (ws: Workspace, id: string, to: number) =>
      withMap(ws, mapId, (m) => {
        const rest = m.lanes.filter((l) => l.id !== id);
        return { ...m, lanes: [...rest.slice(0, to), m.lanes.find((l) => l.id === id)!, ...rest.slice(to)] };
      });
    a.edit((ws) => move(ws, lanes[0]!, lanes.length - 1)); // first lane to the bottom
    b.edit((ws) => move(ws, lanes[lanes.length - 1]!, 0)); // last lane to the top
    b.edit((ws) => withMap(ws, mapId, (m) => ({ ...m, lanes: [...m.lanes, { id: 'l-new', name: 'New lane' }], view: { ...m.view, laneHeights: { ...m.view.laneHeights, 'l-new': 120 } } })));
    exchange(a, b);
    const order = map0(readWorkspace(a.doc)).lanes.map((l) => l.id);
    expect(map0(readWorkspace(b.doc)).lanes.map((l) => l.id)).toEqual(order);
    expect(order[0]).toBe(lanes[lanes.length - 1]);
    expect(order.indexOf(lanes[0]!)).toBeGreaterThan(order.indexOf(lanes[1]!));
    expect(order.filter((id) => id === lanes[0])).toHaveLength(1);
    expect([...order].sort()).toEqual([...lanes, 'l-new'].sort());
    expect(a.ws).toEqual(readWorkspace(a.doc));
  });

  it('writes only the fields an edit changed', () => {
    const [a] = pair();
    const before = Y.encodeStateVector(a.doc);
    a.edit((ws) => withNode(ws, map0(ws).id, step(ws).id, () => ({ label: 'Only this' })));
    const update = Y.encodeStateAsUpdate(a.doc, before);
    // One short string set: far from the whole map.
    expect(update.length).toBeLessThan(120);
  });
});

describe('order keys', () => {
  it('keep the keys of records whose place did not change, and split the gap for the moved one', () => {
    const keys: Record<string, number> = { a: 0, b: 1, c: 2, d: 3 };
    const out = orderKeysFor(['a', 'c', 'b', 'd'], (id) => keys[id]);
    expect(out.size).toBe(1);
    expect(out.has('b') || out.has('c')).toBe(true);
    const order = Object.entries({ ...keys, ...Object.fromEntries(out) }).sort((x, y) => x[1] - y[1]).map(([id]) => id);
    expect(order).toEqual(['a', 'c', 'b', 'd']);
  });

  it('space every key out again when the gap between neighbours has worn thin', () => {
    let keys: Record<string, number> = { a: 0, b: 1, x: 2 };
    // Put x between a and b fifty times over, halving the gap each time.
    for (let i = 0; i < 60; i++) {
      const ids = i % 2 === 0 ? ['a', 'x', 'b'] : ['a', 'b', 'x'];
      keys = { ...keys, ...Object.fromEntries(orderKeysFor(ids, (id) => keys[id])) };
      const order = Object.keys(keys).sort((p, q) => keys[p]! - keys[q]!);
      expect(order).toEqual(ids);
    }
  });
});

describe('the check the server runs', () => {
  it('refuses a doc whose step label is not text, or whose record sits under another id', () => {
    const doc = new Y.Doc();
    writeWorkspace(doc, demoWorkspace(NOW), LOCAL);
    const maps = doc.getMap('maps') as Y.Map<Y.Map<unknown>>;
    const [mapId, map] = [...maps.entries()][0]!;
    const nodes = map.get('nodes') as Y.Map<Y.Map<unknown>>;
    const [, node] = [...nodes.entries()][0]!;
    (node.get('fields') as Y.Map<unknown>).set('label', 42);
    const bad = checkDoc(doc);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.join('\n')).toMatch(/maps\[0\]\.nodes\[0\]\.label: must be text/);
    (node.get('fields') as Y.Map<unknown>).set('label', 'fine again');
    expect(checkDoc(doc).ok).toBe(true);
    (map.get('fields') as Y.Map<unknown>).set('id', 'not-' + mapId);
    expect(checkDoc(doc).ok).toBe(false);
  });

  it('refuses a doc where a record is not a record at all', () => {
    const doc = new Y.Doc();
    writeWorkspace(doc, demoWorkspace(NOW), LOCAL);
    doc.getMap('departments').set('d-x', 'just a string');
    const check = checkDoc(doc);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems[0]).toMatch(/departments\/d-x/);
  });

  it('checks the records an update touched, and only those', () => {
    const [a, b] = pair();
    const touchedBy = (update: Uint8Array): Touched => {
      let touched: Touched | null = null;
      const listen = (txn: Y.Transaction) => (touched = touchedRecords(a.doc, txn));
      a.doc.on('afterTransaction', listen);
      Y.applyUpdate(a.doc, update, 'server');
      a.doc.off('afterTransaction', listen);
      return touched!;
    };
    const mapId = map0(b.ws).id;
    let before = Y.encodeStateVector(b.doc);
    b.edit((ws) => withNode(ws, mapId, step(ws).id, () => ({ label: 'Fine' })));
    const fine = touchedBy(Y.encodeStateAsUpdate(b.doc, before));
    expect([...fine.records].map(([t, ids]) => [t, [...ids]])).toEqual([['maps', [mapId]]]);
    expect(checkTouched(a.doc, fine).ok).toBe(true);
    before = Y.encodeStateVector(b.doc);
    const maps = b.doc.getMap('maps') as Y.Map<Y.Map<unknown>>;
    const node = [...(maps.get(mapId)!.get('nodes') as Y.Map<Y.Map<unknown>>).values()][0]!;
    (node.get('fields') as Y.Map<unknown>).set('kind', 'spaceship');
    const bad = checkTouched(a.doc, touchedBy(Y.encodeStateAsUpdate(b.doc, before)));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.join('\n')).toContain(`maps["${mapId}"].nodes[0].kind: must be one of`);
    (node.get('fields') as Y.Map<unknown>).set('kind', 'step');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    // Writing beside the workspace (another root) is refused; a list nested in a record's field is still that record's.
    before = Y.encodeStateVector(b.doc);
    b.doc.getMap('junk').set('x', 'y'.repeat(100));
    expect(checkTouched(a.doc, touchedBy(Y.encodeStateAsUpdate(b.doc, before))).ok).toBe(false);
    const fields = maps.get(mapId)!.get('fields') as Y.Map<unknown>;
    const list = new Y.Array<unknown>();
    fields.set('extra', list);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    before = Y.encodeStateVector(b.doc);
    const inner = new Y.Map<unknown>();
    list.push([inner]);
    inner.set('deep', 1);
    const nested = touchedBy(Y.encodeStateAsUpdate(b.doc, before));
    expect(nested.foreign).toBe(false);
    expect([...nested.records.get('maps')!]).toEqual([mapId]);
  });

  it('lets a reference that points nowhere through, naming it for the client to mend', () => {
    const [a, b] = pair();
    const map = map0(a.ws);
    const lane = map.lanes[0]!;
    a.edit((ws) => withMap(ws, map.id, (m) => ({ ...m, lanes: m.lanes.filter((l) => l.id !== lane.id), nodes: m.nodes.filter((n) => n.laneId !== lane.id) })));
    b.edit((ws) => withMap(ws, map.id, (m) => ({ ...m, nodes: [...m.nodes, { id: 'n-late', kind: 'step', laneId: lane.id, label: 'Added meanwhile' }] })));
    exchange(a, b);
    const check = checkDoc(a.doc);
    expect(check.ok).toBe(true);
    expect(check.ok && danglingReferences(check.workspace)).toContain(`map ${map.id}: node n-late's lane ${lane.id}`);
  });
});
