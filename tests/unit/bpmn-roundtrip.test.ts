import { readdirSync, readFileSync } from 'node:fs';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { bpmnExport, exportBpmn, importBpmn } from '../../src/core/bpmn';
import { decodeText } from '../../src/core/importing/importFile';
import type { ProcessMap, Workspace } from '../../src/core/model/types';

// Export checked by reading it back with bpmn-moddle (what bpmn-js and Camunda Modeler read
// files with): no warnings, the elements BPMN expects, diagram interchange for everything; then
// imported again by Lanemap, keeping lanes, nodes by kind and flows.

const DIR = '../shared/corpus/bpmn-miwg/reference';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.bpmn')).sort();
const NOW = '2026-11-23T10:00:00Z';
const moddle = new BpmnModdle();

const read = (file: string) => decodeText(new Uint8Array(readFileSync(`${DIR}/${file}`)));
const list = (el: ModdleElement | undefined, prop: string) => ((el?.[prop] as ModdleElement[] | undefined) ?? []);
const one = (el: ModdleElement | undefined, prop: string) => el?.[prop] as ModdleElement | undefined;

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

const shape = (m: ProcessMap) => ({
  lanes: m.lanes.map((l) => l.name),
  nodes: countBy(m.nodes, (n) => n.kind),
  flows: countBy(m.flows, (f) => f.kind),
  labels: m.nodes.map((n) => `${n.kind}:${n.label}`).sort(),
});

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The diagram's shapes and edges by the id of what they draw. */
function diagram(defs: ModdleElement) {
  const plane = one(list(defs, 'diagrams')[0], 'plane');
  const shapes = new Map<string, Bounds>();
  const edges = new Map<string, { x: number; y: number }[]>();
  for (const pe of list(plane, 'planeElement')) {
    const id = one(pe, 'bpmnElement')?.id ?? '';
    if (pe.$type === 'bpmndi:BPMNShape') shapes.set(id, one(pe, 'bounds') as unknown as Bounds);
    else edges.set(id, pe.waypoint as { x: number; y: number }[]);
  }
  return { plane, shapes, edges };
}

const inside = (b: Bounds, outer: Bounds) => b.x >= outer.x && b.y >= outer.y && b.x + b.width <= outer.x + outer.width && b.y + b.height <= outer.y + outer.height;

/** Export, check with bpmn-moddle, import again; returns both readings. */
async function roundTrip(map: ProcessMap, ws: Workspace) {
  const out = bpmnExport(map, ws);
  const parsed = await moddle.fromXML(out.xml);
  const back = importBpmn(out.xml, { fileName: `${map.name}.bpmn`, now: NOW });
  return { ...out, defs: parsed.rootElement, moddleWarnings: parsed.warnings.map((w) => w.message), back };
}

