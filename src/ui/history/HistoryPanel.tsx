import { useEffect, useState } from 'react';
import type { Department, Id, ProcessMap } from '../../core/model/types';
import { describeChange, describeCounts } from '../../core/schema/revisionRecords';
import { revisionMap, watchRevisions, type RevisionRow } from '../../persistence/historyQueries';
import { useActiveDb } from './useActiveDb';
import { getMap, useDocument, useMap } from '../../state/documentStore';
import { restoreMapVersion, undoLatest } from '../../state/mapActions';
import { keepVersionNow } from '../../state/workspaceSession';
import { openVersionCompare } from '../compare/compareRoute';
import { useUi } from '../../state/uiStore';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { useModalDialog } from '../common/useModalDialog';
import { formatWhen } from './formatWhen';
import { closeHistory, useHistoryPanel } from './historyOpen';
import { MapPreview } from './MapPreview';
import { StorageNotOpen } from '../common/StorageNotOpen';
import './history.css';

// The saved versions of the open map: pick one to see it, restore it as an undoable edit.
// Opening it first keeps the map as it is now as a version, so the newest is always listed.

const NO_DEPARTMENTS: Department[] = [];

/** The compare screen, this version beside the map as it is now: what changed since, in colour. */
function compareWithCurrent(mapId: Id, older: ProcessMap, revisionId: string): void {
  const current = getMap(mapId);
  if (!current) return;
  closeHistory();
  openVersionCompare(older, current, { older: revisionId });
}

export function HistoryPanel() {
  const mapId = useHistoryPanel((s) => s.mapId);
  const ref = useModalDialog(mapId !== null);
  return (
    <dialog ref={ref} className="dialog history-dialog" aria-labelledby="history-title" onClose={closeHistory}>
      {mapId && (
        <ErrorBoundary what="the history" back={{ label: 'Close', run: closeHistory }} resetKey={mapId}>
          <HistoryBody mapId={mapId} />
        </ErrorBoundary>
      )}
    </dialog>
  );
}

function HistoryBody({ mapId }: { mapId: Id }) {
  const map = useMap(mapId);
  const departments = useDocument((s) => s.workspace?.departments ?? NO_DEPARTMENTS);
  const db = useActiveDb();
  const [rows, setRows] = useState<RevisionRow[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ id: string; map: ProcessMap | null } | null>(null);
  const [keptFor, setKeptFor] = useState<Id | null>(null);
  const kept = keptFor === mapId;

  useEffect(() => {
    let live = true;
    // A failure here leaves the versions kept so far: they are listed all the same.
    void keepVersionNow(mapId)
      .catch((e: unknown) => console.warn('Lanemap: keeping a version of the map failed', e))
      .finally(() => live && setKeptFor(mapId));
    return () => {
      live = false;
    };
  }, [mapId]);
  useEffect(() => (db && kept ? watchRevisions(db, mapId, setRows, (e) => setFailed(String(e))) : undefined), [db, mapId, kept]);
  const chosen = rows?.find((r) => r.id === picked) ?? rows?.[0];
  const chosenId = chosen?.id;
  useEffect(() => {
    if (!db || !chosenId) return;
    let live = true;
    void revisionMap(db, chosenId).then((m) => live && setPreview({ id: chosenId, map: m ?? null }));
    return () => {
      live = false;
    };
  }, [db, chosenId]);

  const title = `History of “${map?.name ?? 'this map'}”`;
  const shown = preview && chosen && preview.id === chosen.id ? preview.map : undefined;
  let body;
  if (!db) body = <StorageNotOpen refusedText="History is not available: browser storage could not be opened, so no versions are kept." />;
  else if (failed) body = <p role="alert">The history could not be read ({failed}). Reload the page to try again.</p>;
  else if (!rows || !kept) body = <p role="status">Reading the history…</p>;
  else if (rows.length === 0) body = <p>No saved versions yet: versions of this map are kept here as you edit it.</p>;
  else {
    body = (
      <div className="history-body">
        <ol className="revision-list" aria-label="Saved versions, newest first">
          {rows.map((r, i) => (
            <li key={r.id}>
              <button type="button" aria-pressed={r.id === chosen?.id} onClick={() => setPicked(r.id)}>
                <span className="rev-time">{formatWhen(r.at)}{i === 0 ? ' · latest save' : ''}</span>
                <span className="rev-change">{describeChange(rows[i + 1]?.summary, r.summary)}</span>
                <span className="rev-counts">{describeCounts(r.summary)}</span>
              </button>
            </li>
          ))}
        </ol>
        <div className="revision-view">
          {shown === undefined ? (
            <p role="status">Drawing the version…</p>
          ) : shown === null ? (
            <p role="alert">This version is no longer kept (it was pruned). Pick another one.</p>
          ) : (
            <>
              <MapPreview map={shown} departments={departments} label={`The map as saved ${formatWhen(chosen!.at)}`} />
              <div className="dialog-actions">
                <button type="button" onClick={() => compareWithCurrent(mapId, shown, chosen!.id)}>Compare with now</button>
                <button type="button" className="primary" onClick={() => restore(mapId, shown, chosen!.at)}>Restore this version</button>
              </div>
            </>
          )}
        </div>
      </div>
    );
  }
  return (
    <>
      <h2 id="history-title">{title}</h2>
      <p className="hint">A version is kept every 30 seconds or so while you edit, and when you open History: the last 50, and one per hour for a week. Restoring a version is an edit: undo (Ctrl+Z) takes it back.</p>
      {body}
      <form method="dialog" className="dialog-actions"><button>Close</button></form>
    </>
  );
}

function restore(mapId: Id, revision: ProcessMap, at: number): void {
  const ui = useUi.getState();
  const outcome = restoreMapVersion(mapId, revision);
  if (outcome === 'restored') {
    closeHistory();
    ui.toast({ tone: 'info', message: `Restored the version saved ${formatWhen(at)}`, action: { label: 'Undo', run: () => undoLatest(mapId) } });
  } else if (outcome === 'same') {
    // A refusal has said why already; otherwise the version is what the map is now.
    ui.toast({ tone: 'info', message: 'Nothing to restore: this version is the same as the map now.' });
  }
}
