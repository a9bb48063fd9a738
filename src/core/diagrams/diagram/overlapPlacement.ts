import type { SourceRect } from '../../formats/mapBuilder';
import { NODE_SIZE } from '../../model/geometry';
import type { NodeKind } from '../../model/types';
import type { DrawnShape } from './drawing';

// Where a shape goes when Lanemap's shapes, larger than most drawing tools' and never nested,
// would hide one another at the source's positions.

const centre = (r: SourceRect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Whether r's centre lies in outer. */
export function inside(r: SourceRect | undefined, outer: SourceRect | undefined): boolean {
  if (!r || !outer) return false;
  const c = centre(r);
  return c.x >= outer.x && c.x <= outer.x + outer.width && c.y >= outer.y && c.y <= outer.y + outer.height;
}

const overlap = (a: SourceRect, b: SourceRect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

export interface SourceLane {
  id: string;
  rect?: SourceRect;
}

export interface Placement {
  rect?: SourceRect;
  /** Set when the new place might fall in another lane than the one the shape was drawn in. */
  laneId?: string;
  /** The shape it was drawn on, and moved clear of. */
  hostId?: string;
}

const ROOM = 40;
const GAP = 12;

/**
 * An expanded sub-process, a box around shapes of its own, becomes one step, centred on the
 * box's top edge (where its name is written) to stay clear of the shapes inside; on the bottom
 * edge when the top is too close to its lane's top for a step to fit.
 */
function edgeOf(r: SourceRect, lane: SourceRect | undefined): SourceRect {
  const width = Math.min(r.width, 120);
  const bottom = lane && r.y - lane.y < ROOM && lane.y + lane.height - (r.y + r.height) >= ROOM;
  return { x: r.x + (r.width - width) / 2, y: bottom ? r.y + r.height : r.y, width, height: 0 };
}

const CELL = 256;
const MAX_CELLS = 64;
const MARGIN = 64;

/** Shapes by the grid cells their boxes cover, so finding the one under a point stays fast on big pages. */
function hostIndex(shapes: DrawnShape[]): (p: { x: number; y: number }) => DrawnShape[] {
  const cells = new Map<string, DrawnShape[]>();
  for (const h of shapes) {
    const r = h.rect;
    if (!r || h.container) continue;
    // With a margin: a shape on the border may have its centre just outside.
    const cell = (v: number) => Math.floor(v / CELL);
    const [x0, x1, y0, y1] = [cell(r.x - MARGIN), cell(r.x + r.width + MARGIN), cell(r.y - MARGIN), cell(r.y + r.height + MARGIN)];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) continue; // a box that big is a frame, not a task with events on it
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) (cells.get(`${x},${y}`) ?? cells.set(`${x},${y}`, []).get(`${x},${y}`)!).push(h);
  }
  return (p) => cells.get(`${Math.floor(p.x / CELL)},${Math.floor(p.y / CELL)}`) ?? [];
}

/** Whether c lies on the outline of o, within tol of one of its edges. */
const onOutline = (o: SourceRect, c: { x: number; y: number }, tol: number) =>
  c.x >= o.x - tol && c.x <= o.x + o.width + tol && c.y >= o.y - tol && c.y <= o.y + o.height + tol &&
  (Math.abs(c.x - o.x) <= tol || Math.abs(c.x - o.x - o.width) <= tol || Math.abs(c.y - o.y) <= tol || Math.abs(c.y - o.y - o.height) <= tol);

/** The expanded sub-process on whose outline an event is drawn: the event is one of its boundary events. */
function containerUnder(shapes: DrawnShape[], r: SourceRect): DrawnShape | undefined {
  const c = centre(r);
  const tol = Math.max(r.width, r.height) / 2;
  return shapes.find((h) => h.container && h.rect && onOutline(h.rect, c, tol));
}

/** Each shape's place: as drawn, except containers (on an edge) and shapes drawn on another shape (just below it). */
export function placeShapes(shapes: DrawnShape[], kinds: Map<string, NodeKind>, lanes: SourceLane[]): Map<string, Placement> {
  const laneOf = (r: SourceRect) => lanes.find((l) => inside(r, l.rect));
  const near = hostIndex(shapes);
  const out = new Map<string, Placement>();
  for (const s of shapes) {
    const r = s.rect;
    if (!r) {
      out.set(s.id, {});
      continue;
    }
    if (s.container) {
      out.set(s.id, { rect: edgeOf(r, laneOf(r)?.rect) });
      continue;
    }
    // A BPMN boundary event sits on its task's border, a quarter of it or more over the task; at
    // our sizes the task would cover it.
    const host = near(centre(r)).find((h) => h !== s && h.rect!.width * h.rect!.height > r.width * r.height && overlap(r, h.rect!) >= r.width * r.height / 4);
    if (!host) {
      const frame = s.event ? containerUnder(shapes, r) : undefined;
      out.set(s.id, { rect: r, ...(frame ? { hostId: frame.id } : {}) });
      continue;
    }
    const hostCentre = centre(host.rect!);
    const y = hostCentre.y + NODE_SIZE[kinds.get(host.id)!].height / 2 + GAP + NODE_SIZE[kinds.get(s.id)!].height / 2;
    const lane = laneOf(host.rect!);
    out.set(s.id, { rect: { ...r, y: y - r.height / 2 }, hostId: host.id, ...(lane ? { laneId: lane.id } : {}) });
  }
  return out;
}
