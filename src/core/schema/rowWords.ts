import type { Id, WorkspaceMeta } from '../model/types';
import type { BundleIssue } from './issues';
import type { RecordContext } from './records';
import { count } from '../model/vocabulary';

// The stored tables, the key of a row and what is wrong with it in words: apart from the zod
// checks (storedRows.ts), so the loader and the damaged-records panel need no zod to use them.

/** The tables of a workspace's database whose rows are read back (quarantine itself aside). */
export const STORED_TABLES = ['meta', 'departments', 'systems', 'dataStores', 'maps', 'mapIndex', 'revisions', 'revisionMaps', 'trash'] as const;
export type StoredTable = (typeof STORED_TABLES)[number];

export type RowCheck<T = unknown> = { ok: true; value: T } | { ok: false; problems: BundleIssue[] };

/** How stored rows are read: the fast check first, zod where needed (rowValidator.ts), or zod alone (storedRows.ts). */
export interface RowValidator {
  validateRow(table: StoredTable, raw: unknown, ctx?: RecordContext): RowCheck;
  restoreWorkspaceMeta(raw: unknown, fallbackId: () => Id): { meta: WorkspaceMeta; problems: BundleIssue[] };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A trashed map is kept under its own id: a row whose map has another is damaged. */
export function trashKeptUnderItsId(row: unknown): RowCheck {
  const r = row as { id: string; map: { id: string } };
  return r.map.id === r.id ? { ok: true, value: row } : { ok: false, problems: [{ path: 'map.id', message: 'is not the id the row is kept under' }] };
}

/** The key a row is stored under: `id`, or a meta row's `key`. */
export function rowKey(table: StoredTable, raw: unknown): string {
  if (!isObject(raw)) return '(unknown)';
  const key = table === 'meta' ? raw.key : raw.id;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : '(unknown)';
}

const NOUN: Record<StoredTable, string> = {
  meta: 'workspace record',
  departments: 'department',
  systems: 'system',
  dataStores: 'data store',
  maps: 'map',
  mapIndex: 'entry in the list of maps',
  revisions: 'saved version (its description)',
  revisionMaps: 'saved version (its map)',
  trash: 'map in the trash',
};

const META_NOUN: Record<string, string> = { workspace: 'workspace name and details', order: 'order of the lists', schema: 'storage version mark' };

/** What the row is, in words: "department “d-adm”", "workspace name and details". */
export function describeRow(table: StoredTable | string, id: string): string {
  if (table === 'meta') return META_NOUN[id] ?? `workspace record “${id}”`;
  const noun = NOUN[table as StoredTable] ?? `record in “${table}”`;
  return `${noun} “${id}”`;
}

/** What is wrong with a row, as a sentence or two a user can read. */
export function explainProblems(problems: readonly BundleIssue[]): string {
  if (problems.length === 0) return 'It could not be read.';
  const shown = problems.slice(0, 3).map((p) => (p.path === '(root)' ? `the record ${p.message}` : `“${p.path}” ${p.message}`));
  const more = problems.length > 3 ? ` (and ${count(problems.length - 3, 'more problem')})` : '';
  const future = problems.some((p) => p.message.startsWith('must be one of')) ? ' A value Lanemap does not know may come from a newer version of Lanemap.' : '';
  const text = shown.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${more}.${future}`;
}

