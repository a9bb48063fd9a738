import { matchSteps } from '../../src/core/compare';
import { benchPairs, type BenchPair } from './compare/pairs';

// npm run bench:compare: precision and recall of step matching against the hand-labelled and
// generated truth (tests/bench/compare/), per family and overall, for the test split apart from
// the pairs the matcher was tuned on. Targets: precision >= 0.9, recall >= 0.8 on the test split.
// `--verbose` lists the wrong and missed pairs of the tune split.

interface Tally { tp: number; fp: number; fn: number; pairs: number }
const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0, pairs: 0 });
/** Lists the tune split's mistakes only: the test split is scored, never studied. */
const verbose = process.argv.includes('--verbose');

function score(p: BenchPair): Tally {
  const r = matchSteps(p.a, p.b);
  const truth = new Set(p.truth.map(([a, b]) => `${a}\u0000${b}`));
  const got = new Set(r.matches.map((m) => `${m.a}\u0000${m.b}`));
  const t: Tally = { tp: 0, fp: 0, fn: 0, pairs: 1 };
  const show = verbose && p.split === 'tune';
  const label = (side: 'a' | 'b', id: string) => `“${p[side].nodes.find((n) => n.id === id)?.label}”`;
  for (const m of r.matches) {
    if (truth.has(`${m.a}\u0000${m.b}`)) t.tp++;
    else {
      t.fp++;
      if (show) console.log(`  wrong  [${p.name}] ${label('a', m.a)} ~ ${label('b', m.b)} (${m.score})`);
    }
  }
  for (const [a, b] of p.truth) {
    if (got.has(`${a}\u0000${b}`)) continue;
    t.fn++;
    if (show) console.log(`  missed [${p.name}] ${label('a', a)} ~ ${label('b', b)}`);
  }
  return t;
}

const add = (x: Tally, y: Tally): Tally => ({ tp: x.tp + y.tp, fp: x.fp + y.fp, fn: x.fn + y.fn, pairs: x.pairs + y.pairs });
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : ' n/a ');
const line = (name: string, t: Tally) => {
  const precision = t.tp / (t.tp + t.fp);
  const recall = t.tp / (t.tp + t.fn);
  console.log(`${name.padEnd(28)} ${String(t.pairs).padStart(5)} ${String(t.tp + t.fn).padStart(6)} ${fmt(precision).padStart(9)} ${fmt(recall).padStart(7)}`);
  return { precision, recall };
};

const pairs = await benchPairs();
const tallies = new Map<string, Tally>();
for (const p of pairs) {
  const t = score(p);
  for (const k of [`${p.split} ${p.family}`, `${p.split} all`]) tallies.set(k, add(tallies.get(k) ?? empty(), t));
}
console.log(`${'split / family'.padEnd(28)} pairs  truth precision  recall`);
for (const split of ['tune', 'test'] as const) {
  for (const family of ['rewrite', 'corpus', 'paraphrase', 'cross', 'all']) {
    const t = tallies.get(`${split} ${family}`);
    if (t) line(`${split} ${family}`, t);
  }
}
const test = tallies.get('test all')!;
const { precision, recall } = { precision: test.tp / (test.tp + test.fp), recall: test.tp / (test.tp + test.fn) };
console.log(`\ntest split: precision ${fmt(precision)} (target 0.9), recall ${fmt(recall)} (target 0.8): ${precision >= 0.9 && recall >= 0.8 ? 'met' : 'NOT met'}`);
