import { lazy, useState } from 'react';
import { useDocument } from '../../state/documentStore';
import { useCurrentEntry } from '../../state/workspaceStore';
import { LazyPart } from '../common/Lazy';

// The dialog (details, switch, new, duplicate, delete, trash) is loaded when first opened.
const WorkspacesDialog = lazy(() => import('./WorkspacesDialog').then((m) => ({ default: m.WorkspacesDialog })));

/** The open workspace's name in the top bar; it opens "Workspaces" (details, switch, new, duplicate, delete, trash). */
export function WorkspaceButton() {
  const [open, setOpen] = useState(false);
  const name = useDocument((s) => s.workspace?.meta.name);
  const trashed = useCurrentEntry()?.deletedAt !== undefined;
  if (!name) return null;
  return (
    <>
      <button type="button" className="workspace-button" aria-haspopup="dialog" onClick={() => setOpen(true)} title={`${name}: rename it, open another workspace, make a new one`}>
        <span className="visually-hidden">Workspace: </span>
        <span className="workspace-name">{name}</span>
        {trashed && <span className="ws-trashed"> (in the trash)</span>}
        <span aria-hidden="true" className="ws-caret">▾</span>
      </button>
      {open && (
        <LazyPart what="the workspaces" over>
          <WorkspacesDialog onClose={() => setOpen(false)} />
        </LazyPart>
      )}
    </>
  );
}
