import { randomIds } from '../../core/model/ids';
import type { ProcessMap } from '../../core/model/types';
import { renameMap, setMapDepartment, setMapVolume } from '../../state/mapActions';
import { shortcutOf } from '../actions/table';
import { openHistory } from '../history/historyOpen';
import { DepartmentPicker } from '../maps/DepartmentPicker';
import { MeasureField, TextField } from './fields';
import { MapReviewField } from './MapReviewField';
import { MapComments } from './MapComments';
import { count, isCatalogueKind } from '../../core/model/vocabulary';

export function MapInspector({ map, readOnly = false }: { map: ProcessMap; readOnly?: boolean }) {
  const counts = {
    steps: map.nodes.filter((n) => n.kind === 'step').length,
    decisions: map.nodes.filter((n) => n.kind === 'decision').length,
    stores: map.nodes.filter((n) => isCatalogueKind(n.kind)).length,
  };
  return (
    <section>
      <h2>Map</h2>
      {/* History stays open to a viewing tab: looking at old versions changes nothing. */}
      <fieldset className="palette-lock" disabled={readOnly}>
        <TextField label="Map name" value={map.name} onCommit={(name) => renameMap(map.id, name)} />
        <DepartmentPicker
          label="Department"
          value={map.departmentId}
          newId={() => randomIds('d')}
          onChange={(departmentId, newDepartmentName) => setMapDepartment(map.id, departmentId, newDepartmentName)}
        />
        <MeasureField label="Cases a year (for steps without their own)" value={map.casesPerYear} onCommit={(n) => setMapVolume(map.id, n)} />
        <MapReviewField map={map} />
      </fieldset>
      <p className="hint">
        {count(map.lanes.length, 'lane')}, {count(counts.steps, 'step')}, {count(counts.decisions, 'decision')}, {count(counts.stores, 'system or store', 'systems and stores')},{' '}
        {count(map.flows.length, 'flow')}.
      </p>
      <p className="hint">Select a lane, node or flow to edit it. Press {shortcutOf('add-step')} to add a step after the selected one; {shortcutOf('shortcuts')} lists every shortcut.</p>
      <MapComments map={map} />
      <div className="map-versions">
        <button type="button" onClick={() => openHistory(map.id)} title={`Saved versions of this map: view one, restore it (${shortcutOf('history')})`}>
          History…
        </button>
      </div>
    </section>
  );
}
