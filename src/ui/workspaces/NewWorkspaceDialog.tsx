import { useEffect, useRef, useState } from 'react';
import { createWorkspace } from '../../state/workspaceActions';
import { useUi } from '../../state/uiStore';
import { showOpened } from './workspaceFeedback';

/** "New workspace": a name, then Create makes it, empty, and opens it in this tab. */
export function NewWorkspaceDialog({ onClose }: { onClose: (created: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const result = await createWorkspace(name);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onClose(true);
    showOpened();
    useUi.getState().toast({ tone: 'info', message: `Workspace “${name.trim()}” made and opened` });
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-ws-title" onCancel={(e) => { e.preventDefault(); onClose(false); }}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h2 id="new-ws-title">New workspace</h2>
        <p className="hint">An empty workspace of its own: maps, catalogue and report, apart from the others.</p>
        <label className="field">
          <span>Name</span>
          <input
            type="text"
            value={name}
            onChange={(e) => { setName(e.target.value); setError(null); }}
            placeholder="e.g. Student journey, as-is"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-ws-error' : undefined}
            autoFocus
          />
        </label>
        {error && <p id="new-ws-error" className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => onClose(false)}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>Create</button>
        </div>
      </form>
    </dialog>
  );
}
