import { NodeResizeControl, ResizeControlVariant, type Node, type NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useDocument } from '../../../state/documentStore';
import { deleteLane } from '../../../state/editorActions';
import { moveLane, renameLane } from '../../../state/laneActions';
import { useUi } from '../../../state/uiStore';
import { confirmLaneDelete } from '../../common/confirm';
import { InlineText } from '../../common/InlineText';
import type { LaneNodeData } from '../buildElements';
import { LaneResizeContext } from './laneResizeContext';

/**
 * A lane: a band across the map with its name in a header on the left. The band lets
 * clicks through to the pane (box selection); the header and the resize edge take them.
 */
export const LaneNode = memo(function LaneNode({ data, width, height }: NodeProps<Node<LaneNodeData>>) {
  const { laneId, mapId, name, index, ownDepartment } = data;
  const deptName = useDocument((s) => (ownDepartment ? s.workspace?.departments.find((d) => d.id === ownDepartment)?.name : undefined));
  const editing = useUi((s) => s.editing?.kind === 'lane' && s.editing.id === laneId);
  const selected = useUi((s) => s.selection.laneId === laneId);
  const onResize = useContext(LaneResizeContext);
  const select = () => useUi.getState().select({ laneId });
  const rename = () => useUi.getState().setEditing({ kind: 'lane', id: laneId });

  return (
    <div className={`lane${index % 2 ? ' lane-odd' : ''}${selected ? ' lane-selected' : ''}`} style={{ width, height }}>
      <div className="lane-header nodrag" onClick={select} onDoubleClick={rename}>
        {editing ? (
          <InlineText
            label="Lane name"
            initial={name}
            onCommit={(next) => {
              renameLane(mapId, laneId, next);
              useUi.getState().setEditing(null);
            }}
            onCancel={() => useUi.getState().setEditing(null)}
          />
        ) : (
          <button
            type="button"
            className="lane-name"
            aria-label={`Lane ${name}`}
            aria-pressed={selected}
            title="Click to select, double-click or F2 to rename"
            onKeyDown={(e) => {
              if (e.key === 'F2' || e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                select();
                rename();
              }
            }}
          >
            {name}
          </button>
        )}
        {deptName && <span className="lane-dept">{deptName}</span>}
        <span className="lane-tools">
          <button type="button" aria-label={`Move lane ${name} up`} title="Move lane up" disabled={index === 0} onClick={(e) => { e.stopPropagation(); moveLane(mapId, laneId, -1); }}>▲</button>
          <button type="button" aria-label={`Move lane ${name} down`} title="Move lane down" disabled={data.last} onClick={(e) => { e.stopPropagation(); moveLane(mapId, laneId, 1); }}>▼</button>
          <button type="button" aria-label={`Delete lane ${name}`} title="Delete lane" onClick={(e) => { e.stopPropagation(); void deleteLane(laneId, confirmLaneDelete); }}>✕</button>
        </span>
      </div>
      <NodeResizeControl
        className="lane-resize"
        variant={ResizeControlVariant.Line}
        position="bottom"
        minHeight={data.minHeight}
        minWidth={width}
        maxWidth={width}
        onResize={(_e, p) => onResize(laneId, p.height, false)}
        onResizeEnd={(_e, p) => onResize(laneId, p.height, true)}
      />
    </div>
  );
});
