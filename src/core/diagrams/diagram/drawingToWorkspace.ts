import { MapBuilder, saneRect } from '../../formats/mapBuilder';
import { ImportError, type ImportResult } from '../../formats/importResult';
import { MAX_SHAPES_PER_MAP, tooManyShapes } from '../../formats/importLimits';
import { emptyWorkspace } from '../../model/factory';
import type { DataStore, Department, FlowKind, NodeKind } from '../../model/types';
import { isDataKind } from '../../model/vocabulary';
import type { Drawing, DrawnConnector, DrawnLane, DrawnPool, DrawnShape } from './drawing';
import type { SourceRect } from '../../formats/mapBuilder';
import { nameKey } from '../../formats/reconcile';
import { cleanLabel } from './cleanLabel';
import { inside, placeShapes, type SourceLane } from './overlapPlacement';

// Drawings (pages of a draw.io or Visio file) into a workspace: one map per page.
// - A pool with lanes gives its lanes, a pool without is one lane; each named pool becomes a
//   department its lanes belong to (and the map's, when the page has one pool).
// - A shape drawn alike for start and end (ellipse, Start/End terminator) is an end when its
//   label says so ("done", "closed"…), else a start when it says so ("start", "received"…),
//   else by its connections (only incoming: end; only outgoing: start), else by its style
//   (a thick or double outline: end).
// - A connector touching a store, document, system or note is a data flow; a dashed one
//   between two pools a message; the source's own kind otherwise (Visio's Message Flow).
// - Named data stores become catalogue entries, one per name across the file.

export interface DrawingImportOptions {
  fileName: string;
  now: string;
  /** Import ids for this file (importIds). */
  ids: (sourceId: string) => string;
  /** What the reader itself left out, shown before the builder's own notes. */
  warnings: string[];
  /** "draw.io" or "Visio", for messages. */
  tool: string;
}

const END_WORDS = /\b(end|ends|ended|stop|finish|finished|done|exit|complete[ds]?|close[ds]?)\b/i;
const START_WORDS = /\b(start|starts|begin|begins|trigger|received|arrives?)\b/i;

/** A shape drawn the same for start and end: its words first, then its connections, then its style. */
function terminalKind(s: DrawnShape, into: number, out: number): NodeKind {
  if (END_WORDS.test(s.label)) return 'end';
  if (START_WORDS.test(s.label)) return 'start';
  if (into > 0 && out === 0) return 'end';
  if (out > 0 && into === 0) return 'start';
  return s.hint ?? 'start';
}

const aside = (k: NodeKind) => isDataKind(k) || k === 'note';

function flowKind(c: DrawnConnector, from: NodeKind, to: NodeKind, samePool: boolean): FlowKind {
  if (aside(from) || aside(to)) return 'data';
  if (c.hint === 'dashed') return samePool ? 'sequence' : 'message';
  return c.hint;
}

class Catalogue {
  readonly departments = new Map<string, Department>();
  readonly stores = new Map<string, DataStore>();

  constructor(private readonly ids: (s: string) => string) {}

  department(rawName: string): string | undefined {
    const name = cleanLabel(rawName, 'step');
    const key = nameKey(name);
    if (!key) return undefined;
    let d = this.departments.get(key);
    if (!d) this.departments.set(key, (d = { id: this.ids(`department-${this.departments.size + 1}`), name }));
    return d.id;
  }

  store(name: string, kind: DataStore['kind']): string | undefined {
    const key = nameKey(name);
    if (!key) return undefined;
    let s = this.stores.get(key);
    if (!s) this.stores.set(key, (s = { id: this.ids(`store-${this.stores.size + 1}`), name, kind, systemId: null, customerFields: [] }));
    return s.id;
  }
}

/** The page's lanes into the builder: each pool's lanes, or the pool itself when it has none. */
function addLanes(d: Drawing, builder: MapBuilder, cat: Catalogue, id: (s: string) => string): SourceLane[] {
  const poolOf = (l: DrawnLane) => d.pools.find((p) => p.id === l.poolId) ?? d.pools.find((p) => inside(l.rect, p.rect));
  const withLanes = new Set<DrawnPool>();
  d.lanes.forEach((l, i) => {
    const pool = poolOf(l);
    if (pool) withLanes.add(pool);
    const name = cleanLabel(l.name, 'step') || cleanLabel(pool?.name ?? '', 'step') || `Lane ${i + 1}`;
    builder.lane({ id: id(l.id), name, rect: l.rect, departmentId: pool && cat.department(pool.name) });
  });
  const alone = d.pools.filter((p) => !withLanes.has(p));
  for (const p of alone) builder.lane({ id: id(p.id), name: cleanLabel(p.name, 'step') || 'Pool', rect: p.rect, departmentId: cat.department(p.name) });
  return [...d.lanes, ...alone];
}

