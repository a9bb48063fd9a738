// The map as one flat ELK layered graph. ELK gives the columns (layers) and a first order of
// the nodes inside each column; lanes are our business afterwards (DESIGN.md: as compound
// nodes ELK stacks them side by side and is slow).

import type { ElkNode } from 'elkjs/lib/elk-api';
import { clusterColumns } from './columns';
import { isDataKind } from '../model/types';
import type { ElkLike, LGraph } from './types';

/** The options DESIGN.md measured: stable, fast, left to right. */
export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.separateConnectedComponents': 'false',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '30',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
};

/**
 * With `dataAfterSteps` (our layout), every data flow between a step and a store is given to
 * ELK as step -> store, whichever way the data goes: reads and writes then never form cycles
 * with the control flow, so ELK's cycle breaking only ever reverses real loops.
 */
export function toElkGraph(g: LGraph, options: Record<string, string> = ELK_OPTIONS, dataAfterSteps = false): ElkNode {
  const orient = (from: number, to: number, kind: string): [number, number] => {
    if (!dataAfterSteps || kind !== 'data') return [from, to];
    const f = isDataKind(g.nodes[from]!.kind);
    const t = isDataKind(g.nodes[to]!.kind);
    return f && !t ? (DATA_FIRST ? [from, to] : [to, from]) : !f && t ? (DATA_FIRST ? [to, from] : [from, to]) : [from, to];
  };
  return {
    id: 'root',
    layoutOptions: options,
    children: g.nodes.map((n, i) => ({ id: `n${i}`, width: n.width, height: n.height })),
    // Self-loops change no column; the router draws them.
    edges: g.edges.flatMap((e, i) => {
      if (e.from === e.to) return [];
      const [a, b] = orient(e.from, e.to, e.kind);
      return [{ id: `e${i}`, sources: [`n${a}`], targets: [`n${b}`] }];
    }),
  };
}
const DATA_FIRST = process.env.DATA_FIRST === '1';

export interface ElkColumns {
  /** Column of every node, and how many columns there are. */
  column: number[];
  count: number;
  /** ELK's vertical centre of every node: the starting order inside each column. */
  centreY: number[];
}

/** Columns and centres from a laid-out ELK graph (children keep the order they were given in). */
export function readElkColumns(g: LGraph, out: ElkNode): ElkColumns {
  const byId = new Map((out.children ?? []).map((c) => [c.id, c]));
  const left: number[] = [];
  const right: number[] = [];
  const centreY: number[] = [];
  g.nodes.forEach((n, i) => {
    const c = byId.get(`n${i}`);
    const x = c?.x ?? 0;
    left.push(x);
    right.push(x + (c?.width ?? n.width));
    centreY.push((c?.y ?? 0) + (c?.height ?? n.height) / 2);
  });
  const { column, count } = clusterColumns(left, right);
  return { column, count, centreY };
}

export async function elkColumns(elk: ElkLike, g: LGraph, options: Record<string, string> = ELK_OPTIONS, dataAfterSteps = false): Promise<ElkColumns> {
  if (g.nodes.length === 0) return { column: [], count: 0, centreY: [] };
  const out = await elk.layout(toElkGraph(g, options, dataAfterSteps));
  return readElkColumns(g, out);
}
