import type { Workspace } from '../model/types';

// A history entry stores the records an edit changed, before and after. Records are
// immutable, so comparing references finds them; undo writes back the `before` side.

export type Table = 'meta' | 'departments' | 'systems' | 'dataStores' | 'maps';
export const TABLES: readonly Exclude<Table, 'meta'>[] = ['departments', 'systems', 'dataStores', 'maps'];

export interface RecordChange {
  table: Table;
  id: string;
  before?: unknown;
  after?: unknown;
}

export function diffWorkspace(a: Workspace, b: Workspace): RecordChange[] {
  const changes: RecordChange[] = [];
  if (a.meta !== b.meta) changes.push({ table: 'meta', id: a.meta.id, before: a.meta, after: b.meta });
  for (const table of TABLES) {
    const before = a[table] as { id: string }[];
    const after = b[table] as { id: string }[];
    if (before === after) continue;
    const old = new Map(before.map((r) => [r.id, r]));
    for (const r of after) {
      const prev = old.get(r.id);
      if (prev !== r) changes.push({ table, id: r.id, before: prev, after: r });
      old.delete(r.id);
    }
    for (const [id, r] of old) changes.push({ table, id, before: r, after: undefined });
  }
  return changes;
}

/** Write one side of the changes into a workspace: `before` to undo, `after` to redo. */
export function applyChanges(ws: Workspace, changes: RecordChange[], side: 'before' | 'after'): Workspace {
  let next = ws;
  for (const c of changes) {
    const value = c[side];
    if (c.table === 'meta') {
      next = { ...next, meta: value as Workspace['meta'] };
      continue;
    }
    const list = next[c.table] as { id: string }[];
    const i = list.findIndex((r) => r.id === c.id);
    let updated: { id: string }[];
    if (value === undefined) updated = i < 0 ? list : list.filter((r) => r.id !== c.id);
    else if (i < 0) updated = [...list, value as { id: string }];
    else updated = list.map((r, j) => (j === i ? (value as { id: string }) : r));
    next = { ...next, [c.table]: updated };
  }
  return next;
}
