import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { getMap } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { startView } from '../actions/readableFit';
import { usePresenting } from './presentMode';

/**
 * Entering presentation mode zooms to readable text: the selected node in the middle, else the
 * start of the flow (startView). Leaving it fits the map again. Waits a frame for the
 * panels to go, so the canvas has its new size.
 */
export function usePresentView(mapId: string): void {
  const on = usePresenting((s) => s.on);
  const { setViewport, setCenter, fitView } = useReactFlow();
  // Outside presenting, a map opens at its own opening view (Canvas): this hook acts when the mode
  // changes, or when a map opens during a presentation. The mode is noted as applied only once
  // its frame runs: React's strict mode mounts effects twice, cancelling the first one's frame.
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current === on) return;
    const zoom = on ? usePresenting.getState().zoom : null;
    const frame = requestAnimationFrame(() => {
      applied.current = on;
      const map = getMap(mapId);
      const el = document.querySelector('.canvas .react-flow');
      if (!map || !el) return;
      if (!zoom) return void fitView({ padding: 0.08 });
      const selected = map.view.nodes[useUi.getState().selection.nodeIds[0] ?? ''];
      if (selected) return void setCenter(selected.x + selected.width / 2, selected.y + selected.height / 2, { zoom });
      void setViewport(startView(map, el.getBoundingClientRect(), zoom));
    });
    return () => cancelAnimationFrame(frame);
    // Only when the mode changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on]);
}
