import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Command, deleteMap, diffWorkspace, renameMap, updateNode, updateSystem } from '../../src/core/commands';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { LanemapDB } from '../../src/persistence/db';
import { replayJournal } from '../../src/persistence/journalReplay';
import { Repository } from '../../src/persistence/repository';
import { onDocumentChange, useDocument } from '../../src/state/documentStore';

// The edit journal: every edit in IndexedDB at once, replayed when the save did not happen,
// trimmed by the save that covers it.

function makeMap(id: string, name: string, steps: number, labelSize = 10): ProcessMap {
  const nodes = Array.from({ length: steps }, (_, i) => ({ id: `n${i}`, kind: 'step' as const, laneId: 'l1', label: `Step ${i} `.padEnd(labelSize, 'x') }));
  return {
    id, name, departmentId: null,
    lanes: [{ id: 'l1', name: 'Officer' }],
    nodes,
    flows: nodes.slice(1).map((n, i) => ({ id: `f${i}`, kind: 'sequence' as const, from: `n${i}`, to: n.id })),
    view: { nodes: {}, laneHeights: { l1: 200 }, flowPoints: {} },
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

const workspace = (maps: ProcessMap[]): Workspace => ({
  meta: { id: 'ws-1', name: 'Workshop' },
  departments: [],
  systems: [{ id: 's1', name: 'CRM', kind: 'application', integratesWith: [] }],
  dataStores: [],
  maps,
});

/** One tab: its repository and its copy of the workspace, edited by core commands as the app does. */
class Tab {
  ws: Workspace | null = null;
  readonly repo: Repository;
  constructor(readonly db: LanemapDB) {
    this.repo = new Repository(db, { getWorkspace: () => this.ws, onStatus: () => undefined, debounceMs: 500 });
  }
  async open(): Promise<Workspace> {
    this.ws = (await this.repo.load()).workspace;
    return this.ws!;
  }
  edit<A>(cmd: Command<A>, args: A): void {
    const next = cmd.run(this.ws!, args, { now: () => new Date().toISOString() });
    const changes = diffWorkspace(this.ws!, next);
    this.ws = next;
    this.repo.markDirty(changes);
  }
  /** The browser is killed: no save, no exit write, nothing more from this tab. */
  kill(): void {
    this.repo.dispose();
    this.db.close();
  }
}

let seq = 0;
let name: string;
const dbs: LanemapDB[] = [];
const openDb = () => {
  const db = new LanemapDB(name);
  dbs.push(db);
  return db;
};
const label = (ws: Workspace, mapId: string, nodeId: string) => ws.maps.find((m) => m.id === mapId)!.nodes.find((n) => n.id === nodeId)!.label;

/** A tab whose edits, undos and redos go through the document store, as the app's do. */
async function storeTab() {
  const db = openDb();
  const repo = new Repository(db, { getWorkspace: () => useDocument.getState().workspace, onStatus: () => undefined, debounceMs: 500 });
  useDocument.getState().load((await repo.load()).workspace!);
  const stopSaving = onDocumentChange((changes) => repo.markDirty(changes));
  const close = () => {
    stopSaving();
    repo.dispose();
    db.close();
  };
  return { db, repo, close };
}

beforeEach(async () => {
  name = `journal-test-${++seq}`;
  const first = new Tab(openDb());
  await first.repo.seed(workspace([makeMap('m-a', 'Enquiries', 5), makeMap('m-b', 'Offers', 5)]));
  first.kill();
});

afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  await new LanemapDB(name).delete();
});

