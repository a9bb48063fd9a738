import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { flowPath, flowPathPieces } from '../../../core/drawing/flowPath';
import { FLOW_STYLE } from '../../../core/model/shapes';
import { commitLabel } from '../../../state/nodeActions';
import { useUi } from '../../../state/uiStore';
import { InlineText } from '../../common/InlineText';
import { followRoute, type FlowEdgeData } from '../buildElements';
import { useLivePlace } from '../liveDrag';
import { useLabelLayer } from './labelLayer';

/**
 * A flow on the canvas: the route core/drawing gives it (buildElements), drawn by the same
 * path function as the SVG picture, so the screen and the picture show one line. React Flow's
 * handle positions are not used for the line; the handles are there for connecting.
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<Edge<FlowEdgeData>>) {
  const { id, data, markerEnd, selected } = props;
  const { flow } = data!;
  // Its ends' live places while one is dragged: only the flows of a moving node re-render on a move.
  const liveFrom = useLivePlace(flow.from);
  const liveTo = useLivePlace(flow.to);
  const route = useMemo(() => followRoute(data!, liveFrom, liveTo), [data, liveFrom, liveTo]);
  const editing = useUi((s) => s.editing?.kind === 'flow' && s.editing.id === id);
  const labels = useLabelLayer();
  const style = FLOW_STYLE[flow.kind];
  const path = useMemo(() => flowPath(route.points, route.rounded), [route]);
  // A dashed flow is drawn run by run (flowPathPieces says why); its whole path stays, unpainted, for the arrowhead and the hit area.
  const dashes = useMemo(() => (style.dash ? flowPathPieces(route.points, route.rounded) : null), [route, style.dash]);
  const [startX, startY] = route.points[0]!;
  const [labelX, labelY] = route.label;
  const stroke = selected ? 'var(--select)' : `var(--flow-${flow.kind})`;
  const strokeWidth = `calc(${selected ? style.width + 1 : style.width}px + var(--stroke-boost))`;
  return (
    <>
      {dashes?.map((d, i) => <path key={i} className="flow-dash" d={d} style={{ stroke, strokeWidth, strokeDasharray: style.dash }} />)}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={dashes ? { stroke: 'transparent', strokeWidth } : { stroke, strokeWidth }}
      />
      {flow.kind === 'message' && <circle cx={startX} cy={startY} r={4} style={{ fill: 'var(--surface)', stroke: `var(--flow-${flow.kind})`, strokeWidth: 1.5 }} />}
      {(flow.label || editing) &&
        labels &&
        createPortal(
          <div className={`flow-label${selected ? ' selected' : ''}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {editing ? (
              <InlineText
                label="Flow label"
                initial={flow.label ?? ''}
                onCommit={(label) => commitLabel('flow', flow.id, label)}
                onCancel={() => useUi.getState().setEditing(null)}
              />
            ) : (
              flow.label
            )}
          </div>,
          labels,
        )}
    </>
  );
});
