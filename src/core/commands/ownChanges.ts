import type { Workspace } from '../model/types';
import { applyChanges, type RecordChange } from './diff';
import { catalogueIds, mendMap } from './mendMap';
import { rebaseRecord } from './rebaseRecord';

// Undo and redo write an entry's side back. A record nobody else has touched since is still
// the one the entry left, and gets the stored side as it is (the single-user case, exactly as
// before). A record changed since by someone else gets only the entry's own change
// (rebaseRecord), and a map so merged is mended where the two edits meet in nothing (mendMap).

function recordNow(ws: Workspace, c: RecordChange): unknown {
  if (c.table === 'meta') return ws.meta;
  return (ws[c.table] as { id: string }[]).find((r) => r.id === c.id);
}

/** Write the `side` of an entry's changes into `ws`, keeping what others changed since. */
export function applyOwnChanges(ws: Workspace, changes: RecordChange[], side: 'before' | 'after'): Workspace {
  const left = side === 'before' ? 'after' : 'before';
  const merged = new Set<string>();
  const writes: RecordChange[] = [];
  for (const c of changes) {
    const current = recordNow(ws, c);
    if (current === c[left]) {
      writes.push(c);
      continue;
    }
    const value = rebaseRecord(c.table, c[left], c[side], current);
    if (value === current) continue;
    writes.push({ ...c, [side]: value });
    if (c.table === 'maps' && value !== undefined) merged.add(c.id);
  }
  const next = applyChanges(ws, writes, side);
  if (merged.size === 0) return next;
  const catalogue = catalogueIds(next);
  return { ...next, maps: next.maps.map((m) => (merged.has(m.id) ? mendMap(m, catalogue) : m)) };
}
