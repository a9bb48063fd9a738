// Live workspaces, timed on loopback with the real server process and Node clients (the
// Hocuspocus provider): a remote edit seen by the other client, a 20-map workspace (150 steps
// each) synced to a new client, 50 clients in one room editing once a second each, and what the
// server's check of one update costs. Run: `npm run bench:sync`. Prints the figures, writes
// tests/bench/results/sync-latest.json. Reported, never asserted.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { patchBetween } from '../../src/core/commands/workspacePatch';
import { demoWorkspace } from '../../src/core/demo';
import { generateMap } from '../../src/core/layout';
import type { Workspace } from '../../src/core/model/types';
import { applyPatchToDoc, checkDoc, observeRemote, readWorkspace, writeWorkspace } from '../../src/core/sync';
import { MessageGuard } from '../../src/server/messageGuard';
import { type Client, connect, newSecret, ServerProcess, startRedis, waitFor } from '../unit/fixtures/serverProcess';
import { median } from './report';

const NOW = '2026-12-06T10:00:00.000Z';
const LOCAL = 'local';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const round = (n: number) => Math.round(n * 10) / 10;

function bigWorkspace(id: string): Workspace {
  const maps = Array.from({ length: 20 }, (_, i) => ({ ...generateMap({ nodes: 150, lanes: 5, seed: i + 1, id: `m${i + 1}` }), updatedAt: NOW }));
  return { meta: { id, name: 'Twenty maps' }, departments: [], systems: [], dataStores: [], maps };
}

function renameNode(doc: Y.Doc, ws: Workspace, mapIndex: number, nodeIndex: number, label: string): Workspace {
  const map = ws.maps[mapIndex]!;
  const next = { ...ws, maps: ws.maps.map((m, i) => (i === mapIndex ? { ...map, nodes: map.nodes.map((n, j) => (j === nodeIndex ? { ...n, label } : n)) } : m)) };
  applyPatchToDoc(doc, patchBetween(ws, next)!, LOCAL);
  return next;
}

async function room(port: number, ws: Workspace): Promise<{ edit: string; owner: Client }> {
  const edit = newSecret();
  const doc = new Y.Doc();
  writeWorkspace(doc, ws, LOCAL);
  const owner = connect(port, ws.meta.id, edit, doc);
  await waitFor(() => owner.provider.isSynced && !owner.provider.hasUnsyncedChanges, 'the upload', 60_000);
  return { edit, owner };
}

async function editLatency(port: number): Promise<number[]> {
  const ws0 = { ...demoWorkspace(NOW), meta: { id: `ws-${newSecret()}`, name: 'Latency' } };
  const { edit, owner } = await room(port, ws0);
  const other = connect(port, ws0.meta.id, edit);
  await waitFor(() => other.provider.isSynced, 'the second client');
  let ws = ws0;
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const label = `Edit ${i}`;
    const seen = new Promise<number>((resolve) => {
      const off = observeRemote(other.doc, LOCAL, (patch) => {
        if (JSON.stringify(patch.changes).includes(label)) {
          off();
          resolve(performance.now());
        }
      });
    });
    const start = performance.now();
    ws = renameNode(owner.doc, ws, 0, 1, label);
    times.push((await seen) - start);
  }
  for (const c of [owner, other]) await c.destroy();
  return times;
}

async function bigSync(port: number): Promise<{ ms: number[]; bytes: number }> {
  const ws = bigWorkspace(`ws-${newSecret()}`);
  const { edit, owner } = await room(port, ws);
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const c = connect(port, ws.meta.id, edit);
    await waitFor(() => c.provider.isSynced, 'the new client', 60_000);
    const read = readWorkspace(c.doc);
    ms.push(performance.now() - start);
    if (read.maps.length !== 20 || read.maps.some((m) => m.nodes.length !== ws.maps[0]!.nodes.length && m.nodes.length < 150)) throw new Error('incomplete sync');
    await c.destroy();
  }
  await owner.destroy();
  return { ms, bytes: Y.encodeStateAsUpdate(owner.doc).length };
}

/** 50 clients, each renaming its own step once a second; one more client watches and times each edit's arrival. */
async function crowd(port: number, seconds: number): Promise<{ latencies: number[]; sent: number; lost: number }> {
  const ws0 = { ...demoWorkspace(NOW), meta: { id: `ws-${newSecret()}`, name: 'Crowd' } };
  const { edit, owner } = await room(port, ws0);
  const slots = ws0.maps.flatMap((m, mi) => m.nodes.map((_, ni) => [mi, ni] as const)).slice(0, 50);
  const clients = slots.map(() => connect(port, ws0.meta.id, edit));
  for (const c of clients) await waitFor(() => c.provider.isSynced, 'every client', 60_000);
  const watcher = connect(port, ws0.meta.id, edit);
  await waitFor(() => watcher.provider.isSynced, 'the watcher');
  const latencies: number[] = [];
  const seen = new Set<string>();
  // A patch carries the whole map, so a label counts the first time it arrives.
  observeRemote(watcher.doc, LOCAL, (patch) => {
    const now = Date.now();
    for (const m of JSON.stringify(patch.changes).matchAll(/"(c\d+#\d+@(\d+))"/g)) {
      if (seen.has(m[1]!)) continue;
      seen.add(m[1]!);
      latencies.push(now - Number(m[2]));
    }
  });
  const last = new Map<number, string>();
  let sent = 0;
  for (let s = 0; s < seconds; s++) {
    const tick = Date.now();
    clients.forEach((c, k) => {
      setTimeout(() => {
        const label = `c${k}#${s}@${Date.now()}`;
        const [mi, ni] = slots[k]!;
        renameNode(c.doc, readWorkspace(c.doc), mi, ni, label);
        last.set(k, label);
        sent++;
      }, (k * 1000) / clients.length);
    });
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
  }
  const finalOf = () => readWorkspace(watcher.doc);
  await waitFor(() => slots.every(([mi, ni], k) => finalOf().maps[mi]!.nodes[ni]!.label === last.get(k)), 'every last edit at the watcher', 60_000).catch(() => undefined);
  const final = finalOf();
  const lost = slots.filter(([mi, ni], k) => final.maps[mi]!.nodes[ni]!.label !== last.get(k)).length;
  for (const c of [...clients, watcher, owner]) await c.destroy();
  return { latencies, sent, lost };
}

