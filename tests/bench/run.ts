// npm run bench: our layout against plain ELK with naive banding, ELK with lanes as compound
// nodes, and dagre with the same banding, on the same maps of several families (graphs.ts).
// Prints a table and a summary per family, and writes
// tests/bench/results/layout-<date>.json and layout-latest.json.
//
// Options: --match <text> (graphs whose name contains it), --family <a,b> (graphs of these
// families, as graphs.ts names them), --runs <n> (timed runs per graph). A filtered run writes
// layout-<date>-<filter>.json, so runs of different families side by side keep their own file.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultElk } from '../../src/core/layout/elkNode';
import { measureLayout } from '../../src/core/layout/metrics';
import type { MapView, ProcessMap } from '../../src/core/model/types';
import { formatFamilies, summariseFamilies } from './familySummary';
import { benchGraphs, corpusGraphs, type BenchGraph } from './graphs';
import { COMPOUND_MAX_NODES, PEERS, runPeer, type PeerName } from './peers';
import { formatTable, median, summarise, type GraphResult, type PeerResult } from './report';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--match');
const families = opt('--family')?.split(',');
const fixedRuns = opt('--runs') ? Number(opt('--runs')) : undefined;
const runsFor = (nodes: number) => fixedRuns ?? (nodes <= 20 ? 15 : nodes <= 150 ? 9 : nodes <= 500 ? 5 : 3);

const peerRuns = (peer: PeerName, nodes: number, runs: number) =>
  fixedRuns ?? (peer === 'compound' && nodes > 150 ? 1 : peer === 'dagre' && nodes > 500 ? 1 : runs);

const elk = defaultElk();
const measure = (map: ProcessMap, view: MapView) => measureLayout({ ...map, view });

async function main(): Promise<void> {
  const pick =
    only || families
      ? (g: BenchGraph) => (!only || g.name.includes(only)) && (!families || families.includes(g.family))
      : undefined;
  const graphs = [...benchGraphs(pick), ...(await corpusGraphs(pick))];
  const started = Date.now();
  const loadAtStart = loadavg();
  // Warm up the JIT on a mid-sized map so the first graph's times are not the compiler's.
  const warm = benchGraphs((g) => g.name === 'gen 150/8')[0]!.map;
  for (const p of PEERS) await runPeer(p, warm, elk);

  const results: GraphResult[] = [];
  for (const graph of graphs) {
    const { map } = graph;
    const peers = {} as Record<PeerName, PeerResult>;
    const times: Record<PeerName, number[]> = { ours: [], naive: [], compound: [], dagre: [] };
    const elkTimes: number[] = [];
    let elkNoLanes: MapView | undefined;
    const active = PEERS.filter((p) => {
      if (p === 'compound' && map.nodes.length > COMPOUND_MAX_NODES) {
        peers[p] = { skipped: `>${COMPOUND_MAX_NODES} nodes` };
        return false;
      }
      return true;
    });
    const views = {} as Record<PeerName, MapView>;
    // Peers interleaved run by run, so a busy moment on the machine hits them alike, and in the
    // reverse order every other run: in a fixed order the time of a 20-node map alternated with
    // its place in the run (ours 14, 9, 17, 10… ms against ELK's 10, 12, 10, 13…), which
    // favoured one side by where the garbage collector and ELK's timers happened to fall.
    const runs = runsFor(map.nodes.length);
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? active : [...active].reverse();
      // The slow peers get fewer runs on big maps, so the whole bench stays within minutes.
      for (const p of order.filter((q) => run < peerRuns(q, map.nodes.length, runs))) {
        const r = await runPeer(p, map, elk);
        times[p].push(r.ms);
        if (r.elkMs !== undefined) elkTimes.push(r.elkMs);
        if (run === 0) views[p] = r.view;
        if (run === 0 && r.raw) elkNoLanes = r.raw;
      }
    }
    for (const p of active) peers[p] = { msMedian: median(times[p]), msRuns: times[p].map((t) => Math.round(t)), metrics: measure(map, views[p]) };
    const result: GraphResult = {
      name: graph.name,
      family: graph.family,
      generated: graph.generated,
      nodes: map.nodes.length,
      flows: map.flows.length,
      lanes: map.lanes.length,
      plainElkMs: median(elkTimes),
      peers: { ours: peers.ours, naive: peers.naive, compound: peers.compound, dagre: peers.dagre },
      elkNoLanes: measure(map, elkNoLanes!),
    };
    results.push(result);
    const o = result.peers.ours;
    process.stderr.write(`${graph.name}: ours ${o.msMedian!.toFixed(0)} ms (ELK ${result.plainElkMs.toFixed(0)} ms), crossings ${o.metrics!.crossings} vs ${result.peers.naive.metrics!.crossings}\n`);
  }

  const summary = summarise(results);
  const byFamily = summariseFamilies(results);
  console.log(formatTable(results, summary));
  console.log(formatFamilies(byFamily));
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const doc = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg(),
    seconds: Math.round((Date.now() - started) / 1000),
    filter: only ?? null,
    familyFilter: families ?? null,
    results,
    summary,
    families: byFamily,
  };
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const filtered = Boolean(only || families);
  const slug = [only, ...(families ?? [])].filter(Boolean).join('-').replace(/[^A-Za-z0-9]+/g, '-');
  const file = `layout-${doc.date.slice(0, 10)}${filtered ? `-${slug}` : ''}.json`;
  writeFileSync(join(dir, file), text);
  // Only a full run replaces the stable file others compare against.
  if (!filtered) writeFileSync(join(dir, 'layout-latest.json'), text);
  console.log(`\n${doc.seconds} s; results in tests/bench/results/${file}${filtered ? '' : ' and layout-latest.json'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
