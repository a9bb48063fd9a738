import type { DataStore, Id } from '../model/types';
import { fieldLabel } from './fields';
import { count, listEn } from './text';
import type { Finding, SharedFields } from './types';
import { type AnalysisContext, mapsOfStores, storeDepartments } from './usage';

// duplicate-data: the same customer data kept in more than one store. Two catalogue stores
// match when, after normalising field names (fields.ts), they share at least two fields and
// at least one of those identifies a person. Every catalogue store takes part, drawn on a
// map or not: the catalogue says what it holds. Matching pairs are joined into groups
// (connected components), one finding per group, which still lists every matching pair.

const CONTACT_KEYS = new Set(['email', 'phone', 'address', 'postcode']);
/** Pairs spelt out in the explanation; the rest are in `pairs`. */
const PAIRS_IN_TEXT = 10;

interface Pair {
  a: number;
  b: number;
  keys: string[];
}

/** Matching pairs, found through an index of stores by field so that unrelated stores cost nothing. */
function matchingPairs(ctx: AnalysisContext, stores: readonly DataStore[]): Pair[] {
  const byKey = new Map<string, number[]>();
  stores.forEach((d, i) => {
    for (const key of ctx.storeFields.get(d.id)!.keys()) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const pairs: Pair[] = [];
  const shared = new Map<number, string[]>();
  stores.forEach((d, i) => {
    shared.clear();
    for (const key of ctx.storeFields.get(d.id)!.keys()) {
      // Lists are in store order, so walking from the end stops at i and each pair is seen once.
      const list = byKey.get(key)!;
      for (let k = list.length - 1; k >= 0 && list[k]! > i; k--) {
        const j = list[k]!;
        const keys = shared.get(j);
        if (keys) keys.push(key);
        else shared.set(j, [key]);
      }
    }
    const fields = ctx.storeFields.get(d.id)!;
    for (const [j, keys] of [...shared].sort((x, y) => x[0] - y[0])) {
      if (keys.length >= 2 && keys.some((k) => fields.get(k)!.identifying)) pairs.push({ a: i, b: j, keys });
    }
  });
  return pairs;
}

function groupsOf(n: number, pairs: readonly Pair[]): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const p of pairs) {
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  for (const p of pairs) for (const i of [p.a, p.b]) groups.set(find(i), []);
  for (let i = 0; i < n; i++) groups.get(find(i))?.push(i);
  return [...groups.values()];
}

function groupFinding(ctx: AnalysisContext, stores: readonly DataStore[], members: number[], pairs: Pair[]): Finding {
  const group = members.map((i) => stores[i]!);
  const depts = [...new Set(group.flatMap((d) => storeDepartments(ctx, d)))];
  const contact = pairs.some((p) => p.keys.some((k) => CONTACT_KEYS.has(k)));
  const topic = contact ? 'Contact details' : 'Personal details';
  const where = depts.length === 0 ? '' : depts.length === 1 ? ` in ${ctx.departmentName(depts[0]!)}` : ` across ${depts.length} departments`;
  const describe = (d: DataStore): string => {
    const owners = storeDepartments(ctx, d).map(ctx.departmentName);
    const sys = d.systemId !== null ? ctx.systemById.get(d.systemId)?.name : undefined;
    const notes = [...owners, ...(sys && sys !== d.name ? [`in ${sys}`] : [])];
    return notes.length > 0 ? `${d.name} (${notes.join(', ')})` : d.name;
  };
  const pairText = pairs.map((p) => `${stores[p.a]!.name} and ${stores[p.b]!.name} share ${listEn(p.keys.map(fieldLabel))}`);
  const severity = depts.length >= 2 ? 'high' : 'medium';
  return {
    id: `duplicate-data:${group.map((d) => d.id).join(',')}`,
    kind: 'duplicate-data',
    severity,
    title: `${topic} are kept in ${group.length} stores${where}`,
    explanation:
      `The same customers' ${topic.toLowerCase()} are kept separately in ${listEn(group.map(describe))}. ` +
      `${pairSentences(pairText)}. ` +
      `Each copy is entered and corrected on its own, so when a customer moves or changes e-mail the copies disagree ` +
      `and nobody can tell which is right; a CRM policy needs one master record for these details.`,
    subjects: group.map((d) => d.id),
    mapIds: mapsOfStores(ctx, group.map((d) => d.id)),
    suggestion:
      `Choose one system of record for these ${topic.toLowerCase()} and have the other ${count(group.length - 1, 'store')} ` +
      `read from it or be integrated with it, retiring copies nobody needs; say in the policy which department owns each field.`,
    pairs: pairs.map((p): SharedFields => ({ stores: [stores[p.a]!.id, stores[p.b]!.id], fields: p.keys })),
  };
}

/** "A and B share x and y; C and D share ...", the first few in full. Semicolons, since each part has "and". */
function pairSentences(parts: readonly string[]): string {
  if (parts.length <= PAIRS_IN_TEXT) return parts.join('; ');
  const rest = parts.length - PAIRS_IN_TEXT;
  return `${parts.slice(0, PAIRS_IN_TEXT).join('; ')}; and ${count(rest, 'more pair')} of these stores share fields`;
}

export function duplicateFindings(ctx: AnalysisContext): Finding[] {
  const stores = ctx.ws.dataStores.filter((d) => ctx.storeFields.get(d.id)!.size >= 2);
  const pairs = matchingPairs(ctx, stores);
  if (pairs.length === 0) return [];
  const groups = groupsOf(stores.length, pairs);
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((i) => groupOf.set(i, gi)));
  const pairsByGroup = groups.map((): Pair[] => []);
  for (const p of pairs) pairsByGroup[groupOf.get(p.a)!]!.push(p);
  return groups.map((g, gi) => groupFinding(ctx, stores, g, pairsByGroup[gi]!));
}

/** Ids of stores in some duplicate group, for the landscape. */
export function duplicateStoreIds(findings: readonly Finding[]): Set<Id> {
  return new Set(findings.filter((f) => f.kind === 'duplicate-data').flatMap((f) => f.subjects));
}
