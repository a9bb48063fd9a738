import type { Id, MatchDecision, ProcessMap } from '../model/types';
import { sameWord, termSimilarity } from './labelSimilarity';
import { laneSimilarity, side, type Side, touchSimilarity } from './stepContext';
import { matchReasons } from './matchReasons';

// Which steps of two maps do the same job. First the pairs whose labels say much the same
// (labelSimilarity.ts: stems, verbs that mean one thing, media that count for less), or that
// say something alike and read or write the same store; a pair's score adds how alike the
// lanes' roles are, how far along the flow each sits and what each touches. Then, from every
// matched pair outwards, the steps just before and after them: a step whose neighbours are
// matched to the other's neighbours, in the same kind of lane at the same stage, is the same
// step in other words ("Enquiry comes in" / "Asks about a course"). Pairs are taken best first,
// each node at most once. The user's decisions come before all of it.

/** Below this the labels are about different things unless the steps touch the same store. */
export const LABEL_MIN = 0.65;
/** Labels this alike match when the steps read or write a store in common. */
const LABEL_TOUCH_MIN = 0.4;
/** The whole score a pair needs in the first pass. */
export const MATCH_MIN = 0.62;
/** The score a pair found from its matched neighbours needs. */
export const CONTEXT_MIN = 0.5;
/** A step (not a start, end or decision) found from its neighbours must still say something alike. */
const CONTEXT_LABEL_MIN = 0.25;
const W_LABEL = 0.7;
const W_LANE = 0.15;
const W_POSITION = 0.15;
const W_TOUCH = 0.2;

export interface StepMatch {
  a: Id;
  b: Id;
  /** 0..1; 1 for a pair the user matched or confirmed. */
  score: number;
  /** The labels' similarity alone. */
  label: number;
  /** Why, in a few plain words ("same words: enquiry; both write Enquiries spreadsheet"). */
  why: string;
  /** Set when the user confirmed the pair or matched it by hand. */
  decided?: 'confirmed' | 'manual';
}

export interface StepMatching {
  /** The user's pairs first, then best first. */
  matches: StepMatch[];
  /** Control nodes of each map with no counterpart, in map order. */
  onlyA: Id[];
  onlyB: Id[];
  /** Pairs the user said are not the same, as [a, b], whose steps are both still there. */
  rejected: [Id, Id][];
}

export interface MatchOptions {
  /** The workspace's decisions; those about other maps are ignored. */
  decisions?: readonly MatchDecision[];
}

interface Candidate extends StepMatch {
  i: number;
  j: number;
}

/** The decisions about this pair of maps, turned to read A then B; steps since deleted are left out. */
export function decisionsFor(mapA: ProcessMap, mapB: ProcessMap, all: readonly MatchDecision[] = []): MatchDecision[] {
  const inA = new Set(mapA.nodes.map((n) => n.id));
  const inB = new Set(mapB.nodes.map((n) => n.id));
  const out: MatchDecision[] = [];
  for (const d of all) {
    const turned = d.mapA === mapA.id && d.mapB === mapB.id ? d : d.mapA === mapB.id && d.mapB === mapA.id ? { ...d, mapA: d.mapB, nodeA: d.nodeB, mapB: d.mapA, nodeB: d.nodeA } : null;
    if (turned && inA.has(turned.nodeA) && inB.has(turned.nodeB)) out.push(turned);
  }
  return out;
}

/**
 * Groups of concepts that sameWord could pair ("address", "adress"), so that only steps
 * sharing a group are compared: labels with nothing in common score below LABEL_MIN anyway,
 * and two 1000-step maps then cost tens of thousands of comparisons, not a million.
 */
