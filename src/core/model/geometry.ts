import type { Id, MapNode, MapView, NodeBox, NodeKind, ProcessMap } from './types';

// Default sizes per node kind, in pixels; the editor and the SVG export both use them.
export const NODE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  start: { width: 48, height: 48 },
  end: { width: 48, height: 48 },
  step: { width: 150, height: 64 },
  decision: { width: 96, height: 96 },
  dataStore: { width: 110, height: 72 },
  system: { width: 130, height: 64 },
  document: { width: 110, height: 72 },
  note: { width: 150, height: 80 },
};

export const DEFAULT_LANE_HEIGHT = 200;
export const MIN_LANE_HEIGHT = 80;
/** Width of the lane header on the left of each band; nodes sit to its right. */
export const LANE_HEADER_WIDTH = 150;
export const MIN_MAP_WIDTH = 900;
export const GRID = 10;

export interface LaneBand {
  laneId: Id;
  y: number;
  height: number;
}

export function laneHeight(view: MapView, laneId: Id): number {
  return view.laneHeights[laneId] ?? DEFAULT_LANE_HEIGHT;
}

/** The horizontal bands of a map's lanes, stacked in list order from y = 0. */
export function laneBands(map: Pick<ProcessMap, 'lanes' | 'view'>): LaneBand[] {
  let y = 0;
  return map.lanes.map((lane) => {
    const height = laneHeight(map.view, lane.id);
    const band = { laneId: lane.id, y, height };
    y += height;
    return band;
  });
}

/** The lane whose band holds the point's y; above the first band is the first, below the last the last. */
export function laneAtY(map: Pick<ProcessMap, 'lanes' | 'view'>, y: number): Id | undefined {
  const bands = laneBands(map);
  if (bands.length === 0) return undefined;
  for (const b of bands) if (y < b.y + b.height) return b.laneId;
  return bands[bands.length - 1]!.laneId;
}

export function nodeBox(map: Pick<ProcessMap, 'view'>, node: MapNode): NodeBox {
  const box = map.view.nodes[node.id];
  if (box) return box;
  const size = NODE_SIZE[node.kind];
  return { x: LANE_HEADER_WIDTH + 40, y: 0, ...size };
}

/** Total width of the bands: wide enough for every node plus room to draw more. */
export function mapWidth(map: Pick<ProcessMap, 'nodes' | 'view'>): number {
  let right = 0;
  for (const n of map.nodes) {
    const b = map.view.nodes[n.id];
    if (b) right = Math.max(right, b.x + b.width);
  }
  return Math.max(MIN_MAP_WIDTH, right + 160);
}

export const snap = (v: number): number => Math.round(v / GRID) * GRID;
