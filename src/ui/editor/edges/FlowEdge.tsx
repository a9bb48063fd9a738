import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { polylineRoute } from '../../../core/drawing/stepRoute';
import { FLOW_STYLE } from '../../../core/model/shapes';
import { commitLabel } from '../../../state/nodeActions';
import { useUi } from '../../../state/uiStore';
import { InlineText } from '../../common/InlineText';
import type { FlowEdgeData } from '../buildElements';

/** A polyline through routed points, as path data, with a label spot for when no placed one is known (while dragging). */
function polyline(points: [number, number][]): { path: string; labelX: number; labelY: number } {
  const [labelX, labelY] = polylineRoute(points).label;
  return { path: points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(' '), labelX, labelY };
}

export const FlowEdge = memo(function FlowEdge(props: EdgeProps<Edge<FlowEdgeData>>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected } = props;
  const flow = data!.flow;
  const editing = useUi((s) => s.editing?.kind === 'flow' && s.editing.id === id);
  const style = FLOW_STYLE[flow.kind];
  const routed = data?.points && data.points.length >= 2 ? polyline(data.points) : null;
  const [path, ownX, ownY] = routed
    ? [routed.path, routed.labelX, routed.labelY]
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8, offset: 24 });
  const [labelX, labelY] = data?.labelAt ?? [ownX, ownY];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{ stroke: selected ? '#e07b00' : style.stroke, strokeWidth: selected ? style.width + 1 : style.width, strokeDasharray: style.dash }}
      />
      {flow.kind === 'message' && <circle cx={routed ? data!.points![0]![0] : sourceX} cy={routed ? data!.points![0]![1] : sourceY} r={4} fill="#fff" stroke={style.stroke} strokeWidth={1.5} />}
      {(flow.label || editing) && (
        <EdgeLabelRenderer>
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
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