describe('BPMN export read back by bpmn-moddle and by Lanemap', () => {
  for (const file of FILES) {
    it(`${file}: import, export, import keeps lanes, nodes and flows`, async () => {
      const first = importBpmn(read(file), { fileName: file, now: NOW }).workspace;
      for (const map of first.maps) {
        const { moddleWarnings, back, defs } = await roundTrip(map, first);
        expect(moddleWarnings).toEqual([]);
        expect(back.workspace.maps).toHaveLength(1);
        expect(shape(back.workspace.maps[0]!)).toEqual(shape(map));
        // Every element drawn: the pools, each node, each connection.
        const { shapes, edges } = diagram(defs);
        const collaboration = list(defs, 'rootElements').find((r) => r.$type === 'bpmn:Collaboration')!;
        for (const p of list(collaboration, 'participants')) expect(shapes.has(p.id!)).toBe(true);
        expect(shapes.size).toBeGreaterThanOrEqual(map.nodes.length + list(collaboration, 'participants').length);
        expect(edges.size).toBeGreaterThanOrEqual(map.flows.length);
        for (const points of edges.values()) expect(points.length).toBeGreaterThanOrEqual(2);
      }
    });
  }

  it('writes the demo maps as collaborations bpmn-moddle reads without a warning: a pool per department, lanes inside their pool, nodes inside their lane', async () => {
    const ws = demoWorkspace(NOW);
    for (const map of ws.maps) {
      const { moddleWarnings, defs } = await roundTrip(map, ws);
      expect(moddleWarnings).toEqual([]);
      const roots = list(defs, 'rootElements');
      const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration')!;
      const departments = new Set(map.lanes.map((l) => ws.departments.find((d) => d.id === (l.departmentId ?? map.departmentId))!.name));
      expect(new Set(list(collaboration, 'participants').map((p) => p.name))).toEqual(departments);
      const { shapes } = diagram(defs);
      for (const participant of list(collaboration, 'participants')) {
        const pool = shapes.get(participant.id!)!;
        const process = one(participant, 'processRef')!;
        const lanes = list(list(process, 'laneSets')[0], 'lanes');
        for (const lane of lanes) {
          expect(inside(shapes.get(lane.id!)!, pool)).toBe(true);
          for (const n of list(lane, 'flowNodeRef')) expect(inside(shapes.get(n.id!)!, shapes.get(lane.id!)!)).toBe(true);
        }
        // Sequence flows stay inside their process; message flows cross pools.
        for (const f of list(process, 'flowElements').filter((e) => e.$type === 'bpmn:SequenceFlow')) {
          expect(list(process, 'flowElements')).toContain(one(f, 'sourceRef'));
          expect(list(process, 'flowElements')).toContain(one(f, 'targetRef'));
        }
      }
      const processOf = (el: ModdleElement) => roots.find((r) => r.$type === 'bpmn:Process' && list(r, 'flowElements').includes(el));
      for (const mf of list(collaboration, 'messageFlows')) expect(processOf(one(mf, 'sourceRef')!)).not.toBe(processOf(one(mf, 'targetRef')!));
    }
  });

  it('round-trips the demo maps: lane names, departments, kinds, hand-offs, manual steps, notes, systems and stores', async () => {
    const ws = demoWorkspace(NOW);
    for (const map of ws.maps) {
      const { back, warnings } = await roundTrip(map, ws);
      const again = back.workspace.maps[0]!;
      expect(shape(again)).toEqual(shape(map));
      const depName = (m: ProcessMap, w: Workspace, laneId: string) => {
        const lane = m.lanes.find((l) => l.id === laneId)!;
        return w.departments.find((d) => d.id === (lane.departmentId ?? m.departmentId))?.name;
      };
      expect(again.lanes.map((l) => depName(again, back.workspace, l.id))).toEqual(map.lanes.map((l) => depName(map, ws, l.id)));
      const byLabel = (m: ProcessMap) => new Map(m.nodes.map((n) => [`${n.kind}:${n.label}`, n]));
      const before = byLabel(map);
      for (const [key, n] of byLabel(again)) {
        const was = before.get(key)!;
        expect(!!n.manual).toBe(!!was.manual);
        expect(n.notes ?? '').toBe(was.notes ?? '');
        if (was.kind === 'system') expect(back.workspace.systems.find((s) => s.id === n.refId)?.name).toBe(ws.systems.find((s) => s.id === was.refId)?.name);
        if (was.kind === 'dataStore' && was.refId) expect(back.workspace.dataStores.find((s) => s.id === n.refId)?.name).toBe(ws.dataStores.find((s) => s.id === was.refId)?.name);
      }
      const handOffsInside = map.flows.filter((f) => f.kind === 'message' && depName(map, ws, map.nodes.find((n) => n.id === f.from)!.laneId) === depName(map, ws, map.nodes.find((n) => n.id === f.to)!.laneId));
      expect(warnings.some((w) => /hand-offs? between lanes of one department/.test(w))).toBe(handOffsInside.length > 0);
    }
  });

  it('writes manual steps as manual tasks, systems as marked data store references, reads and writes as data associations', async () => {
    const ws = demoWorkspace(NOW);
    const map = ws.maps.find((m) => m.nodes.some((n) => n.kind === 'system'))!;
    const { defs } = await roundTrip(map, ws);
    const elements = list(defs, 'rootElements').filter((r) => r.$type === 'bpmn:Process').flatMap((p) => list(p, 'flowElements'));
    expect(elements.filter((e) => e.$type === 'bpmn:ManualTask')).toHaveLength(map.nodes.filter((n) => n.kind === 'step' && n.manual).length);
    const system = map.nodes.find((n) => n.kind === 'system')!;
    const ref = elements.find((e) => e.$type === 'bpmn:DataStoreReference' && e.name === system.label)!;
    expect((ref.$attrs as Record<string, string>)['lanemap:kind']).toBe('system');
    expect(one(ref, 'dataStoreRef')?.name).toBe(ws.systems.find((s) => s.id === system.refId)!.name);
    const kinds = new Map(map.nodes.map((n) => [n.id, n.kind]));
    const reads = map.flows.filter((f) => f.kind === 'data' && kinds.get(f.to) === 'step').length;
    const writes = map.flows.filter((f) => f.kind === 'data' && kinds.get(f.from) === 'step').length;
    expect(elements.flatMap((e) => list(e, 'dataInputAssociations'))).toHaveLength(reads);
    expect(elements.flatMap((e) => list(e, 'dataOutputAssociations'))).toHaveLength(writes);
  });

  it('keeps a step that reads and writes one store as one flow, and odd characters in names', async () => {
    const ws = demoWorkspace(NOW);
    const base = ws.maps[0]!;
    const step = base.nodes.find((n) => n.kind === 'step')!;
    const store = base.nodes.find((n) => n.kind === 'dataStore')!;
    const map: ProcessMap = {
      ...base,
      nodes: base.nodes.map((n) => (n.id === step.id ? { ...n, label: 'Check "A" & <B>\nthen C\u0007' } : n)),
      flows: [...base.flows.filter((f) => !(f.from === step.id && f.to === store.id) && !(f.from === store.id && f.to === step.id)), { id: 'rw', kind: 'data', from: step.id, to: store.id, access: 'readwrite' }],
    };
    const { moddleWarnings, back } = await roundTrip(map, ws);
    expect(moddleWarnings).toEqual([]);
    const again = back.workspace.maps[0]!;
    const node = again.nodes.find((n) => n.label.startsWith('Check'))!;
    expect(node.label).toBe('Check "A" & <B> then C');
    const storeAgain = again.nodes.find((n) => n.kind === 'dataStore' && n.label === store.label)!;
    const joined = again.flows.filter((f) => [f.from, f.to].includes(node.id) && [f.from, f.to].includes(storeAgain.id));
    expect(joined).toHaveLength(1);
    expect(joined[0]!.access).toBe('readwrite');
  });

  it('keeps routed lines, and draws the others with right angles as modellers do', async () => {
    const ws = demoWorkspace(NOW);
    const base = ws.maps[0]!;
    const f = base.flows.find((fl) => fl.kind === 'sequence' && base.nodes.find((n) => n.id === fl.from)!.laneId === base.nodes.find((n) => n.id === fl.to)!.laneId)!;
    const [a, b] = [base.view.nodes[f.from]!, base.view.nodes[f.to]!];
    const routed: [number, number][] = [[a.x + a.width, a.y + 10], [a.x + a.width + 17, a.y + 10], [a.x + a.width + 17, b.y + 5], [b.x, b.y + 5]];
    const map = { ...base, view: { ...base.view, flowPoints: { [f.id]: routed } } };
    const { defs } = await roundTrip(map, ws);
    const { edges } = diagram(defs);
    const byFlow = list(defs, 'rootElements').flatMap((r) => [...list(r, 'flowElements'), ...list(r, 'messageFlows')]);
    const kept = edges.get(byFlow.find((e) => e.id === `Flow_${f.id}`)!.id!)!;
    expect(kept.map((p, i) => (i ? [p.x - kept[i - 1]!.x, p.y - kept[i - 1]!.y] : [0, 0]))).toEqual(routed.map((p, i) => (i ? [p[0] - routed[i - 1]![0], p[1] - routed[i - 1]![1]] : [0, 0])));
    const controls = byFlow.filter((e) => (e.$type === 'bpmn:SequenceFlow' || e.$type === 'bpmn:MessageFlow') && e.id !== `Flow_${f.id}`);
    expect(controls.length).toBeGreaterThan(5);
    for (const c of controls) {
      const points = edges.get(c.id!)!;
      for (let i = 1; i < points.length; i++) expect(points[i]!.x === points[i - 1]!.x || points[i]!.y === points[i - 1]!.y).toBe(true);
    }
  });

  it('lays out a map without positions before writing it, and says so', async () => {
    const ws = demoWorkspace(NOW);
    const map = { ...ws.maps[1]!, view: { nodes: {}, laneHeights: {}, flowPoints: {} } };
    const { moddleWarnings, warnings, defs } = await roundTrip(map, ws);
    expect(moddleWarnings).toEqual([]);
    expect(warnings.some((w) => /laid out for the export/.test(w))).toBe(true);
    const { shapes } = diagram(defs);
    const boxes = [...shapes.values()].filter((b) => b.width < 200);
    const overlapping = boxes.some((a, i) => boxes.some((b, j) => j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
    expect(overlapping).toBe(false);
    expect(exportBpmn(map, ws)).toBe(bpmnExport(map, ws).xml);
  });
});
