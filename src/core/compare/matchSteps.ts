import type { Id, MapNode, ProcessMap } from '../model/types';
import { isControlKind, laneDepartment } from '../model/vocabulary';
import { labelTerms, type LabelTerms, sameWord, termSimilarity } from './labelSimilarity';

// Which steps of two maps do the same thing. Two control nodes of the same kind are a
// candidate pair when their labels say much the same (labelSimilarity.ts); the pair's score adds how
// alike their lanes' roles are and how far along the flow each sits, so of two "Send e-mail"
// steps the one in the same role at the same stage wins. Pairs are taken best first, each
// node at most once, so the result is one-to-one and does not depend on map order beyond ties.

/** Below this the labels are about different things, whatever the context. */
export const LABEL_MIN = 0.65;
/** The whole score a pair needs: a label at LABEL_MIN needs a closely matching lane and stage. */
export const MATCH_MIN = 0.62;
const W_LABEL = 0.7;
const W_LANE = 0.15;
const W_POSITION = 0.15;

export interface StepMatch {
  a: Id;
  b: Id;
  /** 0..1, the weighted sum below. */
  score: number;
  /** The labels' similarity alone. */
  label: number;
}

export interface StepMatching {
  /** Best first. */
  matches: StepMatch[];
  /** Control nodes of each map with no counterpart, in map order. */
  onlyA: Id[];
  onlyB: Id[];
}

/**
 * Each control node's stage in the flow, 0 (first) to 1 (last): its distance from a start
 * over sequence and message flows, over the longest such distance. Nodes the walk does not
 * reach have none.
 */
export function flowPositions(map: ProcessMap): Map<Id, number> {
  const kind = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const next = new Map<Id, Id[]>();
  const hasIncoming = new Set<Id>();
  for (const f of map.flows) {
    if (f.kind === 'data' || !isControlKind(kind.get(f.from) ?? 'note') || !isControlKind(kind.get(f.to) ?? 'note')) continue;
    const list = next.get(f.from);
    if (list) list.push(f.to);
    else next.set(f.from, [f.to]);
    hasIncoming.add(f.to);
  }
  const control = map.nodes.filter((n) => isControlKind(n.kind));
  let roots = control.filter((n) => n.kind === 'start');
  // A draft without a start begins wherever nothing leads in.
  if (roots.length === 0) roots = control.filter((n) => !hasIncoming.has(n.id));
  const depth = new Map<Id, number>(roots.map((n) => [n.id, 0]));
  const queue = roots.map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const to of next.get(id) ?? []) {
      if (depth.has(to)) continue;
      depth.set(to, depth.get(id)! + 1);
      queue.push(to);
    }
  }
  const max = Math.max(0, ...depth.values());
  const out = new Map<Id, number>();
  for (const [id, d] of depth) out.set(id, max === 0 ? 0 : d / max);
  return out;
}

export interface LaneRole {
  terms: LabelTerms;
  departmentId: Id | null;
  /** The customer's own lane ("Applicant", "Donor"): no department, and its name is a person. */
  customer: boolean;
}

function laneRoles(map: ProcessMap): Map<Id, LaneRole> {
  return new Map(
    map.lanes.map((l) => {
      const terms = labelTerms(l.name);
      const customer = !l.departmentId && terms.objects.includes('person');
      return [l.id, { terms, departmentId: laneDepartment(map, l), customer }];
    }),
  );
}

/** 0..1: the customer's lane matches the customer's lane; staff lanes by department and by name. */
export function laneSimilarity(a: LaneRole | undefined, b: LaneRole | undefined): number {
  if (!a || !b) return 0;
  if (a.customer || b.customer) return a.customer && b.customer ? 1 : 0;
  const sameDept = a.departmentId !== null && a.departmentId === b.departmentId ? 0.7 : 0;
  return Math.max(sameDept, termSimilarity({ verb: null, objects: a.terms.objects }, { verb: null, objects: b.terms.objects }));
}

interface Side {
  nodes: MapNode[];
  terms: LabelTerms[];
  lanes: Map<Id, LaneRole>;
  positions: Map<Id, number>;
}

function side(map: ProcessMap): Side {
  const nodes = map.nodes.filter((n) => isControlKind(n.kind));
  return { nodes, terms: nodes.map((n) => labelTerms(n.label)), lanes: laneRoles(map), positions: flowPositions(map) };
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

export function matchSteps(mapA: ProcessMap, mapB: ProcessMap): StepMatching {
  const a = side(mapA);
  const b = side(mapB);
  const group = conceptGroups([a, b]);
  const byGroup = new Map<number, number[]>();
  b.terms.forEach((t, j) => {
    for (const g of new Set(t.objects.map((o) => group.get(o)!))) (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(j);
  });
  const seen = new Int32Array(b.nodes.length).fill(-1);
  const candidates: (StepMatch & { i: number; j: number })[] = [];
  a.nodes.forEach((na, i) => {
    const js: number[] = [];
    for (const o of a.terms[i]!.objects) {
      for (const j of byGroup.get(group.get(o)!) ?? []) {
        if (seen[j] === i) continue;
        seen[j] = i;
        js.push(j);
      }
    }
    js.forEach((j) => {
      const nb = b.nodes[j]!;
      if (na.kind !== nb.kind) return;
      const label = termSimilarity(a.terms[i]!, b.terms[j]!);
      if (label < LABEL_MIN) return;
      const lane = laneSimilarity(a.lanes.get(na.laneId), b.lanes.get(nb.laneId));
      const pa = a.positions.get(na.id);
      const pb = b.positions.get(nb.id);
      const position = pa === undefined || pb === undefined ? 0.5 : 1 - Math.abs(pa - pb);
      const score = W_LABEL * label + W_LANE * lane + W_POSITION * position;
      if (score >= MATCH_MIN) candidates.push({ a: na.id, b: nb.id, score, label, i, j });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<Id>();
  const usedB = new Set<Id>();
  const matches: StepMatch[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    matches.push({ a: c.a, b: c.b, score: round(c.score), label: round(c.label) });
  }
  return {
    matches,
    onlyA: a.nodes.filter((n) => !usedA.has(n.id)).map((n) => n.id),
    onlyB: b.nodes.filter((n) => !usedB.has(n.id)).map((n) => n.id),
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
