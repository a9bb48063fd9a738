import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { Id, ProcessMap } from '../../core/model/types';
import { getMap, onDocumentChange } from '../../state/documentStore';
import { usePresenting } from './presentMode';
import { revealBox } from './useRevealEditing';

/**
 * The last node an edit of this map added or renamed: the step being typed (a label kept, a step
 * list applied). Nodes are records inside the map record, so the map's before and after are compared.
 */
export function lastTypedNode(before: ProcessMap | undefined, after: ProcessMap): Id | null {
  const old = new Map(before?.nodes.map((n) => [n.id, n.label]) ?? []);
  const typed = after.nodes.filter((n) => old.get(n.id) !== n.label);
  return typed.at(-1)?.id ?? null;
}

/**
 * While presenting, the view follows the step being typed: after each edit that adds or renames
 * a step, the step is panned into view at the presenting zoom (text 16 px or more on screen), so
 * the room watches what is being written, not the map's left end.
 */
export function usePresentFollow(mapId: Id): void {
  const on = usePresenting((s) => s.on);
  const rf = useReactFlow();
  useEffect(() => {
    if (!on) return;
    let frame = 0;
    const off = onDocumentChange((changes) => {
      const change = changes.find((c) => c.table === 'maps' && c.id === mapId && c.after);
      if (!change) return;
      const nodeId = lastTypedNode(change.before as ProcessMap | undefined, change.after as ProcessMap);
      if (!nodeId) return;
      cancelAnimationFrame(frame);
      // A frame later, once React Flow has the node at its new size.
      frame = requestAnimationFrame(() => {
        const box = getMap(mapId)?.view.nodes[nodeId];
        if (box) revealBox(rf, box, 'centre', usePresenting.getState().zoom);
      });
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [on, mapId, rf]);
}
