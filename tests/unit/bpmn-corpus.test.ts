import { readdirSync, readFileSync } from 'node:fs';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../src/core/bpmn';
import { decodeText } from '../../src/core/importing/importFile';
import { importIds } from '../../src/core/formats/importResult';
import { defaultElk } from '../../src/core/layout/elkNode';
import { layoutMap, withLayout } from '../../src/core/layout/layout';
import { laneBands } from '../../src/core/model/geometry';
import type { FlowKind, NodeKind, ProcessMap } from '../../src/core/model/types';

// Every BPMN MIWG reference model, imported and checked against the test's own reading of the
// same file with bpmn-moddle (the bpmn-io library), never against numbers the importer gave.
//
// The mapping counted here (see src/core/bpmn): every flow node of every process becomes a
// node (events between start and end and activities become steps, gateways decisions); a
// sub-process drawn open brings its content, one drawn closed is one step; data object and data
// store references, drawn data objects and drawn process inputs/outputs, and text annotations
// are nodes. Flows: sequence flows, one per boundary event joining it to its host, and
// associations between two flow nodes (compensation); message flows; data associations (one
// flow per activity and data node, reading and writing the same being one) and associations
// touching data or an annotation. Lanes: a pool's leaf lanes, or the pool as one lane; a process
// in no pool brings its lanes, and is one lane when it makes a map of its own.

const DIR = '../shared/corpus/bpmn-miwg/reference';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.bpmn')).sort();
const NOW = '2026-11-23T10:00:00Z';
const SLOW = 60_000;

const read = (file: string) => decodeText(new Uint8Array(readFileSync(`${DIR}/${file}`)));
const list = (el: ModdleElement | undefined, prop: string) => ((el?.[prop] as ModdleElement[] | undefined) ?? []);
const one = (el: ModdleElement | undefined, prop: string) => el?.[prop] as ModdleElement | undefined;
const is = (el: ModdleElement, ...types: string[]) => types.some((t) => el.$instanceOf(`bpmn:${t}`));

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Expected {
  nodes: Record<string, number>;
  flows: Record<string, number>;
  lanes: number;
  laneNames: string[];
  /** Source id -> drawn bounds, and the shapes whose place the importer adjusts on purpose. */
  bounds: Map<string, Bounds>;
  moved: Set<string>;
  vertical: boolean;
  /** Flow node id -> its lane's name, from the lanes' flowNodeRefs. */
  laneOf: Map<string, string>;
}

function kindOf(e: ModdleElement): NodeKind {
  if (is(e, 'StartEvent')) return 'start';
  if (is(e, 'EndEvent')) return 'end';
  if (is(e, 'Gateway')) return 'decision';
  if (is(e, 'Activity', 'IntermediateCatchEvent', 'IntermediateThrowEvent', 'BoundaryEvent')) return 'step';
  if (is(e, 'DataStoreReference')) return 'dataStore';
  if (is(e, 'TextAnnotation')) return 'note';
  return 'document';
}

const leafLanes = (process: ModdleElement | undefined): ModdleElement[] => {
  const out: ModdleElement[] = [];
  const visit = (set: ModdleElement) => {
    for (const lane of list(set, 'lanes')) {
      const child = one(lane, 'childLaneSet');
      if (list(child, 'lanes').length) visit(child!);
      else out.push(lane);
    }
  };
  for (const set of list(process, 'laneSets')) visit(set);
  return out;
};

