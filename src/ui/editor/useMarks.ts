import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { nodeBadges } from '../../core/analysis/focus';
import type { ProcessMap } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useFindings } from '../../state/findingsStore';
import { NO_MARKS, type Marks } from './buildElements';

/** Badges from the live findings, and the picked finding's nodes lit and brought into view. */
export function useMarks(map: ProcessMap | undefined): Marks {
  const findings = useFindings((s) => s.findings);
  const stores = useDocument((s) => s.workspace?.dataStores);
  const highlight = useFindings((s) => s.highlight);
  const { fitView } = useReactFlow();
  const marks = useMemo(() => {
    if (!map) return NO_MARKS;
    return { badges: nodeBadges(findings, map, { dataStores: stores ?? [] }), lit: new Set([...(highlight?.nodeIds ?? []), ...(highlight?.laneIds ?? [])]) };
  }, [findings, map, highlight, stores]);
  useEffect(() => {
    if (!highlight?.nodeIds.length) return;
    // After the map has drawn (it may have just opened for this finding).
    const t = setTimeout(() => void fitView({ nodes: highlight.nodeIds.map((id) => ({ id })), padding: 0.6, maxZoom: 1.1, duration: 300 }), 50);
    return () => clearTimeout(t);
  }, [highlight, fitView]);
  return marks;
}
