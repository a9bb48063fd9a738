// The layouts compared side by side on the same maps. Each returns its view and how long it
// took; the naive baseline also reports the time of its ELK call alone (plain ELK).

import dagre from '@dagrejs/dagre';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { clusterColumns } from '../../src/core/layout/columns';
import { ELK_OPTIONS, readElkColumns, toElkGraph } from '../../src/core/layout/elkGraph';
import { buildGraph } from '../../src/core/layout/graph';
import { bandPositions, layoutMap } from '../../src/core/layout/layout';
import type { ElkLike } from '../../src/core/layout/types';
import type { MapView, ProcessMap } from '../../src/core/model/types';
import { elkView } from './elkView';

export interface PeerRun {
  view: MapView;
  ms: number;
  /** The naive peer: its ELK call alone. */
  elkMs?: number;
  /** The naive peer: ELK's own drawing, lanes ignored (for reference). */
  raw?: MapView;
}

export type PeerName = 'ours' | 'naive' | 'compound' | 'dagre';
export const PEERS: PeerName[] = ['ours', 'naive', 'compound', 'dagre'];
export const PEER_LABEL: Record<PeerName, string> = {
  ours: 'ours (lane-aware)',
  naive: 'ELK + naive banding',
  compound: 'ELK lanes as compounds',
  dagre: 'dagre + naive banding',
};
/** DESIGN.md: lanes as compound nodes took 3.4 s at 1000 nodes; skipped above this size. */
export const COMPOUND_MAX_NODES = 500;

const now = () => performance.now();

export async function runPeer(peer: PeerName, map: ProcessMap, elk: ElkLike): Promise<PeerRun> {
  if (peer === 'ours') {
    const t = now();
    const r = await layoutMap(map, { elk });
    return { view: r.view, ms: now() - t };
  }
  if (peer === 'naive') return naive(map, elk);
  if (peer === 'compound') return compound(map, elk);
  return dagreBanded(map);
}

function ids(map: ProcessMap) {
  const g = buildGraph(map);
  return {
    g,
    nodeIds: new Map(g.nodes.map((n, i) => [`n${i}`, n.id])),
    flowIds: new Map(g.edges.map((e, i) => [`e${i}`, e.flowId])),
  };
}

async function naive(map: ProcessMap, elk: ElkLike): Promise<PeerRun> {
  const { g, nodeIds, flowIds } = ids(map);
  const t0 = now();
  const out = await elk.layout(toElkGraph(g));
  const t1 = now();
  const cols = readElkColumns(g, out);
  const view = bandPositions(map, g, cols.column, cols.count, cols.centreY);
  const t2 = now();
  const raw = elkView(out, nodeIds, flowIds, { [map.lanes[0]?.id ?? '']: out.height ?? 0 });
  return { view, ms: t2 - t0, elkMs: t1 - t0, raw };
}

/** Lanes as compound nodes, hierarchy handled by ELK in one pass, drawn as ELK returns it. */
async function compound(map: ProcessMap, elk: ElkLike): Promise<PeerRun> {
  const { g, nodeIds, flowIds } = ids(map);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      ...ELK_OPTIONS,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: g.laneIds.map((laneId, l) => ({
      id: `lane-${laneId}`,
      layoutOptions: { 'elk.padding': '[top=20,left=20,bottom=20,right=20]' },
      children: g.nodes.flatMap((n, i) => (n.lane === l ? [{ id: `n${i}`, width: n.width, height: n.height }] : [])),
    })),
    edges: g.edges.flatMap((e, i) => (e.from === e.to ? [] : [{ id: `e${i}`, sources: [`n${e.from}`], targets: [`n${e.to}`] }])),
  };
  const t0 = now();
  const out = await elk.layout(graph);
  const ms = now() - t0;
  // Bands as tall as ELK made each lane's box; nodes stay where ELK put them.
  const heights: Record<string, number> = {};
  for (const c of out.children ?? []) heights[c.id.slice('lane-'.length)] = c.height ?? 0;
  return { view: elkView(out, nodeIds, flowIds, heights), ms };
}

function dagreBanded(map: ProcessMap): PeerRun {
  const g = buildGraph(map);
  const t0 = now();
  const d = new dagre.graphlib.Graph({ multigraph: true });
  d.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 50 });
  d.setDefaultEdgeLabel(() => ({}));
  g.nodes.forEach((n, i) => d.setNode(`n${i}`, { width: n.width, height: n.height }));
  g.edges.forEach((e, i) => {
    if (e.from !== e.to) d.setEdge(`n${e.from}`, `n${e.to}`, {}, `e${i}`);
  });
  dagre.layout(d);
  const left: number[] = [];
  const right: number[] = [];
  const centreY: number[] = [];
  g.nodes.forEach((n, i) => {
    const p = d.node(`n${i}`);
    left.push(p.x - n.width / 2);
    right.push(p.x + n.width / 2);
    centreY.push(p.y);
  });
  const { column, count } = clusterColumns(left, right);
  const view = bandPositions(map, g, column, count, centreY);
  return { view, ms: now() - t0 };
}
