import type { DataStoreKind } from '../../model/types';
import type { ShapeRole } from '../diagram/drawing';

// What a draw.io cell is, read from its style: "rhombus;whiteSpace=wrap;html=1;" is a name
// (the first entry without "=") and key=value pairs. Shapes come from the general palette,
// the flowchart palette (shape=mxgraph.flowchart.*) and the BPMN palette (mxgraph.bpmn.*).

export interface Style {
  name: string;
  values: Record<string, string>;
}

export function parseStyle(style: string | undefined): Style {
  const values: Record<string, string> = {};
  let name = '';
  for (const part of (style ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (part.trim() && !name) name = part.trim();
    } else values[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { name, values };
}

/** The style's shape: shape=… if given, else its name ("rhombus", "ellipse", "swimlane"). */
export const shapeOf = (s: Style): string => (s.values.shape || s.name).toLowerCase();

export type VertexClass =
  | { is: 'swimlane' }
  | { is: 'group' }
  | { is: 'ignore' }
  | { is: 'skip'; what: string; plural: string }
  | { is: 'shape'; role: ShapeRole; manual?: boolean; storeKind?: DataStoreKind; hint?: 'start' | 'end' };

const thick = (s: Style) => Number(s.values.strokeWidth ?? 1) >= 2;

/** draw.io's BPMN shapes: events by their outline, gateways by their background. */
function bpmnRole(s: Style, shape: string): VertexClass {
  const outline = s.values.outline ?? '';
  if (s.values.background === 'gateway' || shape.includes('gateway')) return { is: 'shape', role: 'decision' };
  if (outline === 'end' || s.values.symbol === 'terminate') return { is: 'shape', role: 'end' };
  if (outline === 'standard' || outline === 'eventNonint' || outline === 'eventInt') return { is: 'shape', role: 'start' };
  if (shape.includes('data_store') || shape.includes('datastore')) return { is: 'shape', role: 'dataStore', storeKind: 'database' };
  if (shape.endsWith('.data') || shape.includes('data_object')) return { is: 'shape', role: 'document' };
  // Intermediate and boundary events, tasks, sub-processes, call activities: things that happen.
  return { is: 'shape', role: 'step' };
}

const FLOWCHART_ROLES: [RegExp, Omit<Extract<VertexClass, { is: 'shape' }>, 'is'>][] = [
  [/decision/, { role: 'decision' }],
  [/terminator|start_[12]/, { role: 'terminal' }],
  [/database|stored_data|direct_data|sequential_data|internal_storage/, { role: 'dataStore', storeKind: 'database' }],
  [/multi-?document|document|data$|card|paper_tape/, { role: 'document' }],
  [/annotation/, { role: 'note' }],
  [/manual/, { role: 'step', manual: true }],
  [/off-?page|on-?page/, { role: 'terminal' }],
];

export function classifyVertex(s: Style, hasLabel: boolean): VertexClass {
  const shape = shapeOf(s);
  if (shape === 'swimlane' || shape.includes('swimlane')) return { is: 'swimlane' };
  if (shape === 'table' || shape === 'tablerow') return { is: 'skip', what: 'table', plural: 'tables' };
  if (s.name === 'edgeLabel') return { is: 'ignore' }; // read with its edge
  if (s.name === 'group' || shape === 'group') return { is: 'group' };
  if (shape === 'image' || s.values.image || (shape.startsWith('mxgraph.') && !/^mxgraph\.(flowchart|bpmn|basic)\./.test(shape))) return { is: 'skip', what: 'picture or icon', plural: 'pictures or icons' };
  if (shape === 'text' || shape === 'note' || shape === 'callout' || shape.includes('comment')) {
    return hasLabel ? { is: 'shape', role: 'note' } : { is: 'ignore' };
  }
  if (shape === 'line' || shape === 'waypoint' || shape.includes('arrow')) return { is: 'skip', what: 'line or arrow shape', plural: 'line and arrow shapes' };
  if (shape.startsWith('mxgraph.bpmn.')) return bpmnRole(s, shape);
  if (shape === 'rhombus') return { is: 'shape', role: 'decision' };
  if (shape === 'doubleellipse') return { is: 'shape', role: 'terminal', hint: 'end' };
  if (shape === 'ellipse') return { is: 'shape', role: 'terminal', hint: thick(s) ? 'end' : 'start' };
  if (shape.startsWith('cylinder') || shape === 'datastore') return { is: 'shape', role: 'dataStore', storeKind: 'database' };
  if (shape === 'document' || shape === 'folder') return { is: 'shape', role: 'document' };
  if (shape.startsWith('mxgraph.flowchart.')) {
    const found = FLOWCHART_ROLES.find(([re]) => re.test(shape.slice('mxgraph.flowchart.'.length)));
    return { is: 'shape', ...(found ? found[1] : { role: 'step' }) };
  }
  // Rectangles, rounded or not, processes, hexagons and whatever else holds a task.
  return { is: 'shape', role: 'step' };
}
