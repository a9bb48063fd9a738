import { useMemo } from 'react';
import { findingFocus } from '../../core/analysis/focus';
import { FINDING_KIND_LABELS, FINDING_KINDS, type Finding } from '../../core/analysis';
import type { Id } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useFindings } from '../../state/findingsStore';
import { useUi } from '../../state/uiStore';
import { goToMap } from '../shell/useHashRoute';

/** Open the finding's map (this one if it is among them), select and light up what it is about. */
export function focusFinding(f: Finding, openMapId: Id | null): void {
  const mapId = openMapId && f.mapIds.includes(openMapId) ? openMapId : f.mapIds[0];
  const ws = useDocument.getState().workspace;
  const map = ws?.maps.find((m) => m.id === mapId);
  // A finding about the catalogue alone (stores no map draws) has nothing to open: show its explanation.
  if (!ws || !map) return useFindings.getState().setHighlight({ findingId: f.id, nodeIds: [], laneIds: [] });
  const focus = findingFocus(f, map, ws);
  if (mapId !== openMapId) goToMap(map.id);
  // After a map change the route resets the selection; set ours once it has.
  queueMicrotask(() => {
    useUi.getState().select({ nodeIds: focus.nodeIds, laneId: focus.nodeIds.length === 0 ? (focus.laneIds[0] ?? null) : null });
    useFindings.getState().setHighlight({ findingId: f.id, ...focus });
  });
}

/** The analysis beside the map: grouped by kind, live as the map changes. */
export function FindingsPanel({ mapId }: { mapId: Id }) {
  const findings = useFindings((s) => s.findings);
  const tooLarge = useFindings((s) => s.tooLarge);
  const picked = useFindings((s) => s.highlight?.findingId);
  const scope = useFindings((s) => s.scope);
  const setScope = useFindings((s) => s.setScope);
  const shown = useMemo(() => (scope === 'map' ? findings.filter((f) => f.mapIds.includes(mapId)) : findings), [findings, scope, mapId]);
  const groups = FINDING_KINDS.map((kind) => ({ kind, items: shown.filter((f) => f.kind === kind) })).filter((g) => g.items.length);
  return (
    <section className="findings" aria-label="Findings">
      <div className="findings-head">
        <h2>Findings <span className="count">{shown.length}</span></h2>
        <select aria-label="Which findings" value={scope} onChange={(e) => setScope(e.target.value as 'map' | 'all')}>
          <option value="map">This map</option>
          <option value="all">All maps</option>
        </select>
      </div>
      {tooLarge && <p className="hint" role="status">Not analysed: {tooLarge}</p>}
      {groups.length === 0 && !tooLarge && <p className="hint">No findings{scope === 'map' ? ' on this map' : ''}: no silos, duplicates, re-keying or broken logic found.</p>}
      {groups.map((g) => (
        <details key={g.kind} open className="finding-group">
          <summary>
            {FINDING_KIND_LABELS[g.kind]} <span className="count">{g.items.length}</span>
          </summary>
          <ul>
            {g.items.map((f) => (
              <li key={f.id}>
                <button type="button" className={`finding${picked === f.id ? ' picked' : ''}`} aria-pressed={picked === f.id} onClick={() => focusFinding(f, mapId)}>
                  <span className={`sev sev-${f.severity}`}>{f.severity}</span>
                  <span className="finding-title">{f.title}</span>
                </button>
                {picked === f.id && (
                  <div className="finding-detail">
                    <p>{f.explanation}</p>
                    <p className="suggestion"><strong>What to do:</strong> {f.suggestion}</p>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
