import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import { afterEach, expect, test } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { LanemapDB } from '../../src/persistence/db';
import { readMapList } from '../../src/persistence/mapListRows';
import { writeAll } from '../../src/persistence/writes';

// The list of maps read ahead from the index table: what the full load will show, and never a
// damaged row passed on as if it were whole.

let db: LanemapDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

test('lists every stored map by name, department and size, with the department names', async () => {
  db = new LanemapDB(`list-${Math.random()}`);
  const ws = demoWorkspace('2026-12-01T00:00:00.000Z');
  await writeAll(db, ws, { now: Date.now(), newId: () => `r${Math.random()}`, removed: new Map() });
  const list = await readMapList(db);
  const byId = new Map(list.maps.map((m) => [m.id, m]));
  expect(byId.size).toBe(ws.maps.length);
  for (const m of ws.maps) expect(byId.get(m.id)).toEqual({ id: m.id, name: m.name, departmentId: m.departmentId, nodeCount: m.nodes.length });
  expect(list.departments).toEqual(expect.arrayContaining(ws.departments.map((d) => ({ id: d.id, name: d.name }))));
});

test('a damaged index row is left out (the full load reindexes it); the rest are listed', async () => {
  db = new LanemapDB(`list-${Math.random()}`);
  const ws = demoWorkspace('2026-12-01T00:00:00.000Z');
  await writeAll(db, ws, { now: Date.now(), newId: () => `r${Math.random()}`, removed: new Map() });
  const [first, second] = ws.maps;
  await db.mapIndex.put({ id: first!.id, name: 42, departmentId: null, nodeCount: 3 } as never);
  await db.mapIndex.put({ id: second!.id, name: second!.name, departmentId: null, nodeCount: 'many' } as never);
  const list = await readMapList(db);
  expect(list.maps.map((m) => m.id).sort()).toEqual(ws.maps.slice(2).map((m) => m.id).sort());
});
