import { useEffect, useRef, useState } from 'react';
import type { WorkspaceEntry } from '../../persistence/workspaceRegistry';
import { duplicateWorkspace } from '../../state/workspaceActions';
import { liveEntries, trashedEntries, useWorkspaces } from '../../state/workspaceStore';
import { confirm } from '../common/confirm';
import { formatWhen } from '../history/formatWhen';
import { NewWorkspaceDialog } from './NewWorkspaceDialog';
import { WorkspaceDetailsForm } from './WorkspaceDetailsForm';
import { STATUS_LABEL } from '../../core/model/vocabulary';
import { WorkspaceTrash } from './WorkspaceTrash';
import { said, switchTo, trashWithUndo, type Say } from './workspaceFeedback';
import { StorageNotOpen } from '../common/StorageNotOpen';
import './workspaces.css';

// "Workspaces", from the top bar: the open workspace's details, every workspace in this
// browser (open, duplicate, delete), a new one, and the trash of workspaces.

type Notice = { tone: 'info' | 'error'; message: string; action?: { label: string; run: () => void } };

export function WorkspacesDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [creating, setCreating] = useState(false);
  const { entries, currentId, busy, available } = useWorkspaces();
  // What the last action did (and its Undo), said here: the page's toasts are behind the modal dialog.
  const [notice, setNotice] = useState<Notice | null>(null);
  const say: Say = {
    info: (message, action) => setNotice({ tone: 'info', message, action }),
    error: (message) => setNotice({ tone: 'error', message }),
  };
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const live = liveEntries(entries);
  return (
    <dialog ref={ref} className="dialog workspaces-dialog" aria-labelledby="ws-title" onClose={onClose} aria-busy={busy || undefined}>
      <div className="ws-head">
        <h2 id="ws-title">Workspaces</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)} disabled={!available || busy}>New workspace</button>
      </div>
      <WorkspaceDetailsForm disabled={busy} />
      {!available ? (
        <StorageNotOpen refusedText="Other workspaces are not available: browser storage could not be opened, so only this one, in this tab, exists." />
      ) : (
        <section aria-labelledby="ws-list-title">
          <h3 id="ws-list-title">In this browser</h3>
          <ul className="ws-list" aria-labelledby="ws-list-title">
            {live.map((e) => (
              <WorkspaceRow key={e.id} entry={e} current={e.id === currentId} busy={busy} say={say} onOpened={() => ref.current?.close()} />
            ))}
          </ul>
          <WorkspaceTrash entries={trashedEntries(entries)} say={say} />
        </section>
      )}
      <div className={`ws-notice${notice?.tone === 'error' ? ' ws-notice-error' : ''}`} role="status">
        {notice && (
          <>
            <span>{notice.message}</span>
            {notice.action && (
              <button type="button" onClick={() => { setNotice(null); notice.action!.run(); }}>{notice.action.label}</button>
            )}
          </>
        )}
      </div>
      <form method="dialog" className="dialog-actions"><button>Close</button></form>
      {creating && (
        <NewWorkspaceDialog
          onClose={(created) => {
            setCreating(false);
            if (created) ref.current?.close();
          }}
        />
      )}
    </dialog>
  );
}

function WorkspaceRow({ entry, current, busy, say, onOpened }: { entry: WorkspaceEntry; current: boolean; busy: boolean; say: Say; onOpened: () => void }) {
  const about = [entry.organisation, entry.status ? STATUS_LABEL[entry.status] : null, `edited ${formatWhen(entry.updatedAt)}`].filter(Boolean).join(' · ');
  return (
    <li className={current ? 'current' : undefined} aria-current={current ? 'true' : undefined}>
      <div className="ws-what">
        <strong>{entry.name}</strong>
        <span className="hint">{current ? 'Open here · ' : ''}{about}</span>
      </div>
      {!current && (
        <button type="button" disabled={busy} aria-label={`Open ${entry.name}`} onClick={async () => { if (await switchTo(entry, say)) onOpened(); }}>
          Open
        </button>
      )}
      <button type="button" disabled={busy} aria-label={`Duplicate ${entry.name}`} onClick={() => void duplicate(entry, say)}>Duplicate</button>
      <button type="button" className="danger" disabled={busy} aria-label={`Delete ${entry.name}`} onClick={() => void remove(entry, current, say)}>Delete</button>
    </li>
  );
}

async function duplicate(entry: WorkspaceEntry, say: Say): Promise<void> {
  const result = await duplicateWorkspace(entry.id);
  if (said(result, say) && result.ok) say.info(`Duplicated as “${result.entry.name}”.`);
}

async function remove(entry: WorkspaceEntry, current: boolean, say: Say): Promise<void> {
  const ok = await confirm({
    title: `Delete workspace “${entry.name}”?`,
    body: `Its maps, catalogue and history go to the trash of workspaces, where they are kept for 30 days; restore it from there, or undo this in the message.${current ? ' The workspace you used before it opens instead.' : ''}`,
    confirmLabel: 'Delete workspace',
    danger: true,
  });
  if (ok) await trashWithUndo(entry, current, say);
}
