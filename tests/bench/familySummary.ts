// Issue 15's targets, family by family: a gain on the generator the layout was tuned on says
// little unless the independent families show it too.

import type { GraphResult } from './report';

export interface FamilySummary {
  family: string;
  graphs: number;
  /** Summed over the family's graphs, ours / naive banding. */
  crossings: { ours: number; naive: number; ratio: number };
  /** Ours: bends / flows of each graph, averaged over the graphs; and the worst graph. */
  bendsPerFlow: { mean: number; max: number; maxGraph: string };
  /** Summed node bounding-box area, ours / naive banding. */
  areaRatio: number;
  /** Ours / plain ELK, the worst graph. */
  time: { maxRatio: number; maxGraph: string };
  /** Ours; each list names the graphs with any, and how many. */
  outside: { total: number; graphs: string[] };
  overlaps: { total: number; graphs: string[] };
  through: { total: number; graphs: string[] };
  targets: { crossings: boolean; bends: boolean; clean: boolean; time: boolean };
}

const CROSSINGS_TARGET = 0.7;
const BENDS_TARGET = 1.5;
const TIME_TARGET = 1.3;

export function summariseFamilies(results: GraphResult[]): FamilySummary[] {
  const families = [...new Set(results.map((r) => r.family))];
  return families.map((family) => {
    const list = results.filter((r) => r.family === family);
    const ours = list.map((r) => r.peers.ours.metrics!);
    const naive = list.map((r) => r.peers.naive.metrics!);
    const total = (ms: typeof ours, f: (m: (typeof ours)[number]) => number) => ms.reduce((a, m) => a + f(m), 0);
    const crossings = { ours: total(ours, (m) => m.crossings), naive: total(naive, (m) => m.crossings), ratio: 0 };
    crossings.ratio = crossings.ours / Math.max(1, crossings.naive);
    const perFlow = ours.map((m) => m.bends / Math.max(1, m.flows));
    const maxAt = perFlow.indexOf(Math.max(...perFlow));
    const times = list.map((r) => r.peers.ours.msMedian! / Math.max(1e-9, r.plainElkMs));
    const slowAt = times.indexOf(Math.max(...times));
    const offenders = (f: (m: (typeof ours)[number]) => number) => ({
      total: total(ours, f),
      graphs: list.flatMap((r, i) => (f(ours[i]!) > 0 ? [`${r.name} (${f(ours[i]!)})`] : [])),
    });
    const s: FamilySummary = {
      family,
      graphs: list.length,
      crossings,
      bendsPerFlow: { mean: perFlow.reduce((a, b) => a + b, 0) / perFlow.length, max: perFlow[maxAt]!, maxGraph: list[maxAt]!.name },
      areaRatio: total(ours, (m) => m.area) / Math.max(1, total(naive, (m) => m.area)),
      time: { maxRatio: times[slowAt]!, maxGraph: list[slowAt]!.name },
      outside: offenders((m) => m.nodesOutsideBand),
      overlaps: offenders((m) => m.overlaps),
      through: offenders((m) => m.flowsThroughNodes),
      targets: { crossings: false, bends: false, clean: false, time: false },
    };
    s.targets = {
      crossings: crossings.ratio <= CROSSINGS_TARGET,
      bends: s.bendsPerFlow.mean <= BENDS_TARGET,
      clean: s.outside.total + s.overlaps.total + s.through.total === 0,
      time: s.time.maxRatio <= TIME_TARGET,
    };
    return s;
  });
}

const yes = (ok: boolean) => (ok ? 'met' : 'NOT MET');

export function formatFamilies(families: FamilySummary[]): string {
  const head = ['family', 'graphs', 'crossings ours/naive', 'bends/flow mean (max)', 'area', 'time/ELK max', 'outside', 'overlaps', 'through'];
  const widths = [14, 6, 26, 22, 6, 13, 7, 8, 7];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  const out = ['', 'Per family (targets: crossings <= 0.7x naive summed, bends per flow <= 1.5, 0 outside/overlaps/through, time <= 1.3x plain ELK):', line(head)];
  for (const f of families) {
    out.push(
      line([
        f.family,
        String(f.graphs),
        `${f.crossings.ours}/${f.crossings.naive} = ${f.crossings.ratio.toFixed(2)}x`,
        `${f.bendsPerFlow.mean.toFixed(2)} (${f.bendsPerFlow.max.toFixed(2)})`,
        `${f.areaRatio.toFixed(2)}x`,
        `${f.time.maxRatio.toFixed(2)}x`,
        String(f.outside.total),
        String(f.overlaps.total),
        String(f.through.total),
      ]),
    );
  }
  for (const f of families) {
    const t = f.targets;
    out.push(`  ${f.family}: crossings ${yes(t.crossings)}, bends ${yes(t.bends)}, invariants ${yes(t.clean)}, time ${yes(t.time)} (slowest ${f.time.maxGraph}; most bends ${f.bendsPerFlow.maxGraph})`);
    for (const [what, o] of [['outside their band', f.outside], ['overlaps', f.overlaps], ['flows through nodes', f.through]] as const) {
      if (o.total) out.push(`    ${what}: ${o.graphs.join(', ')}`);
    }
  }
  return out.join('\n');
}
