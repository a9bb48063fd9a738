import { applyChanges, diffWorkspace, type RecordChange, TABLES } from './diff';
import type { Workspace } from '../model/types';

// A copy of the workspace kept elsewhere (the analysis worker) is brought up to date with only
// the records an edit changed: records are immutable, so a reference comparison finds them,
// and the copy never receives the whole workspace again until it is replaced.

type ListTable = (typeof TABLES)[number];

export interface WorkspacePatch {
  /** The changed, added and removed records, `after` side only (the copy does not need what they were). */
  changes: RecordChange[];
  /** A list's ids in their new order, where its order changed (a move, or an add and a remove together). */
  orders: Partial<Record<ListTable, string[]>>;
}

const sameOrder = (a: { id: string }[], b: { id: string }[]) => a.length === b.length && a.every((r, i) => r.id === b[i]!.id);

/** What turns `before` into `after`, or null when they are different workspaces (send the whole of `after`). */
export function patchBetween(before: Workspace, after: Workspace): WorkspacePatch | null {
  if (before.meta.id !== after.meta.id) return null;
  const changes = diffWorkspace(before, after).map(({ table, id, after: value, afterIndex }) => ({ table, id, after: value, afterIndex }));
  const orders: WorkspacePatch['orders'] = {};
  for (const table of TABLES) {
    const list = after[table] as { id: string }[];
    if (before[table] !== list && !sameOrder(before[table], list)) orders[table] = list.map((r) => r.id);
  }
  return { changes, orders };
}

/** The copy with the patch written in: the same records, in the same order, as the workspace it was made from. */
export function applyPatch(ws: Workspace, patch: WorkspacePatch): Workspace {
  let next = applyChanges(ws, patch.changes, 'after');
  for (const table of TABLES) {
    const ids = patch.orders[table];
    if (!ids) continue;
    const byId = new Map((next[table] as { id: string }[]).map((r) => [r.id, r]));
    const ordered = ids.map((id) => byId.get(id));
    if (ordered.some((r) => r === undefined) || ordered.length !== byId.size) throw new Error(`The analysis copy of the workspace is out of step (${table})`);
    next = { ...next, [table]: ordered };
  }
  return next;
}
