// Fuzzy search over catalogue names, for search boxes where people type what they remember:
// "raisers edge" for "Raiser's Edge", "mailchimp" for "Email marketing tool (Mailchimp)",
// "finanse" for "Finance system". Names are normalised (case, accents, punctuation), then
// scored by the best of: a whole-string match, word-by-word matches that allow small typos,
// and, as a last resort, the query's letters appearing in order.

export interface FuzzyHit {
  /** Position in the `names` given, so the caller can map back to its records. */
  index: number;
  name: string;
  /** 0..1, higher is better; 1 is the same name up to case and punctuation. */
  score: number;
}

export interface FuzzyOptions {
  /** At most this many hits (default: all). */
  limit?: number;
  /** Drop hits scoring below this (default 0.35: keeps typos and tight letter runs, drops scattered letters). */
  minScore?: number;
}

/** Lower case, accents and apostrophes gone ("Raiser's" -> "raisers"), other punctuation as spaces. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Names matching `query`, best first (ties: shorter name, then original order). An empty
 * query matches every name with score 0, in the order given, so a search box can show all.
 */
export function fuzzyMatch(query: string, names: readonly string[], opts: FuzzyOptions = {}): FuzzyHit[] {
  const q = prepare(query);
  let hits: FuzzyHit[];
  if (!q.compact) hits = names.map((name, index) => ({ index, name, score: 0 }));
  else {
    const min = opts.minScore ?? 0.35;
    hits = names
      .map((name, index) => ({ index, name, score: round(scoreName(q, prepare(name))) }))
      .filter((h) => h.score > 0 && h.score >= min)
      .sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.index - b.index);
  }
  return opts.limit === undefined ? hits : hits.slice(0, opts.limit);
}

interface Prepared {
  tokens: string[];
  compact: string;
}

function prepare(s: string): Prepared {
  const tokens = normaliseName(s).split(' ').filter(Boolean);
  return { tokens, compact: tokens.join('') };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function scoreName(q: Prepared, n: Prepared): number {
  if (!n.compact) return 0;
  return Math.max(wholeScore(q, n), tokenScore(q, n), subsequenceScore(q.compact, n.compact));
}

/** The query, spaces ignored, found inside the name: best at the start, then at a word start. */
function wholeScore(q: Prepared, n: Prepared): number {
  if (q.compact === n.compact) return 1;
  const at = n.compact.indexOf(q.compact);
  if (at < 0) return 0;
  const coverage = q.compact.length / n.compact.length;
  if (at === 0) return 0.85 + 0.1 * coverage;
  return wordStarts(n).has(at) ? 0.75 + 0.1 * coverage : 0.5 + 0.1 * coverage;
}

/** Offsets in `compact` where each word begins. */
function wordStarts(n: Prepared): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  for (const t of n.tokens) {
    starts.add(at);
    at += t.length;
  }
  return starts;
}

/** Every query word must match some word of the name: exactly, as its beginning or inside it, or with a typo or two. */
function tokenScore(q: Prepared, n: Prepared): number {
  let sum = 0;
  const used = new Set<number>();
  for (const qt of q.tokens) {
    let best = 0;
    let bestAt = -1;
    n.tokens.forEach((nt, i) => {
      const s = wordScore(qt, nt) * (used.has(i) ? 0.9 : 1);
      if (s > best) [best, bestAt] = [s, i];
    });
    if (best === 0) return 0;
    used.add(bestAt);
    sum += best;
  }
  // Matching more of the name's words breaks ties between "Raiser's Edge" and "Donor records (Raiser's Edge)".
  const coverage = used.size / n.tokens.length;
  return 0.8 * (sum / q.tokens.length) + 0.1 * coverage;
}

function wordScore(qt: string, nt: string): number {
  if (qt === nt) return 1;
  if (nt.startsWith(qt)) return 0.8 + 0.2 * (qt.length / nt.length);
  // Part of a compound word: "sheet" in "spreadsheet".
  if (qt.length >= 3 && nt.includes(qt)) return 0.6;
  const allowed = typosAllowed(qt.length);
  if (allowed === 0) return 0;
  const d = editDistance(qt, nt, allowed);
  if (d <= allowed) return 0.8 - 0.1 * d;
  // Still typing, with a typo: compare with the same-length start of the word.
  if (nt.length > qt.length && editDistance(qt, nt.slice(0, qt.length), allowed) <= allowed) return 0.55;
  return 0;
}

/** Short words must be right; longer ones may have one typo, long ones two. */
const typosAllowed = (len: number) => (len < 4 ? 0 : len < 8 ? 1 : 2);

/**
 * Edit distance with adjacent swaps (optimal string alignment), giving up early: anything
 * over `max` is returned as max + 1.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    [prev2, prev] = [prev, cur];
  }
  return prev[b.length]!;
}

/** The query's letters in order inside the name ("rsedg" in "raisersedge"), scored by how tightly. */
function subsequenceScore(q: string, n: string): number {
  if (q.length < 3) return 0;
  let start = -1;
  let j = 0;
  for (let i = 0; i < n.length && j < q.length; i++) {
    if (n[i] === q[j]) {
      if (j === 0) start = i;
      j++;
      if (j === q.length) return 0.2 + 0.25 * (q.length / (i - start + 1));
    }
  }
  return 0;
}
