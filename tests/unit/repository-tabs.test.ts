import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renameMap, updateSystem } from '../../src/core/commands';
import type { RecordChange } from '../../src/core/commands/diff';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { LanemapDB } from '../../src/persistence/db';
import { Repository } from '../../src/persistence/repository';
import { WorkspaceSync } from '../../src/persistence/tabSync';
import { addEditGuard, adoptRemote, canUndo, onCommandError, useDocument } from '../../src/state/documentStore';

// Two tabs on one database: each has its own copy of the workspace and its own repository.
// What one saves, the other takes in, without losing its own unsaved edits.

function makeMap(id: string, name: string, updatedAt = '2026-11-01T08:00:00.000Z'): ProcessMap {
  return {
    id,
    name,
    departmentId: null,
    lanes: [{ id: 'l1', name: 'Officer' }],
    nodes: [{ id: 'n1', kind: 'step', laneId: 'l1', label: 'Log' }],
    flows: [],
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt,
  };
}

function workspace(): Workspace {
  return {
    meta: { id: 'ws', name: 'Workshop' },
    departments: [{ id: 'd-1', name: 'Admissions' }],
    systems: [
      { id: 's-1', name: 'SITS', kind: 'application', integratesWith: [] },
      { id: 's-2', name: 'Agresso', kind: 'application', integratesWith: [] },
    ],
    dataStores: [],
    maps: [makeMap('m-a', 'Enquiries'), makeMap('m-b', 'Offers')],
  };
}

interface Tab {
  db: LanemapDB;
  repo: Repository;
  ws: Workspace;
  held: Set<string>;
  sync: WorkspaceSync;
  /** Change this tab's workspace as an edit would, and mark the change for saving. */
  edit: (next: Workspace, changes: RecordChange[]) => void;
}

let seq = 0;
let name: string;
const tabs: Tab[] = [];

function openTab(): Tab {
  const db = new LanemapDB(name);
  const tab = { db, ws: null!, held: new Set<string>() } as unknown as Tab;
  tab.repo = new Repository(db, { getWorkspace: () => tab.ws, onStatus: () => undefined, debounceMs: 0 });
  tab.sync = new WorkspaceSync({ db, repo: tab.repo, getWorkspace: () => tab.ws, isHeldHere: (id) => tab.held.has(id), apply: (r) => (tab.ws = r.workspace) });
  tab.edit = (next, changes) => {
    tab.ws = next;
    tab.repo.markDirty(changes);
  };
  tabs.push(tab);
  return tab;
}

async function twoTabs(): Promise<[Tab, Tab]> {
  const a = openTab();
  await a.repo.load();
  a.ws = workspace();
  await a.repo.seed(a.ws);
  const b = openTab();
  b.ws = (await b.repo.load()).workspace!;
  return [a, b];
}

const withMap = (ws: Workspace, map: ProcessMap): Workspace => ({ ...ws, maps: ws.maps.map((m) => (m.id === map.id ? map : m)) });

beforeEach(() => {
  name = `lanemap-tabs-${++seq}`;
});

afterEach(async () => {
  for (const t of tabs.splice(0)) {
    t.sync.stop();
    t.repo.dispose();
    t.db.close();
  }
  await new LanemapDB(name).delete();
});