/** Two server processes on one Redis and one data file, 10 clients split across them, each renaming its own step: time until every client holds every rename. */
async function redisPair(): Promise<{ convergeMs: number; lost: number }> {
  const redis = await startRedis();
  const data = join(dir, 'redis.sqlite');
  const servers = [await ServerProcess.start(data, { REDIS_URL: redis.url }), await ServerProcess.start(data, { REDIS_URL: redis.url })];
  try {
    const ws0 = { ...demoWorkspace(NOW), meta: { id: `ws-${newSecret()}`, name: 'Redis' } };
    const { edit, owner } = await room(servers[0]!.port, ws0);
    const clients = Array.from({ length: 10 }, (_, k) => connect(servers[k % 2]!.port, ws0.meta.id, edit));
    for (const c of clients) await waitFor(() => c.provider.isSynced, 'every client', 60_000);
    const start = performance.now();
    clients.forEach((c, k) => renameNode(c.doc, readWorkspace(c.doc), k % 5, 1 + Math.floor(k / 5), `r${k}`));
    const holdsAll = (c: Client) => {
      const read = readWorkspace(c.doc);
      return clients.every((_, k) => read.maps[k % 5]!.nodes[1 + Math.floor(k / 5)]!.label === `r${k}`);
    };
    await waitFor(() => clients.every(holdsAll), 'every client to hold every rename', 60_000).catch(() => undefined);
    const convergeMs = performance.now() - start;
    const lost = clients.filter((c) => !holdsAll(c)).length;
    for (const c of [...clients, owner]) await c.destroy();
    return { convergeMs, lost };
  } finally {
    for (const s of servers) await s.kill('SIGTERM');
    await redis.stop();
  }
}

function guardCost(): { touchedMs: number; wholeDocMs: number } {
  const ws = bigWorkspace('ws-guard');
  const doc = new Y.Doc();
  writeWorkspace(doc, ws, LOCAL);
  const guard = new MessageGuard({ maxMessagesPerSecond: 1e9 });
  const touched: number[] = [];
  const whole: number[] = [];
  let current = ws;
  for (let i = 0; i < 15; i++) {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(client);
    current = renameNode(client, current, i % 20, 3, `Guarded ${i}`);
    const update = Y.encodeStateAsUpdate(client, before);
    // The message as Hocuspocus frames it: name, sync (0), update (2), the update.
    const name = new TextEncoder().encode('ws-guard');
    const message = new Uint8Array([name.length, ...name, 0, 2, ...varUint(update.length), ...update]);
    let t = performance.now();
    guard.check({ readOnly: false }, doc, message);
    touched.push(performance.now() - t);
    Y.applyUpdate(doc, update);
    t = performance.now();
    checkDoc(doc);
    whole.push(performance.now() - t);
  }
  return { touchedMs: median(touched.slice(1)), wholeDocMs: median(whole.slice(1)) };
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'lanemap-bench-sync-'));
const server = await ServerProcess.start(join(dir, 'lanemap.sqlite'), { LANEMAP_MAX_MESSAGES_PER_SECOND: '1000' });
try {
  const load = loadavg()[0]!;
  const latency = await editLatency(server.port);
  const sync = await bigSync(server.port);
  const many = await crowd(server.port, 10);
  const guard = guardCost();
  const redisRuns = [await redisPair(), await redisPair(), await redisPair()];
  const results = {
    date: new Date().toISOString(),
    cores: cpus().length,
    loadAtStart: round(load),
    loadAtEnd: round(loadavg()[0]!),
    remoteEditMs: { median: round(median(latency)), p95: round(pct(latency, 95)), runs: latency.length, target: 'median under 200' },
    twentyMapSyncMs: { median: round(median(sync.ms)), runs: sync.ms.length, docBytes: sync.bytes, target: 'under 1000' },
    fiftyClients: { edits: many.sent, seen: many.latencies.length, p95Ms: round(pct(many.latencies, 95)), medianMs: round(median(many.latencies)), lost: many.lost, target: 'p95 under 250, none lost' },
    twoProcessesOnRedis: { convergeMs: redisRuns.map((r) => round(r.convergeMs)), clientsNotConverged: redisRuns.map((r) => r.lost), clients: 10, target: 'all converge' },
    checkOneUpdateMs: { touchedRecords: round(guard.touchedMs), wholeDoc: round(guard.wholeDocMs), workspace: '20 maps x 150 steps' },
  };
  console.log(JSON.stringify(results, null, 2));
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync('tests/bench/results/sync-latest.json', JSON.stringify(results, null, 2) + '\n');
} finally {
  await server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
