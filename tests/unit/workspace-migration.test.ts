import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addLane, addNode, deleteMap, renameMap } from '../../src/core/commands';
import { diffWorkspace } from '../../src/core/commands/diff';
import { demoWorkspace } from '../../src/core/demo';
import type { Command } from '../../src/core/commands';
import type { Workspace } from '../../src/core/model/types';
import { LanemapDB } from '../../src/persistence/db';
import { listTrash } from '../../src/persistence/historyQueries';
import { listWorkspaces, readWorkspace } from '../../src/persistence/workspaceRegistry';
import { LEGACY_DB_NAME, RegistryDB } from '../../src/persistence/registryDb';
import { initialiseRegistry } from '../../src/persistence/registryInit';
import { Repository } from '../../src/persistence/repository';

// The first start of this version: a new browser gets the demo as a workspace of its own; a
// browser where an older Lanemap kept its one workspace (database 'lanemap') keeps it, in place,
// as its first workspace. The older data is written here by the current repository, as the
// version before this one wrote it.

const NOW = Date.parse('2026-11-23T10:00:00Z');
const OLD_DEMO_NAME = 'University CRM as-is (demo)';
let seq = 0;
let reg: RegistryDB;
const demo = () => demoWorkspace(new Date(NOW).toISOString());

beforeEach(() => {
  reg = new RegistryDB(`registry-init-${++seq}`);
});

afterEach(async () => {
  for (const e of await reg.workspaces.toArray()) await Dexie.delete(e.dbName);
  await reg.delete();
  await Dexie.delete(LEGACY_DB_NAME);
});

/** What the version before this one did: seed the workspace, then save edits through the repository. */
async function writeLegacy(ws: Workspace, edits: { cmd: Command<unknown>; args: unknown }[] = []): Promise<Workspace> {
  const db = new LanemapDB(LEGACY_DB_NAME);
  let current = ws;
  const repo = new Repository(db, { getWorkspace: () => current, onStatus: () => undefined, debounceMs: 0, now: () => NOW });
  await repo.load();
  await repo.seed(ws);
  for (const { cmd, args } of edits) {
    const next = cmd.run(current, args, { now: () => new Date(NOW).toISOString() });
    repo.markDirty(diffWorkspace(current, next));
    current = next;
    // That version kept a version of the map with every save.
    await repo.takeVersions();
  }
  repo.dispose();
  db.close();
  return current;
}

async function loadLegacy(): Promise<Workspace | null> {
  const db = new LanemapDB(LEGACY_DB_NAME);
  const repo = new Repository(db, { getWorkspace: () => null, onStatus: () => undefined });
  const { workspace } = await repo.load();
  repo.dispose();
  db.close();
  return workspace;
}

describe('first run', () => {
  it('an empty browser gets the demo as its own workspace, named "University CRM (demo)"', async () => {
    expect(await initialiseRegistry(reg, { demo, now: () => NOW })).toBe('demo');
    const [entry, ...rest] = await listWorkspaces(reg);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ name: 'University CRM (demo)', createdAt: NOW });
    expect(entry!.dbName).not.toBe(LEGACY_DB_NAME);
    expect((await reg.settings.get('lastUsed'))!.id).toBe(entry!.id);
    const ws = await readWorkspace(entry!);
    expect(ws!.maps.map((m) => m.id)).toEqual(demo().maps.map((m) => m.id));
    // Nothing is made under the old name.
    expect(await Dexie.exists(LEGACY_DB_NAME)).toBe(false);
  });

  it('happens once: after that the demo is never made again, even when every workspace was deleted', async () => {
    await initialiseRegistry(reg, { demo, now: () => NOW });
    const [entry] = await listWorkspaces(reg);
    await Dexie.delete(entry!.dbName);
    await reg.workspaces.clear();
    expect(await initialiseRegistry(reg, { demo, now: () => NOW })).toBe('ready');
    expect(await listWorkspaces(reg)).toEqual([]);
  });

  it('once made, starts without waiting for the lock the first run takes', async () => {
    await initialiseRegistry(reg, { demo, now: () => NOW });
    let locked = 0;
    const exclusive = <T,>(fn: () => Promise<T>): Promise<T> => {
      locked++;
      return fn();
    };
    expect(await initialiseRegistry(reg, { demo, exclusive })).toBe('ready');
    expect(locked).toBe(0);
  });

  it('two tabs starting together make one demo between them', async () => {
    let queue = Promise.resolve<unknown>(undefined);
    const exclusive = <T,>(fn: () => Promise<T>): Promise<T> => {
      const run = queue.then(fn);
      queue = run.catch(() => undefined);
      return run;
    };
    const outcomes = await Promise.all([initialiseRegistry(reg, { demo, exclusive }), initialiseRegistry(reg, { demo, exclusive })]);
    expect(outcomes.sort()).toEqual(['demo', 'ready']);
    expect(await reg.workspaces.count()).toBe(1);
  });

  it('an older database that holds nothing (made, never written) is not a workspace: the demo is made', async () => {
    const empty = new LanemapDB(LEGACY_DB_NAME);
    await empty.open();
    empty.close();
    expect(await initialiseRegistry(reg, { demo })).toBe('demo');
    expect((await listWorkspaces(reg)).map((e) => e.name)).toEqual(['University CRM (demo)']);
  });
});