async function expectedFrom(text: string): Promise<Expected> {
  const { rootElement: defs } = await new BpmnModdle().fromXML(text);
  const bounds = new Map<string, Bounds>();
  const planes = list(defs, 'diagrams').map((d) => one(d, 'plane')!);
  let vertical = false;
  for (const plane of planes) {
    for (const pe of list(plane, 'planeElement')) {
      const target = one(pe, 'bpmnElement');
      const b = one(pe, 'bounds') as unknown as Bounds | undefined;
      if (target?.id && b && !bounds.has(target.id)) bounds.set(target.id, { x: b.x, y: b.y, width: b.width, height: b.height });
      if (target && is(target, 'Participant') && pe.isHorizontal === false) vertical = true;
    }
  }
  const expandedShapes = new Set(planes.flatMap((p) => list(p, 'planeElement')).filter((pe) => pe.isExpanded === true).map((pe) => one(pe, 'bpmnElement')?.id));

  const nodes = new Map<string, ModdleElement>();
  const sequence: ModdleElement[] = [];
  const associations: ModdleElement[] = [];
  const moved = new Set<string>();
  const opened = (sub: ModdleElement) => list(sub, 'flowElements').some((e) => !is(e, 'SequenceFlow') && bounds.has(e.id!));
  const collect = (container: ModdleElement) => {
    const io = one(container, 'ioSpecification');
    for (const d of [...list(io, 'dataInputs'), ...list(io, 'dataOutputs')]) if (bounds.has(d.id!)) nodes.set(d.id!, d);
    for (const e of list(container, 'flowElements')) {
      if (is(e, 'FlowNode', 'DataObjectReference', 'DataStoreReference') || (is(e, 'DataObject') && bounds.has(e.id!))) nodes.set(e.id!, e);
      if (is(e, 'SequenceFlow')) sequence.push(e);
      if (is(e, 'BoundaryEvent') || expandedShapes.has(e.id)) moved.add(e.id!);
      if (is(e, 'SubProcess') && opened(e)) {
        moved.add(e.id!);
        collect(e);
      }
    }
    for (const a of list(container, 'artifacts')) {
      if (is(a, 'TextAnnotation')) nodes.set(a.id!, a);
      if (is(a, 'Association')) associations.push(a);
    }
  };

  const roots = list(defs, 'rootElements');
  const processes = roots.filter((r) => is(r, 'Process'));
  const collaborations = roots.filter((r) => is(r, 'Collaboration'));
  const pooled = new Set(collaborations.flatMap((c) => list(c, 'participants')).map((p) => one(p, 'processRef')).filter(Boolean));
  const onCollaborationPlane = (p: ModdleElement) => {
    const ids = new Set<string>();
    const walk = (el: ModdleElement) => {
      for (const e of [...list(el, 'flowElements'), ...leafLanes(el)]) {
        ids.add(e.id!);
        walk(e);
      }
    };
    walk(p);
    return planes.some((plane) => one(plane, 'bpmnElement') && is(one(plane, 'bpmnElement')!, 'Collaboration') && list(plane, 'planeElement').some((pe) => ids.has(one(pe, 'bpmnElement')?.id ?? '')));
  };

  let lanes = 0;
  for (const c of collaborations) {
    for (const participant of list(c, 'participants')) lanes += leafLanes(one(participant, 'processRef')).length || 1;
    for (const a of list(c, 'artifacts')) {
      if (is(a, 'TextAnnotation')) nodes.set(a.id!, a);
      if (is(a, 'Association')) associations.push(a);
    }
  }
  for (const p of processes) {
    collect(p);
    if (!pooled.has(p)) lanes += onCollaborationPlane(p) ? leafLanes(p).length : Math.max(1, leafLanes(p).length);
  }

  const kinds = new Map([...nodes].map(([id, e]) => [id, kindOf(e)]));
  const aside = (k: NodeKind | undefined) => k === 'note' || k === 'document' || k === 'dataStore';
  const flows: Record<FlowKind, number> = { sequence: sequence.length, message: 0, data: 0 };
  for (const e of nodes.values()) if (is(e, 'BoundaryEvent') && one(e, 'attachedToRef') && nodes.has(one(e, 'attachedToRef')!.id!)) flows.sequence++;
  for (const c of collaborations) flows.message += list(c, 'messageFlows').length;
  for (const a of associations) {
    const [s, t] = [kinds.get(one(a, 'sourceRef')?.id ?? ''), kinds.get(one(a, 'targetRef')?.id ?? '')];
    if (s && t) flows[aside(s) || aside(t) ? 'data' : 'sequence']++;
  }
  const dataPairs = new Set<string>();
  for (const e of nodes.values()) {
    for (const a of list(e, 'dataInputAssociations')) for (const src of list(a, 'sourceRef')) if (aside(kinds.get(src.id!))) dataPairs.add(`${e.id}|${src.id}`);
    for (const a of list(e, 'dataOutputAssociations')) {
      const target = one(a, 'targetRef');
      if (target && aside(kinds.get(target.id!))) dataPairs.add(`${e.id}|${target.id}`);
    }
  }
  flows.data += dataPairs.size;

  const nodeCounts: Record<string, number> = {};
  for (const k of kinds.values()) nodeCounts[k] = (nodeCounts[k] ?? 0) + 1;
  const allLanes = processes.flatMap(leafLanes);
  const laneOf = new Map<string, string>();
  for (const lane of allLanes) for (const n of list(lane, 'flowNodeRef')) if (lane.name) laneOf.set(n.id!, lane.name.trim());
  return {
    nodes: nodeCounts,
    flows: Object.fromEntries(Object.entries(flows).filter(([, n]) => n > 0)),
    lanes,
    laneNames: allLanes.map((l) => (l.name ?? '').trim()).filter(Boolean),
    bounds,
    moved,
    vertical,
    laneOf,
  };
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

const centreX = (m: ProcessMap, id: string) => m.view.nodes[id]!.x + m.view.nodes[id]!.width / 2;

describe('BPMN MIWG reference models import', () => {
  it('has the reference files to test', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of FILES) {
    it(`${file}: lanes, nodes by kind and flows match the source`, async () => {
      const text = read(file);
      const expected = await expectedFrom(text);
      const { workspace: ws } = importBpmn(text, { fileName: file, now: NOW });
      const maps = ws.maps;
      const nodes = maps.flatMap((m) => m.nodes);
      const flows = maps.flatMap((m) => m.flows);
      expect(countBy(nodes, (n) => n.kind)).toEqual(expected.nodes);
      expect(countBy(flows, (f) => f.kind)).toEqual(expected.flows);
      expect(maps.reduce((n, m) => n + m.lanes.length, 0)).toBe(expected.lanes);
      const laneNames = maps.flatMap((m) => m.lanes.map((l) => l.name));
      for (const name of expected.laneNames) expect(laneNames.some((l) => l === name || l.endsWith(` / ${name}`))).toBe(true);
      // Flows join nodes of their own map.
      for (const m of maps) {
        const ids = new Set(m.nodes.map((n) => n.id));
        expect(m.flows.every((f) => ids.has(f.from) && ids.has(f.to))).toBe(true);
      }
    });

    it(`${file}: drawn positions are kept, each node inside its lane's band`, async () => {
      const text = read(file);
      const expected = await expectedFrom(text);
      const prefix = importIds('bpmn', text)('');
      const { workspace: ws } = importBpmn(text, { fileName: file, now: NOW });
      for (const m of ws.maps.filter((map) => Object.keys(map.view.nodes).length > 0)) {
        const bands = laneBands(m);
        for (const n of m.nodes) {
          const b = m.view.nodes[n.id]!;
          const band = bands.find((x) => x.laneId === n.laneId)!;
          expect(b.y).toBeGreaterThanOrEqual(band.y);
          expect(b.y + b.height).toBeLessThanOrEqual(band.y + band.height);
        }
        // Left to right in each lane as in the source (top to bottom for vertical pools).
        const sourceCentre = (id: string) => {
          const r = expected.bounds.get(id.slice(prefix.length))!;
          return expected.vertical ? r.y + r.height / 2 : r.x + r.width / 2;
        };
        for (const lane of m.lanes) {
          const members = m.nodes.filter((n) => n.laneId === lane.id && expected.bounds.has(n.id.slice(prefix.length)) && !expected.moved.has(n.id.slice(prefix.length)));
          const bySource = [...members].sort((a, b) => sourceCentre(a.id) - sourceCentre(b.id));
          for (let i = 1; i < bySource.length; i++) expect(centreX(m, bySource[i]!.id)).toBeGreaterThanOrEqual(centreX(m, bySource[i - 1]!.id) - 0.5);
        }
        // Each flow node sits in the lane its source lane lists it in.
        for (const n of m.nodes) {
          const laneName = expected.laneOf.get(n.id.slice(prefix.length));
          if (!laneName) continue;
          const lane = m.lanes.find((l) => l.id === n.laneId)!;
          expect(lane.name === laneName || lane.name.endsWith(` / ${laneName}`)).toBe(true);
        }
      }
    });
  }

  it('turns the vertical pools of A.4.1 on their side: three bands, pool by pool, like the horizontal A.4.0', () => {
    const vertical = importBpmn(read('A.4.1.bpmn'), { fileName: 'A.4.1.bpmn', now: NOW }).workspace.maps[0]!;
    expect(vertical.lanes.map((l) => l.name)).toEqual(['Pool 1 / Lane 1', 'Pool 2 / Lane 2', 'Pool 2 / Lane 3']);
    const bands = laneBands(vertical);
    expect(bands.every((b, i) => i === 0 || b.y === bands[i - 1]!.y + bands[i - 1]!.height)).toBe(true);
    // Bands are wider than tall once turned: the process runs left to right.
    const byLabel = (label: string) => vertical.view.nodes[vertical.nodes.find((n) => n.label === label)!.id]!;
    expect(byLabel('Start Event 2').x).toBeLessThan(byLabel('Task 3').x);
    expect(byLabel('Task 3').x).toBeLessThan(byLabel('Task 5').x);
    expect(byLabel('Task 5').x).toBeLessThan(byLabel('End Event 2').x);

    const horizontal = importBpmn(read('A.4.0.bpmn'), { fileName: 'A.4.0.bpmn', now: NOW }).workspace.maps[0]!;
    expect(horizontal.lanes.map((l) => l.name)).toEqual(['Pool', 'Lane 1', 'Lane 2']);
    const ws = importBpmn(read('A.4.1.bpmn'), { fileName: 'A.4.1.bpmn', now: NOW }).workspace;
    expect(ws.departments.map((d) => d.name)).toEqual(['Pool 1', 'Pool 2']);
    expect(vertical.lanes.map((l) => ws.departments.find((d) => d.id === l.departmentId)?.name)).toEqual(['Pool 1', 'Pool 2', 'Pool 2']);
  });

  it('keeps pools that stand side by side apart (C.2.0: Amazon and Carrier)', () => {
    const map = importBpmn(read('C.2.0.bpmn'), { fileName: 'C.2.0.bpmn', now: NOW }).workspace.maps[0]!;
    const names = map.lanes.map((l) => l.name);
    expect(names.indexOf('Amazon / Packager')).toBe(names.indexOf('Amazon / Picker') + 1);
  });

  it('makes one catalogue entry per data store, shared by all its references (C.4.0: Employee Details four times)', () => {
    const { workspace: ws } = importBpmn(read('C.4.0.bpmn'), { fileName: 'C.4.0.bpmn', now: NOW });
    expect(ws.maps.map((m) => m.name)).toEqual(['Money Bank', 'IT', 'Payroll', 'Facilities']);
    const employee = ws.dataStores.filter((d) => d.name === 'Employee Details');
    expect(employee).toHaveLength(1);
    const refs = ws.maps.flatMap((m) => m.nodes).filter((n) => n.kind === 'dataStore' && n.label === 'Employee Details');
    expect(refs).toHaveLength(4);
    expect(new Set(refs.map((n) => n.refId))).toEqual(new Set([employee[0]!.id]));
    expect(ws.dataStores).toHaveLength(3);
  });

  it('lays out the maps the file does not draw (B.1.0 and B.2.0 hold a process with no diagram)', async () => {
    const elk = defaultElk();
    for (const file of ['B.1.0.bpmn', 'B.2.0.bpmn']) {
      const { workspace: ws, warnings } = importBpmn(read(file), { fileName: file, now: NOW });
      const unplaced = ws.maps.filter((m) => m.nodes.some((n) => !m.view.nodes[n.id]));
      expect(unplaced).toHaveLength(1);
      expect(warnings.some((w) => w.includes(unplaced[0]!.name) && /laid out/.test(w))).toBe(true);
      for (const map of unplaced) {
        const laid = withLayout(map, await layoutMap(map, { elk }));
        expect(laid.nodes.every((n) => laid.view.nodes[n.id])).toBe(true);
        const xs = laid.nodes.map((n) => laid.view.nodes[n.id]!.x);
        expect(new Set(xs).size).toBe(laid.nodes.length);
      }
    }
  }, SLOW);

  it('says what it changed: events as steps, groups and tool settings left out', () => {
    const { warnings } = importBpmn(read('B.2.0.bpmn'), { fileName: 'B.2.0.bpmn', now: NOW });
    expect(warnings.some((w) => /intermediate or boundary events? became steps?/.test(w))).toBe(true);
    expect(warnings.some((w) => /1 group left out/.test(w))).toBe(true);
    const c10 = importBpmn(read('C.1.0.bpmn'), { fileName: 'C.1.0.bpmn', now: NOW });
    expect(c10.warnings.some((w) => /extension elements/.test(w))).toBe(true);
    // Labels are read in the file's own encoding (UTF-8 here): “Rechnung klären”.
    expect(c10.workspace.maps[0]!.nodes.some((n) => n.label === 'Rechnung klären')).toBe(true);
  });
});
