import type { WorkspaceEntry } from '../../persistence/workspaceRegistry';
import { TRASH_MS } from '../../persistence/revisionPolicy';
import { deleteWorkspaceForever, restoreWorkspace } from '../../state/workspaceActions';
import { confirm } from '../common/confirm';
import { formatDay, formatWhen } from '../history/formatWhen';
import { said, type Say } from './workspaceFeedback';

/** Deleted workspaces, kept as long as deleted maps are: restore one, or delete it for good. */
export function WorkspaceTrash({ entries, say }: { entries: WorkspaceEntry[]; say: Say }) {
  return (
    <section aria-labelledby="ws-trash-title" className="ws-trash">
      <h3 id="ws-trash-title">Trash{entries.length > 0 ? ` (${entries.length})` : ''}</h3>
      {entries.length === 0 ? (
        <p className="hint">No deleted workspaces. A deleted workspace is kept here for 30 days, then removed for good.</p>
      ) : (
        <ul className="ws-list" aria-labelledby="ws-trash-title">
          {entries.map((e) => (
            <li key={e.id}>
              <div className="ws-what">
                <strong>{e.name}</strong>
                <span className="hint">deleted {formatWhen(e.deletedAt!)} · kept until {formatDay(e.deletedAt! + TRASH_MS)}</span>
              </div>
              <button type="button" aria-label={`Restore ${e.name}`} onClick={() => void restore(e, say)}>Restore</button>
              <button type="button" className="danger" aria-label={`Delete ${e.name} forever`} onClick={() => void purge(e, say)}>Delete forever</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function restore(e: WorkspaceEntry, say: Say): Promise<void> {
  if (said(await restoreWorkspace(e.id), say)) say.info(`Workspace “${e.name}” restored.`);
}

async function purge(e: WorkspaceEntry, say: Say): Promise<void> {
  const ok = await confirm({
    title: `Delete “${e.name}” forever?`,
    body: 'Its maps, catalogue and saved versions are removed from this browser. This cannot be undone; restore it and export it first if you may need it.',
    confirmLabel: 'Delete forever',
    danger: true,
  });
  if (ok && said(await deleteWorkspaceForever(e.id), say)) say.info(`Workspace “${e.name}” deleted forever.`);
}
