import { Handle, NodeResizer, Position, type Node, type NodeProps } from '@xyflow/react';
import { Fragment, memo, useContext, useMemo, type CSSProperties } from 'react';
import { placeLabel } from '../../../core/drawing/nodeLabels';
import { nodeMarks } from '../../../core/drawing/nodeMarks';
import { MIN_SIZE } from '../../../core/drawing/nodeSize';
import { shapeOutline, SHAPE_STYLE } from '../../../core/model/shapes';
import { commitLabel } from '../../../state/nodeActions';
import { useUi } from '../../../state/uiStore';
import { InlineText } from '../../common/InlineText';
import type { ShapeNodeData } from '../buildElements';
import { NodeResizeContext } from './nodeResizeContext';
import { count } from '../../../core/model/vocabulary';
import { PeerOutline } from '../../live/PeerOutline';

const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
];

/**
 * The outline's colours from the theme (styles/themes.css names them after core/model/shapes,
 * whose colours the light theme and every export keep).
 */
function themed(kind: string, width: number, selected: boolean): CSSProperties {
  // Custom properties, not fill/stroke inline: an inline colour would beat the rules that mark a
  // node for a reason (lit by a finding, shared or added on the compare screen).
  return {
    '--shape-fill': `var(--${kind}-fill)`,
    '--shape-stroke': selected ? 'var(--select)' : `var(--${kind}-stroke)`,
    '--shape-width': `calc(${width}px + var(--stroke-boost))`,
  } as CSSProperties;
}

type ShapeProps = NodeProps<Node<ShapeNodeData>>;

/**
 * What a shape is drawn from. React Flow also hands it its place on the map, which changes on
 * every mouse move of a drag; React Flow's own wrapper moves it, so the shape is not drawn again.
 */
const sameShape = (a: ShapeProps, b: ShapeProps): boolean => a.id === b.id && a.data === b.data && a.selected === b.selected && a.width === b.width && a.height === b.height;

/** Every node kind: its outline drawn as SVG (shared with the export), its label as text. */
export const ShapeNode = memo(function ShapeNode({ id, data, selected, width, height }: ShapeProps) {
  const n = data.node;
  const editing = useUi((s) => s.editing?.kind === 'node' && s.editing.id === id);
  const w = width ?? 100;
  const h = height ?? 60;
  const outline = shapeOutline(n.kind, w, h);
  const style = SHAPE_STYLE[n.kind];
  const commit = (label: string) => commitLabel('node', id, label);
  const onResize = useContext(NodeResizeContext);
  // The lines core/drawing wraps, drawn where it puts them: the export breaks them the same way.
  const placed = useMemo(() => placeLabel(n.kind, n.label, w, h), [n.kind, n.label, w, h]);
  // A step too narrow for its manual tag and its badge side by side has the badge a row up (core/drawing/nodeMarks).
  const badgeCount = data.badge?.count;
  const badgeUp = useMemo(() => (n.manual && badgeCount ? nodeMarks(w, h, { manual: true, findings: badgeCount }) : undefined), [n.manual, badgeCount, w, h]);
  const label = editing ? (
    <div className="shape-label">
      <InlineText label="Label" initial={n.label} multiline onCommit={commit} onCancel={() => useUi.getState().setEditing(null)} />
    </div>
  ) : (
    placed && (
      <div
        className={`shape-text${placed.below ? ' below' : ''}`}
        style={{ left: placed.box.x, top: placed.lineTop, width: placed.box.width, fontSize: placed.size, textAlign: placed.anchor === 'middle' ? 'center' : 'left', paddingLeft: placed.anchor === 'middle' ? 0 : placed.x - placed.box.x }}
      >
        {placed.lines.map((line, i) => (
          <Fragment key={i}>
            {i > 0 && ' '}
            <span className="shape-line">{line}</span>
          </Fragment>
        ))}
      </div>
    )
  );
  return (
    <div className={`shape shape-${n.kind}${selected ? ' selected' : ''}${data.lit ? ' lit' : ''}`} data-lane={n.laneId} title={n.notes || undefined}>
      <svg className="shape-svg" width={w} height={h} aria-hidden focusable="false">
        <path className="shape-body" d={outline.body} style={themed(n.kind, selected ? style.strokeWidth + 1 : style.strokeWidth, selected)} />
        {outline.detail && <path d={outline.detail} fill="none" style={{ stroke: `var(--${n.kind}-stroke)`, strokeWidth: 1 }} />}
      </svg>
      {label}
      <PeerOutline id={id} />
      {n.manual && <span className="badge-manual" title="Done by hand">manual</span>}
      {n.notes && <span className="badge-notes" title={n.notes} aria-label="Has notes">✎</span>}
      {data.comments && (
        <span className={`badge-comments${n.commentsResolved ? ' resolved' : ''}`} title={`${count(data.comments, 'comment')}, ${n.commentsResolved ? 'resolved' : 'open'}: select the step to read them`}>
          <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden focusable="false">
            <path d="M2 3h12v8H7l-3 3v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          </svg>
          {data.comments}
        </span>
      )}
      {data.badge && (
        <span className={`badge-finding sev-${data.badge.severity}`} style={badgeUp?.stacked ? { top: badgeUp.finding!.y } : undefined} title={`${count(data.badge.count, 'finding')} (worst: ${data.badge.severity}); see the Findings panel`}>
          {data.badge.count}
        </span>
      )}
      {selected && onResize && n.kind !== 'start' && n.kind !== 'end' && (
        <NodeResizer
          minWidth={MIN_SIZE.width}
          minHeight={MIN_SIZE.height}
          color="var(--select)"
          onResize={(_e, p) => onResize(id, p, false)}
          onResizeEnd={(_e, p) => onResize(id, p, true)}
        />
      )}
      {n.kind !== 'note' && SIDES.map((s) => <Handle key={s.id} id={s.id} type="source" position={s.position} className="handle" />)}
    </div>
  );
}, sameShape);