describe('edit journal', () => {
  it('writes an edit as a small row at once, long before the save; the rest of its turn share one more row', async () => {
    const tab = new Tab(openDb());
    await tab.open();
    tab.repo.holdSaves(true);
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Check documents' } });
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n2', patch: { label: 'Send offer' } });
    tab.edit(renameMap, { mapId: 'm-b', name: 'Offers and clearing' });
    await tab.repo.journal.written();
    const rows = await tab.db.journal.toArray();
    expect(rows.map((r) => [r.edit, r.changes.map((c) => c.id)])).toEqual([[1, ['m-a']], [3, ['m-a', 'm-b']]]);
    expect(JSON.stringify(rows[1]).length).toBeLessThan(600);
    // The save has not run: the stored map is the old one.
    expect((await tab.db.maps.get('m-a'))!.nodes[1]!.label).toBe('Step 1 xxx');
    // A later turn is a row of its own.
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n3', patch: { label: 'Archive' } });
    await tab.repo.journal.written();
    expect(await tab.db.journal.count()).toBe(3);
    tab.kill();
  });

  it('a browser killed before the save loses nothing: the next start replays the journal, then empties it', async () => {
    const tab = new Tab(openDb());
    await tab.open();
    tab.repo.holdSaves(true);
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Check documents' } });
    await tab.repo.journal.written();
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Check documents twice' } });
    tab.edit(updateSystem, { systemId: 's1', patch: { name: 'Dynamics CRM' } });
    await tab.repo.journal.written();
    tab.kill();

    const next = new Tab(openDb());
    const ws = await next.open();
    expect(label(ws, 'm-a', 'n1')).toBe('Check documents twice');
    expect(ws.systems[0]!.name).toBe('Dynamics CRM');
    expect(await next.db.journal.count()).toBe(0);
    // The map index follows the replayed map.
    expect((await next.db.mapIndex.get('m-a'))!.updatedAt).toBe(ws.maps[0]!.updatedAt);
    next.kill();
  });

  it('an undo is journalled as what it did: a browser killed after it does not bring the undone edit back', async () => {
    const { repo, close } = await storeTab();
    repo.holdSaves(true);
    const was = label(useDocument.getState().workspace!, 'm-a', 'n1');
    useDocument.getState().dispatch(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Check documents' } });
    await repo.journal.written();
    expect(useDocument.getState().undo('m-a')?.name).toBe('updateNode');
    await repo.journal.written();
    close();

    const next = new Tab(openDb());
    expect(label(await next.open(), 'm-a', 'n1')).toBe(was);
    next.kill();
  });

  it('a map deletion undone and saved takes the map back out of the trash', async () => {
    const { db, repo, close } = await storeTab();
    useDocument.getState().dispatch(deleteMap, { mapId: 'm-b' });
    await repo.flush();
    expect((await db.trash.toArray()).map((t) => t.id)).toEqual(['m-b']);
    expect(useDocument.getState().undo(null)?.name).toBe('deleteMap');
    await repo.flush();
    expect(await db.trash.count()).toBe(0);
    expect((await db.maps.get('m-b'))?.name).toBe('Offers');
    close();
  });

  it('the save that covers the edits deletes their rows; rows of later edits stay until their save', async () => {
    const tab = new Tab(openDb());
    await tab.open();
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Saved edit' } });
    await tab.repo.journal.written();
    expect(await tab.db.journal.count()).toBe(1);
    await tab.repo.flush();
    expect(await tab.db.journal.count()).toBe(0);
    expect((await tab.db.maps.get('m-a'))!.nodes[1]!.label).toBe('Saved edit');
    tab.repo.holdSaves(true);
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n2', patch: { label: 'Later edit' } });
    await tab.repo.journal.written();
    expect((await tab.db.journal.toArray()).map((r) => r.edit)).toEqual([2]);
    tab.repo.holdSaves(false);
    await tab.repo.flush();
    expect(await tab.db.journal.count()).toBe(0);
    tab.kill();
  });

  it('replaying twice gives the same workspace as replaying once', async () => {
    const tab = new Tab(openDb());
    await tab.open();
    tab.repo.holdSaves(true);
    tab.edit(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Once' } });
    await tab.repo.journal.written();
    tab.edit(renameMap, { mapId: 'm-a', name: 'Enquiries by phone' });
    await tab.repo.journal.written();
    const rows = await tab.db.journal.toArray();
    tab.kill();

    const db = openDb();
    expect((await replayJournal(db, { now: Date.now() })).written).toBe(1);
    const once = await db.maps.get('m-a');
    // The same rows again (as if the first replay's deletion had been lost): nothing changes.
    await db.journal.bulkAdd(rows.map(({ seq: _seq, ...row }) => row));
    await replayJournal(db, { now: Date.now() });
    expect(await db.maps.get('m-a')).toEqual(once);
    expect(once).toMatchObject({ name: 'Enquiries by phone' });
    expect(once!.nodes[1]!.label).toBe('Once');
  });

  it('an edit left by a killed tab never comes back over a newer save from another tab', async () => {
    const a = new Tab(openDb());
    const b = new Tab(openDb());
    await a.open();
    await b.open();
    a.repo.holdSaves(true);
    a.edit(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Old edit from the killed tab' } });
    a.edit(updateSystem, { systemId: 's1', patch: { name: 'Old name' } });
    a.edit(renameMap, { mapId: 'm-b', name: 'Kept: nobody saved this map since' });
    await a.repo.journal.written();
    a.kill();
    // Later, the other tab edits the same map and system and saves them.
    b.edit(updateNode, { mapId: 'm-a', nodeId: 'n1', patch: { label: 'Newer edit, saved' } });
    b.edit(updateSystem, { systemId: 's1', patch: { name: 'Newer name' } });
    await b.repo.flush();
    b.kill();

    const ws = await new Tab(openDb()).open();
    expect(label(ws, 'm-a', 'n1')).toBe('Newer edit, saved');
    expect(ws.systems[0]!.name).toBe('Newer name');
    expect(ws.maps.find((m) => m.id === 'm-b')!.name).toBe('Kept: nobody saved this map since');
  });

  it('a tab taking over writes what another tab journalled but did not save, and not its own', async () => {
    const a = new Tab(openDb());
    const b = new Tab(openDb());
    await a.open();
    await b.open();
    a.repo.holdSaves(true);
    a.edit(updateNode, { mapId: 'm-a', nodeId: 'n4', patch: { label: 'Edited just before the hand-over' } });
    await a.repo.journal.written();
    b.repo.holdSaves(true);
    b.edit(renameMap, { mapId: 'm-b', name: 'B’s own pending edit' });
    await b.repo.journal.written();
    expect(await b.repo.takeInOtherTabs()).toBe(1);
    expect((await b.db.maps.get('m-a'))!.nodes[4]!.label).toBe('Edited just before the hand-over');
    expect((await b.db.maps.get('m-b'))!.name).toBe('Offers');
    expect((await b.db.journal.toArray()).map((r) => r.tab)).toEqual([b.repo.journal.tab]);
    a.kill();
    b.kill();
  });

  it('a damaged row is set aside with a message; the other rows are replayed and the workspace opens', async () => {
    const tab = new Tab(openDb());
    await tab.open();
    tab.repo.holdSaves(true);
    tab.edit(renameMap, { mapId: 'm-a', name: 'Replayed' });
    await tab.repo.journal.written();
    await tab.db.journal.add({ tab: 'x', edit: 1, at: 0, changes: [{ table: 'maps', id: 'm-b', ops: 'not a patch' }] } as never);
    await tab.db.journal.add({ tab: 'x', edit: 2, at: 0, changes: [{ table: 'maps', id: 'm-b', ops: [{ path: ['nodes'], set: 'not nodes' }] }] });
    tab.kill();

    const next = new Tab(openDb());
    const { workspace, warnings } = await next.repo.load();
    expect(workspace!.maps.map((m) => m.name)).toEqual(['Replayed', 'Offers']);
    expect(warnings).toEqual([
      '1 journalled edit could not be read and was set aside (the rest of the workspace opened as saved).',
      'Edits of the map “Offers” kept in the journal would not load, so its last saved copy was kept.',
    ]);
    expect(await next.db.quarantine.where('table').equals('journal').count()).toBe(1);
    expect(await next.db.journal.count()).toBe(0);
    next.kill();
  });

  it('has no size limit: the last edit of a 6 MB map is a row of a few hundred bytes, and comes back', async () => {
    const big = makeMap('m-big', 'Everything', 6000, 1000);
    const seeder = new Tab(openDb());
    await seeder.open();
    seeder.ws = { ...seeder.ws!, maps: [...seeder.ws!.maps, big] };
    seeder.repo.markDirty([{ table: 'maps', id: 'm-big' }]);
    await seeder.repo.flush();
    seeder.kill();
    expect(JSON.stringify(big).length).toBeGreaterThan(6_000_000);

    const tab = new Tab(openDb());
    await tab.open();
    tab.repo.holdSaves(true);
    tab.edit(updateNode, { mapId: 'm-big', nodeId: 'n5999', patch: { label: 'The very last step' } });
    await tab.repo.journal.written();
    const [row] = await tab.db.journal.toArray();
    expect(JSON.stringify(row).length).toBeLessThan(1000);
    tab.kill();
    const ws = await new Tab(openDb()).open();
    expect(label(ws, 'm-big', 'n5999')).toBe('The very last step');
  });
});
