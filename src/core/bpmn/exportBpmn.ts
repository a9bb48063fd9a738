import { quickLayout } from '../layout/quickLayout';
import type { Flow, Id, MapNode, NodeBox, Point, ProcessMap, Workspace } from '../model/types';
import { accessReads, accessWrites, count, flowAccess, isDataKind } from '../model/vocabulary';
import { exportGeometry, groupPools, type ExportPool } from './exportLayout';
import { BPMN_NS, BPMNDI_NS, DC_NS, DI_NS, EXPORT_ELEMENT, LANEMAP_NS } from './bpmnVocabulary';
import { serialise, x, xText, type XmlNode } from './xmlWriter';

// One map as a BPMN 2.0 file with diagram interchange, for bpmn-js and Camunda Modeler: a
// collaboration with a pool per department (lanes as a lane set), our node kinds as BPMN
// elements (see vocabulary.EXPORT_ELEMENT), and flows as sequence flows inside a pool,
// message flows between pools, data associations on tasks and associations for the rest.
//
// A system has no BPMN element of its own. It is written as a data store reference (the
// nearest thing: somewhere a process reads and writes records that outlives it) named after
// the system, marked lanemap:kind="system" so Lanemap reads it back as a system; other tools
// show it as a data store. Likewise a flow whose kind BPMN cannot say where it is (a hand-off
// inside one pool) carries lanemap:kind.

export interface BpmnExport {
  xml: string;
  /** What the file says differently from the map (a hand-off inside one pool, a map laid out for the export). */
  warnings: string[];
}

/** NCName ids, unique in the file, the same for the same record. */
class Ids {
  private readonly made = new Map<string, string>();
  private readonly taken = new Set<string>();

