import type { Id } from '../model/types';
import { fieldLabel, sharedKeys } from './fieldKeys';
import { listEn, q } from './english';
import { capitalise } from '../model/vocabulary';
import type { CopiedFields, Finding } from './types';
import { rekeyingCost } from './costs';
import { type AnalysisContext, type DataAccess, integrated, type Target, targetFields, targetId, targetName } from './accessIndex';

// manual-rekeying: a step (node kind `step`) that reads one store or system and writes
// another, where
// - the two are different places (a step reading and writing one store is just an update),
// - they are not integrated: not the same system, and no integratesWith link between their
//   systems in either direction (a standalone store is integrated with nothing),
// - they share at least one customer field after normalisation (fieldKeys.ts).
// That is staff copying customer data by hand; high severity when the step is marked manual,
// medium otherwise (an export or copy-and-paste still makes a second, unlinked copy).
// One finding per step, listing every source -> target copy it makes.

const sameTarget = (a: Target, b: Target): boolean => a.storeId === b.storeId && a.systemId === b.systemId;

function uniqueTargets(targets: readonly Target[]): Target[] {
  const out: Target[] = [];
  for (const t of targets) if (!out.some((u) => sameTarget(u, t))) out.push(t);
  return out;
}

/** Why data cannot flow between the two on its own, naming the systems involved. */
function whyNotIntegrated(ctx: AnalysisContext, from: Target, to: Target): string {
  const sys = (t: Target): string => ctx.systemById.get(t.systemId!)!.name;
  if (from.systemId !== null && to.systemId !== null) return `${sys(from)} and ${sys(to)} are not integrated`;
  const loose = [from, to].filter((t) => t.systemId === null).map((t) => targetName(ctx, t));
  return `${listEn(loose)} ${loose.length === 1 ? 'is' : 'are'} not part of any system`;
}

interface Copy {
  from: Target;
  to: Target;
  keys: string[];
}

/** The copies one step makes: each read place into each written place it shares fields with. */
function copiesOf(ctx: AnalysisContext, accesses: readonly DataAccess[]): Copy[] {
  const reads = uniqueTargets(accesses.filter((a) => a.read).map((a) => a.target));
  const writes = uniqueTargets(accesses.filter((a) => a.write).map((a) => a.target));
  const copies: Copy[] = [];
  for (const from of reads) {
    for (const to of writes) {
      if (sameTarget(from, to) || integrated(ctx, from.systemId, to.systemId)) continue;
      const keys = sharedKeys(targetFields(ctx, from), targetFields(ctx, to));
      if (keys.length > 0) copies.push({ from, to, keys });
    }
  }
  return copies;
}

function rekeyingFinding(ctx: AnalysisContext, first: DataAccess, copies: readonly Copy[]): Finding {
  const { map, actor: node } = first;
  const label = node.label.trim() || node.id;
  const manual = node.manual === true;
  const dept = ctx.departmentName(first.departmentId);
  const sources = uniqueTargets(copies.map((c) => c.from));
  const targets = uniqueTargets(copies.map((c) => c.to));
  const from = listEn(sources.map((t) => targetName(ctx, t)));
  const into = listEn(targets.map((t) => targetName(ctx, t)));
  const verb = manual ? 'type them into' : 'copy them into';
  const what = copies
    .map((c) => `take ${listEn(c.keys.map(fieldLabel))} from ${targetName(ctx, c.from)} and ${verb} ${targetName(ctx, c.to)}`)
    .join('; they also ');
  const why = [...new Set(copies.map((c) => whyNotIntegrated(ctx, c.from, c.to)))];
  const subjects: Id[] = [node.id];
  for (const t of [...sources, ...targets]) if (!subjects.includes(targetId(t))) subjects.push(targetId(t));
  return {
    id: `manual-rekeying:${map.id}:${node.id}`,
    kind: 'manual-rekeying',
    severity: manual ? 'high' : 'medium',
    title: manual
      ? `${q(label)} re-keys customer data by hand from ${from} into ${into}`
      : `${q(label)} copies customer data from ${from} into ${into}`,
    explanation:
      `In ${q(map.name)}, ${dept} staff at the step ${q(label)} ${what}. ${capitalise(listEn(why))}, ` +
      (manual
        ? 'so every record is typed twice: it costs staff time, lets typing errors in, and the copies drift apart as soon as one is corrected. '
        : 'so every record is kept twice and the copies drift apart as soon as one is corrected (the step is not marked manual, ' +
          'so it may be an export, but the copy is still unlinked). ') +
      `A CRM policy should say where these details are entered once.`,
    subjects,
    mapIds: [map.id],
    suggestion: `Integrate ${into} with ${from} so the data moves without re-typing, or have ${dept} work from ${from} directly and drop the copy.`,
    copies: copies.map((c): CopiedFields => ({ from: targetId(c.from), to: targetId(c.to), fields: c.keys })),
    requirement: `Move ${listEn([...new Set(copies.flatMap((c) => c.keys))].map(fieldLabel))} from ${from} to ${into} without anyone typing them again`,
    departmentIds: first.departmentId !== null && ctx.activeDepartments.has(first.departmentId) ? [first.departmentId] : [],
    cost: rekeyingCost(first),
  };
}

export function rekeyingFindings(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const index of ctx.maps) {
    // Only nodes with accesses are in the index; its order (flows in map order) is stable.
    for (const accesses of index.accessesByNode.values()) {
      const first = accesses[0]!;
      if (first.actor.kind !== 'step' || accesses.length < 2 || !accesses.some((a) => a.read) || !accesses.some((a) => a.write)) continue;
      const copies = copiesOf(ctx, accesses);
      if (copies.length > 0) out.push(rekeyingFinding(ctx, first, copies));
    }
  }
  return out;
}
