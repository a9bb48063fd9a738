import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyWorkspace } from '../../src/core/model/factory';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { copyWorkspace, freeName } from '../../src/core/model/workspaceCopy';
import { LanemapDB } from '../../src/persistence/db';
import {
  addWorkspace,
  deleteWorkspaceForever,
  listWorkspaces,
  markOpened,
  pickStart,
  purgeExpiredWorkspaces,
  readWorkspace,
  recordDetails,
  restoreWorkspace,
  trashWorkspace,
  watchWorkspaces,
  type WorkspaceEntry,
} from '../../src/persistence/workspaceRegistry';
import { RegistryDB } from '../../src/persistence/registryDb';
import { TRASH_MS } from '../../src/persistence/revisionPolicy';

// The list of workspaces: each one's records in a database of its own, the list in a small one.

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-23T10:00:00Z');

function map(id: string, name: string): ProcessMap {
  return { id, name, departmentId: null, lanes: [{ id: 'l', name: 'Officer' }], nodes: [{ id: 'n', kind: 'step', laneId: 'l', label: 'Log' }], flows: [], view: { nodes: {}, laneHeights: {}, flowPoints: {} }, updatedAt: '2026-11-01T00:00:00.000Z' };
}

function workspace(name: string, maps: ProcessMap[] = [], extra: Partial<Workspace['meta']> = {}): Workspace {
  const ws = emptyWorkspace(`ws-${name}`, name);
  return { ...ws, meta: { ...ws.meta, ...extra }, maps };
}

let seq = 0;
let reg: RegistryDB;
const at = (ms: number) => ({ now: () => ms });

beforeEach(() => {
  reg = new RegistryDB(`registry-test-${++seq}`);
});

afterEach(async () => {
  for (const e of await reg.workspaces.toArray()) await Dexie.delete(e.dbName);
  await reg.delete();
});

describe('adding and listing workspaces', () => {
  it('writes a new workspace into a database of its own and lists it with its details', async () => {
    const entry = await addWorkspace(reg, workspace('Fees review', [map('m1', 'Refunds')], { organisation: 'University of Example', preparedBy: 'A. Analyst', status: 'review' }), at(T0));
    expect(entry).toMatchObject({ name: 'Fees review', organisation: 'University of Example', preparedBy: 'A. Analyst', status: 'review', createdAt: T0, updatedAt: T0 });
    expect(entry.dbName).toBe(`lanemap-${entry.id}`);
    const db = new LanemapDB(entry.dbName);
    expect((await db.maps.toArray()).map((m) => m.name)).toEqual(['Refunds']);
    expect(await db.meta.get('workspace')).toMatchObject({ name: 'Fees review', status: 'review' });
    // Its first revision is there, as for any saved map.
    expect(await db.revisions.where('mapId').equals('m1').count()).toBe(1);
    db.close();
    expect(await listWorkspaces(reg)).toEqual([entry]);
  });

  it('keeps two workspaces apart, even when their maps share ids', async () => {
    const a = await addWorkspace(reg, workspace('Admissions', [map('m1', 'Enquiries')]));
    const b = await addWorkspace(reg, workspace('Alumni', [map('m1', 'Events')]));
    expect(a.dbName).not.toBe(b.dbName);
    expect((await readWorkspace(a))!.maps.map((m) => m.name)).toEqual(['Enquiries']);
    expect((await readWorkspace(b))!.maps.map((m) => m.name)).toEqual(['Events']);
    expect((await listWorkspaces(reg)).map((e) => e.name)).toEqual(['Admissions', 'Alumni']);
  });

  it('tells watchers of every change to the list', async () => {
    const seen: string[][] = [];
    const stop = watchWorkspaces(reg, (rows) => seen.push(rows.map((r) => r.name)));
    await expect.poll(() => seen.length).toBe(1);
    await addWorkspace(reg, workspace('Marketing'));
    await expect.poll(() => seen.at(-1)).toEqual(['Marketing']);
    stop();
  });

  it('copies the document’s details when they change; a cleared field is gone from the list too', async () => {
    const e = await addWorkspace(reg, workspace('Draft', [], { organisation: 'Old name' }), at(T0));
    await recordDetails(reg, e.id, { id: 'ws-x', name: 'Agreed maps', status: 'agreed' }, at(T0 + 5000));
    const stored = (await reg.workspaces.get(e.id))!;
    expect(stored).toMatchObject({ name: 'Agreed maps', status: 'agreed', updatedAt: T0 + 5000, createdAt: T0 });
    expect(stored.organisation).toBeUndefined();
  });
});