function conceptGroups(sides: readonly Side[]): Map<string, number> {
  const words = [...new Set(sides.flatMap((s) => s.terms.flatMap((t) => t.objects)))];
  const parent = words.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Sorted by length, a word's possible typos are the few just around it.
  const order = words.map((w, i) => [w.length, i] as const).sort((x, y) => x[0] - y[0]);
  for (let k = 0; k < order.length; k++) {
    for (let m = k + 1; m < order.length && order[m]![0] - order[k]![0] <= 1; m++) {
      const [x, y] = [order[k]![1], order[m]![1]];
      if (sameWord(words[x]!, words[y]!)) parent[find(x)] = find(y);
    }
  }
  return new Map(words.map((w, i) => [w, find(i)]));
}

/** For each step of A, the steps of B sharing a concept of its label or a store it touches. */
function candidatePairs(a: Side, b: Side): number[][] {
  const group = conceptGroups([a, b]);
  const byKey = new Map<string, number[]>();
  const index = (key: string, j: number) => (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(j);
  b.nodes.forEach((n, j) => {
    for (const g of new Set(b.terms[j]!.objects.map((o) => group.get(o)!))) index(`g${g}`, j);
    for (const t of b.touches.get(n.id) ?? []) index(`t${t.key}`, j);
  });
  const seen = new Int32Array(b.nodes.length).fill(-1);
  return a.nodes.map((n, i) => {
    const keys = [...a.terms[i]!.objects.map((o) => `g${group.get(o)!}`), ...(a.touches.get(n.id) ?? []).map((t) => `t${t.key}`)];
    const js: number[] = [];
    for (const k of keys) {
      for (const j of byKey.get(k) ?? []) {
        if (seen[j] === i) continue;
        seen[j] = i;
        js.push(j);
      }
    }
    return js;
  });
}

interface Pairing {
  a: Side;
  b: Side;
  /** Node of A -> node of B and back. */
  toB: Map<Id, Id>;
  toA: Map<Id, Id>;
  rejected: Set<string>;
}

const pairKey = (a: Id, b: Id) => `${a}\u0000${b}`;

/** How many of the steps just before and after are matched to each other, over how many could be. */
function neighbourAgreement(p: Pairing, na: Id, nb: Id): number {
  let agree = 0;
  let room = 0;
  for (const dir of ['prev', 'next'] as const) {
    const xs = p.a[dir].get(na) ?? [];
    const ys = new Set(p.b[dir].get(nb) ?? []);
    if (xs.length === 0 || ys.size === 0) continue;
    room += Math.max(xs.length, ys.size);
    for (const x of xs) if (ys.has(p.toB.get(x) ?? '')) agree++;
  }
  return room === 0 ? 0 : agree / room;
}

/** The pair's score, or null when it is not a candidate. `context` is the neighbour pass. */
function scorePair(p: Pairing, i: number, j: number, context: boolean): Candidate | null {
  const na = p.a.nodes[i]!;
  const nb = p.b.nodes[j]!;
  if (na.kind !== nb.kind || p.rejected.has(pairKey(na.id, nb.id))) return null;
  const label = termSimilarity(p.a.terms[i]!, p.b.terms[j]!);
  const touch = touchSimilarity(p.a.touches.get(na.id), p.b.touches.get(nb.id));
  const lane = laneSimilarity(p.a.lanes.get(na.laneId), p.b.lanes.get(nb.laneId));
  const pa = p.a.positions.get(na.id);
  const pb = p.b.positions.get(nb.id);
  const position = pa === undefined || pb === undefined ? 0.5 : 1 - Math.abs(pa - pb);
  const neighbours = context ? neighbourAgreement(p, na.id, nb.id) : 0;
  let score: number;
  if (!context) {
    const sharesStore = (touch?.shared.length ?? 0) > 0;
    if (label < LABEL_MIN && !(sharesStore && label >= LABEL_TOUCH_MIN)) return null;
    score = W_LABEL * label + W_LANE * lane + W_POSITION * position;
    if (touch) score = (1 - W_TOUCH) * score + W_TOUCH * touch.score;
    if (score < MATCH_MIN) return null;
  } else {
    if (neighbours === 0 || (na.kind === 'step' && label < CONTEXT_LABEL_MIN)) return null;
    // A start or end is where its neighbours say it is; its words are often a person's ("Moves house").
    const w = na.kind === 'start' || na.kind === 'end' ? { label: 0.25, neighbours: 0.45 } : { label: 0.4, neighbours: 0.3 };
    score = w.label * label + w.neighbours * neighbours + 0.15 * lane + 0.15 * position;
    if (touch) score = (1 - W_TOUCH) * score + W_TOUCH * touch.score;
    if (score < CONTEXT_MIN) return null;
  }
  const why = matchReasons({ a: p.a.terms[i]!, b: p.b.terms[j]!, label, lane, position, touch, neighbours });
  return { a: na.id, b: nb.id, score, label, why, i, j };
}

/** Best first, each node once; returns the pairs taken. */
function take(p: Pairing, candidates: Candidate[], out: StepMatch[]): [Id, Id][] {
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const taken: [Id, Id][] = [];
  for (const c of candidates) {
    if (p.toB.has(c.a) || p.toA.has(c.b)) continue;
    p.toB.set(c.a, c.b);
    p.toA.set(c.b, c.a);
    out.push({ a: c.a, b: c.b, score: round(c.score), label: round(c.label), why: c.why });
    taken.push([c.a, c.b]);
  }
  return taken;
}

/** Unmatched pairs next to one of `from` (both before it, or both after it). */
function contextCandidates(p: Pairing, from: Iterable<[Id, Id]>): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const [x, y] of from) {
    for (const dir of ['prev', 'next'] as const) {
      for (const u of p.a[dir].get(x) ?? []) {
        if (p.toB.has(u)) continue;
        for (const v of p.b[dir].get(y) ?? []) {
          if (p.toA.has(v) || seen.has(pairKey(u, v))) continue;
          seen.add(pairKey(u, v));
          const c = scorePair(p, p.a.index.get(u)!, p.b.index.get(v)!, true);
          if (c) out.push(c);
        }
      }
    }
  }
  return out;
}

