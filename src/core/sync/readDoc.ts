import type { MapView, ProcessMap, Workspace } from '../model/types';
import { BOXES, CATALOGUE_TABLES, type DocTable, expectMap, FIELDS, FLOW_POINTS, LANE_HEIGHTS, MAP_LISTS, type MapList, metaRoot, OMITTED_WHEN_EMPTY, optionalMap, ORDER, tableRoot, type YRecord } from './docShape';
import { byOrder } from './orderKeys';
import type * as Y from 'yjs';

// The doc read back as the workspace the app uses. A doc of the wrong shape (a record that is not
// a Y.Map) throws DocShapeError; the values of fields are returned as they are, for the schema
// (validateDoc) to judge.

type Fields = Record<string, unknown>;

/** A record's fields as a plain object. */
function readFields(record: Y.Map<unknown>, where: string): Fields {
  return expectMap(record.get(FIELDS), `${where}/${FIELDS}`).toJSON() as Fields;
}

/** The records of one list, in order, each read by `read`. */
function readList<T>(list: Y.Map<unknown> | null, where: string, read: (record: Y.Map<unknown>, at: string) => T): T[] {
  if (!list) return [];
  const entries = [...list.entries()].map(([id, v]): [string, Y.Map<unknown>] => [id, expectMap(v, `${where}/${id}`)]);
  const byId = new Map(entries);
  return byOrder(entries, (r) => r.get(ORDER)).map((id) => read(byId.get(id)!, `${where}/${id}`));
}

function readView(record: Y.Map<unknown>, where: string): MapView {
  const nodes: MapView['nodes'] = {};
  for (const [id, box] of optionalMap(record.get(BOXES), `${where}/${BOXES}`)?.entries() ?? []) {
    nodes[id] = expectMap(box, `${where}/${BOXES}/${id}`).toJSON() as MapView['nodes'][string];
  }
  const laneHeights = (optionalMap(record.get(LANE_HEIGHTS), `${where}/${LANE_HEIGHTS}`)?.toJSON() ?? {}) as MapView['laneHeights'];
  const flowPoints = (optionalMap(record.get(FLOW_POINTS), `${where}/${FLOW_POINTS}`)?.toJSON() ?? {}) as MapView['flowPoints'];
  return { nodes, laneHeights, flowPoints };
}

/** One map record as a ProcessMap: its fields, its lists in order, its geometry. */
export function readMapRecord(record: Y.Map<unknown>, where: string): ProcessMap {
  const lists = Object.fromEntries(
    MAP_LISTS.map((name) => [name, readList(optionalMap(record.get(name), `${where}/${name}`), `${where}/${name}`, readFields)]).filter(
      ([name, list]) => !(OMITTED_WHEN_EMPTY.has(name as MapList) && (list as unknown[]).length === 0),
    ),
  );
  return { ...readFields(record, where), ...lists, view: readView(record, where) } as unknown as ProcessMap;
}

/** One record of a table, or undefined when the doc does not hold it. */
export function readRecord(doc: Y.Doc, table: DocTable, id: string): unknown {
  const record = tableRoot(doc, table).get(id);
  if (record === undefined) return undefined;
  const rec = expectMap(record, `${table}/${id}`);
  return table === 'maps' ? readMapRecord(rec, `${table}/${id}`) : readFields(rec, `${table}/${id}`);
}

/** A table's ids in the order the doc keeps. */
export function tableOrder(doc: Y.Doc, table: DocTable): string[] {
  const entries = [...tableRoot(doc, table).entries()].map(([id, v]): [string, YRecord] => [id, expectMap(v, `${table}/${id}`)]);
  return byOrder(entries, (r) => r.get(ORDER));
}

export const readMeta = (doc: Y.Doc): Workspace['meta'] => metaRoot(doc).toJSON() as Workspace['meta'];

/** The whole workspace the doc holds. */
export function readWorkspace(doc: Y.Doc): Workspace {
  const read = (table: DocTable) => readList(tableRoot(doc, table) as Y.Map<unknown>, table, (r, at) => (table === 'maps' ? readMapRecord(r, at) : readFields(r, at)));
  const [departments, systems, dataStores] = CATALOGUE_TABLES.map(read);
  return { meta: readMeta(doc), departments, systems, dataStores, maps: read('maps') } as unknown as Workspace;
}
