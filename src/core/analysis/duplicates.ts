import type { DataStore, Id } from '../model/types';
import { fieldLabel, normaliseField, sensitiveByNature, tellsPopulation } from './fieldKeys';
import { listEn, q } from './english';
import { capitalise, count } from '../model/vocabulary';
import type { Finding, FindingTable } from './types';
import { type AnalysisContext, type DataAccess, mapsOfStores, storeAccesses, storeDepartments } from './accessIndex';
import { groupsOfStores, populationKey, type StoreGroup } from './duplicatePairs';
import { costField, duplicateCost } from './costs';

// duplicate-data: the same customers' data kept in more than one store (duplicatePairs.ts says
// which stores match). One finding per group of matching stores, with a table of the group:
// each store, its department, the fields it holds that others hold too, who writes and reads
// it. Every catalogue store takes part, drawn on a map or not: the catalogue says what it holds.
// Nothing trails off: a group of twelve stores names all twelve.

/** Sensitive keys held in the group: by nature, or marked so on any store that holds them. */
function sensitiveKeys(group: readonly DataStore[], keys: ReadonlySet<string>): string[] {
  const marked = new Set(group.flatMap((d) => (d.sensitiveFields ?? []).map((f) => normaliseField(f).key)));
  return [...keys].filter((k) => sensitiveByNature(k) || marked.has(k));
}

/**
 * "Admissions (“Log enquiry”, “Update record”); Finance (“Bank cheque”)", or '' when no step
 * does it: departments in order of first use, each step's label once. One pass over the uses
 * and one string at the end: a large group's table makes hundreds of these on every edit.
 */
function whoDoes(ctx: AnalysisContext, accesses: readonly DataAccess[], writes: boolean): string {
  const byDept = new Map<string, string[]>();
  for (const a of accesses) {
    if (!(writes ? a.write : a.read)) continue;
    const dept = a.departmentId !== null && ctx.activeDepartments.has(a.departmentId) ? ctx.departmentName(a.departmentId) : 'No department';
    const text = q(a.actor.label.trim() || a.actor.id);
    const labels = byDept.get(dept);
    if (!labels) byDept.set(dept, [text]);
    else if (!labels.includes(text)) labels.push(text);
  }
  const parts: string[] = [];
  byDept.forEach((labels, dept) => {
    if (parts.length) parts.push('; ');
    parts.push(dept, ' (', labels.join(', '), ')');
  });
  return parts.join('');
}

/** Each store's uses (storeAccesses) and departments, worked out once per group. */
interface StoreUse {
  uses: DataAccess[];
  depts: Id[];
}

function groupTable(ctx: AnalysisContext, group: readonly DataStore[], use: Map<Id, StoreUse>, shared: Map<Id, Set<string>>, sensitive: ReadonlySet<string>): FindingTable {
  return {
    columns: ['Store', 'Department', 'Fields held', 'Who writes it', 'Who reads it'],
    rows: group.map((d) => {
      const keys = shared.get(d.id) ?? new Set<string>();
      const fields = ctx.storeFields.get(d.id)!;
      const held = [...fields].filter(([k]) => keys.has(k)).map(([k, v]) => `${v.names.join(' + ')}${sensitive.has(k) ? ' (sensitive)' : ''}`);
      const { uses, depts } = use.get(d.id)!;
      return [
        d.name,
        depts.length ? depts.map(ctx.departmentName).join(', ') : 'No department',
        held.join(', '),
        whoDoes(ctx, uses, true) || 'No step on any map',
        whoDoes(ctx, uses, false) || 'No step on any map',
      ];
    }),
  };
}

/** "applicants' records", "records with student ID, address and graduation year". */
function whatIsKept(group: readonly DataStore[], telling: readonly string[]): string {
  const people = [...new Set(group.map((d) => d.population?.trim() ?? '').filter((p) => p !== ''))];
  // The first spelling of each population ("Alumni" before "alumnus").
  const byKey = new Map<string, string>();
  for (const p of people) if (!byKey.has(populationKey(p))) byKey.set(populationKey(p), p);
  const distinct = [...byKey.values()];
  if (distinct.length > 0) return `records of ${listEn(distinct)}`;
  return `customer records with ${listEn(telling.slice(0, 3).map(fieldLabel))}`;
}

