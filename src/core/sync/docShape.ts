import * as Y from 'yjs';

// The shape of a workspace's Y.Doc. Every record is a Y.Map keyed by its id under its table's
// root map, holding `order` (its place in the list) and `fields` (a Y.Map, one key per field,
// so two people editing different fields of one record both keep their change). A map's record
// holds its lanes, nodes and flows the same way, and its geometry apart (as `view` is apart in
// the model): `boxes` (a Y.Map per node: x, y, width, height), `laneHeights` and `flowPoints`.
// A field's value is plain JSON: lists such as customerFields are replaced whole, last writer wins.

export const CATALOGUE_TABLES = ['departments', 'systems', 'dataStores'] as const;
export type CatalogueTable = (typeof CATALOGUE_TABLES)[number];
export type DocTable = CatalogueTable | 'maps';
export const DOC_TABLES: readonly DocTable[] = [...CATALOGUE_TABLES, 'maps'];

/**
 * A map's lists of records, each a Y.Map keyed by id. Comments are records too, so two people
 * commenting at once both keep theirs; a map without any has no `comments` field, as the model
 * keeps it, but its Y.Map is made with the map, so two first comments land in the same one.
 */
export const MAP_LISTS = ['lanes', 'nodes', 'flows', 'comments'] as const;
export type MapList = (typeof MAP_LISTS)[number];
export const OMITTED_WHEN_EMPTY: ReadonlySet<MapList> = new Set(['comments']);

/** The keys of a record's Y.Map. */
export const ORDER = 'order';
export const FIELDS = 'fields';
/** A map record's geometry parts (besides ORDER, FIELDS and MAP_LISTS). */
export const BOXES = 'boxes';
export const LANE_HEIGHTS = 'laneHeights';
export const FLOW_POINTS = 'flowPoints';

export type YRecord = Y.Map<unknown>;

export const metaRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const tableRoot = (doc: Y.Doc, table: DocTable): Y.Map<YRecord> => doc.getMap(table);

/** A nested Y.Map of `parent`, made when missing (inside the caller's transaction). */
export function childMap<T>(parent: Y.Map<unknown>, key: string): Y.Map<T> {
  const found = parent.get(key);
  if (found instanceof Y.Map) return found as Y.Map<T>;
  const made = new Y.Map<T>();
  parent.set(key, made);
  return made;
}

/** The doc's shape is wrong where a record or part of one is expected (only a foreign or hostile writer does that). */
export class DocShapeError extends Error {}

export function expectMap(value: unknown, where: string): Y.Map<unknown> {
  if (value instanceof Y.Map) return value as Y.Map<unknown>;
  throw new DocShapeError(`${where}: is not a record`);
}

/** A part that may be missing (a map without geometry yet); present, it must be a Y.Map. */
export function optionalMap(value: unknown, where: string): Y.Map<unknown> | null {
  return value === undefined ? null : expectMap(value, where);
}
