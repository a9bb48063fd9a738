// The map as one flat ELK layered graph. ELK gives the columns (layers) and a first order of
// the nodes inside each column; lanes are our business afterwards (DESIGN.md: as compound
// nodes ELK stacks them side by side and is slow).

import type { ElkNode } from 'elkjs/lib/elk-api';
import { clusterColumns } from './columns';
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
 * What our layout asks of ELK: only the columns. Its crossing minimisation, model-order sorting,
 * Brandes-Koepf placement and orthogonal routing are all redone by us with the lanes in mind
 * (our final crossings measured the same from ELK's order or the map's own), so they are
 * switched to their cheapest forms: a third to a sixth of the time of ELK_OPTIONS.
 */
export const LAYERING_OPTIONS: Record<string, string> = {
  ...ELK_OPTIONS,
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.crossingMinimization.strategy': 'NONE',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.edgeRouting': 'POLYLINE',
};

/** The map as ELK's input; `reversed` flows are handed over backwards (see acyclic.ts). */
export function toElkGraph(g: LGraph, options: Record<string, string> = ELK_OPTIONS, reversed?: readonly boolean[]): ElkNode {
  return {
    id: 'root',
    layoutOptions: options,
    children: g.nodes.map((n, i) => ({ id: `n${i}`, width: n.width, height: n.height })),
    // Self-loops change no column; the router draws them.
    edges: g.edges.flatMap((e, i) => {
      if (e.from === e.to) return [];
      const [a, b] = reversed?.[i] ? [e.to, e.from] : [e.from, e.to];
      return [{ id: `e${i}`, sources: [`n${a}`], targets: [`n${b}`] }];
    }),
  };
}

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

export async function elkColumns(elk: ElkLike, g: LGraph, options: Record<string, string> = ELK_OPTIONS, reversed?: readonly boolean[]): Promise<ElkColumns> {
  if (g.nodes.length === 0) return { column: [], count: 0, centreY: [] };
  const out = await elk.layout(toElkGraph(g, options, reversed));
  return readElkColumns(g, out);
}
