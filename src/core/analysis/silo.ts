import type { Id } from '../model/types';
import type { FieldSet } from './fieldKeys';
import { listEn, q, truncateList } from './english';
import { storeKindNoun } from '../model/vocabulary';
import type { Finding } from './types';
import { costField, siloCost } from './costs';
import { type AnalysisContext, type DataAccess } from './accessIndex';

// silo-system: customer data that one department keeps to itself. Candidates are every
// system and every standalone store (systemId null, or a system missing from the catalogue).
// A candidate is a silo when
// - it holds customer data: a system through any of its stores, a store through its own fields;
// - the steps that read or write it, on all maps, belong to exactly one department (a step
//   whose department is unknown makes the answer unknown, so no finding);
// - it has no integration with any other system (a standalone store never has one).
// A candidate nobody reads or writes is not reported: nothing shows who uses it.

function soleDepartment(accesses: readonly DataAccess[]): Id | null {
  let dept: Id | null = null;
  for (const a of accesses) {
    if (a.departmentId === null) return null;
    if (dept !== null && dept !== a.departmentId) return null;
    dept = a.departmentId;
  }
  return dept;
}

/** Field names as written, each kind of data once, for the explanation. */
function fieldNames(fields: FieldSet): string[] {
  return [...fields.values()].map((v) => v.names[0]!);
}

function siloFinding(
  ctx: AnalysisContext,
  c: { id: Id; name: string; isSystem: boolean; what: string; fields: FieldSet; accesses: DataAccess[]; dept: Id },
): Finding {
  const dept = ctx.departmentName(c.dept);
  const used = new Set(c.accesses.map((a) => a.map.id));
  const maps = ctx.ws.maps.filter((m) => used.has(m.id));
  const steps = [...new Set(c.accesses.map((a) => q(a.actor.label.trim() || a.actor.id)))];
  const identifying = [...c.fields.values()].some((v) => v.identifying);
  const fields = listEn(truncateList(fieldNames(c.fields), 8, 'fields'));
  const where = c.isSystem
    ? `It is not integrated with any other system`
    : `It is a ${c.what} that lives in no system, so nothing is integrated with it`;
  return {
    id: `silo-system:${c.id}`,
    kind: 'silo-system',
    severity: identifying ? 'high' : 'medium',
    title: `${c.name} is a silo: only ${dept} uses it`,
    explanation:
      `${c.name} holds customer data (${fields}), and only ${dept} reads or writes it: ` +
      `${listEn(truncateList(steps, 6, 'steps'))} on ${listEn(maps.map((m) => q(m.name)))}. ${where}. ` +
      `Other departments cannot see these customers or learn when their details change, so the records drift ` +
      `away from the shared ones; a CRM policy has to decide whether this data joins a shared system.`,
    subjects: [c.id],
    mapIds: maps.map((m) => m.id),
    suggestion: c.isSystem
      ? `Integrate ${c.name} with a shared system (such as the CRM) or migrate its records there and retire it; ` +
        `until then, agree with ${dept} who keeps it in step with the other records.`
      : `Move the records in ${c.name} into a shared system that other departments can use, then stop keeping the ${c.what}.`,
    requirement: `Hold the customers now kept in ${c.name} in the CRM, where every department that works with them can see them`,
    departmentIds: [c.dept],
    ...costField(siloCost(c.accesses, c.name)),
  };
}

export function siloFindings(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.ws.systems) {
    const fields = ctx.systemFields.get(s.id)!;
    if (fields.size === 0 || ctx.integrations.get(s.id)!.size > 0) continue;
    const accesses = ctx.accessesBySystem.get(s.id) ?? [];
    const dept = soleDepartment(accesses);
    if (dept === null) continue;
    out.push(siloFinding(ctx, { id: s.id, name: s.name, isSystem: true, what: 'system', fields, accesses, dept }));
  }
  for (const d of ctx.ws.dataStores) {
    if (d.systemId !== null && ctx.systemById.has(d.systemId)) continue;
    const fields = ctx.storeFields.get(d.id)!;
    if (fields.size === 0) continue;
    const accesses = ctx.accessesByStore.get(d.id) ?? [];
    const dept = soleDepartment(accesses);
    if (dept === null) continue;
    out.push(siloFinding(ctx, { id: d.id, name: d.name, isSystem: false, what: storeKindNoun(d.kind), fields, accesses, dept }));
  }
  return out;
}
