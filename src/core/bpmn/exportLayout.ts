import { LANE_HEADER_WIDTH, laneBands, mapWidth, nodeBox } from '../model/geometry';
import type { Flow, Id, Lane, MapNode, NodeBox, Point, ProcessMap, Workspace } from '../model/types';
import { laneDepartment } from '../model/vocabulary';

// Where things go in the exported diagram. Lanes of one department make one pool; a pool's
// lanes must be drawn together, so lanes are regrouped pool by pool (nodes move with their
// lane) and pools stand apart by a small gap. Lanemap's wide lane header becomes BPMN's two
// narrow ones (pool name, lane name).

export interface ExportPool {
  key: string;
  name: string;
  departmentId: Id | null;
  lanes: Lane[];
}

const POOL_HEADER = 30;
const LANE_HEADER = 30;
const POOL_GAP = 40;
/** Shift left so Lanemap's header width becomes the two BPMN headers. */
const HEADER_SHIFT = LANE_HEADER_WIDTH - POOL_HEADER - LANE_HEADER;
const RIGHT_MARGIN = 60;

/** One pool per department that has lanes here, in the order the lanes come; lanes of no department make one more. */
export function groupPools(map: ProcessMap, ws: Workspace): ExportPool[] {
  const lanes = map.lanes.length ? map.lanes : [{ id: `${map.id}-lane`, name: map.name }];
  const pools: ExportPool[] = [];
  for (const lane of lanes) {
    const dep = laneDepartment(map, lane);
    const key = dep ?? '';
    let pool = pools.find((p) => p.key === key);
    if (!pool) pools.push((pool = { key, name: ws.departments.find((d) => d.id === dep)?.name ?? '', departmentId: dep, lanes: [] }));
    pool.lanes.push(lane);
  }
  // Lanes of no department make the map's own pool when they are all there is; beside named pools it stays unnamed.
  const unnamed = pools.find((p) => !p.name);
  if (unnamed && pools.length === 1) unnamed.name = map.name;
  return pools;
}

export interface ExportGeometry {
  pools: Map<string, NodeBox>;
  lanes: Map<Id, NodeBox>;
  nodes: Map<Id, NodeBox>;
  /** The flow's routed line where the map has one; else an elbowed line (control flows) or a straight one (associations). */
  waypoints(flow: Flow, shape: 'elbow' | 'straight'): Point[];
}

const centre = (b: NodeBox): Point => [b.x + b.width / 2, b.y + b.height / 2];

/** Where the line from a box's centre towards a point leaves the box. */
function border(b: NodeBox, towards: Point): Point {
  const [cx, cy] = centre(b);
  const dx = towards[0] - cx;
  const dy = towards[1] - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const t = Math.min(dx ? b.width / 2 / Math.abs(dx) : Infinity, dy ? b.height / 2 / Math.abs(dy) : Infinity);
  return [cx + dx * t, cy + dy * t];
}

/** Out of the side facing the target and into the side facing the source, turning once halfway, as BPMN modellers draw. */
function elbow(a: NodeBox, b: NodeBox): Point[] {
  const [ax, ay] = centre(a);
  const [bx, by] = centre(b);
  // Side by side: across, down, across; else one above the other: down, across, down.
  if (b.x >= a.x + a.width || b.x + b.width <= a.x) {
    const [x1, x2] = b.x >= a.x + a.width ? [a.x + a.width, b.x] : [a.x, b.x + b.width];
    const mx = (x1 + x2) / 2;
    return ay === by ? [[x1, ay], [x2, by]] : [[x1, ay], [mx, ay], [mx, by], [x2, by]];
  }
  const [y1, y2] = by >= ay ? [a.y + a.height, b.y] : [a.y, b.y + b.height];
  const my = (y1 + y2) / 2;
  return ax === bx ? [[ax, y1], [bx, y2]] : [[ax, y1], [ax, my], [bx, my], [bx, y2]];
}

export function exportGeometry(map: ProcessMap, pools: ExportPool[]): ExportGeometry {
  const bands = new Map(laneBands(map).map((b) => [b.laneId, b]));
  const laneShift = new Map<Id, number>();
  const laneIds = new Set(pools.flatMap((p) => p.lanes.map((l) => l.id)));
  const laneOf = (n: MapNode) => (laneIds.has(n.laneId) ? n.laneId : pools[0]!.lanes[0]!.id);

  const boxes = map.nodes.map((n) => ({ n, box: nodeBox(map, n) }));
  const minX = boxes.reduce((m, b) => Math.min(m, b.box.x), Infinity);
  const dx = -Math.min(HEADER_SHIFT, Number.isFinite(minX) ? minX - POOL_HEADER - LANE_HEADER - 20 : HEADER_SHIFT);
  const width = boxes.reduce((w, b) => Math.max(w, b.box.x + b.box.width + dx + RIGHT_MARGIN), mapWidth(map) + dx);

  const poolRects = new Map<string, NodeBox>();
  const laneRects = new Map<Id, NodeBox>();
  let y = 0;
  for (const pool of pools) {
    const top = y;
    for (const lane of pool.lanes) {
      const band = bands.get(lane.id) ?? { y: 0, height: map.view.laneHeights[lane.id] ?? 200 };
      laneShift.set(lane.id, y - band.y);
      laneRects.set(lane.id, { x: POOL_HEADER, y, width: width - POOL_HEADER, height: band.height });
      y += band.height;
    }
    poolRects.set(pool.key, { x: 0, y: top, width, height: y - top });
    y += POOL_GAP;
  }

  const nodeRects = new Map<Id, NodeBox>();
  const shiftOf = new Map<Id, number>();
  for (const { n, box } of boxes) {
    const dy = laneShift.get(laneOf(n)) ?? 0;
    shiftOf.set(n.id, dy);
    nodeRects.set(n.id, { x: box.x + dx, y: box.y + dy, width: box.width, height: box.height });
  }

  return {
    pools: poolRects,
    lanes: laneRects,
    nodes: nodeRects,
    waypoints(flow, shape) {
      const a = nodeRects.get(flow.from)!;
      const b = nodeRects.get(flow.to)!;
      const routed = map.view.flowPoints[flow.id];
      const dy = shiftOf.get(flow.from);
      // A routed line is kept where both ends moved alike (their lanes stayed together).
      if (routed && routed.length >= 2 && dy === shiftOf.get(flow.to)) return routed.map(([px, py]): Point => [px + dx, py + dy!]);
      return shape === 'elbow' ? elbow(a, b) : [border(a, centre(b)), border(b, centre(a))];
    },
  };
}
