import type { MapNode } from '../../core/model/types';
import { useCompareUi } from './compareStore';

const KIND: Partial<Record<MapNode['kind'], string>> = { start: 'start', end: 'end', decision: 'decision' };

/** A step named in a list: pointing at it or focusing it lights it, and its counterparts, in the canvases; pressing it brings them into view. */
export function StepButton({ map, node, onPick }: { map: number; node: MapNode; onPick?: (ref: { map: number; nodeId: string }) => void }) {
  const ui = useCompareUi.getState;
  const on = () => ui().hover({ map, nodeId: node.id });
  const off = () => {
    const h = ui().hovered;
    if (h?.map === map && h.nodeId === node.id) ui().hover(null);
  };
  return (
    <button type="button" className="cmp-step" onMouseEnter={on} onMouseLeave={off} onFocus={on} onBlur={off} onClick={() => onPick?.({ map, nodeId: node.id })}>
      {KIND[node.kind] && <span className="cmp-kind">{KIND[node.kind]}</span>}
      {node.label.trim() || <em>unlabelled</em>}
    </button>
  );
}
