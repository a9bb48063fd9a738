import { laneBands, LANE_HEADER_WIDTH } from '../model/geometry';
import type { Id, NodeBox, ProcessMap } from '../model/types';
import { withBandHeight } from './bandHeight';
import { dropRoutesTouching } from './routes';

// A node that grew in place (a longer label, a resize) makes room for itself, within the same
// edit: the nodes of its lane it now overlaps (or comes within CLOSE of) move just clear of it, the way that moves them
// least (right or down first; left or up only where there is room), each moved node clearing
// the next in turn, and a lane whose nodes no longer fit its band grows. Nothing else moves:
// this is a local repair until the next auto layout, not a layout.

/**
 * Clear space left between a grown node and a node it moved: the marks stick out of a box (a
 * badge 9 above the top, the notes mark 8 below the bottom), so 20 keeps them apart too.
 */
const GAP = 20;
/** A node is kept this far inside its lane's band. */
const EDGE = 10;

type Dir = 'right' | 'down' | 'left' | 'up';

/** Nearer than this to a grown or moved node is in its way: their marks would meet. */
const CLOSE = 10;

/** Whether two boxes come closer than `pad` (overlap, with pad 0). */
const overlaps = (a: NodeBox, b: NodeBox, pad = 0) => a.x - pad < b.x + b.width && b.x - pad < a.x + a.width && a.y - pad < b.y + b.height && b.y - pad < a.y + a.height;

/** Where `b` goes to clear `a` in one direction. */
function cleared(a: NodeBox, b: NodeBox, dir: Dir): NodeBox {
  if (dir === 'right') return { ...b, x: a.x + a.width + GAP };
  if (dir === 'left') return { ...b, x: a.x - GAP - b.width };
  if (dir === 'down') return { ...b, y: a.y + a.height + GAP };
  return { ...b, y: a.y - GAP - b.height };
}

const distance = (from: NodeBox, to: NodeBox) => Math.abs(to.x - from.x) + Math.abs(to.y - from.y);

/** The map with room made around the nodes in `grown`; the same map when none overlaps anything. */
export function makeRoom(map: ProcessMap, grown: ReadonlySet<Id>): ProcessMap {
  const boxes = { ...map.view.nodes };
  const laneOf = new Map(map.nodes.map((n) => [n.id, n.laneId]));
  const bandTop = new Map(laneBands(map).map((b) => [b.laneId, b.y]));
  const moved = new Set<Id>();
  // A grown node stays below its band's top edge (growing around its centre can pass it).
  for (const id of grown) {
    const b = boxes[id];
    const top = bandTop.get(laneOf.get(id)!);
    if (!b || top === undefined || b.y >= top) continue;
    boxes[id] = { ...b, y: top + EDGE };
    moved.add(id);
  }
  // Each pusher clears the nodes of its lane it overlaps; a pushed node pushes on the same way.
  const queue: { id: Id; dir?: Dir }[] = [...grown].map((id) => ({ id }));
  let budget = 20 * map.nodes.length;
  while (queue.length && budget-- > 0) {
    const { id, dir } = queue.shift()!;
    const a = boxes[id];
    if (!a) continue;
    for (const n of map.nodes) {
      const b = boxes[n.id];
      if (n.id === id || grown.has(n.id) || !b || laneOf.get(n.id) !== laneOf.get(id) || !overlaps(a, b, CLOSE)) continue;
      const top = bandTop.get(n.laneId) ?? 0;
      const way = dir && fits(cleared(a, b, dir), dir, top) ? dir : nearestWay(a, b, top);
      boxes[n.id] = cleared(a, b, way);
      moved.add(n.id);
      queue.push({ id: n.id, dir: way });
    }
  }
  settle(map, boxes, grown, moved);
  if (moved.size === 0) return fitBands(map, grown);
  const pushed = { ...map, view: { ...map.view, nodes: boxes, flowPoints: dropRoutesTouching(map, moved) } };
  return fitBands(pushed, new Set([...grown, ...moved]));
}

/**
 * The guarantee under the pushes above (which can send a node back onto one already placed):
 * lane by lane, the grown nodes first and then the rest from left to right, a node still over
 * an earlier one goes right of it, when either of them grew or was moved. A node only moves
 * right past nodes placed before it, so one pass leaves no such overlap.
 */
function settle(map: ProcessMap, boxes: Record<Id, NodeBox>, grown: ReadonlySet<Id>, moved: Set<Id>): void {
  for (const lane of map.lanes) {
    const ids = map.nodes.filter((n) => n.laneId === lane.id && boxes[n.id]).map((n) => n.id);
    const order = [...ids.filter((id) => grown.has(id)), ...ids.filter((id) => !grown.has(id)).sort((a, b) => boxes[a]!.x - boxes[b]!.x)];
    const involved = (id: Id) => grown.has(id) || moved.has(id);
    order.forEach((id, i) => {
      if (grown.has(id)) return;
      for (let again = true; again; ) {
        const over = order.slice(0, i).find((j) => (involved(j) || involved(id)) && overlaps(boxes[j]!, boxes[id]!, CLOSE));
        again = over !== undefined;
        if (over !== undefined) {
          boxes[id] = cleared(boxes[over]!, boxes[id]!, 'right');
          moved.add(id);
        }
      }
    });
  }
}

/** Whether a node moved `dir` to `c` stays right of the header and inside its band's top. */
const fits = (c: NodeBox, dir: Dir, top: number) => (dir === 'left' ? c.x >= LANE_HEADER_WIDTH : dir === 'up' ? c.y >= top + EDGE : true);

/** The least move that clears `b` of `a`: right or down always work; left and up only inside the lane. */
function nearestWay(a: NodeBox, b: NodeBox, top: number): Dir {
  const ways: Dir[] = ['right', 'down', 'left', 'up'];
  return ways.filter((d) => fits(cleared(a, b, d), d, top)).reduce((best, d) => (distance(b, cleared(a, b, d)) < distance(b, cleared(a, b, best)) ? d : best));
}

/** Every lane holding one of `ids` grown, where needed, to hold its nodes with EDGE to spare. */
function fitBands(map: ProcessMap, ids: ReadonlySet<Id>): ProcessMap {
  let out = map;
  const lanes = new Set(map.nodes.filter((n) => ids.has(n.id)).map((n) => n.laneId));
  for (const lane of map.lanes.filter((l) => lanes.has(l.id))) {
    const band = laneBands(out).find((b) => b.laneId === lane.id)!;
    const bottom = Math.max(...out.nodes.filter((n) => n.laneId === lane.id).map((n) => out.view.nodes[n.id]).filter(Boolean).map((b) => b!.y + b!.height));
    if (bottom + EDGE > band.y + band.height) out = withBandHeight(out, lane.id, Math.ceil(bottom + EDGE - band.y));
  }
  return out;
}
