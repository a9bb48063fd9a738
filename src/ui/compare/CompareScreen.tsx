import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ProcessMap, Workspace } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { CompareCanvas } from './CompareCanvas';
import { buildCompareModel, isVersions, LETTERS } from './compareModel';
import type { CompareSlot } from './compareRoute';
import { type NodeRef, useCompareUi } from './compareStore';
import { exportComparison } from './exportComparison';
import { Legend } from './Legend';
import { linkViews, revealMatches } from './linkedViews';
import { MapPickers } from './MapPickers';
import { StepLists } from './StepLists';
import { SummaryTable } from './SummaryTable';
import { useCompareSlots } from './useCompareSlots';
import { VersionChanges } from './VersionChanges';
import './compare.css';

// #/compare/<a>/<b>[/<c>/<d>]: departments' maps side by side, or two versions of one map.

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

function problem(slot: CompareSlot, map: ProcessMap | undefined, letter: string, ws: Workspace): string | null {
  if (map) return null;
  if (slot.revision !== undefined) {
    const name = ws.maps.find((m) => m.id === slot.mapId)?.name ?? slot.mapId;
    return `Map ${letter}: the earlier version of “${name}” is not available in this tab. Open it again from the map’s history.`;
  }
  return `Map ${letter}: there is no map with the id “${slot.mapId}” in this workspace (it may have been deleted). Choose another map.`;
}

export function CompareScreen() {
  const ws = useDocument((s) => s.workspace);
  const { slots, maps } = useCompareSlots();
  // The editor's label editing must not carry over into the read-only canvases.
  useEffect(() => useUi.getState().setEditing(null), []);
  const key = slots.map((s) => `${s.mapId}@${s.revision ?? ''}`).join('/');
  useEffect(() => {
    useCompareUi.getState().hover(null);
    useCompareUi.getState().pickEntry(null);
  }, [key]);
  if (!ws) return null;
  const problems = slots.map((s, i) => problem(s, maps[i], LETTERS[i]!, ws)).filter((p): p is string => p !== null);
  const ready = slots.length >= 2 && problems.length === 0;
  const head = (
    <>
      <h1>Compare maps</h1>
      <MapPickers slots={slots} maps={maps} all={ws.maps} letters={LETTERS} />
    </>
  );
  return (
    <div className="compare">
      {ready ? (
        <CompareBody key={key} ws={ws} slots={slots} maps={maps as ProcessMap[]} head={head} />
      ) : (
        <>
          <div className="cmp-head">{head}</div>
          {problems.map((p) => <p key={p} className="cmp-problem" role="alert">{p}</p>)}
          {slots.length < 2 && <p className="hint">Choose two maps to put side by side (up to four), or tick them in the map list after pressing “Compare” there.</p>}
        </>
      )}
    </div>
  );
}

function CompareBody({ ws, slots, maps, head }: { ws: Workspace; slots: CompareSlot[]; maps: ProcessMap[]; head: ReactNode }) {
  const model = useMemo(() => buildCompareModel(ws, maps), [ws, maps]);
  const versions = isVersions(maps);
  const linked = useCompareUi((s) => s.linked);
  const exporting = useCompareUi((s) => s.exporting);
  const region = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [overview, setOverview] = useState(true);
  const reveal = (ref: NodeRef) => revealMatches(model, ref);
  const dept = (m: ProcessMap) => ws.departments.find((d) => d.id === m.departmentId)?.name ?? 'No department';
  const titles = maps.map((m) => m.name);
  const subtitles = maps.map((m, i) => (!versions ? dept(m) : slots[i]!.revision !== undefined ? `version of ${when(m.updatedAt)}` : `as it is now (${when(m.updatedAt)})`));
  const heading = versions ? `“${maps[0]!.name}”: two versions` : maps.map((m, i) => `${LETTERS[i]}: ${m.name}`).join(' · ');

  const runExport = async () => {
    setBusy(true);
    try {
      const base = versions ? `${maps[0]!.name} versions` : `comparison ${maps.map((m) => m.name).join(' vs ')}`;
      const file = await exportComparison(region.current!, base);
      useUi.getState().toast({ tone: 'info', message: `Downloaded ${file}` });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      useUi.getState().toast({ tone: 'error', message: `Could not make the image (${why}). Nothing was downloaded; try again, or make the browser window larger first.` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="cmp-head">
        {head}
        <label className="cmp-toggle" title="Pan or zoom one map and the others follow">
          <input type="checkbox" checked={linked} onChange={(e) => linkViews(e.target.checked)} /> Link views
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void runExport()} title="Download the summary and the maps as one PNG image">
          {busy ? 'Making the image…' : 'Export comparison'}
        </button>
      </div>
      <div ref={region} className={`cmp-region${exporting ? ' cmp-exporting' : ''}`}>
        {exporting && <h2 className="cmp-title">{heading}</h2>}
        {/* Folds away to give the maps the screen; always in the image. */}
        <details className="cmp-overview" open={overview || exporting} onToggle={(e) => { if (!exporting) setOverview(e.currentTarget.open); }}>
          <summary>Overview</summary>
          <div className="cmp-overview-body">
            <SummaryTable ws={ws} maps={maps} letters={LETTERS} titles={titles} versions={versions} />
            {versions && model.diff && <VersionChanges diff={model.diff} older={maps[0]!} newer={maps[1]!} reveal={reveal} />}
          </div>
        </details>
        <Legend model={model} />
        <div className={`cmp-grid cmp-n${maps.length}`}>
          {maps.map((m, i) => <CompareCanvas key={i} map={m} index={i} model={model} title={titles[i]!} subtitle={subtitles[i]!} />)}
        </div>
      </div>
      {!versions && <StepLists model={model} maps={maps} reveal={reveal} />}
    </>
  );
}
