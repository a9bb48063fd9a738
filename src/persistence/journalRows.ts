import { diffRecord, type PatchOp } from '../core/commands/patch';
import type { Table as ChangeTable } from '../core/commands/diff';
import type { Id } from '../core/model/types';

// The rows of the edit journal (journal.ts writes them, journalReplay.ts reads them back). A row
// is what one tab changed in one turn of the event loop: per record, the small patch from the
// value before to the value after, the whole record when it is new, or that it was deleted.

export interface JournalChange {
  table: ChangeTable;
  id: Id;
  /** The record existed before and after: what changed in it. */
  ops?: PatchOp[];
  /** The record is new (or the workspace details, which are small): all of it. */
  value?: unknown;
  /** The record was deleted. */
  gone?: true;
}

export interface JournalRow {
  /** Auto-numbered: rows are replayed in this order. */
  seq?: number;
  /** The tab that wrote it (a random id per repository). */
  tab: string;
  /** The tab's count of edits when the row was made: a save that read the workspace at edit n covers rows up to n. */
  edit: number;
  /** Milliseconds since 1970. */
  at: number;
  changes: JournalChange[];
}

/** One record's first value and latest value in the turn being coalesced. */
export interface PendingChange {
  table: ChangeTable;
  id: Id;
  before: unknown;
  after: unknown;
}

/** The key a record has in the journal and in the save's list of written records. */
export const recordKey = (table: ChangeTable, id: Id): string => (table === 'meta' ? 'meta' : `${table}:${id}`);

/** The row for a turn's changes, or null when they cancel out. */
export function journalRow(tab: string, edit: number, at: number, pending: Iterable<PendingChange>): JournalRow | null {
  const changes: JournalChange[] = [];
  for (const { table, id, before, after } of pending) {
    if (after === undefined) {
      if (before !== undefined) changes.push({ table, id, gone: true });
    } else if (before === undefined || table === 'meta') {
      if (before !== after) changes.push({ table, id, value: after });
    } else {
      const ops = diffRecord(before, after);
      if (ops.length > 0) changes.push({ table, id, ops });
    }
  }
  return changes.length > 0 ? { tab, edit, at, changes } : null;
}

const TABLES = new Set<string>(['meta', 'departments', 'systems', 'dataStores', 'maps']);

function validOps(ops: unknown): boolean {
  if (!Array.isArray(ops)) return false;
  return ops.every((op) => {
    if (typeof op !== 'object' || op === null || !Array.isArray((op as PatchOp).path)) return false;
    const keysOk = (op as PatchOp).path.every((k) => typeof k === 'string' || (typeof k === 'object' && k !== null && typeof (k as { id?: unknown }).id === 'string'));
    if (!keysOk) return false;
    if ('set' in op || ('drop' in op && (op as { drop: unknown }).drop === true)) return true;
    const o = op as { order?: unknown; items?: unknown };
    return Array.isArray(o.order) && o.order.every((id) => typeof id === 'string') && Array.isArray(o.items) && o.items.every((r) => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string');
  });
}

/** Why a stored row cannot be replayed, or null when it can. */
export function journalRowProblem(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return 'not a record';
  const r = row as Partial<JournalRow>;
  if (typeof r.tab !== 'string') return 'tab: must be text';
  if (typeof r.edit !== 'number' || !Number.isFinite(r.edit)) return 'edit: must be a number';
  if (!Array.isArray(r.changes)) return 'changes: must be a list';
  for (const [i, c] of r.changes.entries()) {
    if (typeof c !== 'object' || c === null) return `changes[${i}]: not a record`;
    if (!TABLES.has(c.table)) return `changes[${i}].table: unknown table`;
    if (typeof c.id !== 'string') return `changes[${i}].id: must be text`;
    const kinds = [c.gone === true, c.value !== undefined, c.ops !== undefined].filter(Boolean).length;
    if (kinds !== 1) return `changes[${i}]: must be one of a deletion, a value or a patch`;
    if (c.ops !== undefined && !validOps(c.ops)) return `changes[${i}].ops: unreadable patch`;
  }
  return null;
}
