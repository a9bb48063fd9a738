import type { Id } from '../../core/model/types';
import { useMap } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { useMapReadOnly } from '../../state/lockStore';
import { shortcutOf } from '../actions/table';
import { FlowInspector } from './FlowInspector';
import { LaneInspector } from './LaneInspector';
import { MapInspector } from './MapInspector';
import { NodeInspector } from './NodeInspector';

/** The side panel: edits whatever is selected, or the map itself when nothing is. */
export function Inspector({ mapId }: { mapId: Id }) {
  const map = useMap(mapId);
  const sel = useUi((s) => s.selection);
  // In a tab that only views the map, the fields show what is there and take no typing.
  const readOnly = useMapReadOnly(mapId);
  if (!map) return null;
  const node = sel.nodeIds.length === 1 && sel.flowIds.length === 0 ? map.nodes.find((n) => n.id === sel.nodeIds[0]) : undefined;
  const flow = sel.flowIds.length === 1 && sel.nodeIds.length === 0 ? map.flows.find((f) => f.id === sel.flowIds[0]) : undefined;
  const lane = sel.laneId ? map.lanes.find((l) => l.id === sel.laneId) : undefined;
  const many = sel.nodeIds.length + sel.flowIds.length > 1;
  return (
    <aside className="inspector" aria-label="Inspector">
      {node || flow || lane ? (
        <fieldset className="palette-lock" disabled={readOnly}>
          {node ? <NodeInspector key={node.id} map={map} node={node} /> : flow ? <FlowInspector key={flow.id} map={map} flow={flow} /> : <LaneInspector key={lane!.id} map={map} lane={lane!} />}
        </fieldset>
      ) : many ? (
        <section>
          <h2>{sel.nodeIds.length} nodes, {sel.flowIds.length} flows selected</h2>
          <p className="hint">
            Drag to move them together, arrow keys to nudge, {shortcutOf('to-lane-above')} or {shortcutOf('to-lane-below')} to change lane, {shortcutOf('duplicate')} to duplicate, {shortcutOf('delete')} to remove.
          </p>
        </section>
      ) : (
        <MapInspector key={map.id} map={map} readOnly={readOnly} />
      )}
    </aside>
  );
}