function groupFinding(ctx: AnalysisContext, group: DataStore[], { pairs, shared, telling }: StoreGroup): Finding {
  const ids = group.map((d) => d.id);
  const use = new Map<Id, StoreUse>();
  for (const d of group) {
    const uses = storeAccesses(ctx, d);
    use.set(d.id, { uses, depts: storeDepartments(ctx, d, uses) });
  }
  const depts = [...new Set(group.flatMap((d) => use.get(d.id)!.depts))];
  const allKeys = new Set([...shared.values()].flatMap((s) => [...s]));
  const sensitive = sensitiveKeys(group, allKeys);
  const what = whatIsKept(group, telling);
  const where = depts.length === 0 ? '' : depts.length === 1 ? ` in ${ctx.departmentName(depts[0]!)}` : ` across ${depts.length} departments`;
  const severity = depts.length >= 2 || sensitive.length > 0 ? 'high' : 'medium';
  const sensitiveText = sensitive.length
    ? ` They include sensitive data (${listEn(sensitive.map(fieldLabel))}): every extra copy is one more place it can leak from ` +
      `or be kept longer than the law allows, which is why this group ranks high.`
    : '';
  return {
    id: `duplicate-data:${ids.join(',')}`,
    kind: 'duplicate-data',
    severity,
    title: `${capitalise(what)} are kept in ${group.length} stores${where}`,
    explanation:
      `The same customers' data is kept separately in ${count(group.length, 'store')}: ${whoKeeps(ctx, group, use)}. ` +
      `They share ${listEn(telling.map(fieldLabel))}, besides ${listEn([...allKeys].filter((k) => !tellsPopulation(k)).map(fieldLabel)) || 'nothing else'}.` +
      `${sensitiveText} Each copy is entered and corrected on its own, so when a customer moves or changes e-mail the copies ` +
      `disagree and nobody can tell which is right; a CRM policy needs one master record for these details.`,
    subjects: ids,
    mapIds: mapsOfStores(ctx, ids),
    suggestion:
      `Choose one system of record for ${what} and have the other ${count(group.length - 1, 'store')} ` +
      `read from it or be integrated with it, retiring copies nobody needs; say in the policy which department owns each field.`,
    pairs,
    requirement:
      `Keep ${what} once, ${depts.length ? `shared by ${listEn(depts.map(ctx.departmentName))}` : 'in one shared place'}` +
      (sensitive.length ? `, with access to ${listEn(sensitive.map(fieldLabel))} limited to the staff who need it` : ''),
    departmentIds: depts,
    ...costField(duplicateCost(group.map((d) => use.get(d.id)!.uses), group.map((d) => d.name))),
    table: groupTable(ctx, group, use, shared, new Set(sensitive)),
  };
}

/** "Admissions keeps them in A and B; Registry in C", by department in catalogue order. */
function whoKeeps(ctx: AnalysisContext, group: readonly DataStore[], use: Map<Id, StoreUse>): string {
  const byDept = new Map<string, string[]>();
  for (const d of group) {
    const owners = use.get(d.id)!.depts;
    const label = owners.length > 0 ? listEn(owners.map(ctx.departmentName)) : '';
    const list = byDept.get(label);
    if (list) list.push(d.name);
    else byDept.set(label, [d.name]);
  }
  const parts = [...byDept].map(([dept, names], i) =>
    dept === '' ? `no department uses ${listEn(names)}` : `${dept} ${i === 0 ? 'keeps it in ' : 'in '}${listEn(names)}`);
  return parts.join('; ');
}

export function duplicateFindings(ctx: AnalysisContext): Finding[] {
  const stores = ctx.ws.dataStores.filter((d) => ctx.storeFields.get(d.id)!.size >= 2);
  return groupsOfStores(ctx, stores).map((g) => groupFinding(ctx, g.members.map((i) => stores[i]!), g));
}
