import type { DataStore } from '../model/types';
import { fieldLabel } from './fieldKeys';
import { listEn } from './english';
import { count } from '../model/vocabulary';
import type { Finding, SharedFields } from './types';
import { type AnalysisContext, mapsOfStores, storeDepartments } from './accessIndex';

// duplicate-data: the same customer data kept in more than one store. Two catalogue stores
// match when, after normalising field names (fieldKeys.ts), they share at least two fields and
// at least one of those identifies a person. Every catalogue store takes part, drawn on a
// map or not: the catalogue says what it holds. Matching pairs are joined into groups
// (connected components), one finding per group, which still lists every matching pair.

const CONTACT_KEYS = new Set(['email', 'phone', 'address', 'postcode']);
/** Pairs spelt out in the explanation; the rest are in `pairs`. */
const PAIRS_IN_TEXT = 10;

/**
 * Matching pairs as parallel arrays (there can be tens of thousands): store positions a[k] and
 * b[k], and out[k], the finding's own record of the pair, made once here.
 */
interface Pairs {
  a: number[];
  b: number[];
  out: SharedFields[];
}

/**
 * Matching pairs, found through an index of stores by field so that stores with nothing in
 * common cost nothing. Keys are interned as small integers and each store's kept sorted, so
 * counting is array arithmetic and a pair's shared keys are one merge: a workspace of hundreds
 * of overlapping stores (tens of thousands of pairs) stays within the per-edit budget.
 */
function matchingPairs(ctx: AnalysisContext, stores: readonly DataStore[]): Pairs {
  const n = stores.length;
  const keyId = new Map<string, number>();
  const keyName: string[] = [];
  const keyIdentifying: boolean[] = [];
  const keysOf: Int32Array[] = stores.map((d) => {
    const ids: number[] = [];
    for (const [key, v] of ctx.storeFields.get(d.id)!) {
      let id = keyId.get(key);
      if (id === undefined) {
        id = keyName.length;
        keyId.set(key, id);
        keyName.push(key);
        keyIdentifying.push(v.identifying);
      }
      ids.push(id);
    }
    return Int32Array.from(ids).sort();
  });
  const byKey: number[][] = keyName.map(() => []);
  keysOf.forEach((keys, i) => keys.forEach((k) => byKey[k]!.push(i)));

  const shared = new Int32Array(n);
  const identifying = new Int32Array(n);
  const pairs: Pairs = { a: [], b: [], out: [] };
  // Most pairs share one of a few field lists (name and e-mail...): a trie over key ids hands
  // out one frozen list per distinct set, found while merging, so a pair allocates no list.
  const root: ListTrie = { fields: Object.freeze([]), next: new Map() };
  for (let i = 0; i < n; i++) {
    const mine = keysOf[i]!;
    for (const key of mine) {
      const ident = keyIdentifying[key]!;
      // Lists are in store order, so walking from the end stops at i and each pair is seen once.
      const list = byKey[key]!;
      for (let k = list.length - 1; k >= 0; k--) {
        const j = list[k]!;
        if (j <= i) break;
        shared[j] = shared[j]! + 1;
        if (ident) identifying[j] = identifying[j]! + 1;
      }
    }
    // A scan in store order (cheaper than sorting the touched ones) also gives a stable order.
    for (let j = i + 1; j < n; j++) {
      if (shared[j] === 0) continue;
      if (shared[j]! >= 2 && identifying[j]! >= 1) {
        const fields = sharedList(root, mine, keysOf[j]!, keyName);
        pairs.a.push(i);
        pairs.b.push(j);
        // Frozen: the memo below hands the same records to every later analysis.
        pairs.out.push(Object.freeze({ stores: Object.freeze([stores[i]!.id, stores[j]!.id] as const), fields }));
      }
      shared[j] = 0;
      identifying[j] = 0;
    }
  }
  return pairs;
}

interface ListTrie {
  fields: readonly string[];
  next: Map<number, ListTrie>;
}

/** The names of the key ids in both sorted arrays, as the trie's one list for that set. */
function sharedList(root: ListTrie, a: Int32Array, b: Int32Array, names: readonly string[]): readonly string[] {
  let node = root;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      const id = a[i]!;
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = { fields: Object.freeze([...node.fields, names[id]!]), next: new Map() }));
      node = child;
      i++;
      j++;
    }
  }
  return node.fields;
}

function groupsOf(n: number, pairs: Pairs): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let k = 0; k < pairs.a.length; k++) {
    const ra = find(pairs.a[k]!);
    const rb = find(pairs.b[k]!);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  // Only stores in some pair belong to a group; groups come out in order of their first store.
  const inPair = new Uint8Array(n);
  for (let k = 0; k < pairs.a.length; k++) inPair[pairs.a[k]!] = inPair[pairs.b[k]!] = 1;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!inPair[i]) continue;
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

