import { memo, useMemo } from 'react';
import { findingFocus } from '../../core/analysis/focus';
import { costWords, rankByCost } from '../../core/analysis/costs';
import { FINDING_KIND_LABELS, FINDING_KINDS, type Finding } from '../../core/analysis/types';
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

/** One finding: its title, its cost where there is one, and when picked what it is and what to do. Unchanged findings keep their objects (stableFindings), so an edit redraws only those it changed. */
const FindingItem = memo(function FindingItem({ f, mapId, picked }: { f: Finding; mapId: Id; picked: boolean }) {
  const cost = costWords(f.cost);
  return (
    <li>
      <button type="button" className={`finding${picked ? ' picked' : ''}`} aria-pressed={picked} onClick={() => focusFinding(f, mapId)}>
        <span className={`sev sev-${f.severity}`}>{f.severity}</span>
        <span className="finding-title">
          {f.title}
          {f.cost?.hoursPerYear != null && <span className="finding-cost">{cost}</span>}
        </span>
      </button>
      {picked && (
        <div className="finding-detail">
          <p>{f.explanation}</p>
          {cost && <p className="finding-cost-detail"><strong>Yearly cost:</strong> {f.cost!.hoursPerYear !== null ? `${cost} (${f.cost!.basis})` : cost}</p>}
          <p className="suggestion"><strong>What to do:</strong> {f.suggestion}</p>
        </div>
      )}
    </li>
  );
});

/** The analysis beside the map: grouped by kind, or ranked by yearly cost; live as the map changes. */
export function FindingsPanel({ mapId }: { mapId: Id }) {
  const findings = useFindings((s) => s.findings);
  const tooLarge = useFindings((s) => s.tooLarge);
  const picked = useFindings((s) => s.highlight?.findingId);
  const scope = useFindings((s) => s.scope);
  const setScope = useFindings((s) => s.setScope);
  const order = useFindings((s) => s.order);
  const setOrder = useFindings((s) => s.setOrder);
  const shown = useMemo(() => (scope === 'map' ? findings.filter((f) => f.mapIds.includes(mapId)) : findings), [findings, scope, mapId]);
  const ranked = useMemo(() => (order === 'cost' ? rankByCost(shown) : []), [order, shown]);
  const groups = order === 'cost' ? [] : FINDING_KINDS.map((kind) => ({ kind, items: shown.filter((f) => f.kind === kind) })).filter((g) => g.items.length);
  return (
    <section className="findings" aria-label="Findings">
      <div className="findings-head">
        <h2>Findings <span className="count">{shown.length}</span></h2>
        <select aria-label="Which findings" value={scope} onChange={(e) => setScope(e.target.value as 'map' | 'all')}>
          <option value="map">This map</option>
          <option value="all">All maps</option>
        </select>
        <select aria-label="Order of findings" value={order} onChange={(e) => setOrder(e.target.value as 'kind' | 'cost')}>
          <option value="kind">By kind</option>
          <option value="cost">By yearly cost</option>
        </select>
      </div>
      {tooLarge && <p className="hint" role="status">Not analysed: {tooLarge}</p>}
      {shown.length === 0 && !tooLarge && <p className="hint">No findings{scope === 'map' ? ' on this map' : ''}: no silos, duplicates, re-keying or broken logic found.</p>}
      {order === 'cost' && shown.length > 0 && (
        <ol className="finding-ranking" aria-label="Findings by yearly cost">
          {ranked.map((f) => <FindingItem key={f.id} f={f} mapId={mapId} picked={picked === f.id} />)}
        </ol>
      )}
      {groups.map((g) => (
        <details key={g.kind} open className="finding-group">
          <summary>
            {FINDING_KIND_LABELS[g.kind]} <span className="count">{g.items.length}</span>
          </summary>
          <ul>
            {g.items.map((f) => <FindingItem key={f.id} f={f} mapId={mapId} picked={picked === f.id} />)}
          </ul>
        </details>
      ))}
    </section>
  );
}
