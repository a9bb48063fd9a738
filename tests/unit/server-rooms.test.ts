import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { patchBetween } from '../../src/core/commands/workspacePatch';
import { demoWorkspace } from '../../src/core/demo';
import type { Workspace } from '../../src/core/model/types';
import { applyPatchToDoc, readWorkspace, writeWorkspace } from '../../src/core/sync';
import { type Client, connect, newSecret, ServerProcess, waitFor } from './fixtures/serverProcess';

// The real server process with Node clients: rooms shared, kept through SIGKILL, closed to a
// wrong secret, and guarded against updates that would break the workspace.

const NOW = '2026-12-06T10:00:00.000Z';
const LOCAL = 'local';
let dir: string;
let dataFile: string;
let server: ServerProcess;
const clients: Client[] = [];

const ENV = { LANEMAP_MAX_MESSAGE_BYTES: String(1_000_000), LANEMAP_MAX_MESSAGES_PER_SECOND: '100' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lanemap-server-'));
  dataFile = join(dir, 'data', 'lanemap.sqlite');
  server = await ServerProcess.start(dataFile, ENV);
});

afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
});

afterAll(async () => {
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function join2(room: string, token: string | (() => string), doc?: Y.Doc): Client {
  const c = connect(server.port, room, token, doc);
  clients.push(c);
  return c;
}

/** A room claimed by its first client, who uploads the demo workspace. */
async function newRoom(): Promise<{ room: string; edit: string; read: string; owner: Client; ws: Workspace }> {
  const room = `ws-${newSecret()}`;
  const edit = newSecret();
  const read = newSecret();
  const ws = { ...demoWorkspace(NOW), meta: { id: room, name: 'Shared demo' } };
  const doc = new Y.Doc();
  writeWorkspace(doc, ws, LOCAL);
  const owner = join2(room, `${edit}.${read}`, doc);
  await waitFor(() => owner.provider.isSynced && !owner.provider.hasUnsyncedChanges, 'the owner to upload the workspace');
  return { room, edit, read, owner, ws };
}

/** A local edit: the label of the first step of the first map. */
function rename(c: Client, label: string): void {
  const before = readWorkspace(c.doc);
  const map = before.maps[0]!;
  const after = { ...before, maps: [{ ...map, nodes: map.nodes.map((n, i) => (i === 1 ? { ...n, label } : n)) }, ...before.maps.slice(1)] };
  applyPatchToDoc(c.doc, patchBetween(before, after)!, LOCAL);
}
const labelOf = (c: Client): string | undefined => (c.doc.share.size > 0 ? readWorkspace(c.doc).maps[0]?.nodes[1]?.label : undefined);

function move(c: Client, x: number): void {
  const before = readWorkspace(c.doc);
  const map = before.maps[0]!;
  const id = map.nodes[1]!.id;
  const after = { ...before, maps: [{ ...map, view: { ...map.view, nodes: { ...map.view.nodes, [id]: { ...map.view.nodes[id]!, x } } } }, ...before.maps.slice(1)] };
  applyPatchToDoc(c.doc, patchBetween(before, after)!, LOCAL);
}
const xOf = (c: Client): number | undefined => {
  const map = readWorkspace(c.doc).maps[0];
  return map && map.view.nodes[map.nodes[1]!.id]?.x;
};

describe('the room server', () => {
  it('serves the app and a room on one port: two clients see the workspace and each other\'s edits', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(await page.text()).toContain('Lanemap test page');
    const { room, edit, owner, ws } = await newRoom();
    const other = join2(room, edit);
    await waitFor(() => other.provider.isSynced, 'the second client to sync');
    expect(readWorkspace(other.doc)).toEqual(ws);
    rename(other, 'Renamed by the other');
    await waitFor(() => labelOf(owner) === 'Renamed by the other', 'the owner to see the rename');
    move(owner, 777);
    await waitFor(() => xOf(other) === 777, 'the other to see the move');
  });

  it('loses no acknowledged change when killed with SIGKILL, and the clients carry on after the restart', async () => {
    const { room, edit, owner } = await newRoom();
    for (let i = 1; i <= 10; i++) {
      rename(owner, `Edit ${i}`);
      await waitFor(() => !owner.provider.hasUnsyncedChanges, `edit ${i} to be acknowledged`);
    }
    await server.kill('SIGKILL');
    server = await ServerProcess.start(dataFile, ENV, server.port);
    const fresh = join2(room, edit);
    await waitFor(() => fresh.provider.isSynced, 'a new client to sync after the restart');
    expect(labelOf(fresh)).toBe('Edit 10');
    // The owner's provider reconnects by itself and its next edit arrives.
    rename(owner, 'After the restart');
    await waitFor(() => labelOf(fresh) === 'After the restart', 'an edit made after the restart');
  });

  it('merges what two clients did while the server was down once it is back', async () => {
    const { room, edit, owner } = await newRoom();
    const other = join2(room, edit);
    await waitFor(() => other.provider.isSynced, 'the second client to sync');
    await server.kill('SIGKILL');
    rename(owner, 'Offline rename');
    move(other, 4242);
    server = await ServerProcess.start(dataFile, ENV, server.port);
    for (const c of [owner, other]) await waitFor(() => labelOf(c) === 'Offline rename' && xOf(c) === 4242, 'both offline edits in each client');
    expect(readWorkspace(owner.doc)).toEqual(readWorkspace(other.doc));
    const fresh = join2(room, edit);
    await waitFor(() => fresh.provider.isSynced && labelOf(fresh) === 'Offline rename' && xOf(fresh) === 4242, 'a new client to get both');
  });

  it('sends nothing to a wrong secret, and lets a read-only secret read but not write', async () => {
    const { room, read, owner } = await newRoom();
    const stranger = join2(room, 'x'.repeat(22));
    await waitFor(() => stranger.authFailed, 'the wrong secret to be refused');
    expect(stranger.doc.share.size === 0 || readWorkspace(stranger.doc).maps.length === 0).toBe(true);
    const reader = join2(room, read);
    await waitFor(() => reader.provider.isSynced, 'the reader to sync');
    expect(readWorkspace(reader.doc).maps.length).toBeGreaterThan(0);
    const original = labelOf(owner);
    rename(reader, 'Reader tried');
    move(owner, 1234);
    // The owner's move was made after the reader's rename was sent: once the reader has the move,
    // a rename the server had taken would have reached the owner before it.
    await waitFor(() => xOf(reader) === 1234, 'the owner\'s later edit to reach the reader');
    const check = join2(room, read);
    await waitFor(() => check.provider.isSynced && xOf(check) === 1234, 'a second reader to sync');
    expect(labelOf(check)).toBe(original);
    expect(labelOf(owner)).toBe(original);
  });

  it('merges stored updates into one row within seconds, and on SIGTERM', async () => {
    const { room, edit, owner } = await newRoom();
    const rows = () => {
      const db = new Database(dataFile, { readonly: true });
      try {
        const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE name = ?`).get(room) as { n: number }).n;
        return { updates: n('doc_updates'), states: n('doc_states') };
      } finally {
        db.close();
      }
    };
    await waitFor(() => rows().updates === 0 && rows().states === 1, 'the timer to compact the room');
    rename(owner, 'Just before SIGTERM');
    await waitFor(() => !owner.provider.hasUnsyncedChanges, 'the edit to be acknowledged');
    expect(await server.kill('SIGTERM')).toBe(0);
    expect(rows()).toEqual({ updates: 0, states: 1 });
    server = await ServerProcess.start(dataFile, ENV, server.port);
    const fresh = join2(room, edit);
    await waitFor(() => fresh.provider.isSynced && labelOf(fresh) === 'Just before SIGTERM', 'the edit after the restart');
  });

  it('stops sharing: new secrets from an edit connection shut out every link made before', async () => {
    const { room, edit, read, owner: first } = await newRoom();
    await first.destroy();
    let ownerToken = edit;
    const owner = join2(room, () => ownerToken);
    const editor = join2(room, edit);
    const reader = join2(room, read);
    for (const c of [owner, editor, reader]) await waitFor(() => c.provider.isSynced, 'the clients to sync');
    const newEdit = newSecret();
    const newRead = newSecret();
    ownerToken = newEdit;
    owner.provider.sendStateless(JSON.stringify({ type: 'rotate-secrets', edit: newEdit, read: newRead }));
    await waitFor(() => editor.authFailed && reader.authFailed, 'the old links to be refused');
    await waitFor(() => owner.provider.isSynced && !owner.authFailed, 'the owner to enter again with the new secret');
    rename(owner, 'After rotation');
    const newcomer = join2(room, newRead);
    await waitFor(() => newcomer.provider.isSynced && labelOf(newcomer) === 'After rotation', 'the new read-only link to work');
    const late = join2(room, edit);
    await waitFor(() => late.authFailed, 'the old edit link to be refused');
    // A read-only connection cannot rotate.
    newcomer.provider.sendStateless(JSON.stringify({ type: 'rotate-secrets', edit: newSecret(), read: null }));
    const again = join2(room, newEdit);
    await waitFor(() => again.provider.isSynced, 'the new edit link to still work');
  });

  it('refuses a short secret that tries to claim a new room', async () => {
    const c = join2(`ws-${newSecret()}`, 'short');
    await waitFor(() => c.authFailed, 'the claim to be refused');
  });

  it('refuses an update that would break the workspace, and the other clients keep working', async () => {
    const { room, edit, owner } = await newRoom();
    const other = join2(room, edit);
    const bad = join2(room, edit);
    await waitFor(() => other.provider.isSynced && bad.provider.isSynced, 'the clients to sync');
    const maps = bad.doc.getMap('maps') as Y.Map<Y.Map<unknown>>;
    const node = [...((maps.get(owner.doc.getMap('maps').keys().next().value!)!.get('nodes') as Y.Map<Y.Map<unknown>>).values())][0]!;
    (node.get('fields') as Y.Map<unknown>).set('label', 42);
    await waitFor(() => bad.closes.some((c) => /update refused/.test(c.reason)), 'the bad client to be closed: update refused');
    await bad.destroy();
    rename(owner, 'Still working');
    await waitFor(() => labelOf(other) === 'Still working', 'the other client to get the next edit');
    expect(readWorkspace(other.doc).maps[0]!.nodes.every((n) => typeof n.label === 'string')).toBe(true);
  });

  it('closes a connection that sends a message over the size cap or too many messages a second', async () => {
    const { room, edit, read } = await newRoom();
    const big = join2(room, edit);
    await waitFor(() => big.provider.isSynced, 'the client to sync');
    big.doc.getMap('meta').set('name', 'n'.repeat(1_200_000));
    await waitFor(() => big.closes.some((c) => c.code === 1009), 'the big message to close the connection (1009)');
    await big.destroy();
    const chatty = join2(room, edit);
    await waitFor(() => chatty.provider.isSynced, 'the chatty client to sync');
    for (let i = 0; i < 150; i++) chatty.doc.getMap('meta').set('preparedBy', `Person ${i}`);
    await waitFor(() => chatty.closes.some((c) => /too many messages/.test(c.reason)), 'too many messages to close the connection');
    // A read-only connection is capped too, though its updates are never applied.
    const reader = join2(room, read);
    await waitFor(() => reader.provider.isSynced, 'the reader to sync');
    for (let i = 0; i < 150; i++) reader.doc.getMap('meta').set('preparedBy', `Reader ${i}`);
    await waitFor(() => reader.closes.some((c) => /too many messages/.test(c.reason)), 'too many messages from a reader to close it');
  });
});