function groupFinding(ctx: AnalysisContext, stores: readonly DataStore[], members: number[], pairs: SharedFields[]): Finding {
  const group = members.map((i) => stores[i]!);
  const depts = [...new Set(group.flatMap((d) => storeDepartments(ctx, d)))];
  const contact = pairs.some((p) => p.fields.some((k) => CONTACT_KEYS.has(k)));
  const topic = contact ? 'Contact details' : 'Personal details';
  const where = depts.length === 0 ? '' : depts.length === 1 ? ` in ${ctx.departmentName(depts[0]!)}` : ` across ${depts.length} departments`;
  const name = (id: string): string => ctx.storeById.get(id)!.name;
  const pairText = pairs.slice(0, PAIRS_IN_TEXT + 1).map((p) => `${name(p.stores[0])} and ${name(p.stores[1])} share ${listEn(p.fields.map(fieldLabel))}`);
  const severity = depts.length >= 2 ? 'high' : 'medium';
  return {
    id: `duplicate-data:${group.map((d) => d.id).join(',')}`,
    kind: 'duplicate-data',
    severity,
    title: `${topic} are kept in ${group.length} stores${where}`,
    explanation:
      `The same customers' ${topic.toLowerCase()} are kept separately in ${count(group.length, 'store')}: ${whoKeeps(ctx, group)}. ` +
      `${pairSentences(pairText, pairs.length)}. ` +
      `Each copy is entered and corrected on its own, so when a customer moves or changes e-mail the copies disagree ` +
      `and nobody can tell which is right; a CRM policy needs one master record for these details.`,
    subjects: group.map((d) => d.id),
    mapIds: mapsOfStores(ctx, group.map((d) => d.id)),
    suggestion:
      `Choose one system of record for these ${topic.toLowerCase()} and have the other ${count(group.length - 1, 'store')} ` +
      `read from it or be integrated with it, retiring copies nobody needs; say in the policy which department owns each field.`,
    pairs,
  };
}

/** "Admissions keeps them in A and B; Registry in C", by department in catalogue order. */
function whoKeeps(ctx: AnalysisContext, group: readonly DataStore[]): string {
  const byDept = new Map<string, string[]>();
  for (const d of group) {
    const owners = storeDepartments(ctx, d);
    const label = owners.length > 0 ? listEn(owners.map(ctx.departmentName)) : '';
    const list = byDept.get(label);
    if (list) list.push(d.name);
    else byDept.set(label, [d.name]);
  }
  const parts = [...byDept].map(([dept, names], i) =>
    dept === '' ? `no department is recorded for ${listEn(names)}` : `${dept} ${i === 0 ? 'keeps them in ' : 'in '}${listEn(names)}`);
  return parts.join('; ');
}

/** "A and B share x and y; C and D share ...", the first few in full. Semicolons, since each part has "and". */
function pairSentences(parts: readonly string[], total: number): string {
  if (total <= PAIRS_IN_TEXT) return parts.join('; ');
  const rest = total - PAIRS_IN_TEXT;
  return `${parts.slice(0, PAIRS_IN_TEXT).join('; ')}; and ${count(rest, 'more pair')} of these stores share fields`;
}

/**
 * The last catalogue's pairs, by content. Pairs depend only on the stores' ids and fields,
 * which most edits (to maps) leave alone; reusing them saves the quadratic part and, more,
 * the tens of thousands of records the garbage collector would otherwise move on every edit.
 * One entry, so it holds at most one catalogue's pairs.
 */
let memo: { key: string; pairs: Pairs } | null = null;

function pairsOf(ctx: AnalysisContext, stores: readonly DataStore[]): Pairs {
  const key = stores.map((d) => `${d.id}\u0001${d.customerFields.join('\u0002')}`).join('\u0000');
  if (memo?.key === key) return memo.pairs;
  const pairs = matchingPairs(ctx, stores);
  memo = { key, pairs };
  return pairs;
}

export function duplicateFindings(ctx: AnalysisContext): Finding[] {
  const stores = ctx.ws.dataStores.filter((d) => ctx.storeFields.get(d.id)!.size >= 2);
  const pairs = pairsOf(ctx, stores);
  if (pairs.a.length === 0) return [];
  const groups = groupsOf(stores.length, pairs);
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((i) => groupOf.set(i, gi)));
  const pairsByGroup = groups.map((): SharedFields[] => []);
  for (let k = 0; k < pairs.a.length; k++) pairsByGroup[groupOf.get(pairs.a[k]!)!]!.push(pairs.out[k]!);
  return groups.map((g, gi) => groupFinding(ctx, stores, g, pairsByGroup[gi]!));
}

