// Files in and out, timed in Node: the policy report for the demo and for 20 generated maps of
// 80 nodes, as `lanemap report` makes it (.docx with its pictures' PNG fallbacks drawn by resvg,
// .html, and .pdf by pdfkit with the pictures as vectors), in this process and once as the CLI itself, start to finish; BPMN import of every reference model in ../shared/corpus and BPMN export of every map;
// step matching for the compare screen on generated maps of 150, 500 and 1000 nodes.
// Run: `npm run bench:io [-- --runs N]`. Prints a table, writes tests/bench/results/io-latest.json.
// Reported, never asserted.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { reportBytes } from '../../src/cli/reportCommand';
import { toBundle } from '../../src/core/schema/bundle';
import { matchSteps } from '../../src/core/compare';
import { demoWorkspace } from '../../src/core/demo';
import { bpmnExport } from '../../src/core/bpmn';
import { importFile } from '../../src/core/importing/importFile';
import { generateMap, layoutMap, withLayout } from '../../src/core/layout';
import { defaultElk } from '../../src/core/layout/elkNode';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { median } from './report';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const CORPUS = '../shared/corpus/bpmn-miwg/reference';
const NOW = '2026-01-01T00:00:00Z';

interface Row {
  what: string;
  input: string;
  medianMs: number;
  /** CPU time of this process (all its threads), median: what a loaded machine does not inflate as it does the wall time. */
  cpuMs?: number;
  size?: string;
}

/** Median wall and CPU time of `run` over RUNS runs after one warm-up, and the last result. */
async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; last: T }> {
  let last = await run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = await run();
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: Math.round(median(times)), cpuMs: Math.round(median(cpu)), last };
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;

async function laidOut(nodes: number, lanes: number, seed: number, id: string): Promise<ProcessMap> {
  const g = generateMap({ nodes, lanes, seed, id });
  return { ...withLayout(g, await layoutMap(g, { elk: defaultElk() })), name: `Generated ${id}` };
}

async function reportRows(rows: Row[]): Promise<void> {
  const demo = demoWorkspace(NOW);
  const maps: ProcessMap[] = [];
  for (let i = 0; i < 20; i++) maps.push(await laidOut(80, 5, 500 + i, `r${i + 1}`));
  const big: Workspace = { meta: { id: 'bench', name: 'Report bench' }, departments: [], systems: [], dataStores: [], maps };
  for (const [input, ws] of [[`demo, ${demo.maps.length} maps`, demo], ['20 maps x 80 nodes', big]] as const) {
    for (const format of ['docx', 'html', 'pdf'] as const) {
      // Findings, print layout, pictures (and their PNGs for Word) and the document: all of it.
      const r = await timed(() => reportBytes(ws, { format, paper: 'a4', findings: true, date: '2026-01-01' }));
      rows.push({ what: `report .${format}, whole`, input, medianMs: r.ms, cpuMs: r.cpuMs, size: kb(typeof r.last === 'string' ? Buffer.byteLength(r.last) : r.last.byteLength) });
    }
  }
  // The CLI from the shell, once per format: Node and tsx starting, reading the bundle, writing the file.
  const bundle = join(tmpdir(), 'lanemap-bench-20maps.json');
  writeFileSync(bundle, JSON.stringify(toBundle(big, NOW)));
  for (const format of ['docx', 'html', 'pdf'] as const) {
    const t0 = performance.now();
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'report', bundle, '--format', format, '--out', join(tmpdir(), `lanemap-bench-report.${format}`), '--force'], { stdio: 'ignore' });
    rows.push({ what: `CLI 'lanemap report --format ${format}', one run`, input: '20 maps x 80 nodes', medianMs: Math.round(performance.now() - t0) });
  }
}

async function bpmnRows(rows: Row[]): Promise<void> {
  if (!existsSync(CORPUS)) return;
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.bpmn')).sort().map((f) => ({ name: f, bytes: readFileSync(join(CORPUS, f)) }));
  const imported = await timed(async () => {
    const maps: ProcessMap[] = [];
    for (const f of files) {
      const outcome = await importFile(f, NOW);
      if (outcome.ok) maps.push(...outcome.result.workspace.maps);
    }
    return maps;
  });
  rows.push({ what: 'BPMN import, all files', input: `${files.length} reference models, ${imported.last.length} maps`, medianMs: imported.ms });
  const demo = demoWorkspace(NOW);
  const ws: Workspace = { ...demo, maps: [...demo.maps, ...imported.last] };
  const exported = await timed(() => ws.maps.map((m) => bpmnExport(m, ws).xml.length));
  rows.push({ what: 'BPMN export, every map', input: `${ws.maps.length} maps (demo and imported)`, medianMs: exported.ms, size: kb(exported.last.reduce((a, b) => a + b, 0)) });
}

async function compareRows(rows: Row[]): Promise<void> {
  for (const nodes of [150, 500, 1000]) {
    const a = generateMap({ nodes, lanes: 8, seed: nodes + 1, id: 'a' });
    const b = generateMap({ nodes, lanes: 8, seed: nodes + 2, id: 'b' });
    const r = await timed(() => matchSteps(a, b));
    rows.push({ what: 'compare: match steps of two maps', input: `${nodes} + ${nodes} nodes`, medianMs: r.ms, size: `${r.last.matches.length} matches` });
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  await reportRows(rows);
  await bpmnRows(rows);
  await compareRows(rows);
  console.table(rows);
  mkdirSync('tests/bench/results', { recursive: true });
  const doc = { date: new Date().toISOString(), cpus: cpus().length, loadAverageAtEnd: loadavg(), runs: RUNS, rows };
  writeFileSync('tests/bench/results/io-latest.json', `${JSON.stringify(doc, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
