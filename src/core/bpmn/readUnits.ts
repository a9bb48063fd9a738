import { childrenNamed, type XmlElement } from '../formats/xml';
import type { DiPlane } from './readDiagram';
import { nameOf, type BpmnDocument } from './readDocument';
import { nodeKindOf } from './bpmnVocabulary';

// Which Lanemap maps a BPMN file becomes: one per collaboration (all its pools in one map),
// with any process drawn on the collaboration's diagram without a pool of its own (a called
// process drawn inside a call activity); then one per remaining process that has content.

export interface Pool {
  /** The pool, when the process is drawn in one (or a pool with no process behind it). */
  participant?: XmlElement;
  process?: XmlElement;
  /** The pool's name, else its process's. */
  name: string;
}

export interface MapUnit {
  sourceId: string;
  /** The collaboration's or process's own name ('' when it has none). */
  ownName: string;
  pools: Pool[];
  collaboration?: XmlElement;
  plane?: DiPlane;
}

/** Whether the plane draws anything of this element (its nodes, lanes, pool). */
function draws(plane: DiPlane, el: XmlElement): boolean {
  const stack = [el];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.attrs.id && plane.shapes.has(e.attrs.id)) return true;
    for (const c of e.children) stack.push(c);
  }
  return false;
}

const hasContent = (process: XmlElement) => process.children.some((c) => nodeKindOf(c.local) || c.local === 'laneSet' || c.local === 'textAnnotation');

export function readUnits(doc: BpmnDocument, planes: DiPlane[]): MapUnit[] {
  const roots = doc.root.children;
  const processes = roots.filter((r) => r.local === 'process');
  const inPool = new Set<XmlElement>();
  const units: MapUnit[] = [];

  roots.filter((r) => r.local === 'collaboration').forEach((c, i) => {
    const participants = childrenNamed(c, 'participant');
    if (participants.length === 0) return;
    const pools = participants.map((participant): Pool => {
      const ref = participant.attrs.processRef ? doc.byId.get(participant.attrs.processRef) : undefined;
      const process = ref?.local === 'process' ? ref : undefined;
      if (process) inPool.add(process);
      return { participant, ...(process ? { process } : {}), name: nameOf(participant) || nameOf(process) };
    });
    const plane = planes.find((p) => p.elementId === c.attrs.id) ?? planes.find((p) => participants.some((pt) => draws(p, pt)));
    units.push({ sourceId: c.attrs.id ?? `collaboration-${i + 1}`, ownName: nameOf(c), pools, collaboration: c, ...(plane ? { plane } : {}) });
  });

  const rest: XmlElement[] = [];
  for (const process of processes) {
    if (inPool.has(process)) continue;
    const host = units.find((u) => u.plane && draws(u.plane, process));
    if (host) host.pools.push({ process, name: nameOf(process) });
    else if (hasContent(process)) rest.push(process);
  }
  rest.forEach((process, i) => {
    const plane = planes.find((p) => p.elementId === process.attrs.id) ?? planes.find((p) => draws(p, process));
    units.push({ sourceId: process.attrs.id ?? `process-${i + 1}`, ownName: nameOf(process), pools: [{ process, name: nameOf(process) }], ...(plane ? { plane } : {}) });
  });
  return units;
}
