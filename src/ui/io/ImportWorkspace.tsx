import { useCallback, useEffect, useRef, useState } from 'react';
import { FORMAT_LABELS, IMPORT_ACCEPT, type ImportFormat } from '../../core/importing/importFormats';
import { importInWorker, warmImportWorker, type RunningImport } from '../../workers/importClient';
import type { BundleIssue } from '../../core/schema/bundle';
import type { Workspace } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { openAsNewWorkspace } from '../../state/workspaceActions';
import { said, showOpened } from '../workspaces/workspaceFeedback';
import { goToMap } from '../shell/useHashRoute';
import { applyImport, planImport, type ImportPlan } from '../../state/importActions';
import { undoLatest } from '../../state/mapActions';
import { useFileDrop } from './useFileDrop';
import './import.css';
import { count } from '../../core/model/vocabulary';

// "Import": pick a file (or drop it on the window) in any format Lanemap reads, see what is in
// it and what the reader had to skip, then merge its maps into this workspace (reconciled with
// the catalogue here) or open it as a new workspace of its own. A workspace file suggests the
// new workspace, another drawing the merge. A file that cannot be read changes nothing and says
// why. The file is read in a worker, with progress and "Cancel": a huge or hostile file never
// freezes the page.

type ImportMode = 'merge' | 'new';

type Stage =
  | { kind: 'closed' }
  | { kind: 'reading'; file: string; step: string; opening?: boolean }
  | { kind: 'errors'; file: string; errors: BundleIssue[] }
  | { kind: 'ready'; file: string; format: ImportFormat; ws: Workspace; plan: ImportPlan; warnings: string[] };


export function ImportWorkspaceButton() {
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'closed' });
  const running = useRef<RunningImport | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (stage.kind !== 'closed' && !d.open) d.showModal();
    if (stage.kind === 'closed' && d.open) d.close();
  }, [stage]);

  const onFile = useCallback(async (file: File) => {
    running.current?.cancel();
    if (input.current) input.current.value = '';
    setStage({ kind: 'reading', file: file.name, step: 'Opening the file' });
    let job: RunningImport;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      job = importInWorker({ name: file.name, bytes }, new Date().toISOString(), (step) => {
        if (running.current === job) setStage({ kind: 'reading', file: file.name, step });
      });
    } catch (e) {
      setStage({ kind: 'errors', file: file.name, errors: [{ path: '(file)', message: `The file could not be opened: ${e instanceof Error ? e.message : String(e)}` }] });
      return;
    }
    running.current = job;
    const outcome = await job.outcome;
    if (running.current !== job) return;
    running.current = null;
    if (!outcome) return; // cancelled: the dialog is closed already
    const current = useDocument.getState().workspace;
    if (!outcome.ok || !current) setStage({ kind: 'errors', file: file.name, errors: outcome.ok ? [] : outcome.errors });
    else if (outcome.format !== 'bundle' && outcome.result.workspace.maps.length === 0) setStage({ kind: 'errors', file: file.name, errors: [{ path: '(file)', message: 'The file was read, but it holds no maps: no pools, lanes or shapes were found.' }] });
    else setStage({ kind: 'ready', file: file.name, format: outcome.format, ws: outcome.result.workspace, plan: planImport(current, outcome.result.workspace), warnings: outcome.result.warnings });
  }, []);
  const dragging = useFileDrop(onFile);
  useEffect(() => {
    if (dragging) warmImportWorker();
  }, [dragging]);

  const apply = async (mode: ImportMode) => {
    if (stage.kind !== 'ready') return;
    if (mode === 'new') {
      setStage({ kind: 'reading', file: stage.file, step: 'Opening it as a new workspace', opening: true });
      const opened = await openAsNewWorkspace(stage.ws);
      setStage({ kind: 'closed' });
      if (!said(opened)) return;
      showOpened();
      useUi.getState().toast({ tone: 'info', message: `Opened ${stage.file} as the workspace “${useDocument.getState().workspace?.meta.name}”` });
      return;
    }
    const ok = applyImport(stage.plan);
    setStage({ kind: 'closed' });
    if (!ok) return;
    const n = stage.ws.maps.length;
    useUi.getState().toast({ tone: 'info', message: `Imported ${count(n, 'map')} from ${stage.file}`, action: { label: 'Undo', run: () => undoLatest(null) } });
    goToMap(stage.plan.firstMapId);
  };

  const close = () => {
    // Closing while a file is read stops the reading: nothing was added.
    running.current?.cancel();
    running.current = null;
    setStage({ kind: 'closed' });
  };
  return (
    <>
      <button type="button" onClick={() => { warmImportWorker(); input.current?.click(); }} title="Read a Lanemap workspace file, or maps from BPMN (.bpmn), draw.io (.drawio) or Visio (.vsdx). You can also drop a file on the window.">
        Import
      </button>
      <input ref={input} type="file" accept={IMPORT_ACCEPT} hidden aria-label="File to import" onChange={(e) => { const f = e.target.files?.[0]; if (f) void onFile(f); }} />
      {dragging && <div className="drop-overlay" aria-hidden="true"><p>Drop the file to import it<br /><small>Lanemap workspace, BPMN, draw.io or Visio</small></p></div>}
      <dialog ref={dialog} className="dialog import-dialog" aria-labelledby="import-title" onCancel={(e) => { e.preventDefault(); close(); }}>
        {stage.kind === 'reading' && (
          <div>
            <h2 id="import-title">{stage.opening ? 'Opening' : 'Reading'} {stage.file}</h2>
            <p role="status" className="import-progress">{stage.step}…</p>
            {!stage.opening && <p className="hint">Nothing is added until you have seen what the file holds.</p>}
            {!stage.opening && <div className="dialog-actions"><button type="button" onClick={close} autoFocus>Cancel</button></div>}
          </div>
        )}
        {stage.kind === 'errors' && (
          <div role="alert">
            <h2 id="import-title">Cannot import {stage.file}</h2>
            <p>Nothing was changed. The file has {stage.errors.length === 1 ? 'this problem' : `${stage.errors.length} problems`}:</p>
            <ul className="issue-list">
              {stage.errors.slice(0, 20).map((e, i) => (
                <li key={i}>{e.path !== '(file)' && <><code>{e.path}</code>: </>}{e.message}</li>
              ))}
            </ul>
            {stage.errors.length > 20 && <p>…and {stage.errors.length - 20} more.</p>}
            <div className="dialog-actions"><button type="button" className="primary" onClick={close} autoFocus>Close</button></div>
          </div>
        )}
        {stage.kind === 'ready' && <Preview stage={stage} onCancel={close} onApply={(mode) => void apply(mode)} />}
      </dialog>
    </>
  );
}