export function matchSteps(mapA: ProcessMap, mapB: ProcessMap, options: MatchOptions = {}): StepMatching {
  const decisions = decisionsFor(mapA, mapB, options.decisions);
  const p: Pairing = { a: side(mapA), b: side(mapB), toB: new Map(), toA: new Map(), rejected: new Set() };
  const matches: StepMatch[] = [];
  const rejected: [Id, Id][] = [];
  for (const d of decisions) {
    if (d.verdict === 'rejected') {
      p.rejected.add(pairKey(d.nodeA, d.nodeB));
      rejected.push([d.nodeA, d.nodeB]);
    } else if (!p.toB.has(d.nodeA) && !p.toA.has(d.nodeB) && p.a.index.has(d.nodeA) && p.b.index.has(d.nodeB)) {
      p.toB.set(d.nodeA, d.nodeB);
      p.toA.set(d.nodeB, d.nodeA);
      const i = p.a.index.get(d.nodeA)!;
      const j = p.b.index.get(d.nodeB)!;
      const label = round(termSimilarity(p.a.terms[i]!, p.b.terms[j]!));
      matches.push({ a: d.nodeA, b: d.nodeB, score: 1, label, why: d.verdict === 'manual' ? 'matched by hand' : 'confirmed', decided: d.verdict });
    }
  }
  const candidates: Candidate[] = [];
  candidatePairs(p.a, p.b).forEach((js, i) => {
    for (const j of js) {
      const c = scorePair(p, i, j, false);
      if (c) candidates.push(c);
    }
  });
  take(p, candidates, matches);
  // Outwards from what is matched, a ring at a time, until a ring adds nothing.
  let ring: [Id, Id][] = [...p.toB];
  while (ring.length > 0) ring = take(p, contextCandidates(p, ring), matches);
  return {
    matches,
    onlyA: p.a.nodes.filter((n) => !p.toB.has(n.id)).map((n) => n.id),
    onlyB: p.b.nodes.filter((n) => !p.toA.has(n.id)).map((n) => n.id),
    rejected,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
