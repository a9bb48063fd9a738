import { laneHeight } from '../../core/model/geometry';
import { randomIds } from '../../core/model/ids';
import type { Lane, ProcessMap } from '../../core/model/types';
import { deleteLane } from '../../state/editorActions';
import { moveLane, renameLane, resizeLane, setLaneDepartment } from '../../state/laneActions';
import { confirmLaneDelete } from '../common/confirm';
import { DepartmentPicker } from '../maps/DepartmentPicker';
import { TextField } from './fields';
import { count } from '../../core/model/vocabulary';

export function LaneInspector({ map, lane }: { map: ProcessMap; lane: Lane }) {
  const index = map.lanes.indexOf(lane);
  const total = map.nodes.filter((n) => n.laneId === lane.id).length;
  return (
    <section>
      <h2>Lane</h2>
      <TextField label="Lane name" value={lane.name} onCommit={(name) => renameLane(map.id, lane.id, name)} />
      <DepartmentPicker
        label="Department (for hand-offs; empty means the map's)"
        value={lane.departmentId ?? null}
        newId={() => randomIds('d')}
        onChange={(departmentId, newDepartmentName) => setLaneDepartment(map.id, lane.id, departmentId, newDepartmentName)}
      />
      <label className="field">
        <span>Height (px)</span>
        <input
          type="number"
          min={80}
          step={10}
          defaultValue={laneHeight(map.view, lane.id)}
          key={laneHeight(map.view, lane.id)}
          onBlur={(e) => resizeLane(map.id, lane.id, Number(e.target.value))}
          onKeyDown={(e) => { if (e.key === 'Enter') resizeLane(map.id, lane.id, Number((e.target as HTMLInputElement).value)); }}
        />
      </label>
      <div className="button-row">
        <button type="button" disabled={index === 0} onClick={() => moveLane(map.id, lane.id, -1)}>Move up</button>
        <button type="button" disabled={index === map.lanes.length - 1} onClick={() => moveLane(map.id, lane.id, 1)}>Move down</button>
        <button type="button" className="danger" onClick={() => void deleteLane(lane.id, confirmLaneDelete)}>Delete lane</button>
      </div>
      <p className="hint">{count(total, 'node')} in this lane. Double-click the lane name on the map to rename it; drag its bottom edge to resize.</p>
    </section>
  );
}