  get(prefix: string, sourceId: string): string {
    const key = `${prefix}\u0000${sourceId}`;
    let id = this.made.get(key);
    if (!id) {
      const base = `${prefix}_${sourceId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
      id = base;
      for (let i = 2; this.taken.has(id); i++) id = `${base}_${i}`;
      this.taken.add(id);
      this.made.set(key, id);
    }
    return id;
  }
}

interface NodeOut {
  node: MapNode;
  id: string;
  pool: ExportPool;
  incoming: string[];
  outgoing: string[];
  inputs: XmlNode[];
  outputs: XmlNode[];
}

const bounds = (b: NodeBox) => x('dc:Bounds', { x: b.x, y: b.y, width: b.width, height: b.height });
const waypoints = (points: Point[]) => points.map(([px, py]) => x('di:waypoint', { x: px, y: py }));
const documentation = (text: string | undefined) => (text?.trim() ? xText('bpmn:documentation', text.trim()) : undefined);

export function bpmnExport(source: ProcessMap, ws: Workspace): BpmnExport {
  const warnings: string[] = [];
  const map = source.nodes.every((n) => source.view.nodes[n.id]) ? source : quickLayout(source);
  if (map !== source) warnings.push(`“${source.name}” had nodes without a position; they were laid out for the export.`);
  const pools = groupPools(map, ws);
  const geo = exportGeometry(map, pools);
  const ids = new Ids();
  const poolOfLane = new Map(pools.flatMap((p) => p.lanes.map((l) => [l.id, p] as const)));
  const processId = (p: ExportPool) => ids.get('Process', p.key || map.id);

  const out = new Map<Id, NodeOut>();
  for (const node of map.nodes) {
    const pool = poolOfLane.get(node.laneId) ?? pools[0]!;
    const prefix = node.kind === 'note' ? 'TextAnnotation' : isDataKind(node.kind) ? 'DataRef' : 'Node';
    out.set(node.id, { node, id: ids.get(prefix, node.id), pool, incoming: [], outgoing: [], inputs: [], outputs: [] });
  }

  const sequenceFlows = new Map<ExportPool, XmlNode[]>();
  const artifacts = new Map<ExportPool | 'collaboration', XmlNode[]>();
  const messageFlows: XmlNode[] = [];
  const edges: XmlNode[] = [];
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  const edge = (element: string, points: Point[]) => edges.push(x('bpmndi:BPMNEdge', { id: ids.get('DI', element), bpmnElement: element }, waypoints(points)));
  let handOffsInside = 0;

  /** Lanemap's kind where the element's own kind would read back as another. */
  const kindMark = (f: Flow, natural: Flow['kind']) => (f.kind !== natural ? { 'lanemap:kind': f.kind } : {});

  const association = (f: Flow, a: NodeOut, b: NodeOut) => {
    const id = ids.get('Association', f.id);
    const toNote = a.node.kind === 'note' || b.node.kind === 'note';
    const el = x('bpmn:association', { id, sourceRef: a.id, targetRef: b.id, associationDirection: toNote ? 'None' : 'One', ...kindMark(f, 'data') });
    push(artifacts, a.pool === b.pool ? a.pool : 'collaboration', el);
    edge(id, geo.waypoints(f, 'straight'));
  };

  /** A task reads (input association) or writes (output association) the store, document or system. */
  const dataFlow = (f: Flow, a: NodeOut, b: NodeOut) => {
    const data = isDataKind(a.node.kind) ? a : b;
    const task = data === a ? b : a;
    if (task.node.kind !== 'step') return association(f, a, b);
    const access = flowAccess(f, task === a);
    const points = geo.waypoints(f, 'straight');
    const fromData = data === a ? points : [...points].reverse();
    if (accessReads(access)) {
      const id = ids.get('DataInputAssociation', f.id);
      task.inputs.push(x('bpmn:dataInputAssociation', { id }, [xText('bpmn:sourceRef', data.id), xText('bpmn:targetRef', ids.get('Property', task.node.id))]));
      edge(id, fromData);
    }
    if (accessWrites(access)) {
      const id = ids.get('DataOutputAssociation', f.id);
      task.outputs.push(x('bpmn:dataOutputAssociation', { id }, [xText('bpmn:targetRef', data.id)]));
      edge(id, [...fromData].reverse());
    }
  };

  const controlFlow = (f: Flow, a: NodeOut, b: NodeOut) => {
    const label = f.label?.trim() || undefined;
    if (a.pool === b.pool) {
      const id = ids.get('Flow', f.id);
      if (f.kind === 'message') handOffsInside++;
      push(sequenceFlows, a.pool, x('bpmn:sequenceFlow', { id, name: label, sourceRef: a.id, targetRef: b.id, ...kindMark(f, 'sequence') }));
      a.outgoing.push(id);
      b.incoming.push(id);
      edge(id, geo.waypoints(f, 'elbow'));
    } else {
      const id = ids.get('MessageFlow', f.id);
      messageFlows.push(x('bpmn:messageFlow', { id, name: label, sourceRef: a.id, targetRef: b.id, ...kindMark(f, 'message') }));
      edge(id, geo.waypoints(f, 'elbow'));
    }
  };

  for (const f of map.flows) {
    const a = out.get(f.from);
    const b = out.get(f.to);
    if (!a || !b || a === b) continue;
    const aside = (n: NodeOut) => n.node.kind === 'note' || isDataKind(n.node.kind);
    if (a.node.kind === 'note' || b.node.kind === 'note' || (aside(a) && aside(b))) association(f, a, b);
    else if (aside(a) || aside(b)) dataFlow(f, a, b);
    else controlFlow(f, a, b);
  }
  if (handOffsInside) {
    warnings.push(`${count(handOffsInside, 'hand-off')} between lanes of one department ${handOffsInside === 1 ? 'was' : 'were'} written as sequence ${handOffsInside === 1 ? 'flow' : 'flows'}: BPMN sends messages only between pools. Lanemap reads them back as hand-offs.`);
  }

  // The catalogue entries the map's stores and systems point at, one bpmn:dataStore each.
  const dataStores = new Map<Id, XmlNode>();
  const storeRef = (node: MapNode): string | undefined => {
    const entry = node.kind === 'system' ? ws.systems.find((s) => s.id === node.refId) : ws.dataStores.find((d) => d.id === node.refId);
    if (!entry) return undefined;
    const id = ids.get('DataStore', entry.id);
    if (!dataStores.has(entry.id)) dataStores.set(entry.id, x('bpmn:dataStore', { id, name: entry.name, ...(node.kind === 'system' ? { 'lanemap:kind': 'system' } : {}) }));
    return id;
  };

  const flowNode = (o: NodeOut): XmlNode[] => {
    const { node } = o;
    const name = node.label.trim() || undefined;
    const doc = documentation(node.notes);
    switch (node.kind) {
      case 'note':
        return [x('bpmn:textAnnotation', { id: o.id }, [doc, xText('bpmn:text', node.label)])];
      case 'document': {
        const objectId = ids.get('DataObject', node.id);
        return [x('bpmn:dataObject', { id: objectId }), x('bpmn:dataObjectReference', { id: o.id, name, dataObjectRef: objectId }, [doc])];
      }
      case 'dataStore':
      case 'system':
        return [x('bpmn:dataStoreReference', { id: o.id, name, dataStoreRef: storeRef(node), ...(node.kind === 'system' ? { 'lanemap:kind': 'system' } : {}) }, [doc])];
      default: {
        const element = node.kind === 'step' && node.manual ? 'manualTask' : EXPORT_ELEMENT[node.kind];
        return [
          x(`bpmn:${element}`, { id: o.id, name }, [
            doc,
            ...o.incoming.map((id) => xText('bpmn:incoming', id)),
            ...o.outgoing.map((id) => xText('bpmn:outgoing', id)),
            // Input associations need somewhere in the task to deliver to, as bpmn-js writes it.
            o.inputs.length ? x('bpmn:property', { id: ids.get('Property', node.id), name: '__targetRef_placeholder' }) : undefined,
            ...o.inputs,
            ...o.outputs,
          ]),
        ];
      }
    }
  };

  /** A pool whose one lane is named after it is drawn as the pool alone. */
  const banded = (pool: ExportPool) => !(pool.lanes.length === 1 && pool.lanes[0]!.name === pool.name);

  const processes = pools.map((pool) => {
    const members = [...out.values()].filter((o) => o.pool === pool);
    const laneSet = banded(pool)
      ? x('bpmn:laneSet', { id: ids.get('LaneSet', pool.key || map.id) }, pool.lanes.map((lane) =>
          x('bpmn:lane', { id: ids.get('Lane', lane.id), name: lane.name }, members
            .filter((o) => (o.node.laneId === lane.id || (!poolOfLane.has(o.node.laneId) && lane === pool.lanes[0])) && !isDataKind(o.node.kind) && o.node.kind !== 'note')
            .map((o) => xText('bpmn:flowNodeRef', o.id)))))
      : undefined;
    const elements = members.filter((o) => o.node.kind !== 'note').flatMap(flowNode);
    const notes = members.filter((o) => o.node.kind === 'note').flatMap(flowNode);
    return x('bpmn:process', { id: processId(pool), name: pool.name || undefined, isExecutable: 'false' }, [laneSet, ...elements, ...(sequenceFlows.get(pool) ?? []), ...notes, ...(artifacts.get(pool) ?? [])]);
  });

  const collaborationId = ids.get('Collaboration', map.id);
  const participantId = (p: ExportPool) => ids.get('Participant', p.key || map.id);
  const collaboration = x('bpmn:collaboration', { id: collaborationId, name: map.name || undefined }, [
    ...pools.map((p) => x('bpmn:participant', { id: participantId(p), name: p.name || undefined, processRef: processId(p) })),
    ...messageFlows,
    ...(artifacts.get('collaboration') ?? []),
  ]);

  const shapes: XmlNode[] = [];
  for (const pool of pools) {
    shapes.push(x('bpmndi:BPMNShape', { id: ids.get('DI', participantId(pool)), bpmnElement: participantId(pool), isHorizontal: 'true' }, [bounds(geo.pools.get(pool.key)!)]));
    if (!banded(pool)) continue;
    for (const lane of pool.lanes) shapes.push(x('bpmndi:BPMNShape', { id: ids.get('DI', ids.get('Lane', lane.id)), bpmnElement: ids.get('Lane', lane.id), isHorizontal: 'true' }, [bounds(geo.lanes.get(lane.id)!)]));
  }
  for (const o of out.values()) shapes.push(x('bpmndi:BPMNShape', { id: ids.get('DI', o.id), bpmnElement: o.id }, [bounds(geo.nodes.get(o.node.id)!)]));

  const definitions = x(
    'bpmn:definitions',
    {
      'xmlns:bpmn': BPMN_NS,
      'xmlns:bpmndi': BPMNDI_NS,
      'xmlns:dc': DC_NS,
      'xmlns:di': DI_NS,
      'xmlns:lanemap': LANEMAP_NS,
      id: ids.get('Definitions', map.id),
      name: map.name || undefined,
      targetNamespace: 'urn:lanemap:map',
      exporter: 'Lanemap',
      exporterVersion: '1',
    },
    [
      ...dataStores.values(),
      collaboration,
      ...processes,
      x('bpmndi:BPMNDiagram', { id: ids.get('Diagram', map.id), name: map.name || undefined }, [
        x('bpmndi:BPMNPlane', { id: ids.get('Plane', map.id), bpmnElement: collaborationId }, [...shapes, ...edges]),
      ]),
    ],
  );
  return { xml: serialise(definitions), warnings };
}

/** The BPMN 2.0 file for one map. */
export const exportBpmn = (map: ProcessMap, ws: Workspace): string => bpmnExport(map, ws).xml;
