// How fast Import refuses hostile files: each archive of tests/unit/fixtures/hostileFiles.ts
// (sizes that lie, overlapping or repeated entries, a 1000:1 page, 20,000 files, a 4 GB claim)
// and drawings far past the shape cap, each read by importFile in a process of its own (a file
// that freezes or exhausts memory cannot take the others down), killed after --limit seconds.
// Run: `npx tsx tests/bench/hostile.ts [--limit 200]`. Prints a table, writes
// tests/bench/results/hostile-latest.json. Reported, never asserted.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_ARCHIVES, HUGE_DRAWINGS } from '../unit/fixtures/hostileFiles';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** The child: read one file, print how long importFile took and what it said. */
async function one(path: string): Promise<void> {
  const { importFile } = await import('../../src/core/importing/importFile');
  const bytes = new Uint8Array(readFileSync(path));
  const started = performance.now();
  const outcome = await importFile({ name: path.split('/').pop()!, bytes }, '2026-01-01T00:00:00Z');
  const ms = performance.now() - started;
  const said = outcome.ok ? `imported ${outcome.result.workspace.maps.length} maps, ${outcome.result.workspace.maps.reduce((n, m) => n + m.nodes.length, 0)} nodes` : outcome.errors[0]?.message ?? '';
  process.stdout.write(JSON.stringify({ ms, refused: !outcome.ok, said }));
}

interface Row {
  file: string;
  what: string;
  sizeKB: number;
  ms: number | null;
  refused: boolean;
  said: string;
}

function run(path: string, limitS: number): Promise<Omit<Row, 'file' | 'what' | 'sizeKB'>> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/hostile.ts', '--one', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ ms: null, refused: false, said: `still running after ${limitS} s (killed)` });
      try {
        resolve(JSON.parse(out) as { ms: number; refused: boolean; said: string });
      } catch {
        const wall = performance.now() - started;
        resolve({ ms: wall, refused: false, said: `crashed (exit ${code}): ${err.trim().split('\n').filter(Boolean).slice(-1)[0] ?? ''}` });
      }
    });
  });
}

async function main(): Promise<void> {
  const limitS = Number(flag('--limit') ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'lanemap-hostile-'));
  const rows: Row[] = [];
  try {
    for (const f of [...HOSTILE_ARCHIVES, ...HUGE_DRAWINGS]) {
      const path = join(dir, f.name);
      const bytes = f.bytes();
      writeFileSync(path, bytes);
      const r = await run(path, limitS);
      rows.push({ file: f.name, what: f.what, sizeKB: Math.round(bytes.length / 1024), ...r });
      const ms = r.ms === null ? `>${limitS * 1000}` : r.ms.toFixed(0);
      console.log(`${f.name.padEnd(22)} ${String(Math.round(bytes.length / 1024)).padStart(6)} KB ${ms.padStart(8)} ms  ${r.refused ? 'refused' : 'NOT refused'}: ${r.said.slice(0, 150)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync('tests/bench/results', { recursive: true });
  const result = { benchmark: 'hostile', date: new Date().toISOString(), node: process.version, machine: { cpus: cpus().length, loadAverage1m: loadavg()[0] }, limitS, rows };
  writeFileSync('tests/bench/results/hostile-latest.json', `${JSON.stringify(result, null, 2)}\n`);
}

const oneFile = flag('--one');
void (oneFile ? one(oneFile) : main());
