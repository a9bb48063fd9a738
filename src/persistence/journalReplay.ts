import type { Table } from 'dexie';
import { applyPatch } from '../core/commands/patch';
import type { Id, ProcessMap } from '../core/model/types';
import type { CatalogueTable } from '../core/schema/records';
import { fastFirst, loadFullRows, type RowValidator } from '../core/schema/rowValidator';
import { count } from '../core/model/vocabulary';
import type { LanemapDB, QuarantineRow } from './db';
import { journalRowProblem, recordKey, type JournalChange, type JournalRow } from './journalRows';
import { CATALOGUE } from './catalogueTables';
import { setAside } from './quarantine';
import { indexRow } from './writes';

// Puts back edits that reached the journal but not a save (the browser was killed, the tab
// closed mid-save): rows in order, onto the stored records, in one transaction that also
// deletes them, so a replay is never done twice. A save deletes other tabs' changes to what it
// wrote (trimJournal), so what is left always applies to that tab's own last save and never
// brings an old edit back over a newer one. A row that cannot be read is set aside in the
// quarantine table with a message; a replayed record that would not load is left out.

export interface ReplayResult {
  /** Records written back. */
  written: number;
  warnings: string[];
}

type Current = { table: JournalChange['table']; id: Id; stored: unknown; value: unknown };

/** Replay every row in the journal except `skipTab`'s (the calling tab's own, still in memory). */
export async function replayJournal(db: LanemapDB, opts: { now: number; skipTab?: string }): Promise<ReplayResult> {
  const warnings: string[] = [];
  const mine = (r: unknown) => opts.skipTab !== undefined && (r as { tab?: unknown })?.tab === opts.skipTab;
  // Almost always empty: looked at without a write transaction.
  if ((await db.journal.toArray()).every(mine)) return { written: 0, warnings };
  // The replayed records are checked inside the transaction, which cannot wait for a script to
  // load: the zod checks are loaded first (this is the rare start after a crash).
  const check = fastFirst(await loadFullRows());
  const tables = [db.journal, db.quarantine, db.meta, db.maps, db.mapIndex, db.trash, db.departments, db.systems, db.dataStores];
  const written = await db.transaction('rw', tables, async () => {
    const todo = ((await db.journal.toArray()) as unknown[]).filter((r) => !mine(r));
    if (todo.length === 0) return 0;
    const current = new Map<string, Current>();
    const bad: QuarantineRow[] = [];
    let skipped = 0;
    for (const raw of todo) {
      const problem = journalRowProblem(raw);
      if (problem) {
        const reason = problem;
        const id = String((raw as { seq?: unknown })?.seq);
        const explanation = `An edit kept in case the browser stopped could not be read (${problem}), so it was not put back; the workspace opened as it was last saved.`;
        bad.push(setAside({ table: 'journal', id, reason, explanation, row: raw }, opts.now));
        continue;
      }
      for (const change of (raw as JournalRow).changes) skipped += await apply(db, current, change);
    }
    if (bad.length > 0) {
      await db.quarantine.bulkAdd(bad);
      warnings.push(`${count(bad.length, 'journalled edit')} could not be read and ${bad.length === 1 ? 'was' : 'were'} set aside (the rest of the workspace opened as saved).`);
    }
    const out = await writeBack(db, [...current.values()], opts.now, warnings, check);
    if (skipped > 0) console.warn(`Lanemap: ${skipped} journalled changes no longer had a place to go`);
    await db.journal.bulkDelete(todo.map((r) => (r as { seq: number }).seq));
    return out;
  });
  return { written, warnings };
}

async function load(db: LanemapDB, table: JournalChange['table'], id: Id): Promise<unknown> {
  if (table === 'meta') {
    const row = (await db.meta.get('workspace')) as { key?: string } | undefined;
    if (!row) return undefined;
    const rest = { ...row };
    delete rest.key;
    return rest;
  }
  return (db[table] as unknown as Table<unknown, Id>).get(id);
}

/** Fold one change into the working copy; 1 when its record is gone and it could not apply. */
async function apply(db: LanemapDB, current: Map<string, Current>, change: JournalChange): Promise<number> {
  const key = recordKey(change.table, change.id);
  let cur = current.get(key);
  if (!cur) {
    const stored = await load(db, change.table, change.id);
    cur = { table: change.table, id: change.id, stored, value: stored };
    current.set(key, cur);
  }
  if (change.gone) cur.value = undefined;
  else if (change.value !== undefined) cur.value = change.value;
  else if (cur.value === undefined) return 1;
  else {
    const { value, skipped } = applyPatch(cur.value, change.ops!);
    cur.value = value;
    return skipped;
  }
  return 0;
}

async function writeBack(db: LanemapDB, records: Current[], now: number, warnings: string[], check: RowValidator): Promise<number> {
  const changed = records.filter((r) => r.value !== r.stored);
  let written = 0;
  const readable = (r: Current): boolean => {
    if (r.value === undefined || r.table === 'maps') return true;
    if (r.table === 'meta') return typeof (r.value as { id?: unknown }).id === 'string' && typeof (r.value as { name?: unknown }).name === 'string';
    return check.validateRow(r.table, r.value).ok;
  };
  for (const r of changed.filter((c) => c.table !== 'maps')) {
    if (!readable(r)) {
      warnings.push(`An edit of a ${r.table === 'meta' ? 'workspace detail' : 'catalogue entry'} kept in the journal would not load, so the saved copy was kept.`);
      continue;
    }
    if (r.table === 'meta') await db.meta.put({ key: 'workspace', ...(r.value as { id: Id; name: string }) });
    else if (r.value === undefined) await db.table(r.table).delete(r.id);
    else await (db[r.table as CatalogueTable] as unknown as Table<unknown, Id>).put(r.value);
    written++;
  }
  // Maps are checked against the catalogue as it is after the replay.
  const [departmentIds = [], systemIds = [], dataStoreIds = []] = await Promise.all(CATALOGUE.map((t) => db[t].toCollection().primaryKeys()));
  const ctx = { departmentIds, systemIds, dataStoreIds };
  for (const r of changed.filter((c) => c.table === 'maps')) {
    if (r.value === undefined) {
      await db.trash.put({ id: r.id, deletedAt: now, map: r.stored as ProcessMap });
      await db.maps.delete(r.id);
      await db.mapIndex.delete(r.id);
    } else if (check.validateRow('maps', r.value, ctx).ok) {
      const map = r.value as ProcessMap;
      await db.maps.put(map);
      await db.mapIndex.put(indexRow(map));
      await db.trash.delete(r.id);
    } else {
      const name = (r.value as { name?: unknown }).name;
      warnings.push(`Edits of the map “${typeof name === 'string' ? name : r.id}” kept in the journal would not load, so its last saved copy was kept.`);
      continue;
    }
    written++;
  }
  return written;
}
