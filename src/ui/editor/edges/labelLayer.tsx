import { useStore, type ReactFlowState } from '@xyflow/react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

// The layer React Flow keeps for edge labels, where each labelled flow portals its label.
// React Flow's own EdgeLabelRenderer looks the layer up in the DOM on every change of its state,
// once per labelled flow: with the whole 1,000-step bench map in view, that was 2 s of each
// 40-move drag's 4.6 s of script. It is looked up once here, and handed down by context rather
// than read from React Flow's store in every flow: a store subscription per flow is one more
// selector run per flow on every change of the store, which is every mouse move of a drag.

const LabelLayer = createContext<HTMLElement | null>(null);
const flowDom = (s: ReactFlowState) => s.domNode;

/** Inside React Flow's provider, around the canvas: its flows find their label layer here. */
export function LabelLayerProvider({ children }: { children: ReactNode }) {
  const dom = useStore(flowDom);
  const layer = useMemo(() => dom?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null, [dom]);
  return <LabelLayer.Provider value={layer}>{children}</LabelLayer.Provider>;
}

export const useLabelLayer = (): HTMLElement | null => useContext(LabelLayer);