describe('which workspace a tab opens', () => {
  it('the one this tab had open, else the one used last in any tab, never one in the trash', async () => {
    const a = await addWorkspace(reg, workspace('A'));
    const b = await addWorkspace(reg, workspace('B'));
    const c = await addWorkspace(reg, workspace('C'));
    await markOpened(reg, a.id, at(T0));
    await markOpened(reg, b.id, at(T0 + 1000));
    expect((await pickStart(reg))!.id).toBe(b.id);
    expect((await pickStart(reg, c.id))!.id).toBe(c.id);
    await trashWorkspace(reg, c.id);
    expect((await pickStart(reg, c.id))!.id).toBe(b.id);
    await trashWorkspace(reg, b.id);
    // The last used is gone too: the most recently opened of those left.
    expect((await pickStart(reg, c.id))!.id).toBe(a.id);
    await trashWorkspace(reg, a.id);
    expect(await pickStart(reg)).toBeNull();
  });
});

describe('the trash of workspaces', () => {
  let entry: WorkspaceEntry;
  beforeEach(async () => {
    entry = await addWorkspace(reg, workspace('Clearing', [map('m1', 'Calls')]));
  });

  it('a deleted workspace keeps its records and comes back as it was', async () => {
    await trashWorkspace(reg, entry.id, at(T0));
    expect((await reg.workspaces.get(entry.id))!.deletedAt).toBe(T0);
    expect(await Dexie.exists(entry.dbName)).toBe(true);
    await restoreWorkspace(reg, entry.id);
    const back = (await reg.workspaces.get(entry.id))!;
    expect(back).toEqual(entry);
    expect((await readWorkspace(back))!.maps.map((m) => m.name)).toEqual(['Calls']);
  });

  it('deleting for good is refused outside the trash; in it, the database goes too', async () => {
    await expect(deleteWorkspaceForever(reg, entry.id)).rejects.toThrow(/not in the trash/);
    expect(await Dexie.exists(entry.dbName)).toBe(true);
    await trashWorkspace(reg, entry.id);
    await deleteWorkspaceForever(reg, entry.id);
    expect(await reg.workspaces.get(entry.id)).toBeUndefined();
    expect(await Dexie.exists(entry.dbName)).toBe(false);
  });

  it('is emptied after the 30 days the map trash keeps maps, and not a day before', async () => {
    const recent = await addWorkspace(reg, workspace('Recent'));
    await trashWorkspace(reg, entry.id, at(T0 - TRASH_MS - DAY));
    await trashWorkspace(reg, recent.id, at(T0 - TRASH_MS + DAY));
    expect(await purgeExpiredWorkspaces(reg, at(T0))).toBe(1);
    expect((await listWorkspaces(reg)).map((e) => e.name)).toEqual(['Recent']);
    expect(await Dexie.exists(entry.dbName)).toBe(false);
    expect(await Dexie.exists(recent.dbName)).toBe(true);
  });
});

describe('names and copies', () => {
  it('a copy’s name is told apart from the names taken, ignoring case', () => {
    expect(freeName('Fees', ['Admissions'])).toBe('Fees');
    expect(freeName('Fees ', ['fees', 'Fees (2)'])).toBe('Fees (3)');
  });

  it('a copied workspace is a document of its own: new id and name, nothing shared', () => {
    const ws = workspace('Original', [map('m1', 'Calls')], { organisation: 'Uni' });
    const copy = copyWorkspace(ws, 'ws-copy', 'Copy of Original');
    expect(copy.meta).toEqual({ id: 'ws-copy', name: 'Copy of Original', organisation: 'Uni' });
    copy.maps[0]!.nodes[0]!.label = 'Changed';
    expect(ws.maps[0]!.nodes[0]!.label).toBe('Log');
  });
});

describe('an entry of the list damaged on disk', () => {
  it('is listed with a plain name, its workspace still opens, and a bad trash date never deletes it', async () => {
    const good = await addWorkspace(reg, workspace('Admissions', [map('m1', 'Enquiries')]), at(T0));
    await reg.workspaces.put({ ...good, name: { text: 'Admissions' }, createdAt: 'Monday', deletedAt: 'soon' } as never);
    await reg.workspaces.put({ name: 'no id' } as never).catch(() => undefined);
    const listed = await listWorkspaces(reg);
    expect(listed).toEqual([{ ...good, name: 'Workspace (damaged entry in the list)', createdAt: 0 }]);
    expect((await pickStart(reg))!.id).toBe(good.id);
    expect(await purgeExpiredWorkspaces(reg, at(T0 + 100 * DAY))).toBe(0);
    expect((await readWorkspace(listed[0]!))!.maps.map((m) => m.name)).toEqual(['Enquiries']);
  });
});
