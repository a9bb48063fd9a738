import * as Y from 'yjs';
import { patchBetween, type WorkspacePatch } from '../commands/workspacePatch';
import type { ProcessMap, Workspace } from '../model/types';
import { BOXES, childMap, type DocTable, DOC_TABLES, FIELDS, FLOW_POINTS, LANE_HEIGHTS, MAP_LISTS, metaRoot, ORDER, tableRoot } from './docShape';
import { byOrder, orderKeysFor } from './orderKeys';

// Local edits into the doc. A command's patch (commands/workspacePatch) is written in one
// transaction with the caller's origin, and only the keys whose value changed are written: a
// rename sets one `label`, so a concurrent move of the same step (its box's x and y) survives.

const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Make `target`'s keys hold exactly `values` (undefined means absent), writing only what differs. */
function writeFields(target: Y.Map<unknown>, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!target.has(key) || !sameJson(target.get(key), value)) target.set(key, value);
  }
  for (const key of [...target.keys()]) if (values[key] === undefined) target.delete(key);
}

/** Give the records of `list` the order of `ids`, moving only those whose place changed. */
function writeOrder(list: Y.Map<unknown>, ids: readonly string[]): void {
  const current = (id: string) => {
    const key = (list.get(id) as Y.Map<unknown> | undefined)?.get(ORDER);
    return typeof key === 'number' ? key : undefined;
  };
  for (const [id, key] of orderKeysFor(ids, current)) (list.get(id) as Y.Map<unknown> | undefined)?.set(ORDER, key);
}

/** Upsert a record (its fields) under `list`; returns its Y.Map. */
function writeRecord(list: Y.Map<unknown>, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const record = childMap<unknown>(list, id);
  writeFields(childMap(record, FIELDS), fields);
  return record;
}

/** Make `list` hold exactly these records, in this order. */
function writeList(list: Y.Map<unknown>, records: readonly { id: string }[]): void {
  const ids = new Set(records.map((r) => r.id));
  for (const id of [...list.keys()]) if (!ids.has(id)) list.delete(id);
  for (const r of records) writeRecord(list, r.id, r as unknown as Record<string, unknown>);
  writeOrder(list, records.map((r) => r.id));
}

function writeMap(record: Y.Map<unknown>, map: ProcessMap): void {
  const { lanes: _l, nodes: _n, flows: _f, comments: _c, view, ...fields } = map;
  writeFields(childMap(record, FIELDS), fields);
  for (const name of MAP_LISTS) writeList(childMap(record, name), map[name] ?? []);
  const boxes = childMap<unknown>(record, BOXES);
  for (const id of [...boxes.keys()]) if (!(id in view.nodes)) boxes.delete(id);
  for (const [id, box] of Object.entries(view.nodes)) writeFields(childMap(boxes, id), { ...box });
  writeFields(childMap(record, LANE_HEIGHTS), view.laneHeights);
  writeFields(childMap(record, FLOW_POINTS), view.flowPoints);
}

/** The ids of a table in the doc's order, with `id` put in at `index` (a record added without a new order). */
function orderWith(root: Y.Map<Y.Map<unknown>>, id: string, index: number | undefined): string[] {
  const others = byOrder([...root.entries()].filter(([k]) => k !== id), (r) => r.get(ORDER));
  const at = Math.min(index ?? others.length, others.length);
  return [...others.slice(0, at), id, ...others.slice(at)];
}

/** Write a command's patch into the doc as one transaction tagged with `origin`. */
export function applyPatchToDoc(doc: Y.Doc, patch: WorkspacePatch, origin: unknown): void {
  doc.transact(() => {
    const added = new Map<DocTable, { id: string; index?: number }[]>();
    for (const change of patch.changes) {
      if (change.table === 'meta') {
        writeFields(metaRoot(doc), (change.after ?? {}) as Record<string, unknown>);
        continue;
      }
      const root = tableRoot(doc, change.table);
      if (change.after === undefined) {
        root.delete(change.id);
        continue;
      }
      if (!root.has(change.id)) added.set(change.table, [...(added.get(change.table) ?? []), { id: change.id, index: change.afterIndex }]);
      const record = childMap<unknown>(root as Y.Map<unknown>, change.id);
      if (change.table === 'maps') writeMap(record, change.after as ProcessMap);
      else writeFields(childMap(record, FIELDS), change.after as Record<string, unknown>);
    }
    for (const table of DOC_TABLES) {
      const root = tableRoot(doc, table) as Y.Map<unknown>;
      const ids = patch.orders[table];
      if (ids) writeOrder(root, ids);
      else for (const { id, index } of added.get(table) ?? []) writeOrder(root, orderWith(tableRoot(doc, table), id, index));
    }
  }, origin);
}

const emptyLike = (ws: Workspace): Workspace => ({ meta: { id: ws.meta.id, name: '' }, departments: [], systems: [], dataStores: [], maps: [] });

/** Write a whole workspace into an empty doc (the first upload of a workspace to its room). */
export function writeWorkspace(doc: Y.Doc, ws: Workspace, origin: unknown): void {
  const patch = patchBetween(emptyLike(ws), ws)!;
  // The meta of an empty workspace is a different object, so the patch carries the whole of it.
  applyPatchToDoc(doc, patch, origin);
}
