// Which flows ELK should see reversed, so that the graph it layers has no cycles and its own
// cycle breaking (which picks edges by degree, and happily turns a process's main line
// backwards) has nothing to do. The rules follow the meaning of the map:
// - among the flows between steps (not touching a store, system or document), those closing
//   a loop in a depth-first walk from the start events, in the map's order, are the loops
//   back (rework); only they run right to left;
// - a flow to or from a store only says who reads and who writes, not what happens first: the
//   store goes to the middle (median) column of the steps that use it, so it sits close to
//   them, and each of its flows points from the earlier column to the later one (for steps at
//   that median column, the way the data goes).

import { isDataKind } from '../model/vocabulary';
import type { LGraph } from './types';

export function reversedForLayering(g: LGraph): boolean[] {
  const n = g.nodes.length;
  const isData = g.nodes.map((v) => isDataKind(v.kind));
  const control = g.edges.map((e) => e.from !== e.to && !isData[e.from] && !isData[e.to]);
  const reversed = new Array<boolean>(g.edges.length).fill(false);
  breakCycles(g, (i) => control[i]!, reversed);

  // Longest path over the control flow, loops removed: a first guess of every step's column.
  const rank = new Array<number>(n).fill(0);
  const indeg = new Array<number>(n).fill(0);
  const out: number[][] = g.nodes.map(() => []);
  g.edges.forEach((e, i) => {
    if (!control[i]) return;
    const [a, b] = reversed[i] ? [e.to, e.from] : [e.from, e.to];
    out[a]!.push(b);
    indeg[b]!++;
  });
  const queue = g.nodes.map((_, i) => i).filter((i) => indeg[i] === 0);
  for (let q = 0; q < queue.length; q++) {
    const a = queue[q]!;
    for (const b of out[a]!) {
      rank[b] = Math.max(rank[b]!, rank[a]! + 1);
      if (--indeg[b]! === 0) queue.push(b);
    }
  }

  // Each store between the steps using it, at their median rank.
  const users: number[][] = g.nodes.map(() => []);
  g.edges.forEach((e) => {
    if (isData[e.to] && !isData[e.from]) users[e.to]!.push(rank[e.from]!);
    if (isData[e.from] && !isData[e.to]) users[e.from]!.push(rank[e.to]!);
  });
  const middle = users.map((r) => (r.length === 0 ? 0 : r.sort((a, b) => a - b)[(r.length - 1) >> 1]!));
  // Steps at the median itself keep the flow's own direction: a store read by a step comes
  // before it, one written by it after it.
  g.edges.forEach((e, i) => {
    if (isData[e.to] && !isData[e.from]) reversed[i] = rank[e.from]! > middle[e.to]!;
    else if (isData[e.from] && !isData[e.to]) reversed[i] = rank[e.to]! < middle[e.from]!;
  });
  // Whatever still closes a cycle (flows between two stores, say) is broken the same way.
  breakCycles(g, (i) => g.edges[i]!.from !== g.edges[i]!.to, reversed);
  return reversed;
}

/**
 * Reverses (in `reversed`) the edges accepted by `use` that close a cycle in a depth-first walk
 * from the start events, then from nodes without incoming edges, then from the rest, all in
 * list order, following edges in list order.
 */
function breakCycles(g: LGraph, use: (edge: number) => boolean, reversed: boolean[]): void {
  const out: number[][] = g.nodes.map(() => []);
  const indeg = new Array<number>(g.nodes.length).fill(0);
  g.edges.forEach((e, i) => {
    if (!use(i)) return;
    out[reversed[i] ? e.to : e.from]!.push(i);
    indeg[reversed[i] ? e.from : e.to]!++;
  });
  const head = (i: number) => (reversed[i] ? g.edges[i]!.from : g.edges[i]!.to);
  const all = g.nodes.map((_, i) => i);
  const roots = [...all.filter((i) => g.nodes[i]!.kind === 'start'), ...all.filter((i) => indeg[i] === 0), ...all];
  const state = new Uint8Array(g.nodes.length); // 0 new, 1 on the stack, 2 done
  for (const root of roots) {
    if (state[root] !== 0) continue;
    // Iterative, so a long chain in an imported map cannot overflow the call stack.
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = out[top[0]]!;
      if (top[1] < edges.length) {
        const e = edges[top[1]++]!;
        const v = head(e);
        if (state[v] === 1) reversed[e] = !reversed[e];
        else if (state[v] === 0) {
          state[v] = 1;
          stack.push([v, 0]);
        }
      } else {
        state[top[0]] = 2;
        stack.pop();
      }
    }
  }
}
