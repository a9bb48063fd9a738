import Dexie, { type Table } from 'dexie';
import type { DataStore, Department, Id, ProcessMap, System } from '../core/model/types';

// The browser database. One row per map document plus a small index (DESIGN.md: documents
// load ~30x faster than one row per node). Catalogue records are small: one row each.

export const DB_NAME = 'lanemap';

export interface SchemaRow {
  key: 'schema';
  version: number;
}
export interface WorkspaceRow {
  key: 'workspace';
  id: Id;
  name: string;
  [extra: string]: unknown;
}
/** Display order of each list: IndexedDB hands rows back sorted by id, not as the user arranged them. */
export interface OrderRow {
  key: 'order';
  departments: Id[];
  systems: Id[];
  dataStores: Id[];
  maps: Id[];
}
export type MetaRow = SchemaRow | WorkspaceRow | OrderRow;

export interface MapIndexRow {
  id: Id;
  name: string;
  departmentId: Id | null;
  updatedAt: string;
  nodeCount: number;
  flowCount: number;
}

/** A stored row that failed validation, moved here intact so nothing is lost. */
export interface QuarantineRow {
  /** Auto-numbered, so a second bad copy of the same record never overwrites the first. */
  seq?: number;
  table: string;
  id: string;
  reason: string;
  at: string;
  row: unknown;
}

export class LanemapDB extends Dexie {
  // `declare`: a class field would shadow the tables Dexie puts on the instance.
  declare meta: Table<MetaRow, string>;
  declare maps: Table<ProcessMap, Id>;
  declare mapIndex: Table<MapIndexRow, Id>;
  declare departments: Table<Department, Id>;
  declare systems: Table<System, Id>;
  declare dataStores: Table<DataStore, Id>;
  declare quarantine: Table<QuarantineRow, number>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      maps: 'id',
      mapIndex: 'id, departmentId, updatedAt',
      departments: 'id',
      systems: 'id',
      dataStores: 'id',
      quarantine: '++seq, table, id',
    });
  }
}
