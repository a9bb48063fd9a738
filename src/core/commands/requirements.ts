import type { Id, Requirement, RequirementPriority, Workspace } from '../model/types';
import { CommandError, workspaceCommand } from './define';

// The requirements list for the CRM: proposed from findings, then the user's own words. Kept in
// the workspace's meta (the bundle's workspace.requirements), so it travels with the maps.

const listOf = (ws: Workspace): Requirement[] => ws.meta.requirements ?? [];

function withList(ws: Workspace, list: Requirement[]): Workspace {
  const meta: Workspace['meta'] = { ...ws.meta, requirements: list };
  if (list.length === 0) delete meta.requirements;
  return { ...ws, meta };
}

function find(ws: Workspace, id: Id): Requirement {
  const r = listOf(ws).find((x) => x.id === id);
  if (!r) throw new CommandError(`No requirement with id "${id}"`);
  return r;
}

const replace = (ws: Workspace, next: Requirement): Workspace => withList(ws, listOf(ws).map((r) => (r.id === next.id ? next : r)));

/** A new requirement at the end of the list; its words may not be empty. */
export const addRequirement = workspaceCommand<{ requirement: Requirement }>('addRequirement', 'Add requirement', (ws, a) => {
  const text = a.requirement.text.trim();
  if (!text) throw new CommandError('A requirement needs some words: say what the CRM must do.');
  if (listOf(ws).some((r) => r.id === a.requirement.id)) throw new CommandError(`Requirement id "${a.requirement.id}" is taken`);
  return withList(ws, [...listOf(ws), { ...a.requirement, text, findingIds: [...new Set(a.requirement.findingIds)] }]);
});

/** New words or priority. Empty words are refused with a message and change nothing. */
export const updateRequirement = workspaceCommand<{ id: Id; text?: string; priority?: RequirementPriority }>('updateRequirement', 'Edit requirement', (ws, a) => {
  const r = find(ws, a.id);
  const text = a.text === undefined ? r.text : a.text.trim();
  if (!text) throw new CommandError('A requirement needs some words: say what the CRM must do, or remove it.');
  const priority = a.priority ?? r.priority;
  if (text === r.text && priority === r.priority) return ws;
  return replace(ws, { ...r, text, priority });
});

/** Link a finding to the requirement, or unlink it. */
export const linkRequirementFinding = workspaceCommand<{ id: Id; findingId: string; linked: boolean }>('linkRequirementFinding', 'Link finding', (ws, a) => {
  const r = find(ws, a.id);
  const has = r.findingIds.includes(a.findingId);
  if (has === a.linked) return ws;
  return replace(ws, { ...r, findingIds: a.linked ? [...r.findingIds, a.findingId] : r.findingIds.filter((f) => f !== a.findingId) });
});

export const removeRequirement = workspaceCommand<{ id: Id }>('removeRequirement', 'Remove requirement', (ws, a) => {
  if (!listOf(ws).some((r) => r.id === a.id)) return ws;
  return withList(ws, listOf(ws).filter((r) => r.id !== a.id));
});
