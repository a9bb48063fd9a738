import type { Workspace } from '../model/types';
import { applyChanges, type RecordChange } from './diff';
import { catalogueIds, mendCatalogueLinks, mendMap } from './mendMap';
import { rebaseRecord } from './rebaseRecord';

// Undo and redo write an entry's side back. A record nobody else has touched since is still
// the one the entry left, and gets the stored side as it is (the single-user case, as it was
// before). A record changed since by someone else gets only the entry's own change
// (rebaseRecord), and a map so merged is mended where the two edits meet in nothing (mendMap).
// A catalogue entry the step takes away is unlinked wherever it is still used: by a colleague,
// or in a map whose own history holds the link (undo in map B takes back "add system" linked
// in map A), so the workspace always reads back as a valid file.

const CATALOGUE: ReadonlySet<string> = new Set(['departments', 'systems', 'dataStores']);

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
  let next = applyChanges(ws, writes, side);
  if (merged.size > 0) {
    const catalogue = catalogueIds(next);
    next = { ...next, maps: next.maps.map((m) => (merged.has(m.id) ? mendMap(m, catalogue) : m)) };
  }
  const takesEntry = writes.some((c) => CATALOGUE.has(c.table) && c[side] === undefined && recordNow(ws, c) !== undefined);
  return takesEntry ? mendCatalogueLinks(next) : next;
}
