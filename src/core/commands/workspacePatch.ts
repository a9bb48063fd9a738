import { applyChanges, diffWorkspace, type RecordChange, TABLES } from './diff';
import { applyPatch as applyRecordPatch, diffRecord, type PatchOp } from './patch';
import type { Workspace } from '../model/types';

// A copy of the workspace kept elsewhere (the analysis worker) is brought up to date with only
// the records an edit changed: records are immutable, so a reference comparison finds them,
// and the copy never receives the whole workspace again until it is replaced. For the analysis
// worker a record changed in place goes as what changed inside it (patch.ts): a rename in a
// 150-step map is one label, not the map, which the page copied to the worker on every edit.

type ListTable = (typeof TABLES)[number];

export interface WorkspacePatch {
  /** The added and removed records and the workspace details, `after` side only (the copy does not need what they were). */
  changes: RecordChange[];
  /** Records on both sides: the operations that turn the copy's record into the new one (slimPatchBetween only). */
  edits?: { table: ListTable; id: string; ops: PatchOp[] }[];
  /** A list's ids in their new order, where its order changed (a move, or an add and a remove together). */
  orders: Partial<Record<ListTable, string[]>>;
}

const sameOrder = (a: { id: string }[], b: { id: string }[]) => a.length === b.length && a.every((r, i) => r.id === b[i]!.id);

/** What turns `before` into `after`, or null when they are different workspaces (send the whole of `after`). */
export function patchBetween(before: Workspace, after: Workspace): WorkspacePatch | null {
  return between(before, after, false);
}

/**
 * patchBetween for a copy kept by this app's own code (the analysis worker): a record changed in
 * place goes as the operations inside it (`edits`). The live session's patches keep whole records.
 */
export function slimPatchBetween(before: Workspace, after: Workspace): WorkspacePatch | null {
  return between(before, after, true);
}

function between(before: Workspace, after: Workspace, slim: boolean): WorkspacePatch | null {
  if (before.meta.id !== after.meta.id) return null;
  const changes: RecordChange[] = [];
  const edits: NonNullable<WorkspacePatch['edits']> = [];
  for (const c of diffWorkspace(before, after)) {
    if (slim && c.table !== 'meta' && c.before !== undefined && c.after !== undefined) edits.push({ table: c.table, id: c.id, ops: diffRecord(c.before, c.after) });
    else changes.push({ table: c.table, id: c.id, after: c.after, afterIndex: c.afterIndex });
  }
  const orders: WorkspacePatch['orders'] = {};
  for (const table of TABLES) {
    const list = after[table] as { id: string }[];
    if (before[table] !== list && !sameOrder(before[table], list)) orders[table] = list.map((r) => r.id);
  }
  return slim ? { changes, edits, orders } : { changes, orders };
}

/** The copy with the patch written in: the same records, in the same order, as the workspace it was made from. */
export function applyPatch(ws: Workspace, patch: WorkspacePatch): Workspace {
  let next = applyChanges(ws, patch.changes, 'after');
  for (const { table, id, ops } of patch.edits ?? []) {
    const list = next[table] as { id: string }[];
    const i = list.findIndex((r) => r.id === id);
    const edited = i < 0 ? null : applyRecordPatch(list[i], ops);
    if (!edited || edited.skipped > 0) throw new Error(`The analysis copy of the workspace is out of step (${table} ${id})`);
    next = { ...next, [table]: list.map((r, j) => (j === i ? edited.value : r)) };
  }
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
