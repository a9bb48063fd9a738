import type { Id } from '../model/types';
import { fieldLabel, sharedKeys } from './fields';
import { listEn, q } from './text';
import type { CopiedFields, Finding } from './types';
import { actorKey, type AnalysisContext, integrated, type Target, targetFields, targetId, targetName } from './usage';

// manual-rekeying: a step (node kind `step`) that reads one store or system and writes
// another, where
// - the two are different places (a step reading and writing one store is just an update),
// - they are not integrated: not the same system, and no integratesWith link between their
//   systems in either direction (a standalone store is integrated with nothing),
// - they share at least one customer field after normalisation (fields.ts).
// That is staff copying customer data by hand; high severity when the step is marked manual,
// medium otherwise (an export or copy-and-paste still makes a second, unlinked copy).
// One finding per step, listing every source -> target copy it makes.

const sameTarget = (a: Target, b: Target): boolean => a.storeId === b.storeId && a.systemId === b.systemId;

function uniqueTargets(targets: readonly Target[]): Target[] {
  const out: Target[] = [];
  for (const t of targets) if (!out.some((u) => sameTarget(u, t))) out.push(t);
  return out;
}

export function rekeyingFindings(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const { map } of ctx.maps) {
    for (const node of map.nodes) {
      if (node.kind !== 'step') continue;
      const accesses = ctx.accessesByActor.get(actorKey(map.id, node.id));
      if (!accesses || accesses.length < 2) continue;
      const reads = uniqueTargets(accesses.filter((a) => a.read).map((a) => a.target));
      const writes = uniqueTargets(accesses.filter((a) => a.write).map((a) => a.target));
      const copies: { from: Target; to: Target; keys: string[] }[] = [];
      for (const from of reads) {
        for (const to of writes) {
          if (sameTarget(from, to) || integrated(ctx, from.systemId, to.systemId)) continue;
          const keys = sharedKeys(targetFields(ctx, from), targetFields(ctx, to));
          if (keys.length > 0) copies.push({ from, to, keys });
        }
      }
      if (copies.length === 0) continue;
      const label = node.label.trim() || node.id;
      const manual = node.manual === true;
      const dept = ctx.departmentName(accesses[0]!.departmentId);
      const sources = uniqueTargets(copies.map((c) => c.from));
      const targets = uniqueTargets(copies.map((c) => c.to));
      const names = (ts: Target[]): string => listEn(ts.map((t) => targetName(ctx, t)));
      const systemsOf = (t: Target): string =>
        t.systemId !== null && t.storeId !== null ? `${targetName(ctx, t)} (in ${ctx.systemById.get(t.systemId)!.name})` : targetName(ctx, t);
      const what = copies
        .map((c) => `${listEn(c.keys.map(fieldLabel))} from ${systemsOf(c.from)} into ${systemsOf(c.to)}`)
        .join('; ');
      const subjects: Id[] = [node.id];
      for (const t of [...sources, ...targets]) if (!subjects.includes(targetId(t))) subjects.push(targetId(t));
      out.push({
        id: `manual-rekeying:${map.id}:${node.id}`,
        kind: 'manual-rekeying',
        severity: manual ? 'high' : 'medium',
        title: manual
          ? `${q(label)} re-keys customer data by hand from ${names(sources)} into ${names(targets)}`
          : `${q(label)} copies customer data from ${names(sources)} into ${names(targets)}`,
        explanation:
          `In ${q(map.name)}, ${dept} staff at the step ${q(label)} read and write customer data that the two places share: ` +
          `${what}. The two are not integrated, so ${manual ? 'every record is typed twice' : 'every record is copied and then kept twice'}: ` +
          `it costs staff time, lets typing errors in, and the copies drift apart as soon as one is corrected` +
          `${manual ? '' : ' (the step is not marked manual, so it may be an export, but the copy is still unlinked)'}. ` +
          `A CRM policy should say where these details are entered once.`,
        subjects,
        mapIds: [map.id],
        suggestion:
          `Integrate ${names(targets)} with ${names(sources)} so the data moves without re-typing, ` +
          `or have ${dept} work from ${names(sources)} directly and drop the copy.`,
        copies: copies.map((c): CopiedFields => ({ from: targetId(c.from), to: targetId(c.to), fields: c.keys })),
      });
    }
  }
  return out;
}
