import { useEffect, useMemo, useRef, useState } from 'react';
import type { Id, ProcessMap } from '../../core/model/types';
import { useLayoutState } from '../../state/layoutStore';

const DURATION_MS = 350;
const ease = (t: number) => 1 - (1 - t) ** 3;

/**
 * While a layout is being applied, the positions of nodes between where they were and
 * where the layout put them, frame by frame; empty otherwise. The document already holds
 * the new positions: this is only what the eye sees on the way.
 */
export function useLayoutAnimation(map: ProcessMap | undefined): Map<Id, { x: number; y: number }> | null {
  const animation = useLayoutState((s) => s.animation);
  const [frame, setFrame] = useState<Map<Id, { x: number; y: number }> | null>(null);
  const finished = useRef<number | null>(null);
  const reduced = typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const pending = !!animation && !!map && animation.mapId === map.id && !reduced && finished.current !== animation.token;
  // Until the first frame is drawn, the nodes stay where they were (not one flash of the end first).
  const origin = useMemo(() => (animation ? new Map(Object.entries(animation.from)) : null), [animation]);
  useEffect(() => {
    if (!animation || !map || animation.mapId !== map.id || reduced) return;
    const start = performance.now();
    let raf = 0;
    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / DURATION_MS);
      if (t >= 1) {
        finished.current = animation.token;
        setFrame(null);
        useLayoutState.getState().set({ animation: null });
        return;
      }
      const k = ease(t);
      const next = new Map<Id, { x: number; y: number }>();
      for (const [id, from] of Object.entries(animation.from)) {
        const to = map.view.nodes[id];
        if (to) next.set(id, { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k });
      }
      setFrame(next);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
    // The map changes with the layout itself; the animation token starts a run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [animation?.token]);
  return frame ?? (pending ? origin : null);
}
