import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

// The editor's canvas view, for actions that zoom it. React Flow's instance lives inside the
// editor's provider; the editor hands its zoom here while it is on screen.

let fit: (() => void) | null = null;

/** Called by the editor, inside its React Flow provider. */
export function useCanvasZoom(): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const mine = () => void fitView({ padding: 0.08, duration: 250 });
    fit = mine;
    return () => {
      if (fit === mine) fit = null;
    };
  }, [fitView]);
}

export function zoomToFit(): void {
  fit?.();
}
