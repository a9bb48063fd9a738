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
  /** Where the record stood in its list on each side, so undo puts it back in its place. */
  beforeIndex?: number;
  afterIndex?: number;
}

export function diffWorkspace(a: Workspace, b: Workspace): RecordChange[] {
  const changes: RecordChange[] = [];
  if (a.meta !== b.meta) changes.push({ table: 'meta', id: a.meta.id, before: a.meta, after: b.meta });
  for (const table of TABLES) {
    const before = a[table] as { id: string }[];
    const after = b[table] as { id: string }[];
    if (before === after) continue;
    const old = new Map(before.map((r, i) => [r.id, { r, i }]));
    after.forEach((r, afterIndex) => {
      const prev = old.get(r.id);
      if (prev?.r !== r) changes.push({ table, id: r.id, before: prev?.r, after: r, beforeIndex: prev?.i, afterIndex });
      old.delete(r.id);
    });
    for (const [id, { r, i }] of old) changes.push({ table, id, before: r, after: undefined, beforeIndex: i });
  }
  return changes;
}

/** Write one side of the changes into a workspace: `before` to undo, `after` to redo. */
export function applyChanges(ws: Workspace, changes: RecordChange[], side: 'before' | 'after'): Workspace {
  let next = ws;
  for (const c of changes) {
    const value = c[side];
    const at = side === 'before' ? c.beforeIndex : c.afterIndex;
    if (c.table === 'meta') {
      next = { ...next, meta: value as Workspace['meta'] };
      continue;
    }
    const list = next[c.table] as { id: string }[];
    const i = list.findIndex((r) => r.id === c.id);
    let updated: { id: string }[];
    if (value === undefined) updated = i < 0 ? list : list.filter((r) => r.id !== c.id);
    else if (i < 0) {
      const pos = Math.min(at ?? list.length, list.length);
      updated = [...list.slice(0, pos), value as { id: string }, ...list.slice(pos)];
    }
    else updated = list.map((r, j) => (j === i ? (value as { id: string }) : r));
    next = { ...next, [c.table]: updated };
  }
  return next;
}