describe('taking in what another tab saved', () => {
  it('catalogue, workspace name, new, changed and deleted maps: the other tab ends up with the same workspace', async () => {
    const [a, b] = await twoTabs();
    const edited = { ...a.ws.maps[0]!, name: 'Enquiries (phone)', updatedAt: '2026-11-02T08:00:00.000Z' };
    a.edit(
      {
        meta: { ...a.ws.meta, name: 'Workshop 2' },
        departments: [...a.ws.departments, { id: 'd-2', name: 'Registry' }],
        systems: [{ ...a.ws.systems[0]!, name: 'SITS:Vision' }, a.ws.systems[1]!],
        dataStores: [],
        maps: [edited, makeMap('m-new', 'Complaints')],
      },
      [
        { table: 'meta', id: 'ws' },
        { table: 'departments', id: 'd-2' },
        { table: 'systems', id: 's-1' },
        { table: 'maps', id: 'm-a' },
        { table: 'maps', id: 'm-b', before: workspace().maps[1] },
        { table: 'maps', id: 'm-new' },
      ],
    );
    await a.repo.flush();

    const seen = vi.fn();
    b.sync = new WorkspaceSync({ db: b.db, repo: b.repo, getWorkspace: () => b.ws, isHeldHere: () => false, apply: (r) => (seen(r.replacedMaps), (b.ws = r.workspace)) });
    expect(await b.sync.reconcile()).toBe(true);
    expect(b.ws).toEqual(a.ws);
    expect(seen).toHaveBeenCalledWith(['m-b', 'm-a']);
    // Nothing more to take in.
    expect(await b.sync.reconcile()).toBe(false);
  });

  it("keeps this tab's unsaved edit of a record; once saved, it is the one both tabs have", async () => {
    const [a, b] = await twoTabs();
    const mine = { ...b.ws.systems[0]!, name: 'SITS (B)' };
    b.edit({ ...b.ws, systems: [mine, b.ws.systems[1]!] }, [{ table: 'systems', id: 's-1' }]);
    a.edit({ ...a.ws, systems: [{ ...a.ws.systems[0]!, name: 'SITS (A)' }, { ...a.ws.systems[1]!, name: 'Agresso (A)' }] }, [
      { table: 'systems', id: 's-1' },
      { table: 'systems', id: 's-2' },
    ]);
    await a.repo.flush();

    await b.sync.reconcile();
    expect(b.ws.systems.map((s) => s.name)).toEqual(['SITS (B)', 'Agresso (A)']);
    await b.repo.flush();
    await a.sync.reconcile();
    expect(a.ws.systems.map((s) => s.name)).toEqual(['SITS (B)', 'Agresso (A)']);
  });

  it('a map this tab edits keeps its copy over an older stored one (and writes it again), but takes a newer one', async () => {
    const [a, b] = await twoTabs();
    b.held.add('m-a');
    b.edit(withMap(b.ws, { ...b.ws.maps[0]!, name: 'B edits', updatedAt: '2026-11-05T00:00:00.000Z' }), [{ table: 'maps', id: 'm-a' }]);
    await b.repo.flush();
    // A late save from the tab that edited before: older than B's copy.
    a.edit(withMap(a.ws, { ...a.ws.maps[0]!, name: 'A, late', updatedAt: '2026-11-04T00:00:00.000Z' }), [{ table: 'maps', id: 'm-a' }]);
    await a.repo.flush();
    await b.sync.reconcile();
    expect(b.ws.maps[0]!.name).toBe('B edits');
    expect(b.repo.isPending('maps', 'm-a')).toBe(true);
    await b.repo.flush();
    expect((await b.db.maps.get('m-a'))!.name).toBe('B edits');

    // The other tab's last save before it handed over, newer than B's copy: taken in.
    a.edit(withMap(a.ws, { ...a.ws.maps[0]!, name: 'A, last', updatedAt: '2026-11-06T00:00:00.000Z' }), [{ table: 'maps', id: 'm-a' }]);
    await a.repo.flush();
    await b.sync.reconcile();
    expect(b.ws.maps[0]!.name).toBe('A, last');
  });

  it('a map deleted in another tab goes here too, unless this tab edits it', async () => {
    const [a, b] = await twoTabs();
    b.held.add('m-a');
    a.edit({ ...a.ws, maps: [] }, [
      { table: 'maps', id: 'm-a' },
      { table: 'maps', id: 'm-b' },
    ]);
    await a.repo.flush();
    await b.sync.reconcile();
    expect(b.ws.maps.map((m) => m.id)).toEqual(['m-a']);
  });

  it('storage emptied under the open tab (site data cleared) is not taken as every record deleted: the tab keeps its workspace and writes it all again', async () => {
    const [a] = await twoTabs();
    a.held.add('m-a');
    // The tab looks at storage before its own next save runs.
    a.repo.holdSaves(true);
    a.edit(withMap(a.ws, { ...a.ws.maps[0]!, name: 'Edited here' }), [{ table: 'maps', id: 'm-a' }]);
    const before = a.ws;
    // What the browser leaves: the same database, made again empty, with no workspace row.
    await Promise.all(a.db.tables.map((t) => t.clear()));

    expect(await a.sync.reconcile()).toBe(false);
    expect(a.ws).toBe(before);
    a.repo.holdSaves(false);
    await a.repo.flush();
    const stored = new Repository(a.db, { getWorkspace: () => null, onStatus: () => undefined });
    expect((await stored.load()).workspace).toEqual(before);
    stored.dispose();
  });

  it('storage emptied with two tabs open: the tab that writes it all again leaves a mark, and the other tab tells its user too (once)', async () => {
    const [a, b] = await twoTabs();
    const told = vi.fn();
    const sync = new WorkspaceSync({ db: b.db, repo: b.repo, getWorkspace: () => b.ws, isHeldHere: () => false, apply: (r) => (b.ws = r.workspace), onEmptiedElsewhere: told });
    // A mark left by an earlier wipe, before this tab opened, is old news.
    await a.db.meta.put({ key: 'emptied', at: 1 });
    await sync.reconcile();
    expect(told).not.toHaveBeenCalled();

    await Promise.all(a.db.tables.map((t) => t.clear()));
    a.edit(withMap(a.ws, { ...a.ws.maps[0]!, name: 'Edited after the wipe', updatedAt: '2026-11-03T08:00:00.000Z' }), [{ table: 'maps', id: 'm-a' }]);
    await a.repo.flush();
    expect((await a.db.meta.get('emptied')) as { at: number } | undefined).toMatchObject({ at: expect.any(Number) });
    await sync.reconcile();
    expect(told).toHaveBeenCalledTimes(1);
    expect(b.ws.maps.map((m) => m.name)).toEqual(['Edited after the wipe', 'Offers']);
    // Nothing new: not told again.
    await sync.reconcile();
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('a read that overlapped a write of this tab is thrown away and made again after it', async () => {
    const [a, b] = await twoTabs();
    a.edit({ ...a.ws, systems: [{ ...a.ws.systems[0]!, name: 'SITS 2' }, a.ws.systems[1]!] }, [{ table: 'systems', id: 's-1' }]);
    await a.repo.flush();
    let counted = 0;
    const idle = vi.fn(() => Promise.resolve());
    const repo = {
      isPending: () => false,
      idle,
      markDirty: () => undefined,
      checkStored: () => undefined,
      journal: b.repo.journal,
      // A write starts while the first read runs (the 2nd look), none during the second.
      get writesStarted() {
        return ++counted >= 2 ? 1 : 0;
      },
    };
    const sync = new WorkspaceSync({ db: b.db, repo, getWorkspace: () => b.ws, isHeldHere: () => false, apply: (r) => (b.ws = r.workspace) });
    expect(await sync.reconcile()).toBe(true);
    expect(idle).toHaveBeenCalledTimes(1);
    expect(b.ws.systems[0]!.name).toBe('SITS 2');
  });

  it('watching: a save in one tab reaches the other without being asked for', async () => {
    const [a, b] = await twoTabs();
    const looks = vi.spyOn(b.sync, 'request');
    b.sync.start();
    // Watching starts with a look of its own: once it is done, only news of the save can bring it.
    await vi.waitFor(() => expect(looks).toHaveBeenCalled());
    await looks.mock.results[0]!.value;
    a.edit({ ...a.ws, departments: [{ id: 'd-1', name: 'Student recruitment' }] }, [{ table: 'departments', id: 'd-1' }]);
    await a.repo.flush();
    await vi.waitFor(() => expect(b.ws.departments[0]!.name).toBe('Student recruitment'));
  });
});

describe('the document store: guards and remote copies', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it('an edit guard refuses commands and undo with its reason, and changes nothing', () => {
    const doc = useDocument.getState();
    doc.load(workspace());
    expect(useDocument.getState().dispatch(renameMap, { mapId: 'm-a', name: 'Renamed' })).toBe(true);
    const messages: string[] = [];
    cleanups.push(onCommandError((m) => messages.push(m)));
    cleanups.push(addEditGuard((changes) => (changes.some((c) => c.table === 'maps' && c.id === 'm-a') ? 'Read-only here' : null)));

    const before = useDocument.getState().workspace;
    expect(useDocument.getState().dispatch(renameMap, { mapId: 'm-a', name: 'Again' })).toBe(false);
    expect(useDocument.getState().undo('m-a')).toBeUndefined();
    expect(messages).toEqual(['Read-only here', 'Read-only here']);
    expect(useDocument.getState().workspace).toBe(before);
    // Other records are not concerned.
    expect(useDocument.getState().dispatch(updateSystem, { systemId: 's-1', patch: { name: 'SITS 2' } })).toBe(true);
    // An edit the user did not make (record: false) is dropped without a message.
    expect(useDocument.getState().dispatch(renameMap, { mapId: 'm-a', name: 'Quiet' }, { record: false })).toBe(false);
    expect(messages).toHaveLength(2);
  });

  it("taking in another tab's copy of a map drops this tab's undo for that map only", () => {
    useDocument.getState().load(workspace());
    const { dispatch } = useDocument.getState();
    dispatch(renameMap, { mapId: 'm-a', name: 'A here' });
    dispatch(renameMap, { mapId: 'm-b', name: 'B here' });
    const remote = withMap(useDocument.getState().workspace!, makeMap('m-a', 'From the other tab', '2026-11-09T00:00:00.000Z'));
    adoptRemote(remote, ['m-a']);
    const { history, workspace: ws } = useDocument.getState();
    expect(ws).toBe(remote);
    expect(canUndo(history, 'm-a')).toBeUndefined();
    expect(canUndo(history, 'm-b')?.name).toBe('renameMap');
  });
});
