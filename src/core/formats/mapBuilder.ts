import { LANE_HEADER_WIDTH, MIN_LANE_HEIGHT, NODE_SIZE, DEFAULT_LANE_HEIGHT } from '../model/geometry';
import type { Flow, FlowKind, Id, Lane, MapNode, NodeBox, NodeKind, ProcessMap } from '../model/types';
import { count } from '../model/vocabulary';
import { ImportError } from './importResult';
import { MAX_FLOWS_PER_MAP, MAX_LANES_PER_MAP, MAX_SHAPES_PER_MAP, tooManyOnOneMap } from './importLimits';
import { ClearStack } from './clearStack';

// Every importer (BPMN, draw.io, Visio) ends the same way: lanes and shapes with the source
// tool's coordinates, to be turned into a Lanemap map whose lanes are bands stacked from y = 0.
// This does that once: vertical pools are turned on their side, each node is put in a lane
// (its own, or the one it sits in), and positions are kept relative to the node's lane.

export interface SourceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaneInput {
  id: Id;
  name: string;
  departmentId?: Id | null;
  rect?: SourceRect;
  /** The pool the lane belongs to: a pool's lanes stay together even where pools stand side by side. */
  pool?: string;
}

export interface NodeInput {
  id: Id;
  kind: NodeKind;
  label: string;
  laneId?: Id;
  rect?: SourceRect;
  refId?: Id;
  notes?: string;
  manual?: boolean;
}

export interface FlowInput {
  id: Id;
  kind: FlowKind;
  from: Id;
  to: Id;
  label?: string;
}

/** No drawing reaches this far (pixels); a file that says 1e300 is broken or hostile. */
const FAR_PX = 1e7;
const clampFar = (v: number) => Math.max(-FAR_PX, Math.min(FAR_PX, v));

/**
 * A source box with every value finite and within reach, or undefined (no place) when it
 * cannot be made so: one coordinate of 1e300 would otherwise send a grid walk round forever.
 */
export function saneRect(r: SourceRect | undefined): SourceRect | undefined {
  if (!r || ![r.x, r.y, r.width, r.height].every(Number.isFinite)) return undefined;
  return { x: clampFar(r.x), y: clampFar(r.y), width: Math.min(FAR_PX, Math.max(0, r.width)), height: Math.min(FAR_PX, Math.max(0, r.height)) };
}

const MARGIN_X = 30;
const PAD_Y = 12;

