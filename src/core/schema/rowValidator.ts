import type { Id, WorkspaceMeta } from '../model/types';
import { IssueList } from './issues';
import type { RecordContext } from './records';
import { checkMapReferences } from './references';
import { wellFormedRow } from './rowShapes';
import { trashKeptUnderItsId, type RowCheck, type RowValidator, type StoredTable } from './rowWords';

// Stored rows are read through a RowValidator: the fast check (rowShapes.ts) for a row that is
// whole, the zod checks (storedRows.ts, loaded only when some row is not) for the others and for
// the words that say what is wrong. The two agree on every whole row, so a load gives the same
// workspace whichever checked it.

export type { RowValidator } from './rowWords';

export type RawTables = Partial<Record<StoredTable, unknown[]>>;

const NO_CATALOGUE: RecordContext = { departmentIds: [], systemIds: [], dataStoreIds: [] };
const asSet = (ids: Iterable<Id>): ReadonlySet<Id> => (ids instanceof Set ? ids : new Set(ids));

/** A well-formed row's check: its references for a map, its key for a trashed map. */
function checkWhole(table: StoredTable, raw: unknown, ctx: RecordContext): RowCheck {
  if (table === 'trash') return trashKeptUnderItsId(raw);
  if (table !== 'maps') return { ok: true, value: raw };
  const issues = new IssueList();
  checkMapReferences(raw as Record<string, unknown>, [], { departmentIds: asSet(ctx.departmentIds), systemIds: asSet(ctx.systemIds), dataStoreIds: asSet(ctx.dataStoreIds) }, issues);
  return issues.empty ? { ok: true, value: raw } : { ok: false, problems: issues.result() };
}

/**
 * Rows checked fast where they are whole, by `full` (the zod checks) otherwise. Without `full`
 * every row handed to it must be whole (see fullCheckNeeded); one that is not is a bug, and throws.
 */
export function fastFirst(full: RowValidator | null): RowValidator {
  const fallback = (): RowValidator => {
    if (!full) throw new Error('A stored row needs the full check, which was not loaded');
    return full;
  };
  return {
    validateRow: (table, raw, ctx = NO_CATALOGUE) => (wellFormedRow(table, raw) ? checkWhole(table, raw, ctx) : fallback().validateRow(table, raw, ctx)),
    restoreWorkspaceMeta: (raw, fallbackId) => {
      if (!wellFormedRow('meta', raw) || (raw as { key: unknown }).key !== 'workspace') return fallback().restoreWorkspaceMeta(raw, fallbackId);
      const { key: _key, ...meta } = raw as Record<string, unknown>;
      return { meta: meta as unknown as WorkspaceMeta, problems: [] };
    },
  };
}

/** True when some row is not certainly whole, so the zod checks must be loaded to read it. */
export function fullCheckNeeded(tables: RawTables): boolean {
  return Object.entries(tables).some(([table, rows]) => rows?.some((row) => !wellFormedRow(table as StoredTable, row)));
}

/** The zod checks, loaded on first need (about 90 KB of script the first screen does without). */
export const loadFullRows = (): Promise<RowValidator> => import('./storedRows').then((m) => m.fullRows);

/** The validator for these rows: fast only when every row is whole. */
export async function rowValidatorFor(tables: RawTables): Promise<RowValidator> {
  return fastFirst(fullCheckNeeded(tables) ? await loadFullRows() : null);
}

/** One row, checked as the loader would. */
export async function checkRow(table: StoredTable, raw: unknown, ctx?: RecordContext): Promise<RowCheck> {
  return (await rowValidatorFor({ [table]: [raw] })).validateRow(table, raw, ctx);
}
