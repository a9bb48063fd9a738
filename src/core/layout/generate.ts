// Seeded random process maps for tests and the benchmark: workshop-like maps with hand-offs
// between lanes, decisions whose branches rejoin, rework loops, and data stores read and
// written by steps far apart in the process. Same options, same map, byte for byte.

import type { Flow, FlowKind, Id, Lane, MapNode, NodeKind, ProcessMap } from '../model/types';

export interface GenerateOptions {
  nodes: number;
  lanes: number;
  seed: number;
  id?: string;
}

/** mulberry32: tiny, fast and good enough to vary test maps; never Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Control nodes per sub-process: big maps are many processes side by side, not one endless chain. */
const PROCESS_SIZE = 45;

export function generateMap(opts: GenerateOptions): ProcessMap {
  const rnd = seededRandom(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const laneCount = Math.max(1, opts.lanes);
  const lanes: Lane[] = Array.from({ length: laneCount }, (_, i) => ({ id: `l${i + 1}`, name: `Lane ${i + 1}` }));
  const nodes: MapNode[] = [];
  const flows: Flow[] = [];
  const laneOf = new Map<Id, number>();

  const addNode = (kind: NodeKind, lane: number): Id => {
    const id = `n${nodes.length + 1}`;
    nodes.push({ id, kind, laneId: lanes[lane]!.id, label: `${kind} ${nodes.length + 1}` });
    laneOf.set(id, lane);
    return id;
  };
  const addFlow = (from: Id, to: Id, kind?: FlowKind): void => {
    const handOff = laneOf.get(from) !== laneOf.get(to);
    flows.push({ id: `f${flows.length + 1}`, kind: kind ?? (handOff && rnd() < 0.5 ? 'message' : 'sequence'), from, to });
  };
  // Work usually stays in a lane for a few steps, then is handed to another.
  const nextLane = (lane: number): number => (rnd() < 0.6 ? lane : Math.floor(rnd() * laneCount));

  const total = Math.max(2, opts.nodes);
  const notes = Math.floor(total * 0.02);
  const dataNodes = Math.floor(total * 0.18);
  const control = Math.max(2, total - notes - dataNodes);
  const processes = Math.max(1, Math.round(control / PROCESS_SIZE));
  const steps: Id[] = [];
  const processNodes: Id[][] = [];

  for (let p = 0; p < processes; p++) {
    const budget = p === processes - 1 ? control - nodes.length : Math.floor(control / processes);
    const own: Id[] = [];
    const start = nodes.length;
    const used = () => nodes.length - start;
    let lane = Math.floor(rnd() * laneCount);
    // Open ends of the process so far: the next node continues from all of them (a join).
    let tails: Id[] = [addNode('start', lane)];
    own.push(tails[0]!);
    const follow = (id: Id) => {
      for (const t of tails) addFlow(t, id);
      own.push(id);
    };
    while (used() < budget - 1) {
      lane = nextLane(lane);
      if (budget - 1 - used() >= 4 && rnd() < 0.2) {
        // A decision: two or three branches of one to three steps that meet again.
        const d = addNode('decision', lane);
        const at = own.length;
        follow(d);
        const branches = rnd() < 0.3 ? 3 : 2;
        const ends: Id[] = [];
        for (let b = 0; b < branches && used() < budget - 1; b++) {
          let prev = d;
          let bl = lane;
          const len = 1 + Math.floor(rnd() * 3);
          for (let s = 0; s < len && used() < budget - 1; s++) {
            bl = nextLane(bl);
            const st = addNode('step', bl);
            addFlow(prev, st);
            own.push(st);
            steps.push(st);
            prev = st;
          }
          if (prev !== d) ends.push(prev);
        }
        // Rework: sometimes one branch loops back to a step before the decision.
        if (ends.length > 1 && rnd() < 0.35) {
          // Back to the decision itself or one of the few nodes before it.
          addFlow(ends.pop()!, pick(own.slice(Math.max(0, at - 6), at + 1)));
        }
        tails = ends.length > 0 ? ends : [d];
      } else {
        const st = addNode('step', lane);
        follow(st);
        steps.push(st);
        tails = [st];
      }
    }
    follow(addNode('end', nextLane(lane)));
    processNodes.push(own);
  }

  // Hand-offs between processes: one process triggers a step of a later one.
  for (let p = 1; p < processNodes.length; p++) {
    if (rnd() < 0.6) {
      const from = pick(processNodes[p - 1]!.slice(1, -1));
      const to = pick(processNodes[p]!.slice(1, -1));
      if (from && to) addFlow(from, to, 'message');
    }
  }

  // Stores, systems and documents, each read or written by one to four steps.
  const dataKinds: NodeKind[] = ['dataStore', 'dataStore', 'system', 'system', 'document'];
  for (let i = 0; i < dataNodes; i++) {
    const id = addNode(pick(dataKinds), Math.floor(rnd() * laneCount));
    const uses = 1 + Math.floor(rnd() * 4);
    // Mostly steps of one stretch of the process; now and then a step anywhere (a silo's reach).
    const centre = Math.floor(rnd() * steps.length);
    for (let u = 0; u < uses && steps.length > 0; u++) {
      const near = steps.slice(Math.max(0, centre - 12), centre + 12);
      const s = rnd() < 0.85 ? pick(near) : pick(steps);
      if (rnd() < 0.5) addFlow(s, id, 'data');
      else addFlow(id, s, 'data');
    }
  }
  for (let i = 0; i < notes; i++) addNode('note', Math.floor(rnd() * laneCount));

  return {
    id: opts.id ?? `gen-${total}-${laneCount}-${opts.seed}`,
    name: `Generated ${total} nodes, ${laneCount} lanes (seed ${opts.seed})`,
    departmentId: null,
    lanes,
    nodes,
    flows,
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** A decision's branches named as a workshop names them (Yes, No, then Other), so flow labels are placed as on a real map. */
export function withBranchLabels(map: ProcessMap): ProcessMap {
  const decisions = new Set(map.nodes.filter((n) => n.kind === 'decision').map((n) => n.id));
  const named = new Map<Id, number>();
  const flows = map.flows.map((f) => {
    if (!decisions.has(f.from)) return f;
    const k = named.get(f.from) ?? 0;
    named.set(f.from, k + 1);
    return { ...f, label: ['Yes', 'No'][k] ?? 'Other' };
  });
  return { ...map, flows };
}
