import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { laneOwnDepartment } from '../../core/model/vocabulary';
import type { LaneNodeData } from '../editor/buildElements';
import { usePane } from './paneContext';

/** A lane band with its name, as the editor draws it but without the editing tools. */
export const CompareLane = memo(function CompareLane({ data, width, height }: NodeProps<Node<LaneNodeData>>) {
  const pane = usePane();
  const index = pane?.map.lanes.findIndex((l) => l.id === data.laneId) ?? -1;
  const lane = pane?.map.lanes[index];
  if (!pane || !lane) return null;
  const mark = pane.laneMarks.get(lane.id);
  const own = laneOwnDepartment(pane.map, lane);
  const dept = own ? pane.departments.find((d) => d.id === own) : undefined;
  return (
    <div className={`lane${index % 2 ? ' lane-odd' : ''}${mark ? ` cmp-lane-${mark}` : ''}`} style={{ width, height }}>
      <div className="lane-header cmp-lane-header">
        <span className="lane-name">{lane.name}</span>
        {dept && <span className="lane-dept">{dept.name}</span>}
        {mark && <span className={`cmp-tag cmp-tag-${mark}`}>{mark}</span>}
      </div>
    </div>
  );
});
