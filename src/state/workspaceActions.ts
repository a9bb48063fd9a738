import { setRecommendation as setRecommendationCommand, updateWorkspaceDetails, type WorkspaceDetails } from '../core/commands/workspace';
import { emptyWorkspace } from '../core/model/factory';
import { randomIds } from '../core/model/ids';
import type { Workspace } from '../core/model/types';
import { copyWorkspace, freeName } from '../core/model/workspaceCopy';
import * as registry from '../persistence/workspaceRegistry';
import { useDocument } from './documentStore';
import { currentSession, flushCurrent, openWorkspace, workspaceRegistry, type OpenResult } from './workspaceSession';
import { liveEntries, useWorkspaces } from './workspaceStore';

// What can be done to whole workspaces: make, copy, open a file as one, delete to the trash,
// restore, delete for good. None of these is an edit of a document (nothing to undo with
// Ctrl+Z); deleting goes to the trash, and the message offers to undo it. Renaming and the
// other details are edits of the open document: an undoable command.

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; message: string };

const NO_STORAGE = { ok: false, message: 'Browser storage is unavailable, so this tab has only the workspace it shows.' } as const;

const liveNames = () => liveEntries(useWorkspaces.getState().entries).map((e) => e.name);
const failed = (what: string, e: unknown) => ({ ok: false as const, message: `${what}: ${e instanceof Error ? e.message : String(e)}` });

/** Rename the open workspace or change its organisation, authors or status (undoable). A refusal is said as a message. */
export function editWorkspaceDetails(patch: WorkspaceDetails): boolean {
  return useDocument.getState().dispatch(updateWorkspaceDetails, { patch });
}

/** The report's recommendation for a kind of finding in the user's words (undoable); an empty text brings back the report's own. */
export function setRecommendation(kind: string, text: string): boolean {
  return useDocument.getState().dispatch(setRecommendationCommand, { kind, text });
}

/** A new, empty workspace called `name`, opened in this tab. */
export async function createWorkspace(name: string): Promise<OpenResult> {
  const reg = workspaceRegistry();
  if (!reg) return NO_STORAGE;
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, message: 'A workspace needs a name.' };
  try {
    const ws = emptyWorkspace(randomIds('ws'), trimmed);
    ws.meta.status = 'draft';
    return openWorkspace((await registry.addWorkspace(reg, ws)).id);
  } catch (e) {
    return failed('The workspace was not made', e);
  }
}

/** The maps and catalogue of a file, as a workspace of their own (named after the file's), opened in this tab. */
export async function openAsNewWorkspace(ws: Workspace): Promise<OpenResult> {
  const reg = workspaceRegistry();
  if (!reg) return NO_STORAGE;
  try {
    const entry = await registry.addWorkspace(reg, copyWorkspace(ws, randomIds('ws'), freeName(ws.meta.name, liveNames())));
    return openWorkspace(entry.id);
  } catch (e) {
    return failed('The file was not opened as a workspace', e);
  }
}

/** A copy of a workspace (as last saved; the open one with every edit), not opened. Returns the copy's entry. */
export async function duplicateWorkspace(id: string): Promise<Outcome<{ entry: registry.WorkspaceEntry }>> {
  const reg = workspaceRegistry();
  if (!reg) return NO_STORAGE;
  const source = useWorkspaces.getState().entries.find((e) => e.id === id);
  if (!source) return { ok: false, message: 'That workspace is not in this browser any more.' };
  try {
    let ws: Workspace | null;
    if (currentSession()?.entry.id === id) {
      await flushCurrent();
      ws = useDocument.getState().workspace;
    } else ws = await registry.readWorkspace(source);
    const copy = copyWorkspace(ws ?? emptyWorkspace('', source.name), randomIds('ws'), freeName(`Copy of ${source.name}`, liveNames()));
    return { ok: true, entry: await registry.addWorkspace(reg, copy) };
  } catch (e) {
    return failed('Not duplicated', e);
  }
}

/**
 * Move a workspace to the trash. The open one is first swapped for the workspace used most
 * recently; the last workspace left is not deleted (there would be nothing to open).
 */
export async function trashWorkspace(id: string): Promise<Outcome> {
  const reg = workspaceRegistry();
  if (!reg) return NO_STORAGE;
  const live = liveEntries(useWorkspaces.getState().entries);
  const entry = live.find((e) => e.id === id);
  if (!entry) return { ok: false, message: 'That workspace is not in this browser any more.' };
  if (currentSession()?.entry.id === id) {
    const next = live.filter((e) => e.id !== id).sort((a, b) => b.openedAt - a.openedAt)[0];
    if (!next) return { ok: false, message: `“${entry.name}” is the only workspace: make a new one before deleting this one.` };
    const opened = await openWorkspace(next.id);
    if (!opened.ok) return opened;
  }
  try {
    await registry.trashWorkspace(reg, id);
    return { ok: true };
  } catch (e) {
    return failed('Not deleted', e);
  }
}

/** Bring a workspace back from the trash; `open` opens it too (undoing a delete of the open one). */
export async function restoreWorkspace(id: string, open = false): Promise<OpenResult> {
  const reg = workspaceRegistry();
  if (!reg) return NO_STORAGE;
  try {
    await registry.restoreWorkspace(reg, id);
  } catch (e) {
    return failed('Not restored', e);
  }
  return open ? openWorkspace(id) : { ok: true };
}

/** Remove a workspace in the trash, and everything it held, from this browser. */
export async function deleteWorkspaceForever(id: string): Promise<Outcome> {
  const reg = workspaceRegistry();
  if (!reg) return NO_STORAGE;
  try {
    await registry.deleteWorkspaceForever(reg, id);
    return { ok: true };
  } catch (e) {
    return failed('Not deleted', e);
  }
}