const centre = (r: SourceRect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const transpose = (r: SourceRect): SourceRect => ({ x: r.y, y: r.x, width: r.height, height: r.width });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export class MapBuilder {
  private lanes: LaneInput[] = [];
  private nodes: NodeInput[] = [];
  private flows: FlowInput[] = [];
  private readonly warnings: string[] = [];
  /** Ids given so far, per list: a file that repeats an id still gives each record its own. */
  private readonly used = { lane: new Set<Id>(), node: new Set<Id>(), flow: new Set<Id>() };

  /** `vertical` says how the source drew its lanes where it knows (BPMN's isHorizontal); else their shape tells. */
  constructor(private readonly meta: { id: Id; name: string; departmentId: Id | null; now: string; vertical?: boolean }) {}

  lane(l: LaneInput): void {
    if (this.lanes.length >= MAX_LANES_PER_MAP) throw this.tooMany('lanes', MAX_LANES_PER_MAP);
    const rect = saneRect(l.rect);
    this.lanes.push({ ...l, id: this.fresh('lane', l.id), ...(rect ? { rect } : { rect: undefined }) });
  }

  /** Throws ImportError past MAX_SHAPES_PER_MAP: the map would be too large to draw and edit. */
  node(n: NodeInput): void {
    if (this.nodes.length >= MAX_SHAPES_PER_MAP) throw this.tooMany('shapes', MAX_SHAPES_PER_MAP);
    const rect = saneRect(n.rect);
    this.nodes.push({ ...n, id: this.fresh('node', n.id), ...(rect ? { rect } : { rect: undefined }) });
  }

  flow(f: FlowInput): void {
    if (this.flows.length >= MAX_FLOWS_PER_MAP) throw this.tooMany('connectors', MAX_FLOWS_PER_MAP);
    this.flows.push({ ...f, id: this.fresh('flow', f.id) });
  }

  /** `id`, or `id~2`, `id~3`… when the list has it already (references keep to the first). */
  private fresh(list: keyof MapBuilder['used'], id: Id): Id {
    const used = this.used[list];
    let out = id;
    for (let k = 2; used.has(out); k++) out = `${id}~${k}`;
    used.add(out);
    return out;
  }

  private tooMany(what: string, max: number): ImportError {
    return new ImportError(tooManyOnOneMap(`“${this.meta.name}”`, what, max));
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  build(): { map: ProcessMap; warnings: string[] } {
    const vertical = this.meta.vertical ?? (this.lanes.length > 0 && this.lanes.every((l) => l.rect && l.rect.height > l.rect.width));
    if (vertical) {
      for (const l of this.lanes) l.rect = l.rect && transpose(l.rect);
      for (const n of this.nodes) n.rect = n.rect && transpose(n.rect);
    }
    if (this.lanes.length === 0) this.lanes.push({ id: `${this.meta.id}-lane`, name: this.meta.name || 'Process' });
    // Top to bottom as drawn, pool by pool (by each pool's top lane); lanes without a place keep
    // their order after the others.
    const top = (l: LaneInput) => (l.rect ? l.rect.y : Number.MAX_SAFE_INTEGER);
    const poolOrder = new Map<string, { top: number; first: number }>();
    this.lanes.forEach((l, i) => {
      if (l.pool === undefined) return;
      const p = poolOrder.get(l.pool);
      poolOrder.set(l.pool, { top: Math.min(p?.top ?? Infinity, top(l)), first: p?.first ?? i });
    });
    const order = this.lanes.map((l, i) => {
      const pool = l.pool === undefined ? undefined : poolOrder.get(l.pool);
      return { l, group: pool?.top ?? top(l), groupIndex: pool?.first ?? i, key: top(l), i };
    });
    order.sort((a, b) => a.group - b.group || a.groupIndex - b.groupIndex || a.key - b.key || a.i - b.i);
    const lanes = order.map((o) => o.l);

    const nodes: MapNode[] = this.nodes.map((n) => {
      const node: MapNode = { id: n.id, kind: n.kind, laneId: this.laneFor(n, lanes), label: n.label };
      if (n.refId) node.refId = n.refId;
      if (n.notes) node.notes = n.notes;
      if (n.manual) node.manual = true;
      return node;
    });
    const ids = new Set(nodes.map((n) => n.id));
    const flows: Flow[] = [];
    let dropped = 0;
    for (const f of this.flows) {
      if (!ids.has(f.from) || !ids.has(f.to) || f.from === f.to) {
        dropped++;
        continue;
      }
      flows.push({ id: f.id, kind: f.kind, from: f.from, to: f.to, ...(f.label ? { label: f.label } : {}) });
    }
    if (dropped) this.warnings.push(`${count(dropped, 'connector')} without a shape at both ends left out of “${this.meta.name}”.`);

    const placed = this.nodes.every((n) => n.rect);
    if (!placed && this.nodes.length) this.warnings.push(`“${this.meta.name}” has shapes without a position: it will be laid out automatically.`);
    const view = placed ? this.place(lanes, nodes) : { nodes: {}, laneHeights: Object.fromEntries(lanes.map((l) => [l.id, DEFAULT_LANE_HEIGHT])), flowPoints: {} };
    const outLanes: Lane[] = lanes.map((l) => ({ id: l.id, name: l.name, ...(l.departmentId !== undefined ? { departmentId: l.departmentId } : {}) }));
    return {
      map: { id: this.meta.id, name: this.meta.name, departmentId: this.meta.departmentId, lanes: outLanes, nodes, flows, view, updatedAt: this.meta.now },
      warnings: this.warnings,
    };
  }

  /** The lane a node was given, else the one its centre lies in, else the nearest. */
  private laneFor(n: NodeInput, lanes: LaneInput[]): Id {
    if (n.laneId && lanes.some((l) => l.id === n.laneId)) return n.laneId;
    if (n.rect) {
      const c = centre(n.rect);
      let best: LaneInput | undefined;
      let bestDist = Infinity;
      for (const l of lanes) {
        if (!l.rect) continue;
        const r = l.rect;
        const dx = Math.max(r.x - c.x, 0, c.x - (r.x + r.width));
        const dy = Math.max(r.y - c.y, 0, c.y - (r.y + r.height));
        const d = dx * dx + dy * dy;
        if (d < bestDist) [best, bestDist] = [l, d];
      }
      if (best) return best.id;
    }
    return lanes[0]!.id;
  }

  /** Positions from the source, kept relative to each node's lane; widths stretched so our larger shapes do not collide. */
  private place(lanes: LaneInput[], nodes: MapNode[]) {
    const src = new Map(this.nodes.map((n) => [n.id, n.rect!]));
    const stepWidths = this.nodes.filter((n) => n.kind === 'step').map((n) => n.rect!.width);
    const sx = Math.min(2.5, Math.max(1, NODE_SIZE.step.width / (median(stepWidths) || NODE_SIZE.step.width)));
    const boxes: Record<Id, NodeBox> = {};
    const laneHeights: Record<Id, number> = {};
    let minX = Infinity;
    for (const n of nodes) {
      const size = NODE_SIZE[n.kind];
      const x = centre(src.get(n.id)!).x * sx - size.width / 2;
      minX = Math.min(minX, x);
      boxes[n.id] = { x, y: 0, ...size };
    }
    const shiftX = LANE_HEADER_WIDTH + MARGIN_X - minX;
    let top = 0;
    for (const lane of lanes) {
      const members = nodes.filter((n) => n.laneId === lane.id);
      let srcTop = lane.rect?.y ?? Infinity;
      if (!lane.rect) for (const n of members) srcTop = Math.min(srcTop, src.get(n.id)!.y - PAD_Y * 3);
      let height = Math.max(MIN_LANE_HEIGHT, Math.round(lane.rect?.height ?? 0));
      // Our shapes are larger than most tools' and a note may sit on a step: each steps down
      // past anything it would cover, and the lane grows to hold it.
      const done = new ClearStack(PAD_Y);
      for (const n of members) {
        const b = boxes[n.id]!;
        b.y = top + Math.round(Math.max(PAD_Y, centre(src.get(n.id)!).y - srcTop - b.height / 2));
        done.place(b);
        height = Math.max(height, b.y - top + b.height + PAD_Y);
      }
      laneHeights[lane.id] = height;
      top += height;
    }
    for (const b of Object.values(boxes)) b.x = Math.round(b.x + shiftX);
    return { nodes: boxes, laneHeights, flowPoints: {} };
  }
}