/** Boxes far past any page (1e300) clamped or dropped before anything walks a grid over them. */
function withSaneRects<T extends { rect?: SourceRect }>(items: T[]): T[] {
  return items.map((it) => {
    if (!it.rect) return it;
    const rect = saneRect(it.rect);
    const { rect: _, ...rest } = it;
    return (rect ? { ...rest, rect } : rest) as T;
  });
}

function buildMap(raw: Drawing, index: number, cat: Catalogue, opts: DrawingImportOptions) {
  if (raw.shapes.length > MAX_SHAPES_PER_MAP) throw new ImportError(tooManyShapes(`The page “${raw.name}”`, raw.shapes.length));
  const d: Drawing = { ...raw, pools: withSaneRects(raw.pools), lanes: withSaneRects(raw.lanes), shapes: withSaneRects(raw.shapes) };
  const id = (s: string) => opts.ids(`p${index}-${s}`);
  const namedPools = d.pools.filter((p) => nameKey(p.name));
  const builder = new MapBuilder({ id: opts.ids(`p${index}`), name: d.name, departmentId: namedPools.length === 1 ? (cat.department(namedPools[0]!.name) ?? null) : null, now: opts.now });
  const sourceLanes = addLanes(d, builder, cat, id);
  // A shape's pool, for telling a message (across pools) from a dashed sequence flow.
  const poolAreas = d.pools.filter((p) => p.rect);
  const poolOf = (s: DrawnShape) => poolAreas.find((p) => inside(s.rect, p.rect))?.id;

  const into = new Map<string, number>();
  const out = new Map<string, number>();
  for (const c of d.connectors) {
    out.set(c.from, (out.get(c.from) ?? 0) + 1);
    into.set(c.to, (into.get(c.to) ?? 0) + 1);
  }
  const kinds = new Map<string, NodeKind>();
  const shapes = new Map<string, DrawnShape>();
  for (const s of d.shapes) {
    kinds.set(s.id, s.role === 'terminal' ? terminalKind(s, into.get(s.id) ?? 0, out.get(s.id) ?? 0) : s.role);
    shapes.set(s.id, s);
  }
  const places = placeShapes(d.shapes, kinds, sourceLanes);
  for (const s of d.shapes) {
    const kind = kinds.get(s.id)!;
    const label = cleanLabel(s.label, kind);
    const place = places.get(s.id)!;
    const laneId = s.laneId ?? place.laneId;
    builder.node({
      id: id(s.id),
      kind,
      label,
      ...(place.rect ? { rect: place.rect } : {}),
      ...(laneId ? { laneId: id(laneId) } : {}),
      ...(s.manual ? { manual: true } : {}),
      ...(kind === 'dataStore' ? { refId: cat.store(label, s.storeKind ?? 'database') } : {}),
    });
  }
  for (const c of d.connectors) {
    const from = kinds.get(c.from);
    const to = kinds.get(c.to);
    const kind = from && to ? flowKind(c, from, to, poolOf(shapes.get(c.from)!) === poolOf(shapes.get(c.to)!)) : 'sequence';
    builder.flow({ id: id(c.id), kind, from: id(c.from), to: id(c.to), label: cleanLabel(c.label, 'step') });
  }
  // A boundary event is reached from its task, as the BPMN reader joins them: else it would
  // stand unconnected, and the analysis would call it and all after it unreachable.
  for (const s of d.shapes) {
    const host = places.get(s.id)?.hostId;
    if (s.event && host && !into.has(s.id)) builder.flow({ id: id(`${s.id}~attached`), kind: 'sequence', from: id(host), to: id(s.id), label: '' });
  }
  return builder.build();
}

export function drawingsToWorkspace(drawings: Drawing[], opts: DrawingImportOptions): ImportResult {
  const base = opts.fileName.replace(/\.[^.]+$/, '') || opts.fileName;
  const ws = emptyWorkspace(opts.ids('workspace'), base);
  const warnings = [...opts.warnings];
  const cat = new Catalogue(opts.ids);
  drawings.forEach((d, i) => {
    if (d.shapes.length === 0 && d.lanes.length === 0 && d.pools.length === 0) {
      warnings.push(`The page “${d.name}” is empty and was left out.`);
      return;
    }
    const { map, warnings: notes } = buildMap(d, i, cat, opts);
    ws.maps.push(map);
    warnings.push(...notes);
  });
  if (ws.maps.length === 0) throw new ImportError(`“${opts.fileName}” has no shapes or swimlanes to import. Open it in ${opts.tool} and check that the drawing is not empty.`);
  ws.departments = [...cat.departments.values()];
  ws.dataStores = [...cat.stores.values()];
  return { workspace: ws, warnings };
}
