import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { shapeOutline, SHAPE_STYLE } from '../../../core/model/shapes';
import { commitLabel } from '../../../state/nodeActions';
import { useUi } from '../../../state/uiStore';
import { InlineText } from '../../common/InlineText';
import type { ShapeNodeData } from '../buildElements';

const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
];

/** Every node kind: its outline drawn as SVG (shared with the export), its label as text. */
export const ShapeNode = memo(function ShapeNode({ id, data, selected, width, height }: NodeProps<Node<ShapeNodeData>>) {
  const n = data.node;
  const editing = useUi((s) => s.editing?.kind === 'node' && s.editing.id === id);
  const w = width ?? 100;
  const h = height ?? 60;
  const outline = shapeOutline(n.kind, w, h);
  const style = SHAPE_STYLE[n.kind];
  const labelOutside = n.kind === 'start' || n.kind === 'end';
  const commit = (label: string) => commitLabel('node', id, label);
  const label = editing ? (
    <InlineText label="Label" initial={n.label} multiline onCommit={commit} onCancel={() => useUi.getState().setEditing(null)} />
  ) : (
    <span className="shape-text">{n.label}</span>
  );
  return (
    <div className={`shape shape-${n.kind}${selected ? ' selected' : ''}${data.lit ? ' lit' : ''}`} data-lane={n.laneId} title={n.notes || undefined}>
      <svg className="shape-svg" width={w} height={h} aria-hidden focusable="false">
        <path d={outline.body} fill={style.fill} stroke={selected ? '#e07b00' : style.stroke} strokeWidth={selected ? style.strokeWidth + 1 : style.strokeWidth} />
        {outline.detail && <path d={outline.detail} fill="none" stroke={style.stroke} strokeWidth={1} />}
      </svg>
      <div className={labelOutside ? 'shape-label outside' : 'shape-label'}>{label}</div>
      {n.manual && <span className="badge-manual" title="Done by hand">manual</span>}
      {n.notes && <span className="badge-notes" title={n.notes} aria-label="Has notes">✎</span>}
      {data.badge && (
        <span className={`badge-finding sev-${data.badge.severity}`} title={`${data.badge.count} ${data.badge.count === 1 ? 'finding' : 'findings'} (worst: ${data.badge.severity}); see the Findings panel`}>
          {data.badge.count}
        </span>
      )}
      {n.kind !== 'note' && SIDES.map((s) => <Handle key={s.id} id={s.id} type="source" position={s.position} className="handle" />)}
    </div>
  );
});
