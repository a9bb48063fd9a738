import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { applyPatch, slimPatchBetween } from '../../src/core/commands/workspacePatch';
import { addDataStore, applyChanges, deleteDataStore, deleteMap, diffWorkspace, duplicateMap, updateDataStore, updateNode } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import type { Workspace } from '../../src/core/model/types';
import { ctx, NOW } from './fixtures/maps';

// The analysis worker keeps its own copy of the workspace, sent whole once and then only the
// records each edit changed. Its findings must be the page's, edit after edit.

/** Crossing to a worker copies the message (structured clone): so does this. */
const send = <T>(v: T): T => structuredClone(v);

describe('the analysis copy of the workspace', () => {
  it('stays equal to the workspace through edits, undo, a reorder and removals, with the same findings', () => {
    let ws = demoWorkspace(NOW);
    let copy = send(ws);
    expect(analyzeWorkspace(copy)).toStrictEqual(analyzeWorkspace(ws));
    const [first, second] = ws.maps;
    const store = ws.dataStores[0]!;
    const edits: ((w: Workspace) => Workspace)[] = [
      (w) => updateNode.run(w, { mapId: first!.id, nodeId: first!.nodes[0]!.id, patch: { label: 'Renamed step' } }, ctx),
      (w) => addDataStore.run(w, { dataStoreId: 'ds-new', name: 'Shadow spreadsheet', kind: 'spreadsheet', systemId: null, customerFields: ['Email', 'Date of birth'] }, ctx),
      (w) => updateDataStore.run(w, { dataStoreId: store.id, patch: { customerFields: [...store.customerFields, 'Passport number'] } }, ctx),
      (w) => duplicateMap.run(w, { mapId: second!.id, newId: 'm-copy' }, ctx),
      (w) => ({ ...w, maps: [...w.maps].reverse() }),
      (w) => deleteMap.run(w, { mapId: first!.id }, ctx),
      (w) => deleteDataStore.run(w, { dataStoreId: 'ds-new', force: true }, ctx),
    ];
    const seen = new Set<string>();
    const step = (next: Workspace) => {
      const patch = slimPatchBetween(ws, next);
      expect(patch).not.toBeNull();
      copy = applyPatch(copy, send(patch!));
      ws = next;
      expect(copy).toStrictEqual(ws);
      const findings = analyzeWorkspace(ws);
      expect(analyzeWorkspace(copy)).toStrictEqual(findings);
      seen.add(JSON.stringify(findings));
    };
    const history: Workspace[] = [];
    for (const edit of edits) {
      history.push(ws);
      step(edit(ws));
    }
    // Undo all the way back, as the history does it: the copy follows.
    for (const before of history.reverse()) step(applyChanges(ws, diffWorkspace(before, ws), 'before'));
    expect(copy.maps.map((m) => m.id).sort()).toStrictEqual(demoWorkspace(NOW).maps.map((m) => m.id).sort());
    // The edits did change the findings: the comparison was not of one unchanging list.
    expect(seen.size).toBeGreaterThan(3);
  });

  it('is sent only the record an edit changed, and the whole workspace when it is another one', () => {
    const ws = demoWorkspace(NOW);
    const map = ws.maps[2]!;
    const next = updateNode.run(ws, { mapId: map.id, nodeId: map.nodes[1]!.id, patch: { label: 'Typed fast' } }, ctx);
    const patch = slimPatchBetween(ws, next)!;
    expect(patch.changes).toStrictEqual([]);
    expect(patch.edits!.map((e) => [e.table, e.id])).toStrictEqual([['maps', map.id]]);
    expect(patch.orders).toStrictEqual({});
    // Only what changed inside the map travels: its new label, not the map, nor what it was.
    expect(JSON.stringify(patch)).toContain('Typed fast');
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(map).length / 20);
    // A record added or removed still travels whole (added) or as its id (removed).
    const added = slimPatchBetween(ws, { ...ws, dataStores: [...ws.dataStores, { id: 'ds-x', name: 'Mailbox', kind: 'email', systemId: null, customerFields: [] }] })!;
    expect(added.changes.map((c) => [c.table, c.id, c.after !== undefined])).toStrictEqual([['dataStores', 'ds-x', true]]);
    expect(added.changes[0]).not.toHaveProperty('before');
    expect(slimPatchBetween(ws, { ...next, meta: { ...next.meta, id: 'another-workspace' } })).toBeNull();
  });

  it('refuses a patch that does not fit its copy, rather than analysing the wrong workspace', () => {
    const ws = demoWorkspace(NOW);
    expect(() => applyPatch(ws, { changes: [], orders: { maps: ['m-none', ...ws.maps.slice(1).map((m) => m.id)] } })).toThrow(/out of step/);
    // An edit of a record the copy does not have, or of a step it does not have.
    expect(() => applyPatch(ws, { changes: [], edits: [{ table: 'maps', id: 'm-none', ops: [{ path: ['name'], set: 'X' }] }], orders: {} })).toThrow(/out of step/);
    const map = ws.maps[0]!;
    expect(() => applyPatch(ws, { changes: [], edits: [{ table: 'maps', id: map.id, ops: [{ path: ['nodes', { id: 'n-none' }, 'label'], set: 'X' }] }], orders: {} })).toThrow(/out of step/);
  });
});