function Preview({ stage, onCancel, onApply }: { stage: Extract<Stage, { kind: 'ready' }>; onCancel: () => void; onApply: (mode: ImportMode) => void }) {
  const { ws, plan, format } = stage;
  const bundle = format === 'bundle';
  const newDeps = plan.incoming.departments.map((d) => d.name);
  const newStores = [...plan.incoming.systems, ...plan.incoming.dataStores].map((r) => r.name);
  return (
    <div>
      <h2 id="import-title">Import {stage.file}</h2>
      <p>
        {FORMAT_LABELS[format]} file{bundle ? ` “${ws.meta.name}”` : ''}: {count(ws.maps.length, 'map')}.
      </p>
      <table className="import-preview">
        <caption className="visually-hidden">Maps in the file</caption>
        <thead><tr><th scope="col">Map</th><th scope="col">Lanes</th><th scope="col">Nodes</th><th scope="col">Flows</th></tr></thead>
        <tbody>
          {ws.maps.map((m) => (
            <tr key={m.id}><th scope="row">{m.name}</th><td>{m.lanes.length}</td><td>{m.nodes.length}</td><td>{m.flows.length}</td></tr>
          ))}
        </tbody>
      </table>
      {!bundle && (
        <p className="hint">
          {newDeps.length > 0 && <>New departments: {newDeps.join(', ')}. </>}
          {plan.reused.departments.length > 0 && <>Joins the departments already here: {plan.reused.departments.join(', ')}. </>}
          {newStores.length > 0 && <>Adds to the catalogue: {newStores.join(', ')}. </>}
          {plan.reused.dataStores.length + plan.reused.systems.length > 0 && <>Links to catalogue entries already here: {[...plan.reused.systems, ...plan.reused.dataStores].join(', ')}.</>}
        </p>
      )}
      {stage.warnings.length > 0 && (
        <>
          <h3 className="import-warnings-title">What the file had that Lanemap left out or guessed</h3>
          <ul className="issue-list">{stage.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </>
      )}
      <p>
        {bundle ? 'Open the file as a new workspace of its own, or merge its maps and catalogue into this one?' : 'Add the maps to this workspace, or open them as a new workspace of their own?'}{' '}
        Merging can be undone; a new workspace leaves this one as it is.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" className={bundle ? undefined : 'primary'} onClick={() => onApply('merge')} autoFocus={!bundle}>
          {bundle ? 'Merge into this one' : `Add ${count(ws.maps.length, 'map')}`}
        </button>
        <button type="button" className={bundle ? 'primary' : undefined} onClick={() => onApply('new')} autoFocus={bundle}>Open as a new workspace</button>
      </div>
    </div>
  );
}
