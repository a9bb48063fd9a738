import { ReactFlowProvider, useNodesInitialized } from '@xyflow/react';
import { lazy, useEffect, useRef } from 'react';
import { revealNode } from '../actions/canvasView';
import { takePending } from '../find/findOpen';
import { setPanel, usePanels } from '../shell/panels';
import { useMapReadOnly } from '../../state/lockStore';
import { useUi } from '../../state/uiStore';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { FindingsPanel } from '../findings/FindingsPanel';
import { useCanvasZoom } from '../actions/canvasView';
import { useHistoryPanel } from '../history/historyOpen';
import { LazyPart, useOpenedOnce } from '../common/Lazy';
import { ReadOnlyNotice } from '../history/ReadOnlyNotice';
import { Inspector } from '../inspector/Inspector';
import { Canvas } from './Canvas';
import { Palette } from './Palette';
import { ContextMenu } from './ContextMenu';
import { useStepListOpen } from '../steplist/stepListOpen';
import { useLayoutOnOpen } from './useLayoutOnOpen';
import { leavePresent, usePresenting } from './presentMode';
import { usePresentView } from './usePresentView';
import { usePresentFollow } from './usePresentFollow';

// Loaded when first opened: the step list (its parser and writer) and the history of versions.
const StepListPanel = lazy(() => import('../steplist/StepListPanel').then((m) => ({ default: m.StepListPanel })));
const HistoryPanel = lazy(() => import('../history/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));

/** The history dialog, loaded the first time it opens and kept from then on. */
function History() {
  const loaded = useOpenedOnce(useHistoryPanel((s) => s.mapId !== null));
  return loaded ? (
    <LazyPart what="the history" over>
      <HistoryPanel />
    </LazyPart>
  ) : null;
}

/** The inspector, drawn afresh for each selection: one that cannot be shown is left with Escape or "Show the map". */
function InspectorPanel({ mapId }: { mapId: string }) {
  const selection = useUi((s) => s.selection);
  const clear = () => useUi.getState().clearSelection();
  return (
    <ErrorBoundary what="the inspector" back={{ label: 'Show the map', run: clear }} resetKey={selection}>
      <Inspector mapId={mapId} />
    </ErrorBoundary>
  );
}

/** One open map: the toolbar, the canvas and the inspector, with its own React Flow state. */
export function Editor({ mapId }: { mapId: string }) {
  return (
    <ReactFlowProvider>
      <EditorBody mapId={mapId} />
    </ReactFlowProvider>
  );
}

function EditorBody({ mapId }: { mapId: string }) {
  useCanvasZoom();
  useLayoutOnOpen(mapId);
  usePresentView(mapId);
  usePresentFollow(mapId);
  useFoundNode(mapId);
  const presenting = usePresenting((s) => s.on);
  const sideHidden = usePanels((s) => s.sideHidden);
  // Another tab edits this map: its tools are off here (edits would be refused anyway).
  const readOnly = useMapReadOnly(mapId);
  const stepList = useStepListOpen((s) => s.open);
  return (
    <div className="editor">
      {readOnly && <ReadOnlyNotice mapId={mapId} />}
      <fieldset className="palette-lock" disabled={readOnly}>
        <Palette />
      </fieldset>
      <div className="editor-main">
        {stepList && (
          <LazyPart what="the step list">
            <StepListPanel mapId={mapId} readOnly={readOnly} />
          </LazyPart>
        )}
        <Canvas mapId={mapId} />
        {sideHidden ? (
          <div className="panel-strip">
            <button type="button" aria-expanded={false} onClick={() => setPanel('sideHidden', false)} title="Show the inspector and findings">
              <span aria-hidden>‹</span>
              <span className="visually-hidden">Show the inspector and findings</span>
            </button>
          </div>
        ) : (
          <div className="side">
            <button type="button" className="panel-fold" aria-expanded onClick={() => setPanel('sideHidden', true)} aria-label="Hide the inspector and findings" title="Hide the inspector and findings">
              ›
            </button>
            <InspectorPanel mapId={mapId} />
            <ErrorBoundary what="the findings">
              <FindingsPanel mapId={mapId} />
            </ErrorBoundary>
          </div>
        )}
      </div>
      {presenting && (
        <button type="button" className="present-leave" onClick={leavePresent}>
          Leave presentation (Esc)
        </button>
      )}
      <ContextMenu />
      <History />
    </div>
  );
}

/**
 * A node chosen in Find from another map: selected as the map opens, and brought into view
 * once React Flow has measured it (the opening view is set first, so it is not undone).
 */
function useFoundNode(mapId: string): void {
  const drawn = useNodesInitialized();
  const waiting = useRef<string | null>(null);
  useEffect(() => {
    const nodeId = takePending(mapId);
    if (!nodeId) return;
    useUi.getState().select({ nodeIds: [nodeId] });
    waiting.current = nodeId;
  }, [mapId]);
  useEffect(() => {
    const nodeId = waiting.current;
    if (!drawn || !nodeId) return;
    waiting.current = null;
    const frame = requestAnimationFrame(() => revealNode(nodeId));
    return () => cancelAnimationFrame(frame);
  }, [drawn]);
}
