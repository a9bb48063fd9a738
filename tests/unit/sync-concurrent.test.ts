import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyPatch, patchBetween } from '../../src/core/commands/workspacePatch';
import { demoWorkspace } from '../../src/core/demo';
import { seededRandom } from '../../src/core/layout/generate';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { applyPatchToDoc, observeRemote, readWorkspace, writeWorkspace } from '../../src/core/sync';

// Two people editing at random, at once, many rounds: after each exchange both docs read the
// same, and each store (kept only through its own edits and remote patches) equals its doc.

const NOW = '2026-12-06T10:00:00.000Z';
const LOCAL = 'local';

class Peer {
  doc = new Y.Doc();
  counter = 0;
  constructor(
    public ws: Workspace,
    readonly name: string,
  ) {
    observeRemote(this.doc, LOCAL, (patch) => (this.ws = applyPatch(this.ws, patch)));
  }
  edit(change: (ws: Workspace) => Workspace): void {
    const next = change(this.ws);
    const patch = patchBetween(this.ws, next);
    if (patch) applyPatchToDoc(this.doc, patch, LOCAL);
    this.ws = next;
  }
}

type Edit = (ws: Workspace, rnd: () => number, peer: Peer) => Workspace;
const pick = <T>(xs: readonly T[], rnd: () => number): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);

function onMap(ws: Workspace, rnd: () => number, f: (m: ProcessMap) => ProcessMap): Workspace {
  const map = pick(ws.maps, rnd);
  return map ? { ...ws, maps: ws.maps.map((m) => (m.id === map.id ? f(m) : m)) } : ws;
}

const EDITS: Edit[] = [
  // rename a node
  (ws, rnd, p) => onMap(ws, rnd, (m) => {
    const n = pick(m.nodes, rnd);
    return n ? { ...m, nodes: m.nodes.map((x) => (x.id === n.id ? { ...x, label: `${p.name} ${p.counter++}` } : x)) } : m;
  }),
  // move a node
  (ws, rnd) => onMap(ws, rnd, (m) => {
    const n = pick(m.nodes, rnd);
    if (!n) return m;
    const box = m.view.nodes[n.id] ?? { x: 0, y: 0, width: 120, height: 60 };
    return { ...m, view: { ...m.view, nodes: { ...m.view.nodes, [n.id]: { ...box, x: Math.round(rnd() * 900) } } } };
  }),
  // add a node to a lane
  (ws, rnd, p) => onMap(ws, rnd, (m) => {
    const lane = pick(m.lanes, rnd);
    const id = `${p.name}-n${p.counter++}`;
    return lane ? { ...m, nodes: [...m.nodes, { id, kind: 'step', laneId: lane.id, label: id }], view: { ...m.view, nodes: { ...m.view.nodes, [id]: { x: 10, y: 10, width: 120, height: 60 } } } } : m;
  }),
  // delete a node and its flows
  (ws, rnd) => onMap(ws, rnd, (m) => {
    const n = pick(m.nodes, rnd);
    if (!n) return m;
    const { [n.id]: _gone, ...boxes } = m.view.nodes;
    return { ...m, nodes: m.nodes.filter((x) => x.id !== n.id), flows: m.flows.filter((f) => f.from !== n.id && f.to !== n.id), view: { ...m.view, nodes: boxes } };
  }),
  // move a lane
  (ws, rnd) => onMap(ws, rnd, (m) => {
    const lane = pick(m.lanes, rnd);
    if (!lane) return m;
    const rest = m.lanes.filter((l) => l.id !== lane.id);
    const at = Math.floor(rnd() * (rest.length + 1));
    return { ...m, lanes: [...rest.slice(0, at), lane, ...rest.slice(at)] };
  }),
  // add a lane somewhere
  (ws, rnd, p) => onMap(ws, rnd, (m) => {
    const id = `${p.name}-l${p.counter++}`;
    const at = Math.floor(rnd() * (m.lanes.length + 1));
    return { ...m, lanes: [...m.lanes.slice(0, at), { id, name: id }, ...m.lanes.slice(at)], view: { ...m.view, laneHeights: { ...m.view.laneHeights, [id]: 100 } } };
  }),
  // rename a map
  (ws, rnd, p) => onMap(ws, rnd, (m) => ({ ...m, name: `${p.name} map ${p.counter++}` })),
  // add or move a department
  (ws, rnd, p) => (rnd() < 0.5 ? { ...ws, departments: [...ws.departments, { id: `${p.name}-d${p.counter++}`, name: 'New department' }] } : { ...ws, departments: [...ws.departments].reverse() }),
  // delete a map, rarely
  (ws, rnd) => (rnd() < 0.2 && ws.maps.length > 1 ? { ...ws, maps: ws.maps.filter((m) => m.id !== pick(ws.maps, rnd)!.id) } : ws),
  // comment on a step, or take a comment away
  (ws, rnd, p) => onMap(ws, rnd, (m) => {
    const n = pick(m.nodes, rnd);
    const gone = pick(m.comments ?? [], rnd);
    if (gone && rnd() < 0.3) {
      const rest = (m.comments ?? []).filter((c) => c.id !== gone.id);
      const { comments: _c, ...without } = m;
      return rest.length ? { ...m, comments: rest } : without;
    }
    return n ? { ...m, comments: [...(m.comments ?? []), { id: `${p.name}-c${p.counter++}`, nodeId: n.id, author: p.name, text: 'Why?', at: NOW }] } : m;
  }),
  // rename the workspace
  (ws, _rnd, p) => ({ ...ws, meta: { ...ws.meta, name: `${p.name} ${p.counter++}` } }),
];

function exchange(a: Peer, b: Peer): void {
  const toB = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
  const toA = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
  Y.applyUpdate(b.doc, toB, 'remote');
  Y.applyUpdate(a.doc, toA, 'remote');
}

describe('two people editing at random at once', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`converge, and each store follows its doc (seed ${seed})`, () => {
      const rnd = seededRandom(seed);
      const ws = demoWorkspace(NOW);
      const a = new Peer(ws, 'A');
      writeWorkspace(a.doc, ws, LOCAL);
      const b = new Peer(ws, 'B');
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'remote');
      for (let round = 0; round < 40; round++) {
        for (const p of [a, b]) {
          const count = 1 + Math.floor(rnd() * 3);
          for (let i = 0; i < count; i++) p.edit((w) => pick(EDITS, rnd)!(w, rnd, p));
        }
        exchange(a, b);
        const read = readWorkspace(a.doc);
        expect(readWorkspace(b.doc), `round ${round}`).toEqual(read);
        expect(a.ws, `A's store, round ${round}`).toEqual(read);
        expect(b.ws, `B's store, round ${round}`).toEqual(read);
      }
    });
  }
});
