import type { DataStoreKind } from '../../model/types';
import type { ConnectorHint, ShapeRole } from '../diagram/drawing';
import { childrenNamed, firstChild, type XmlElement } from '../../formats/xml';
import { subShapes } from './vsdxSheets';
import type { VsdxPackage } from './vsdxPackage';

// What a Visio shape is, told by its master's name. Two families are read: the flowchart
// stencils (Process, Decision, Start/End, Document, Data, Database, Dynamic connector, with
// Swimlane / Functional band for cross-functional flowcharts) and the BPMN stencils, Visio's
// own and add-ins' (Task, Gateway, Start Event, Intermediate, Pool, Lane, Sequence Flow…).

export type VsdxClass =
  | { is: 'pool' }
  | { is: 'lane' }
  | { is: 'connector'; hint: ConnectorHint }
  | { is: 'skip' }
  | { is: 'shape'; role: ShapeRole; manual?: boolean; storeKind?: DataStoreKind; container?: boolean; event?: boolean };

type Rule = [RegExp, VsdxClass];

// First match wins: connectors before "data", lanes before "pool" ("Pool / Lane" is a lane).
const RULES: Rule[] = [
  [/message flow/, { is: 'connector', hint: 'message' }],
  [/association/, { is: 'connector', hint: 'data' }],
  [/connector|sequence flow|conditional flow|default flow|^line|^arrow|^curve/, { is: 'connector', hint: 'sequence' }],
  [/swim ?lane|functional band|\blane\b/, { is: 'lane' }],
  [/\bpool\b|cff container|participant/, { is: 'pool' }],
  [/^(group|title|separator|phase|legend|message|page title|title block)( \(vertical\))?$|theme/, { is: 'skip' }],
  [/gateway|decision/, { is: 'shape', role: 'decision' }],
  [/start\/end|terminator|terminal|page reference/, { is: 'shape', role: 'terminal' }],
  [/^start/, { is: 'shape', role: 'start' }],
  [/^end/, { is: 'shape', role: 'end' }],
  [/data store|database|stored data|internal storage|direct data|sequential data/, { is: 'shape', role: 'dataStore', storeKind: 'database' }],
  [/data object|document|^data$|external data|paper/, { is: 'shape', role: 'document' }],
  [/annotation|^note|comment|callout/, { is: 'shape', role: 'note' }],
  [/manual/, { is: 'shape', role: 'step', manual: true }],
  [/expanded/, { is: 'shape', role: 'step', container: true }],
  [/intermediate|boundary/, { is: 'shape', role: 'step', event: true }],
  [/intermediate|boundary|event|task|process|activity|transaction|predefined|preparation|operation|rectangle|^box|delay|display|loop limit|^step|action/, { is: 'shape', role: 'step' }],
];

/** A master's name without Visio's copy suffix ("Sequence Flow.22") and case. */
export const masterKey = (name: string | undefined) => (name ?? '').replace(/\.\d+$/, '').trim().toLowerCase();

export function classifyName(name: string | undefined): VsdxClass | undefined {
  const key = masterKey(name);
  if (!key) return undefined;
  return RULES.find(([re]) => re.test(key))?.[1];
}

export interface Master {
  /** The universal name, else the local one: what warnings show. */
  name: string;
  kind: VsdxClass | undefined;
  /** The master's own top shape, which an instance inherits from. */
  top?: XmlElement;
  /** Every shape in the master by id, for sub-shapes (MasterShape="…"). */
  shapes: Map<string, XmlElement>;
}

function indexShapes(el: XmlElement, out: Map<string, XmlElement>): Map<string, XmlElement> {
  for (const s of subShapes(el)) {
    if (s.attrs.ID) out.set(s.attrs.ID, s);
    indexShapes(s, out);
  }
  return out;
}

const MASTERS = 'visio/masters/masters.xml';

/** Masters by id. The universal name is tried first, then the local one (an add-in may rename one but not the other). */
export function readMasters(pkg: VsdxPackage): Map<string, Master> {
  const out = new Map<string, Master>();
  if (!pkg.has(MASTERS)) return out;
  const files = pkg.relations(MASTERS);
  for (const m of childrenNamed(pkg.xml(MASTERS), 'Master')) {
    const id = m.attrs.ID;
    if (!id) continue;
    const relId = firstChild(m, 'Rel')?.attrs['r:id'];
    const path = relId ? files.get(relId) : undefined;
    const contents = path && pkg.has(path) ? pkg.xml(path) : undefined;
    const top = contents ? subShapes(contents)[0] : undefined;
    out.set(id, {
      name: m.attrs.NameU || m.attrs.Name || `master ${id}`,
      kind: classifyName(m.attrs.NameU) ?? classifyName(m.attrs.Name),
      ...(top ? { top } : {}),
      shapes: contents ? indexShapes(contents, new Map()) : new Map(),
    });
  }
  return out;
}
