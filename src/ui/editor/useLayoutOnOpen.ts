import { useEffect } from 'react';
import type { Id } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { autoLayout } from '../../state/layoutActions';

/** A map imported or created without positions is laid out when it is opened. */
export function useLayoutOnOpen(mapId: Id): void {
  const needsLayout = useDocument((s) => {
    const map = s.workspace?.maps.find((m) => m.id === mapId);
    return !!map && map.nodes.some((n) => !map.view.nodes[n.id]);
  });
  useEffect(() => {
    if (needsLayout) void autoLayout(mapId, { record: false });
  }, [mapId, needsLayout]);
}
