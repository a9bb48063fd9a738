import type { DataStore, Id } from '../model/types';
import { tellsPopulation } from './fieldKeys';
import type { SharedFields } from './types';
import type { AnalysisContext } from './accessIndex';

// Which catalogue stores hold copies of the same customers' data. Two stores match when,
// after normalising field names (fieldKeys.ts), they share at least two fields, at least one
// of them identifies a person, and at least one tells whose records they are: an ID, a date of
// birth, an address, or the domain's own data (course, graduation year, gift history). Name
// and e-mail alone never match: nearly every store has them, whoever its customers are. When
// both stores say whose records they hold (population), they match only if it is the same people.
// Matching pairs are joined into groups (connected components).

/** "Alumni", "alumni " and "Alumnus" are one population; "Applicants" and "applicant" too. */
export function populationKey(p: string | undefined): string {
  const words = (p ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return words.replace(/\balumnus\b|\balumnae\b|\balumna\b/g, 'alumni').replace(/(\w{3,})s\b/g, '$1');
}

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
  const keyTells: boolean[] = [];
  const keysOf: Int32Array[] = stores.map((d) => {
    const ids: number[] = [];
    for (const [key, v] of ctx.storeFields.get(d.id)!) {
      let id = keyId.get(key);
      if (id === undefined) {
        id = keyName.length;
        keyId.set(key, id);
        keyName.push(key);
        keyIdentifying.push(v.identifying);
        keyTells.push(tellsPopulation(key));
      }
      ids.push(id);
    }
    return Int32Array.from(ids).sort();
  });
  const byKey: number[][] = keyName.map(() => []);
  keysOf.forEach((keys, i) => keys.forEach((k) => byKey[k]!.push(i)));

  const shared = new Int32Array(n);
  const identifying = new Int32Array(n);
  const tells = new Int32Array(n);
  const people = stores.map((d) => populationKey(d.population));
  const pairs: Pairs = { a: [], b: [], out: [] };
  const last: Pairs = lastPairs ?? { a: [], b: [], out: [] };
  let cur = 0;
  // Most pairs share one of a few field lists (name and e-mail...): a trie over key ids hands
  // out one frozen list per distinct set, found while merging, so a pair allocates no list.
  const root: ListTrie = { fields: Object.freeze([]), next: new Map() };
  for (let i = 0; i < n; i++) {
    const mine = keysOf[i]!;
    for (const key of mine) {
      const ident = keyIdentifying[key]!;
      const tell = keyTells[key]!;
      // Lists are in store order, so walking from the end stops at i and each pair is seen once.
      const list = byKey[key]!;
      for (let k = list.length - 1; k >= 0; k--) {
        const j = list[k]!;
        if (j <= i) break;
        shared[j] = shared[j]! + 1;
        if (ident) identifying[j] = identifying[j]! + 1;
        if (tell) tells[j] = tells[j]! + 1;
      }
    }
    // A scan in store order (cheaper than sorting the touched ones) also gives a stable order.
    for (let j = i + 1; j < n; j++) {
      if (shared[j] === 0) continue;
      const samePeople = people[i] === '' || people[j] === '' || people[i] === people[j];
      if (shared[j]! >= 2 && identifying[j]! >= 1 && tells[j]! >= 1 && samePeople) {
        const fields = sharedList(root, mine, keysOf[j]!, keyName);
        pairs.a.push(i);
        pairs.b.push(j);
        // The last run's pairs are in the same (i, j) order: a cursor finds this one's there.
        while (cur < last.a.length && (last.a[cur]! < i || (last.a[cur] === i && last.b[cur]! < j))) cur++;
        const before = cur < last.a.length && last.a[cur] === i && last.b[cur] === j ? last.out[cur] : undefined;
        pairs.out.push(pairRecord(stores[i]!.id, stores[j]!.id, fields, before));
      }
      shared[j] = 0;
      identifying[j] = 0;
      tells[j] = 0;
    }
  }
  lastPairs = pairs;
  return pairs;
}

