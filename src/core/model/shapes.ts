import type { NodeKind } from './types';

// The outline of each node kind as SVG path data, for a box of width w and height h.
// The editor and the SVG export both draw from these, so they always match.

export interface ShapeOutline {
  /** The filled outline. */
  body: string;
  /** Extra strokes drawn over it (a cylinder's rim, a document's fold). */
  detail?: string;
}

export function shapeOutline(kind: NodeKind, w: number, h: number): ShapeOutline {
  switch (kind) {
    case 'start':
    case 'end': {
      const r = Math.min(w, h) / 2 - 2;
      const cx = w / 2;
      const cy = h / 2;
      return { body: `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z` };
    }
    case 'decision':
      return { body: `M${w / 2},1L${w - 1},${h / 2}L${w / 2},${h - 1}L1,${h / 2}Z` };
    case 'dataStore': {
      const ry = Math.min(10, h / 6);
      return {
        body: `M1,${ry}A${w / 2 - 1},${ry} 0 0,1 ${w - 1},${ry}L${w - 1},${h - ry}A${w / 2 - 1},${ry} 0 0,1 1,${h - ry}Z`,
        detail: `M1,${ry}A${w / 2 - 1},${ry} 0 0,0 ${w - 1},${ry}`,
      };
    }
    case 'system':
      return { body: `M1,1H${w - 1}V${h - 1}H1Z`, detail: `M11,1V${h - 1}M${w - 11},1V${h - 1}` };
    case 'document': {
      const f = 16;
      return { body: `M1,1H${w - f}L${w - 1},${f}V${h - 1}H1Z`, detail: `M${w - f},1V${f}H${w - 1}` };
    }
    case 'note': {
      const f = 14;
      return { body: `M1,1H${w - 1}V${h - f}L${w - f},${h - 1}H1Z`, detail: `M${w - 1},${h - f}H${w - f}V${h - 1}` };
    }
    case 'step':
    default: {
      const r = 10;
      return { body: `M${1 + r},1H${w - 1 - r}Q${w - 1},1 ${w - 1},${1 + r}V${h - 1 - r}Q${w - 1},${h - 1} ${w - 1 - r},${h - 1}H${1 + r}Q1,${h - 1} 1,${h - 1 - r}V${1 + r}Q1,1 ${1 + r},1Z` };
    }
  }
}

/** Fill and stroke per kind: the palette of the editor and of exported images. */
export const SHAPE_STYLE: Record<NodeKind, { fill: string; stroke: string; strokeWidth: number }> = {
  start: { fill: '#e8f6ec', stroke: '#2e7d4f', strokeWidth: 2 },
  end: { fill: '#fbe9e7', stroke: '#a33a2a', strokeWidth: 4 },
  step: { fill: '#ffffff', stroke: '#35506e', strokeWidth: 1.5 },
  decision: { fill: '#fff8e1', stroke: '#a07400', strokeWidth: 1.5 },
  dataStore: { fill: '#e8f1fb', stroke: '#2f6aa8', strokeWidth: 1.5 },
  system: { fill: '#eef0fb', stroke: '#4a4f9c', strokeWidth: 1.5 },
  document: { fill: '#f7f3ee', stroke: '#7a5c3e', strokeWidth: 1.5 },
  note: { fill: '#fff6b3', stroke: '#b59b00', strokeWidth: 1 },
};

/** How each flow kind is drawn (FORMAT.md's kinds; BPMN's conventions where they help). */
export const FLOW_STYLE: Record<'sequence' | 'message' | 'data', { stroke: string; width: number; dash?: string; arrow: 'closed' | 'open' }> = {
  sequence: { stroke: '#34455c', width: 1.6, arrow: 'closed' },
  message: { stroke: '#5a48b0', width: 1.8, arrow: 'open' },
  data: { stroke: '#6f7f91', width: 1.4, dash: '6 4', arrow: 'open' },
};
