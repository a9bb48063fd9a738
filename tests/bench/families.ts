// Two graph families the layout was not tuned on, written apart from src/core/layout/generate
// (own random source, own shapes), so the benchmark can tell whether its gains generalise:
// random lane graphs (lanes drawn at random, many loops back and hand-offs) and long chains
// (one long process that changes lane every few steps, one side branch per lane).

import type { Flow, Lane, MapNode, NodeKind, ProcessMap } from '../../src/core/model/types';

export const FAMILY_SIZES = [20, 150, 500, 1000];
export const FAMILY_LANES = [4, 8];
export const FAMILY_SEEDS = [1, 2];

/** xorshift32 seeded through FNV-1a of a text, so each graph's name alone fixes its shape. */
export function randomFrom(text: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let x = h || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** A map under construction: nodes and flows with sequential ids, no positions. */
class Builder {
  readonly lanes: Lane[];
  readonly nodes: MapNode[] = [];
  readonly flows: Flow[] = [];
  readonly laneOf: number[] = [];
  private readonly seen = new Set<string>();

  constructor(laneCount: number) {
    this.lanes = Array.from({ length: laneCount }, (_, i) => ({ id: `lane${i}`, name: `Team ${i + 1}` }));
  }

  node(kind: NodeKind, lane: number): number {
    const i = this.nodes.length;
    this.nodes.push({ id: `v${i}`, kind, laneId: this.lanes[lane]!.id, label: `${kind} ${i}` });
    this.laneOf.push(lane);
    return i;
  }

  /** False (and nothing added) for a loop on one node or a second flow between the same two. */
  flow(from: number, to: number, message = false): boolean {
    const key = `${from}>${to}`;
    if (from === to || this.seen.has(key)) return false;
    this.seen.add(key);
    this.flows.push({ id: `e${this.flows.length}`, kind: message ? 'message' : 'sequence', from: `v${from}`, to: `v${to}` });
    return true;
  }

  map(id: string, name: string): ProcessMap {
    return {
      id,
      name,
      departmentId: null,
      lanes: this.lanes,
      nodes: this.nodes,
      flows: this.flows,
      view: { nodes: {}, laneHeights: {}, flowPoints: {} },
      updatedAt: '2026-01-01T00:00:00Z',
    };
  }
}

export interface FamilyOptions {
  nodes: number;
  lanes: number;
  seed: number;
}

/** A graph's name, its random source (seeded by that name) and an empty map. */
function begin(family: string, o: FamilyOptions) {
  const name = `${family} ${o.nodes}/${o.lanes} #${o.seed}`;
  const rnd = randomFrom(name);
  return { name, rnd, int: (n: number) => Math.floor(rnd() * n), b: new Builder(o.lanes) };
}

/**
 * N nodes in L lanes drawn at random, joined by a random path through all of them (start first,
 * end last), plus about 0.35 N extra flows of which about a quarter go back along the path and
 * about half change lane; about one node in eight is a decision with 2 or 3 ways out. Most
 * extra flows reach a few steps along the path, one in five anywhere.
 */
export function randomLaneGraph(o: FamilyOptions): ProcessMap {
  const { name, rnd, int, b } = begin('random lanes', o);
  const n = Math.max(4, o.nodes);
  // Path order is creation order: node i is the i-th on the spanning path.
  b.node('start', int(o.lanes));
  for (let i = 1; i < n - 1; i++) b.node(rnd() < 0.125 ? 'decision' : 'step', int(o.lanes));
  b.node('end', int(o.lanes));
  for (let i = 0; i + 1 < n; i++) b.flow(i, i + 1, b.laneOf[i] !== b.laneOf[i + 1] && rnd() < 0.3);

  /** One extra flow out of `from`: back or forward, to its own lane or another; false if none fits. */
  const extra = (from: number): boolean => {
    const back = rnd() < 0.25;
    const cross = rnd() < 0.5;
    const far = rnd() < 0.2;
    for (let attempt = 0; attempt < 30; attempt++) {
      const span = far ? 1 + int(n) : 1 + Math.floor(-Math.log(1 - rnd()) * 6);
      const to = back ? from - span : from + span;
      // Nothing flows into the start; the end only receives.
      if (to < 1 || to > n - 1) continue;
      if ((b.laneOf[to] !== b.laneOf[from]) !== cross) continue;
      if (b.flow(from, to, cross && rnd() < 0.3)) return true;
    }
    return false;
  };
  let extras = 0;
  const target = Math.round(n * 0.35);
  b.nodes.forEach((node, i) => {
    if (node.kind !== 'decision') return;
    // 1 or 2 ways out besides the path; a try that finds no target is tried again.
    const ways = 1 + int(2);
    let added = 0;
    for (let tries = 0; added < ways && tries < 10; tries++) if (extra(i)) added++;
    extras += added;
  });
  for (let guard = 0; extras < target && guard < target * 20; guard++) {
    const from = 1 + int(n - 2);
    if (b.nodes[from]!.kind === 'step' && extra(from)) extras++;
  }
  return b.map(`rl-${o.nodes}-${o.lanes}-${o.seed}`, name);
}

/**
 * One main chain from start to end that moves to another lane every 2 to 5 steps; the first
 * time the chain is in a lane, a decision there opens a side branch of 1 to 4 steps in that lane
 * that rejoins the chain 3 to 10 steps further on. N counts every node, branches included (a
 * small map has room for fewer branches).
 */
export function longChain(o: FamilyOptions): ProcessMap {
  const { name, int, b } = begin('long chain', o);
  const n = Math.max(6, o.nodes);
  const longest = n < 60 ? 2 : 4;

  // First the chain's lanes and where branches leave, so the count comes out at exactly n.
  const chainLane: number[] = [];
  const branches: { at: number; length: number }[] = [];
  const opened = new Set<number>();
  let total = 0;
  let lane = int(o.lanes);
  let stay = 2 + int(4);
  while (total < n) {
    if (stay === 0) {
      lane = (lane + 1 + int(o.lanes - 1)) % o.lanes;
      stay = 2 + int(4);
    }
    const at = chainLane.length;
    chainLane.push(lane);
    total++;
    stay--;
    const length = 1 + int(longest);
    // Room left for the branch and at least four chain nodes after it to rejoin.
    if (at > 0 && !opened.has(lane) && total + length + 4 <= n) {
      opened.add(lane);
      branches.push({ at, length });
      total += length;
    }
  }
  const last = chainLane.length - 1;
  const opens = new Set(branches.map((x) => x.at));
  const chain = chainLane.map((cl, i) => b.node(i === 0 ? 'start' : i === last ? 'end' : opens.has(i) ? 'decision' : 'step', cl));
  for (let i = 0; i < last; i++) b.flow(chain[i]!, chain[i + 1]!);
  for (const { at, length } of branches) {
    let prev = chain[at]!;
    for (let k = 0; k < length; k++) {
      const step = b.node('step', chainLane[at]!);
      b.flow(prev, step);
      prev = step;
    }
    const rejoin = chain[Math.min(last, at + 3 + int(8))]!;
    b.flow(prev, rejoin, b.laneOf[rejoin] !== chainLane[at]);
  }
  return b.map(`lc-${o.nodes}-${o.lanes}-${o.seed}`, name);
}

/** Every size, lane count and seed of both families. */
export function familyMaps(): { family: string; map: ProcessMap }[] {
  const out: { family: string; map: ProcessMap }[] = [];
  for (const [family, make] of [
    ['random lanes', randomLaneGraph],
    ['long chains', longChain],
  ] as const) {
    for (const nodes of FAMILY_SIZES)
      for (const lanes of FAMILY_LANES) for (const seed of FAMILY_SEEDS) out.push({ family, map: make({ nodes, lanes, seed }) });
  }
  return out;
}
