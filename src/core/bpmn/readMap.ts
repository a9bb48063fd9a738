import type { Access, FlowKind, Id, NodeKind, ProcessMap } from '../model/types';
import { isDataKind } from '../model/vocabulary';
import { MapBuilder, type LaneInput, type SourceRect } from '../formats/mapBuilder';
import { childrenNamed, firstChild, textOf, type XmlElement } from '../formats/xml';
import type { BpmnCatalogue } from './readCatalogue';
import { contentDrop, cornerOf, hangFrom } from './bpmnPlacement';
import type { DiPlane } from './readDiagram';
import { lanemapAttr, markedFlowKind, nameOf, type BpmnDocument } from './readDocument';
import { leafLanes } from './readLanes';
import type { MapUnit, Pool } from './readUnits';
import { CONTAINERS, EVENT_WORDS, MIDDLE_EVENTS, nodeKindOf } from './bpmnVocabulary';

// One map unit (a collaboration, or a process on its own) into a Lanemap map: pools' lanes as
// bands, flow nodes, data and annotations as nodes, and every kind of connection as flows.

/** What the reader left out or changed, summed over the file for its warnings. */
export interface Tally {
  middleEvents: number;
  collapsed: number;
  groups: number;
  standIns: number;
}

export interface ReadContext {
  doc: BpmnDocument;
  ids: (sourceId: string) => string;
  catalogue: BpmnCatalogue;
  tally: Tally;
  now: string;
}

interface NodeRec {
  sourceId: string;
  kind: NodeKind;
  label: string;
  laneId?: Id;
  rect?: SourceRect;
  refId?: Id;
  notes?: string;
  manual?: boolean;
}

interface FlowRec {
  sourceId: string;
  kind: FlowKind;
  from: string;
  to: string;
  label?: string;
  access?: Access;
}

const refText = (el: XmlElement, local: string) => childrenNamed(el, local).map((r) => textOf(r).trim()).filter(Boolean);

