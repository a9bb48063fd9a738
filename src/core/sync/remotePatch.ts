import type * as Y from 'yjs';
import type { RecordChange } from '../commands/diff';
import type { WorkspacePatch } from '../commands/workspacePatch';
import { type DocTable, DOC_TABLES, ORDER } from './docShape';
import { readMeta, readRecord, tableOrder } from './readDoc';

// Changes that arrive from elsewhere (the provider, another tab) become a WorkspacePatch for the
// store: the records a transaction touched, read whole from the doc, and a table's new order
// where records came, went or moved. Transactions with the local origin are the store's own
// edits coming back, so they give no patch: remote changes never enter the local undo history
// because the store receives them only as these patches.

// Yjs types its tree of shared types with `any` events.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

/** The records a transaction touched. */
export interface Touched {
  meta: boolean;
  records: Map<DocTable, Set<string>>;
  /** Tables where a record was added, removed or given a new order key. */
  reordered: Set<DocTable>;
  /** Something was written outside the workspace's records (another root, an unkeyed item): never ours. */
  foreign: boolean;
}

/** Where a changed type sits: its root's name and the keys down to it. */
function pathOf(type: AnyType, rootNames: Map<AnyType, string>): { root: string; keys: string[] } | null {
  const keys: string[] = [];
  let t: AnyType = type;
  while (t._item) {
    // Inside a list (a Y.Array a writer put in a field) an item has no key: it still belongs to its record.
    keys.unshift(t._item.parentSub ?? '');
    t = t._item.parent as AnyType;
  }
  const root = rootNames.get(t);
  return root === undefined ? null : { root, keys };
}

/** The records `txn` (a transaction on `doc`) touched. */
export function touchedRecords(doc: Y.Doc, txn: Y.Transaction): Touched {
  return touchedBy(txn, new Map([...doc.share].map(([name, type]) => [type as AnyType, name])));
}

function touchedBy(txn: Y.Transaction, rootNames: Map<AnyType, string>): Touched {
  const touched: Touched = { meta: false, records: new Map(), reordered: new Set(), foreign: false };
  for (const [type, subs] of txn.changed) {
    const path = pathOf(type, rootNames);
    const table = path?.root as DocTable;
    if (path?.root === 'meta' && !(path.keys.length === 0 && subs.has(null))) {
      touched.meta = true;
      continue;
    }
    if (!path || !DOC_TABLES.includes(table) || path.keys[0] === '' || (path.keys.length === 0 && subs.has(null))) {
      touched.foreign = true;
      continue;
    }
    const ids = touched.records.get(table) ?? new Set<string>();
    touched.records.set(table, ids);
    if (path.keys.length === 0) {
      // The table itself: records added, replaced or removed.
      for (const id of subs) if (id !== null) ids.add(id);
      touched.reordered.add(table);
    } else {
      ids.add(path.keys[0]!);
      if (path.keys.length === 1 && subs.has(ORDER)) touched.reordered.add(table);
    }
  }
  return touched;
}

function patchOf(doc: Y.Doc, touched: Touched): WorkspacePatch | null {
  const changes: RecordChange[] = [];
  const orders: WorkspacePatch['orders'] = {};
  if (touched.meta) {
    const meta = readMeta(doc);
    changes.push({ table: 'meta', id: meta.id, after: meta });
  }
  for (const [table, ids] of touched.records) {
    const order = touched.reordered.has(table) ? tableOrder(doc, table) : null;
    if (order) orders[table] = order;
    for (const id of ids) {
      const after = readRecord(doc, table, id);
      const index = order?.indexOf(id);
      changes.push({ table, id, after, ...(after !== undefined && index !== undefined && index >= 0 ? { afterIndex: index } : {}) });
    }
  }
  return changes.length > 0 ? { changes, orders } : null;
}

/**
 * Call `onPatch` with what each transaction not made with `localOrigin` changed. Returns the
 * function that stops listening.
 */
export function observeRemote(doc: Y.Doc, localOrigin: unknown, onPatch: (patch: WorkspacePatch, origin: unknown) => void): () => void {
  const listener = (txn: Y.Transaction) => {
    if (txn.origin === localOrigin || txn.changed.size === 0) return;
    const patch = patchOf(doc, touchedRecords(doc, txn));
    if (patch) onPatch(patch, txn.origin);
  };
  doc.on('afterTransaction', listener);
  return () => doc.off('afterTransaction', listener);
}
