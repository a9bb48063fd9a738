import type { Id } from '../model/types';
import { count } from '../model/vocabulary';
import type { RecordChange } from './diff';

// What an undo or redo took back, in words, when it reaches past the map on screen: an edit of
// the shared catalogue (systems, stores, departments) or of another map. Ctrl+Z in a map also
// takes back the workspace's edits made beside it, maybe while another map was open; the
// message names the thing, so nobody loses an edit they cannot see.

const WORDS: Record<Exclude<RecordChange['table'], 'meta'>, string> = {
  systems: 'system',
  dataStores: 'store',
  departments: 'department',
  maps: 'map',
};

const nameOf = (r: unknown): string => {
  const name = (r as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : '';
};

function describe(c: RecordChange & { table: keyof typeof WORDS }): string {
  const word = WORDS[c.table];
  const before = nameOf(c.before);
  const after = nameOf(c.after);
  if (!c.before) return `add ${word} ${after}`;
  if (!c.after) return `delete ${word} ${before}`;
  if (before !== after) return `rename ${word} ${before} to “${after}”`;
  return c.table === 'maps' ? `edit map ${after}` : `edit ${word} ${after}`;
}

/**
 * The words for the changes of a history entry that lie outside map `openMapId` ("rename system
 * SITS to “SITS Online”", "add store Applicant file and 2 more changes"), or null when
 * every change is inside that map. Catalogue changes are named first: they are what reaches furthest.
 */
export function reachBeyondMap(changes: readonly RecordChange[], openMapId: Id | null): string | null {
  const outside = changes.filter((c): c is RecordChange & { table: keyof typeof WORDS } => c.table !== 'meta' && !(c.table === 'maps' && c.id === openMapId));
  if (outside.length === 0) return null;
  const ordered = [...outside.filter((c) => c.table !== 'maps'), ...outside.filter((c) => c.table === 'maps')];
  const more = ordered.length - 1;
  return describe(ordered[0]!) + (more ? ` and ${count(more, 'more change', 'more changes')}` : '');
}