/** Free text (annotations, documentation) with its line breaks kept and other spacing tidied. */
const freeText = (s: string) => s.replace(/[ \t\r\f\v]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

const documentationOf = (el: XmlElement) => freeText(childrenNamed(el, 'documentation').map(textOf).join('\n'));

/** Whether a sub-process is drawn open here, its content on the same diagram. */
function drawnOpen(el: XmlElement, plane: DiPlane | undefined): boolean {
  if (!plane || !el.children.some((c) => nodeKindOf(c.local))) return false;
  return !!plane.shapes.get(el.attrs.id ?? '')?.expanded || el.children.some((c) => nodeKindOf(c.local) && plane.shapes.has(c.attrs.id ?? ''));
}

/** Names of what a closed sub-process holds, for its notes. */
function contentSummary(el: XmlElement): string {
  const names: string[] = [];
  // Breadth first, by index: no spread or shift over a list that may be long.
  const queue = [...el.children];
  for (let i = 0; i < queue.length; i++) {
    const c = queue[i]!;
    if (nodeKindOf(c.local) && nameOf(c)) names.push(nameOf(c));
    if (CONTAINERS.includes(c.local)) for (const k of c.children) queue.push(k);
  }
  return names.length ? `Inside this sub-process: ${names.join(', ')}.` : '';
}

class UnitReader {
  private readonly nodes = new Map<string, NodeRec>();
  private readonly flows: FlowRec[] = [];
  private readonly boundaries: XmlElement[] = [];
  private readonly associations: XmlElement[] = [];
  /** Activities and events, whose data associations are read once every node is known. */
  private readonly actors: XmlElement[] = [];
  /** The one lane of a pool drawn without lanes. */
  private readonly poolLane = new Map<Pool, Id>();
  /** The top lane of each pool, for a pool's stand-in. */
  private readonly firstLane = new Map<Pool, Id>();
  private readonly lanes: LaneInput[] = [];
  private readonly shapes: DiPlane['shapes'];
  /** Sub-processes drawn open, with how far their content was moved down. */
  private readonly dropped = new Map<string, number>();

  constructor(private readonly unit: MapUnit, private readonly ctx: ReadContext) {
    this.shapes = unit.plane?.shapes ?? new Map();
  }

  private rect(sourceId: string | undefined): SourceRect | undefined {
    return sourceId ? this.shapes.get(sourceId)?.rect : undefined;
  }

  read(name: string): { map: ProcessMap; warnings: string[] } {
    const { ids } = this.ctx;
    this.readLanes();
    const flowNodeLane = new Map<string, Id>();
    for (const pool of this.unit.pools) {
      for (const { lane } of leafLanes(pool.process)) for (const ref of refText(lane, 'flowNodeRef')) flowNodeLane.set(ref, ids(lane.attrs.id ?? ''));
    }
    for (const pool of this.unit.pools) if (pool.process) this.readContainer(pool.process, (id) => flowNodeLane.get(id) ?? this.poolLane.get(pool));
    if (this.unit.collaboration) this.readArtifacts(this.unit.collaboration);
    for (const el of this.actors) this.readDataAssociations(el);
    this.placeBoundaries();
    this.readMessageFlows();
    this.readAssociations();

    const departments = new Set(this.lanes.map((l) => l.departmentId));
    const [only] = departments;
    const builder = new MapBuilder({ id: ids(this.unit.sourceId), name, departmentId: departments.size === 1 && only ? only : null, now: this.ctx.now, ...this.orientation() });
    for (const l of this.lanes) builder.lane(l);
    this.laneAsides();
    for (const n of this.nodes.values()) {
      const { sourceId, ...rest } = n;
      builder.node({ ...rest, id: ids(sourceId), ...(n.laneId ? { laneId: n.laneId } : {}) });
    }
    for (const f of this.flows) {
      builder.flow({ id: ids(f.sourceId), kind: f.kind, from: ids(f.from), to: ids(f.to), ...(f.label ? { label: f.label } : {}) });
    }
    const built = builder.build();
    // The builder knows no access; a task that reads and writes the same store says so here.
    const access = new Map(this.flows.filter((f) => f.access).map((f) => [ids(f.sourceId), f.access!]));
    const map: ProcessMap = { ...built.map, flows: built.map.flows.map((f) => (access.has(f.id) ? { ...f, access: access.get(f.id)! } : f)) };
    return { map, warnings: built.warnings };
  }

  /**
   * Leaf lanes, or the pool itself as one lane; named "Pool / Lane" when the map has several
   * pools. A file Lanemap wrote has its lane names as they were, each pool being a department.
   */
  private readLanes(): void {
    const { ids, catalogue, doc } = this.ctx;
    const banded = this.unit.pools.filter((p) => p.participant || leafLanes(p.process).length);
    const prefixed = !doc.lanemapPrefix && banded.filter((p) => p.name).length > 1;
    banded.forEach((pool, p) => {
      const departmentId = pool.participant && pool.name ? catalogue.department(pool.name) : null;
      const leaves = leafLanes(pool.process);
      const withPool = (laneName: string) => (prefixed && pool.name && laneName !== pool.name ? `${pool.name} / ${laneName}` : laneName);
      if (leaves.length === 0) {
        const id = ids(pool.participant!.attrs.id ?? `pool-${this.lanes.length + 1}`);
        this.poolLane.set(pool, id);
        this.firstLane.set(pool, id);
        this.lanes.push({ id, name: pool.name || 'Pool', departmentId, pool: String(p), ...this.rectField(pool.participant!.attrs.id) });
        return;
      }
      leaves.forEach(({ lane, path }, i) => {
        const own = path.join(' / ') || (leaves.length === 1 && pool.name) || `Lane ${i + 1}`;
        const id = ids(lane.attrs.id ?? `lane-${this.lanes.length + 1}`);
        if (!this.firstLane.has(pool)) this.firstLane.set(pool, id);
        this.lanes.push({ id, name: withPool(own), departmentId, pool: String(p), ...this.rectField(lane.attrs.id) });
      });
    });
  }

  /** Upright pools where the diagram says so (isHorizontal="false"); a tall pool drawn across is still across. */
  private orientation(): { vertical?: boolean } {
    const said = this.unit.pools.flatMap((p) => [p.participant, ...leafLanes(p.process).map((l) => l.lane)]).map((el) => this.shapes.get(el?.attrs.id ?? '')?.horizontal).filter((h) => h !== undefined);
    return said.length ? { vertical: said.every((h) => !h) } : {};
  }

  private rectField(sourceId: string | undefined): { rect?: SourceRect } {
    const rect = this.rect(sourceId);
    return rect ? { rect } : {};
  }

  private add(el: XmlElement, kind: NodeKind, extra: Partial<NodeRec> = {}): NodeRec | undefined {
    const sourceId = el.attrs.id;
    if (!sourceId || this.nodes.has(sourceId)) return undefined;
    const notes = documentationOf(el);
    const rect = this.rect(sourceId);
    const rec: NodeRec = { sourceId, kind, label: nameOf(el), ...(rect ? { rect } : {}), ...(notes ? { notes } : {}), ...extra };
    this.nodes.set(sourceId, rec);
    return rec;
  }

  /** A process or an open sub-process: its nodes, data, annotations and flows. */
  private readContainer(container: XmlElement, laneOf: (sourceId: string) => Id | undefined): void {
    const io = firstChild(container, 'ioSpecification');
    // A process's own inputs and outputs, where the diagram draws them, are documents.
    for (const d of io ? [...childrenNamed(io, 'dataInput'), ...childrenNamed(io, 'dataOutput')] : []) {
      if (this.shapes.has(d.attrs.id ?? '')) this.add(d, 'document');
    }
    for (const el of container.children) {
      const id = el.attrs.id ?? '';
      const kind = nodeKindOf(el.local);
      if (kind) {
        this.readNode(el, kind, laneOf(id), laneOf);
        this.actors.push(el);
      } else if (el.local === 'dataObject' && this.shapes.has(id)) {
        this.add(el, 'document');
      } else if (el.local === 'sequenceFlow') {
        const kindHere = markedFlowKind(this.ctx.doc, el) ?? 'sequence';
        this.flows.push({ sourceId: id || `flow-${this.flows.length + 1}`, kind: kindHere, from: el.attrs.sourceRef ?? '', to: el.attrs.targetRef ?? '', label: nameOf(el) });
      }
    }
    this.readArtifacts(container);
  }

  private readNode(el: XmlElement, kind: NodeKind, laneId: Id | undefined, laneOf: (sourceId: string) => Id | undefined): void {
    const { doc, catalogue, tally } = this.ctx;
    const id = el.attrs.id ?? '';
    const extra: Partial<NodeRec> = laneId ? { laneId } : {};
    if (el.local === 'manualTask') extra.manual = true;
    if (MIDDLE_EVENTS.includes(el.local)) {
      tally.middleEvents++;
      if (!nameOf(el)) {
        const definition = el.children.find((c) => EVENT_WORDS[c.local]);
        extra.label = `(${definition ? EVENT_WORDS[definition.local] : 'event'})`;
      }
      if (el.local === 'boundaryEvent') this.boundaries.push(el);
    }
    if (kind === 'dataStore') {
      const store = el.attrs.dataStoreRef ? doc.byId.get(el.attrs.dataStoreRef) : undefined;
      const name = nameOf(el) || nameOf(store);
      extra.label = name;
      if (lanemapAttr(doc, el, 'kind') === 'system' || (store && lanemapAttr(doc, store, 'kind') === 'system')) {
        extra.kind = 'system';
        const ref = catalogue.system(nameOf(store) || name);
        if (ref) extra.refId = ref;
      } else {
        const ref = catalogue.store(store?.attrs.id, nameOf(store) || name);
        if (ref) extra.refId = ref;
      }
    }
    const open = CONTAINERS.includes(el.local) && drawnOpen(el, this.unit.plane);
    const shape = this.shapes.get(id);
    // An open sub-process (or call activity) stands at its top-left corner, where its name is.
    if (shape && (shape.expanded || open)) {
      extra.rect = cornerOf(shape.rect);
      this.dropped.set(id, 0);
    }
    const rec = this.add(el, kind, extra);
    if (!rec) return;
    if (open) {
      const before = new Set(this.nodes.keys());
      this.readContainer(el, (inner) => laneOf(inner) ?? (this.rect(inner) ? undefined : rec.laneId));
      this.clearOfContent(rec, [...this.nodes.values()].filter((n) => !before.has(n.sourceId)));
    } else if (CONTAINERS.includes(el.local) && el.children.some((c) => nodeKindOf(c.local))) {
      tally.collapsed++;
      const summary = contentSummary(el);
      if (summary) rec.notes = rec.notes ? `${rec.notes}\n\n${summary}` : summary;
    }
  }

  /** Our shapes are taller than BPMN's: an open sub-process's content moves down (its outline with it) to clear its step. */
  private clearOfContent(container: NodeRec, content: NodeRec[]): void {
    const drop = container.rect ? contentDrop(container.rect, content) : 0;
    if (drop === 0) return;
    for (const n of content) if (n.rect) n.rect = { ...n.rect, y: n.rect.y + drop };
    this.dropped.set(container.sourceId, drop);
  }

  private readArtifacts(container: XmlElement): void {
    for (const el of container.children) {
      if (el.local === 'textAnnotation') this.add(el, 'note', { label: freeText(textOf(firstChild(el, 'text') ?? el)) });
      else if (el.local === 'association') this.associations.push(el);
      else if (el.local === 'group') this.ctx.tally.groups++;
    }
  }

  /** Reads (input associations) and writes (output associations); both to one store is one flow that does both. */
  private readDataAssociations(el: XmlElement): void {
    const own = el.attrs.id;
    if (!own) return;
    const isData = (id: string) => {
      const n = this.nodes.get(id);
      return !!n && isDataKind(n.kind);
    };
    const seen = new Map<string, FlowRec>();
    const record = (dataId: string, reads: boolean, sourceId: string) => {
      const known = seen.get(dataId);
      if (known) {
        const readsAlready = known.from === dataId;
        // Both ways: drawn from the step, as Lanemap draws a step that reads and writes.
        if (readsAlready !== reads) Object.assign(known, { from: own, to: dataId, access: 'readwrite' });
        return;
      }
      const flow: FlowRec = reads ? { sourceId, kind: 'data', from: dataId, to: own } : { sourceId, kind: 'data', from: own, to: dataId };
      seen.set(dataId, flow);
      this.flows.push(flow);
    };
    childrenNamed(el, 'dataInputAssociation').forEach((a, i) => {
      for (const src of refText(a, 'sourceRef')) if (isData(src)) record(src, true, a.attrs.id ?? `${own}~in${i}-${src}`);
    });
    childrenNamed(el, 'dataOutputAssociation').forEach((a, i) => {
      const [target] = refText(a, 'targetRef');
      if (target && isData(target)) record(target, false, a.attrs.id ?? `${own}~out${i}`);
    });
  }

  /** Boundary events hang off their host (our steps are too big to sit on its border), joined to it. */
  private placeBoundaries(): void {
    const count = new Map<string, number>();
    for (const el of this.boundaries) {
      const host = el.attrs.attachedToRef;
      const rec = this.nodes.get(el.attrs.id ?? '');
      if (!rec || !host || !this.nodes.has(host)) continue;
      this.flows.push({ sourceId: `${rec.sourceId}~attached`, kind: 'sequence', from: host, to: rec.sourceId });
      const hostNode = this.nodes.get(host)!;
      if (hostNode.laneId) rec.laneId = hostNode.laneId;
      // An open sub-process's outline is its drawn one, grown by what its content moved; a task is where it now stands.
      const outline = this.dropped.has(host) ? this.rect(host) : undefined;
      const hr = outline ? { ...outline, height: outline.height + this.dropped.get(host)! } : hostNode.rect;
      if (!hr || !rec.rect) continue;
      const k = count.get(host) ?? 0;
      count.set(host, k + 1);
      rec.rect = hangFrom(rec.rect, hr, k);
    }
  }

  private readMessageFlows(): void {
    const collaboration = this.unit.collaboration;
    if (!collaboration) return;
    for (const mf of childrenNamed(collaboration, 'messageFlow')) {
      const id = mf.attrs.id ?? `message-${this.flows.length + 1}`;
      const points = this.unit.plane?.edges.get(id);
      const from = this.endpoint(mf.attrs.sourceRef, points?.[0]);
      const to = this.endpoint(mf.attrs.targetRef, points?.[points.length - 1]);
      const kind = markedFlowKind(this.ctx.doc, mf) ?? 'message';
      this.flows.push({ sourceId: id, kind, from: from ?? '', to: to ?? '', label: nameOf(mf) });
    }
  }

  /** The node a message flow end stands for: the node itself, the closed sub-process holding it, or the pool as a whole. */
  private endpoint(ref: string | undefined, point: [number, number] | undefined): string | undefined {
    if (!ref) return undefined;
    const { doc } = this.ctx;
    let el = doc.byId.get(ref);
    if (el?.local === 'participant') return this.standIn(el, point);
    while (el && !this.nodes.has(el.attrs.id ?? '')) el = doc.parentOf.get(el);
    return el?.attrs.id;
  }

  /** A message to or from a whole pool: one step named after the pool stands for it, where the message touches it. */
  private standIn(participant: XmlElement, point: [number, number] | undefined): string | undefined {
    const pool = this.unit.pools.find((p) => p.participant === participant);
    if (!pool) return undefined;
    const sourceId = `${participant.attrs.id}~pool`;
    if (!this.nodes.has(sourceId)) {
      const area = this.rect(participant.attrs.id);
      let rect: SourceRect | undefined;
      if (area) {
        const x = point ? Math.min(Math.max(point[0], area.x + 50), area.x + area.width - 50) : area.x + area.width / 2;
        const y = point ? Math.min(Math.max(point[1], area.y + 40), area.y + area.height - 40) : area.y + area.height / 2;
        rect = { x: x - 50, y: y - 40, width: 100, height: 80 };
      }
      const laneId = this.firstLane.get(pool);
      this.nodes.set(sourceId, { sourceId, kind: 'step', label: pool.name || 'Pool', ...(laneId ? { laneId } : {}), ...(rect ? { rect } : {}) });
      this.ctx.tally.standIns++;
    }
    return sourceId;
  }

  /** Annotations joined to what they explain; data joined the old way; compensation handlers. */
  private readAssociations(): void {
    for (const a of this.associations) {
      const from = this.nodes.get(a.attrs.sourceRef ?? '');
      const to = this.nodes.get(a.attrs.targetRef ?? '');
      if (!from || !to) continue;
      const aside = (k: NodeKind) => isDataKind(k) || k === 'note';
      const kind: FlowKind = markedFlowKind(this.ctx.doc, a) ?? (aside(from.kind) || aside(to.kind) ? 'data' : 'sequence');
      this.flows.push({ sourceId: a.attrs.id ?? `association-${this.flows.length + 1}`, kind, from: from.sourceId, to: to.sourceId });
    }
  }

  /** Data and notes without a place of their own go in the lane of a node they are joined to. */
  private laneAsides(): void {
    const partnerLane = new Map<string, Id>();
    for (const f of this.flows) {
      for (const [self, other] of [[f.from, f.to], [f.to, f.from]] as const) {
        const lane = this.nodes.get(other)?.laneId;
        if (lane && !partnerLane.has(self)) partnerLane.set(self, lane);
      }
    }
    for (const n of this.nodes.values()) {
      if (n.laneId || n.rect) continue;
      const laneId = partnerLane.get(n.sourceId) ?? this.lanes[0]?.id;
      if (laneId) n.laneId = laneId;
    }
  }
}

export function readMap(unit: MapUnit, name: string, ctx: ReadContext): { map: ProcessMap; warnings: string[] } {
  return new UnitReader(unit, ctx).read(name);
}