/**
 * The last computation's pairs. A catalogue edit changes a store or two: the other pairs come
 * out the same, and reusing their records spares freezing and allocating some ten thousand
 * objects again. One generation is kept, like the memo below, and records are only reused
 * when they say the same (positions, ids and fields).
 */
let lastPairs: Pairs | null = null;

/** The pair's record: the last one when it says the same (ids and fields in order), else a new one. */
function pairRecord(a: Id, b: Id, fields: readonly string[], last: SharedFields | undefined): SharedFields {
  if (last && last.stores[0] === a && last.stores[1] === b && sameList(last.fields, fields)) return last;
  // Frozen: the memo hands the same records to every later analysis.
  return Object.freeze({ stores: Object.freeze([a, b] as const), fields });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
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

/** A group of matching stores and what follows from the catalogue alone, so it can be kept between runs. */
export interface StoreGroup {
  /** Positions in the stores given. */
  members: number[];
  pairs: SharedFields[];
  /** The keys each store shares with the rest of the group. */
  shared: Map<Id, Set<string>>;
  /** The keys that tell whose records these are, most shared first. */
  telling: string[];
}

/**
 * The keys a store shares with the rest of its group. Pairs' field lists are shared (one frozen
 * list per distinct set), so each list is walked once per store, not once per pair.
 */
function sharedByStore(pairs: readonly SharedFields[]): Map<Id, Set<string>> {
  const out = new Map<Id, Set<string>>();
  const seen = new Map<Id, Set<readonly string[]>>();
  for (const p of pairs) {
    for (const id of p.stores) {
      const lists = seen.get(id) ?? new Set<readonly string[]>();
      if (lists.has(p.fields)) continue;
      lists.add(p.fields);
      seen.set(id, lists);
      const set = out.get(id) ?? new Set<string>();
      for (const k of p.fields) set.add(k);
      out.set(id, set);
    }
  }
  return out;
}

function tellingKeys(pairs: readonly SharedFields[]): string[] {
  const lists = new Map<readonly string[], number>();
  for (const p of pairs) lists.set(p.fields, (lists.get(p.fields) ?? 0) + 1);
  const n = new Map<string, number>();
  for (const [fields, times] of lists) for (const k of fields) if (tellsPopulation(k)) n.set(k, (n.get(k) ?? 0) + times);
  return [...n].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

function storeGroups(ctx: AnalysisContext, stores: readonly DataStore[]): StoreGroup[] {
  const pairs = matchingPairs(ctx, stores);
  if (pairs.a.length === 0) return [];
  const groups = groupsOf(stores.length, pairs);
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((i) => groupOf.set(i, gi)));
  const pairsByGroup = groups.map((): SharedFields[] => []);
  for (let k = 0; k < pairs.a.length; k++) pairsByGroup[groupOf.get(pairs.a[k]!)!]!.push(pairs.out[k]!);
  return groups.map((members, gi) => {
    const p = pairsByGroup[gi]!;
    return { members, pairs: p, shared: sharedByStore(p), telling: tellingKeys(p) };
  });
}

/**
 * The last catalogue's groups, by content. Groups depend only on the stores' ids, populations
 * and fields, which most edits (to maps) leave alone; reusing them saves the quadratic part and,
 * more, the tens of thousands of records the garbage collector would otherwise move on every
 * edit. One entry, so it holds at most one catalogue's groups. The records are frozen or never
 * handed out for writing.
 */
let memo: { key: string; groups: StoreGroup[] } | null = null;

export function groupsOfStores(ctx: AnalysisContext, stores: readonly DataStore[]): StoreGroup[] {
  const key = stores.map((d) => `${d.id}\u0001${d.population ?? ''}\u0001${d.customerFields.join('\u0002')}`).join('\u0000');
  if (memo?.key === key) return memo.groups;
  const groups = storeGroups(ctx, stores);
  memo = { key, groups };
  return groups;
}