describe('a browser an older Lanemap used', () => {
  it('keeps the user’s workspace where it is, with every map, the trash and the history, and makes no demo', async () => {
    const start: Workspace = { ...demo(), meta: { id: 'ws-team', name: 'Admissions workshop', organisation: 'University of Example' }, maps: demo().maps.slice(0, 2) };
    const [first, second] = start.maps;
    const written = await writeLegacy(start, [
      { cmd: renameMap as Command<unknown>, args: { mapId: first!.id, name: 'Enquiries, as drawn on Tuesday' } },
      { cmd: addLane as Command<unknown>, args: { mapId: first!.id, laneId: 'l-new', name: 'Student ambassador' } },
      { cmd: addNode as Command<unknown>, args: { mapId: first!.id, nodeId: 'n-new', kind: 'step', laneId: 'l-new', label: 'Show visitors round' } },
      { cmd: deleteMap as Command<unknown>, args: { mapId: second!.id } },
    ]);
    const before = await readRaw();

    expect(await initialiseRegistry(reg, { demo, now: () => NOW })).toBe('legacy');
    const entries = await listWorkspaces(reg);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ dbName: LEGACY_DB_NAME, name: 'Admissions workshop', organisation: 'University of Example' });
    expect((await reg.settings.get('lastUsed'))!.id).toBe(entries[0]!.id);

    // Not a row moved: the database is as the older version left it, and opens to the same workspace.
    expect(await readRaw()).toEqual(before);
    expect(await loadLegacy()).toEqual(written);
    const db = new LanemapDB(LEGACY_DB_NAME);
    expect((await listTrash(db, NOW)).map((r) => r.map.name)).toEqual([second!.name]);
    expect(await db.revisions.where('mapId').equals(first!.id).count()).toBeGreaterThan(1);
    db.close();
  });

  it('a browser still on the old demo keeps it, with what the user added to it, under the name it had', async () => {
    const old = { ...demo(), meta: { id: 'ws-demo', name: OLD_DEMO_NAME } };
    const written = await writeLegacy(old, [{ cmd: renameMap as Command<unknown>, args: { mapId: old.maps[0]!.id, name: 'Our own admissions map' } }]);
    expect(await initialiseRegistry(reg, { demo })).toBe('legacy');
    expect((await listWorkspaces(reg)).map((e) => [e.name, e.dbName])).toEqual([[OLD_DEMO_NAME, LEGACY_DB_NAME]]);
    expect(await loadLegacy()).toEqual(written);
  });
});

/** Every row of every table of the legacy database, as stored. */
async function readRaw(): Promise<Record<string, unknown[]>> {
  const db = new LanemapDB(LEGACY_DB_NAME);
  await db.open();
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  db.close();
  return out;
}
