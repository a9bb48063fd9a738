import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admissionsMap } from '../../../src/core/demo/admissions';
import { alumniMap } from '../../../src/core/demo/alumni';
import { fundraisingMap } from '../../../src/core/demo/fundraising';
import { marketingMap } from '../../../src/core/demo/marketing';
import { importFile } from '../../../src/core/importing/importFile';
import type { Id, ProcessMap } from '../../../src/core/model/types';
import { normaliseName } from '../../../src/core/catalogue/fuzzy';
import { paraphrase } from './paraphrase';
import { admissionsRewrite, alumniRewrite, fundraisingRewrite, marketingRewrite } from './rewrites';

// The compare benchmark's pairs, by family, each marked `tune` (looked at while the matcher's
// words and weights were set) or `test` (only ever scored). Families:
// - rewrite: demo maps redrawn by hand in another department's words (rewrites.ts);
// - corpus: files from /work/shared/corpus through the importers: one process exported by two
//   tools (BPMN and Visio), and corpus BPMN maps put through the paraphrasing generator;
// - paraphrase: the demo maps through the paraphrasing generator, several seeds;
// - cross: two demo maps of different processes, where a person pairs only the few steps that
//   are one job in both (written down before the matcher saw them): mostly a test of precision.

export type Family = 'rewrite' | 'corpus' | 'paraphrase' | 'cross';

export interface BenchPair {
  family: Family;
  split: 'tune' | 'test';
  name: string;
  a: ProcessMap;
  b: ProcessMap;
  truth: [Id, Id][];
}

const NOW = '2026-01-01T00:00:00Z';
const CORPUS = process.env.LANEMAP_CORPUS ?? '/work/shared/corpus';
const CONTROL = new Set(['start', 'end', 'step', 'decision']);

async function corpusMaps(file: string): Promise<ProcessMap[]> {
  const o = await importFile({ name: file, bytes: readFileSync(join(CORPUS, file)) }, NOW);
  if (!o.ok) throw new Error(`${file}: ${o.errors.map((e) => e.message).join('; ')}`);
  return o.result.workspace.maps;
}

/**
 * One process drawn in two tools: a node pairs with the node of the same kind, lane (by place)
 * and words, the k-th such one with the k-th. Unlabelled gateways and events pair the same way.
 */
function sameDrawing(a: ProcessMap, b: ProcessMap): [Id, Id][] {
  const key = (m: ProcessMap, id: Id) => {
    const n = m.nodes.find((x) => x.id === id)!;
    return `${n.kind}|${m.lanes.findIndex((l) => l.id === n.laneId)}|${normaliseName(n.label)}`;
  };
  const pool = new Map<string, Id[]>();
  for (const n of b.nodes.filter((x) => CONTROL.has(x.kind))) (pool.get(key(b, n.id)) ?? pool.set(key(b, n.id), []).get(key(b, n.id))!).push(n.id);
  const out: [Id, Id][] = [];
  for (const n of a.nodes.filter((x) => CONTROL.has(x.kind))) {
    const hit = pool.get(key(a, n.id))?.shift();
    if (hit) out.push([n.id, hit]);
  }
  return out;
}

export async function benchPairs(): Promise<BenchPair[]> {
  const pairs: BenchPair[] = [];
  const rewrite = (name: string, split: 'tune' | 'test', a: ProcessMap, d: { map: ProcessMap; truth: [Id, Id][] }) =>
    pairs.push({ family: 'rewrite', split, name, a, b: d.map, truth: d.truth });
  rewrite('admissions / faculty office', 'tune', admissionsMap(NOW), admissionsRewrite());
  rewrite('alumni / careers', 'tune', alumniMap(NOW), alumniRewrite());
  rewrite('fundraising / faculty development', 'test', fundraisingMap(NOW), fundraisingRewrite());
  rewrite('marketing / recruitment', 'test', marketingMap(NOW), marketingRewrite());

  const [c1bpmn] = await corpusMaps('bpmn-miwg/reference/C.1.0.bpmn');
  const [c1vsdx] = await corpusMaps('bpmn-miwg/visio/C.1.0.vsdx');
  pairs.push({ family: 'corpus', split: 'test', name: 'C.1.0 BPMN / Visio', a: c1bpmn!, b: c1vsdx!, truth: sameDrawing(c1bpmn!, c1vsdx!) });
  const corpusSources: [string, number][] = [['C.4.0.bpmn', 0], ['C.5.0.bpmn', 0], ['C.7.0.bpmn', 0], ['C.2.0.bpmn', 0], ['C.4.0.bpmn', 2]];
  for (const [file, index] of corpusSources) {
    const src = (await corpusMaps(`bpmn-miwg/reference/${file}`))[index]!;
    const seed = 101 + pairs.length;
    const d = paraphrase(src, { seed, departmentId: 'd-other', drop: 0.1, inserts: 2 });
    pairs.push({ family: 'corpus', split: 'test', name: `${file} "${src.name}" paraphrased (seed ${seed})`, a: src, b: d.map, truth: d.truth });
  }

  const demo = [admissionsMap(NOW), alumniMap(NOW), fundraisingMap(NOW), marketingMap(NOW)];
  for (const seed of [1, 2, 3]) {
    for (const m of demo) {
      const d = paraphrase(m, { seed: seed * 10 + demo.indexOf(m), departmentId: 'd-other', drop: 0.15, inserts: 2 });
      pairs.push({ family: 'paraphrase', split: seed === 1 ? 'tune' : 'test', name: `${m.name} (seed ${seed * 10 + demo.indexOf(m)})`, a: m, b: d.map, truth: d.truth });
    }
  }
  // Different processes: the only steps a person pairs across them.
  const [adm, alu, dev, mkt] = demo as [ProcessMap, ProcessMap, ProcessMap, ProcessMap];
  const cross: [ProcessMap, ProcessMap, [Id, Id][]][] = [
    [adm, mkt, [['n-adm-2', 'n-mkt-17']]],
    [alu, mkt, [['n-alu-9', 'n-mkt-5'], ['n-alu-7', 'n-mkt-2']]],
    [adm, alu, []],
    [alu, dev, []],
    [adm, dev, []],
  ];
  for (const [a, b, truth] of cross) pairs.push({ family: 'cross', split: 'test', name: `${a.name} / ${b.name}`, a, b, truth });
  return pairs;
}
