import type { Point } from '../model/types';
import { saneRect, type SourceRect } from '../formats/mapBuilder';
import { childrenNamed, firstChild, type XmlElement } from '../formats/xml';

// BPMN diagram interchange: each BPMNPlane draws one collaboration or process; its shapes give
// bounds (and whether a sub-process is drawn open), its edges give waypoints.

export interface DiShape {
  rect: SourceRect;
  /** A sub-process drawn open, with its content inside it. */
  expanded: boolean;
  /** A pool or lane drawn across (true) or upright (false), where the file says. */
  horizontal?: boolean;
}

export interface DiPlane {
  /** The collaboration, process or sub-process this plane draws. */
  elementId: string | undefined;
  shapes: Map<string, DiShape>;
  edges: Map<string, Point[]>;
}

const num = (v: string | undefined) => (v === undefined ? NaN : Number(v));

function bounds(shape: XmlElement): SourceRect | undefined {
  const b = firstChild(shape, 'Bounds');
  if (!b) return undefined;
  const r = { x: num(b.attrs.x), y: num(b.attrs.y), width: num(b.attrs.width), height: num(b.attrs.height) };
  return r.width >= 0 && r.height >= 0 ? saneRect(r) : undefined;
}

export function readPlanes(definitions: XmlElement): DiPlane[] {
  const planes: DiPlane[] = [];
  for (const diagram of childrenNamed(definitions, 'BPMNDiagram')) {
    for (const plane of childrenNamed(diagram, 'BPMNPlane')) {
      const shapes = new Map<string, DiShape>();
      const edges = new Map<string, Point[]>();
      for (const el of plane.children) {
        const ref = el.attrs.bpmnElement;
        if (!ref) continue;
        if (el.local === 'BPMNShape') {
          const rect = bounds(el);
          const across = el.attrs.isHorizontal;
          if (rect && !shapes.has(ref)) shapes.set(ref, { rect, expanded: el.attrs.isExpanded === 'true', ...(across ? { horizontal: across === 'true' } : {}) });
        } else if (el.local === 'BPMNEdge') {
          const points = childrenNamed(el, 'waypoint').map((w): Point => [num(w.attrs.x), num(w.attrs.y)]).filter((p) => p.every(Number.isFinite));
          if (points.length >= 2 && !edges.has(ref)) edges.set(ref, points);
        }
      }
      planes.push({ elementId: plane.attrs.bpmnElement, shapes, edges });
    }
  }
  return planes;
}
