import type { WorkspaceMeta } from '../model/types';
import { CommandError, workspaceCommand } from './define';

/** The workspace's own fields as the user edits them (the id is not one of them). */
export type WorkspaceDetails = Partial<Omit<WorkspaceMeta, 'id'>>;

/**
 * Rename the workspace or change who it is for, who prepared it and where it stands. Text is
 * trimmed; an empty organisation or author is removed rather than kept as ''. A workspace
 * always has a name: an empty one is refused with a message.
 */
export const updateWorkspaceDetails = workspaceCommand<{ patch: WorkspaceDetails }>('updateWorkspaceDetails', 'Change workspace details', (ws, a) => {
  const next: WorkspaceMeta = { ...ws.meta };
  if (a.patch.name !== undefined) {
    const name = a.patch.name.trim();
    if (!name) throw new CommandError('A workspace needs a name.');
    next.name = name;
  }
  for (const key of ['organisation', 'preparedBy'] as const) {
    if (a.patch[key] === undefined) continue;
    const text = a.patch[key]!.trim();
    if (text) next[key] = text;
    else delete next[key];
  }
  if (a.patch.status !== undefined) next.status = a.patch.status;
  const same = (Object.keys(next) as (keyof WorkspaceMeta)[]).every((k) => next[k] === ws.meta[k]) && Object.keys(next).length === Object.keys(ws.meta).length;
  return same ? ws : { ...ws, meta: next };
});

/**
 * The report's recommendation for one kind of finding, in the user's words. Empty text (or
 * only spaces) goes back to the report's own words. Kept with the workspace's details.
 */
export const setRecommendation = workspaceCommand<{ kind: string; text: string }>('setRecommendation', 'Edit a recommendation', (ws, a) => {
  if (!a.kind.trim()) throw new CommandError('A recommendation belongs to a kind of finding.');
  const text = a.text.trim();
  const before = ws.meta.recommendations ?? {};
  if ((before[a.kind] ?? '') === text) return ws;
  const next = { ...before };
  if (text) next[a.kind] = text;
  else delete next[a.kind];
  const meta = { ...ws.meta };
  if (Object.keys(next).length > 0) meta.recommendations = next;
  else delete meta.recommendations;
  return { ...ws, meta };
});
