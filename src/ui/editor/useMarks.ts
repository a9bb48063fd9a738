import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { nodeBadges } from '../../core/analysis/focus';
import type { ProcessMap } from '../../core/model/types';
import { useFindings } from '../../state/findingsStore';
import { NO_MARKS, type Marks } from './buildElements';

/** Badges from the live findings, and the picked finding's nodes lit and brought into view. */
export function useMarks(map: ProcessMap | undefined): Marks {
  const findings = useFindings((s) => s.findings);
  const highlight = useFindings((s) => s.highlight);
  const { fitView } = useReactFlow();
  const marks = useMemo(() => {
    if (!map) return NO_MARKS;
    return { badges: nodeBadges(findings, map), lit: new Set([...(highlight?.nodeIds ?? []), ...(highlight?.laneIds ?? [])]) };
  }, [findings, map, highlight]);
  useEffect(() => {
    if (!highlight?.nodeIds.length) return;
    // After the map has drawn (it may have just opened for this finding).
    const t = setTimeout(() => void fitView({ nodes: highlight.nodeIds.map((id) => ({ id })), padding: 0.6, maxZoom: 1.1, duration: 300 }), 50);
    return () => clearTimeout(t);
  }, [highlight, fitView]);
  return marks;
}
