// A list's order in the doc is an order key (a number) on each record, read back sorted by
// (key, id). Chosen over a Y.Array of ids because a move is then one key written on one
// record: two people moving different lanes both keep their move, one lane moved by two people
// ends in one place (last writer wins), and a lane is never doubled, as it is when two clients
// each delete-and-reinsert its id in a Y.Array. New keys go between the neighbours' keys;
// records whose place did not change keep theirs, so an edit rewrites only what it moved.

/** Records whose keys already stand in the wanted order: the longest increasing run, by index in `keys`. */
function keptIndexes(keys: (number | undefined)[]): Set<number> {
  const tails: number[] = []; // tails[k]: index of the smallest key ending a run of k + 1
  const prev: number[] = new Array(keys.length).fill(-1);
  keys.forEach((key, i) => {
    if (key === undefined || !Number.isFinite(key)) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
}

/** Below this gap between neighbours the keys are spaced out again rather than split further. */
const MIN_GAP = 1e-9;

/**
 * The keys to write so that `ids` read back in this order, given each id's key now (undefined
 * for a new record). Only ids that need a new key are in the result.
 */
export function orderKeysFor(ids: readonly string[], current: (id: string) => number | undefined): Map<string, number> {
  const keys = ids.map(current);
  const kept = keptIndexes(keys);
  const out = new Map<string, number>();
  let i = 0;
  while (i < ids.length) {
    if (kept.has(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end < ids.length && !kept.has(end)) end++;
    const lo = i > 0 ? keys[i - 1] : undefined; // kept, or there is nothing before
    const hi = end < ids.length ? keys[end] : undefined;
    const count = end - i;
    for (let j = 0; j < count; j++) {
      let key: number;
      if (lo === undefined && hi === undefined) key = j;
      else if (lo === undefined) key = hi! - (count - j);
      else if (hi === undefined) key = lo + j + 1;
      else key = lo + ((hi - lo) * (j + 1)) / (count + 1);
      const low = j === 0 ? lo : out.get(ids[i + j - 1]!)!;
      if ((low !== undefined && key - low < MIN_GAP) || (hi !== undefined && hi - key < MIN_GAP)) return spacedOut(ids);
      out.set(ids[i + j]!, key);
    }
    i = end;
  }
  return out;
}

/** Every id a fresh key, 0, 1, 2…: the keys had worn too thin to split. */
const spacedOut = (ids: readonly string[]): Map<string, number> => new Map(ids.map((id, i) => [id, i]));

/** Ids sorted as the doc's order reads them: by key, then id; records without a key last. */
export function byOrder<T>(entries: [string, T][], keyOf: (value: T) => unknown): string[] {
  const key = (v: T) => {
    const k = keyOf(v);
    return typeof k === 'number' && Number.isFinite(k) ? k : Infinity;
  };
  return entries
    .map(([id, v]) => ({ id, k: key(v) }))
    .sort((a, b) => (a.k !== b.k ? (a.k < b.k ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => e.id);
}
