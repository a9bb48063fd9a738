import { shapeOutline, SHAPE_STYLE } from '../../../core/model/shapes';
import type { NodeKind } from '../../../core/model/types';

const ICON_BOX: Record<NodeKind, [number, number]> = {
  start: [18, 18], end: [18, 18], step: [26, 16], decision: [20, 20], dataStore: [18, 20], system: [24, 16], document: [18, 20], note: [20, 18],
};

/** The palette's picture of a kind: the same outline and colours (the theme's) as on the canvas, small. */
export function KindIcon({ kind }: { kind: NodeKind }) {
  const [w, h] = ICON_BOX[kind];
  const o = shapeOutline(kind, w, h);
  const s = SHAPE_STYLE[kind];
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden focusable="false" className="kind-icon">
      <path d={o.body} style={{ fill: `var(--${kind}-fill)`, stroke: `var(--${kind}-stroke)`, strokeWidth: Math.min(2, s.strokeWidth) }} />
      {o.detail && <path d={o.detail} fill="none" style={{ stroke: `var(--${kind}-stroke)`, strokeWidth: 1 }} />}
    </svg>
  );
}
