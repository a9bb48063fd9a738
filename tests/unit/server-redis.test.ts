import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { patchBetween } from '../../src/core/commands/workspacePatch';
import { demoWorkspace } from '../../src/core/demo';
import type { Workspace } from '../../src/core/model/types';
import { applyPatchToDoc, readWorkspace, writeWorkspace } from '../../src/core/sync';
import { type Client, connect, newSecret, ServerProcess, startRedis, waitFor } from './fixtures/serverProcess';

// Two server processes on one Redis (and one data file), clients split across them: the way
// out when one server is not enough. Needs Debian's redis-server (.ci/run installs it).

let dir: string;
let redis: Awaited<ReturnType<typeof startRedis>>;
const servers: ServerProcess[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lanemap-redis-'));
  redis = await startRedis();
  const dataFile = join(dir, 'lanemap.sqlite');
  for (let i = 0; i < 2; i++) servers.push(await ServerProcess.start(dataFile, { REDIS_URL: redis.url }));
});

afterAll(async () => {
  for (const c of clients) await c.destroy();
  for (const s of servers) await s.kill('SIGTERM');
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Rename a map: each client names its own map, so every edit is seen apart from the others. */
function renameMap(c: Client, index: number, name: string): void {
  const before = readWorkspace(c.doc);
  const after: Workspace = { ...before, maps: before.maps.map((m, i) => (i === index ? { ...m, name } : m)) };
  applyPatchToDoc(c.doc, patchBetween(before, after)!, 'local');
}

describe('two server processes on one Redis', () => {
  it('share a room: clients on either process see each other\'s edits and converge', async () => {
    const room = `ws-${newSecret()}`;
    const edit = newSecret();
    const ws = { ...demoWorkspace('2026-12-06T10:00:00.000Z'), meta: { id: room, name: 'Across processes' } };
    const doc = new Y.Doc();
    writeWorkspace(doc, ws, 'local');
    const owner = connect(servers[0]!.port, room, edit, doc);
    clients.push(owner);
    await waitFor(() => owner.provider.isSynced && !owner.provider.hasUnsyncedChanges, 'the owner to upload');
    // Four clients, two on each process.
    for (let i = 0; i < 3; i++) clients.push(connect(servers[(i + 1) % 2]!.port, room, edit));
    for (const c of clients) await waitFor(() => c.provider.isSynced, 'every client to sync');
    clients.forEach((c, i) => renameMap(c, i, `Map named by client ${i}`));
    const named = (c: Client) => readWorkspace(c.doc).maps.slice(0, clients.length).map((m) => m.name);
    const expected = clients.map((_, i) => `Map named by client ${i}`);
    for (const c of clients) await waitFor(() => named(c).join('|') === expected.join('|'), 'every client to hold every rename');
    const first = readWorkspace(clients[0]!.doc);
    for (const c of clients) expect(readWorkspace(c.doc)).toEqual(first);
  });
});
