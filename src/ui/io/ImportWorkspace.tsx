import { useEffect, useRef, useState } from 'react';
import * as C from '../../core/commands';
import type { BundleIssue } from '../../core/schema/bundle';
import { randomIds } from '../../core/model/ids';
import type { Workspace } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { goToMap } from '../shell/useHashRoute';
import { readWorkspaceFile } from './workspaceFile';

// "Import workspace": pick a bundle, see what is in it (or exactly what is wrong with it),
// then replace the workspace or add its maps. A bad file changes nothing.

type Stage = { kind: 'closed' } | { kind: 'errors'; file: string; errors: BundleIssue[] } | { kind: 'ready'; file: string; ws: Workspace; warnings: string[] };

export function ImportWorkspaceButton() {
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'closed' });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (stage.kind !== 'closed' && !d.open) d.showModal();
    if (stage.kind === 'closed' && d.open) d.close();
  }, [stage]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readWorkspaceFile(file);
    setStage(result.ok ? { kind: 'ready', file: file.name, ws: result.workspace, warnings: result.warnings } : { kind: 'errors', file: file.name, errors: result.errors });
    if (input.current) input.current.value = '';
  };

  const apply = (mode: 'replace' | 'merge') => {
    if (stage.kind !== 'ready') return;
    const { dispatch } = useDocument.getState();
    const ok =
      mode === 'replace'
        ? dispatch(C.replaceWorkspace, { workspace: stage.ws })
        : dispatch(C.mergeWorkspace, { incoming: stage.ws, mapIds: Object.fromEntries(stage.ws.maps.map((m) => [m.id, randomIds('m')])) });
    setStage({ kind: 'closed' });
    if (ok) {
      useUi.getState().toast({ tone: 'info', message: `Imported ${stage.ws.maps.length} maps from ${stage.file}`, action: { label: 'Undo', run: () => useDocument.getState().undo(null) } });
      if (mode === 'replace') goToMap(stage.ws.maps[0]?.id ?? null);
    }
  };

  const close = () => setStage({ kind: 'closed' });
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} title="Read a workspace file (.json) exported from Lanemap">
        Import workspace
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden aria-label="Workspace file to import" onChange={(e) => void onFile(e.target.files?.[0])} />
      <dialog ref={dialog} className="dialog" aria-labelledby="import-title" onCancel={(e) => { e.preventDefault(); close(); }}>
        {stage.kind === 'errors' && (
          <div role="alert">
            <h2 id="import-title">Cannot import {stage.file}</h2>
            <p>Nothing was changed. The file has {stage.errors.length === 1 ? 'this problem' : `${stage.errors.length} problems`}:</p>
            <ul className="issue-list">
              {stage.errors.slice(0, 20).map((e, i) => (
                <li key={i}><code>{e.path}</code>: {e.message}</li>
              ))}
            </ul>
            {stage.errors.length > 20 && <p>…and {stage.errors.length - 20} more.</p>}
            <div className="dialog-actions"><button type="button" className="primary" onClick={close} autoFocus>Close</button></div>
          </div>
        )}
        {stage.kind === 'ready' && (
          <div>
            <h2 id="import-title">Import {stage.file}</h2>
            <p>
              “{stage.ws.meta.name}”: {stage.ws.maps.length} maps, {stage.ws.departments.length} departments, {stage.ws.systems.length} systems and {stage.ws.dataStores.length} data stores.
            </p>
            {stage.warnings.length > 0 && <ul className="issue-list">{stage.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
            <p>Replace what is here with this file, or add its maps to this workspace? Either can be undone.</p>
            <div className="dialog-actions">
              <button type="button" onClick={close}>Cancel</button>
              <button type="button" onClick={() => apply('merge')}>Add maps</button>
              <button type="button" className="primary" onClick={() => apply('replace')} autoFocus>Replace workspace</button>
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
