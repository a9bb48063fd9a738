import type { WorkspaceEntry } from '../../persistence/workspaceRegistry';
import { restoreWorkspace, trashWorkspace } from '../../state/workspaceActions';
import { useDocument } from '../../state/documentStore';
import { openWorkspace } from '../../state/workspaceSession';
import { useUi } from '../../state/uiStore';
import { isCompareHash } from '../compare/compareRoute';
import { goToMap } from '../shell/useHashRoute';

// What the workspace controls say when they are used: what happened (with "Undo" after a
// delete), or why it did not; and the screen that fits the workspace now open (its first map,
// unless the catalogue or landscape was showing). Inside the Workspaces dialog the messages
// are said in the dialog, since a modal dialog keeps the page's toasts out of reach.

export interface Say {
  info: (message: string, action?: { label: string; run: () => void }) => void;
  error: (message: string) => void;
}

/** Messages as toasts, for controls outside a dialog. */
export const toasts: Say = {
  info: (message, action) => useUi.getState().toast({ tone: 'info', message, action }),
  error: (message) => useUi.getState().toast({ tone: 'error', message }),
};

/** Says a refusal; true when it went through. */
export function said(result: { ok: boolean; message?: string }, say: Say = toasts): boolean {
  if (!result.ok && result.message) say.error(result.message);
  return result.ok;
}

/** After another workspace was opened: show its first map where a map (or a comparison of the old one's) was showing. */
export function showOpened(): void {
  const hash = window.location.hash;
  if (hash === '' || hash === '#/' || hash.startsWith('#/map/') || isCompareHash(hash)) goToMap(useDocument.getState().workspace?.maps[0]?.id ?? null);
}

/** Open a workspace in this tab and say so. */
export async function switchTo(entry: Pick<WorkspaceEntry, 'id' | 'name'>, say: Say = toasts): Promise<boolean> {
  if (!said(await openWorkspace(entry.id), say)) return false;
  showOpened();
  toasts.info(`Opened “${entry.name}”`);
  return true;
}

/** Delete to the trash, with "Undo" (which also reopens it if it was open here). */
export async function trashWithUndo(entry: WorkspaceEntry, wasOpen: boolean, say: Say = toasts): Promise<boolean> {
  if (!said(await trashWorkspace(entry.id), say)) return false;
  if (wasOpen) showOpened();
  say.info(`Workspace “${entry.name}” moved to the trash.`, {
    label: 'Undo',
    run: () =>
      void restoreWorkspace(entry.id, wasOpen).then((r) => {
        if (said(r, say) && wasOpen) showOpened();
        if (r.ok) say.info(`Workspace “${entry.name}” is back.`);
      }),
  });
  return true;
}
