// How long renderMapSvg takes and how big its SVG is, on generated maps laid out by our layout
// (150 and 1000 nodes), with and without findings badges and the title block.
// Run: `npx tsx tests/bench/export.ts [--runs N]`. Prints a table and writes
// tests/bench/results/export-latest.json. Reported against the targets, never asserted.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { analyzeWorkspace } from '../../src/core/analysis';
import { renderMapSvg } from '../../src/core/picture';
import { generateMap, layoutMap, withLayout } from '../../src/core/layout';
import { defaultElk } from '../../src/core/layout/elkNode';
import type { Workspace } from '../../src/core/model/types';
import { median } from './report';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 21;
const TARGETS: Record<number, { ms: number; kb?: number }> = { 150: { ms: 20, kb: 100 }, 1000: { ms: 200 } };

const now = () => performance.now();

/** A workspace of one generated map, laid out as the app would lay it out. */
export async function benchWorkspace(nodes: number, lanes: number, seed: number): Promise<Workspace> {
  const generated = generateMap({ nodes, lanes, seed, id: `m-gen-${nodes}` });
  const map = withLayout(generated, await layoutMap(generated, { elk: defaultElk() }));
  return { meta: { id: 'bench', name: 'Bench' }, departments: [], systems: [], dataStores: [], maps: [{ ...map, name: `Generated ${nodes}` }] };
}

async function main(): Promise<void> {
  const rows = [];
  for (const [nodes, lanes, seed] of [[150, 8, 150], [1000, 8, 1008]] as const) {
    const ws = await benchWorkspace(nodes, lanes, seed);
    const map = ws.maps[0]!;
    const findings = analyzeWorkspace(ws);
    for (const variant of ['plain', 'findings+title'] as const) {
      const opts = variant === 'plain' ? {} : { findings, title: true, date: '2026-01-01' };
      for (let i = 0; i < 10; i++) renderMapSvg(map, ws, opts); // warm the JIT
      const times: number[] = [];
      let out = renderMapSvg(map, ws, opts);
      for (let i = 0; i < RUNS; i++) {
        const t0 = now();
        out = renderMapSvg(map, ws, opts);
        times.push(now() - t0);
      }
      const ms = median(times);
      const kb = Buffer.byteLength(out.svg) / 1024;
      const target = TARGETS[nodes]!;
      rows.push({
        nodes,
        flows: map.flows.length,
        variant,
        medianMs: Number(ms.toFixed(2)),
        maxMs: Number(Math.max(...times).toFixed(2)),
        sizeKB: Number(kb.toFixed(1)),
        picture: `${out.width} x ${out.height}`,
        meetsTarget: ms < target.ms && (target.kb === undefined || kb < target.kb),
      });
    }
  }
  console.table(rows);
  const result = { date: new Date().toISOString(), cpus: cpus().length, runs: RUNS, targets: TARGETS, rows };
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync('tests/bench/results/export-latest.json', `${JSON.stringify(result, null, 2)}\n`);
}

void main();
