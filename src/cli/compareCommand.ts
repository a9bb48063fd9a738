// lanemap compare <bundle.json> --maps <idA> <idB> [--json]
// Which steps of two maps do the same job: the pairs with their confidence and why, then the
// steps only one map has. The user's decisions kept in the bundle (workspace.matchDecisions)
// come first, as on the compare screen. Prints only; writes no file.

import { matchSteps, type StepMatching } from '../core/compare';
import type { Id, ProcessMap, Workspace } from '../core/model/types';
import { count } from '../core/model/vocabulary';
import type { Command } from './command';
import { CliError, parseArgs, readBundle } from './io';

const USAGE = `Usage: lanemap compare <bundle.json> --maps <idA> <idB> [--json]

Matches the steps (starts, ends and decisions too) of two maps of a workspace bundle by what
they do: the words, the stores and systems they touch, their lanes and place in the flow,
and the user's confirmed, rejected and hand-made matches kept in the bundle.

  --maps <idA> <idB>  the ids of the two maps
  --json              print {"matches": [{"a", "b", "confidence", "why"}], "onlyA", "onlyB"}
  -h, --help          show this help`;

/** `--maps A B` takes two values, which the shared parser does not do: they are lifted out first. */
function liftMaps(args: readonly string[]): { rest: string[]; maps: [string, string] } {
  const at = args.indexOf('--maps');
  if (at < 0) throw new CliError(`Missing --maps <idA> <idB>: which two maps to compare\n${USAGE}`);
  const ids = args.slice(at + 1, at + 3);
  if (ids.length < 2 || ids.some((x) => x.startsWith('--'))) throw new CliError(`--maps needs two map ids\n${USAGE}`);
  return { rest: [...args.slice(0, at), ...args.slice(at + 3)], maps: [ids[0]!, ids[1]!] };
}

function findMap(ws: Workspace, id: Id, file: string): ProcessMap {
  const map = ws.maps.find((m) => m.id === id);
  if (map) return map;
  const known = ws.maps.map((m) => `${m.id} (${m.name})`).join(', ') || 'none';
  throw new CliError(`No map with id "${id}" in ${file} (maps: ${known})`);
}

export function compareJson(r: StepMatching): object {
  return {
    matches: r.matches.map((m) => ({ a: m.a, b: m.b, confidence: m.score, why: m.why, ...(m.decided ? { decided: m.decided } : {}) })),
    onlyA: r.onlyA,
    onlyB: r.onlyB,
    rejected: r.rejected.map(([a, b]) => ({ a, b })),
  };
}

function formatText(a: ProcessMap, b: ProcessMap, r: StepMatching): string {
  const label = (m: ProcessMap, id: Id) => {
    const n = m.nodes.find((x) => x.id === id)!;
    return n.label.trim() ? `“${n.label}”` : `(unnamed ${n.kind})`;
  };
  const lines = [`A: ${a.name} (${a.id})`, `B: ${b.name} (${b.id})`, '', `Matched: ${count(r.matches.length, 'step')}`];
  for (const m of r.matches) lines.push(`  ${m.score.toFixed(2)}  ${label(a, m.a)} = ${label(b, m.b)}  [${m.why}]`);
  lines.push('', `Only in A: ${count(r.onlyA.length, 'step')}`, ...r.onlyA.map((id) => `  ${label(a, id)}`));
  lines.push('', `Only in B: ${count(r.onlyB.length, 'step')}`, ...r.onlyB.map((id) => `  ${label(b, id)}`));
  if (r.rejected.length > 0) lines.push('', 'Kept apart by the user:', ...r.rejected.map(([x, y]) => `  ${label(a, x)} ≠ ${label(b, y)}`));
  return `${lines.join('\n')}\n`;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'match the steps of two maps of a workspace bundle, with confidence and why',
  usage: USAGE,
  async run(args, io) {
    const { rest, maps } = liftMaps(args);
    const { positional, flags } = parseArgs(rest, { withValue: [], boolean: ['json'] }, USAGE);
    if (positional.length !== 1) throw new CliError(`${positional.length === 0 ? 'Missing the bundle file' : 'Too many arguments'}\n${USAGE}`);
    const file = positional[0]!;
    const { workspace } = await readBundle(io, file);
    const a = findMap(workspace, maps[0], file);
    const b = findMap(workspace, maps[1], file);
    if (a === b) throw new CliError(`--maps names "${a.id}" twice: give two different maps`);
    const r = matchSteps(a, b, { decisions: workspace.meta.matchDecisions });
    io.stdout(flags.has('json') ? `${JSON.stringify(compareJson(r), null, 2)}\n` : formatText(a, b, r));
    return 0;
  },
};
