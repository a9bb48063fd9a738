import Dexie, { type Table } from 'dexie';
import type { WorkspaceMeta, WorkspaceStatus } from '../core/model/types';
import { DB_NAME } from './db';
import { uuid } from '../core/model/ids';

// The list of workspaces kept in this browser. Each workspace lives in a database of its own
// with the tables of db.ts, so the repository, the edit journal, the tab sync and the history
// work on one workspace as they always have (and a live workspace can later be one Yjs
// document per database). This small database only says which workspaces there are, what
// they are called, which are in the trash and which one was used last.

export const REGISTRY_NAME = 'lanemap-registry';

/** The database that held the only workspace before there were several: kept, in place, as a workspace. */
export const LEGACY_DB_NAME = DB_NAME;

export interface WorkspaceEntry {
  /** The registry's own key, apart from the document's `meta.id` (an import may bring any). */
  id: string;
  /** The IndexedDB database holding the workspace. */
  dbName: string;
  /** A copy of the document's details, for listing without opening every database. */
  name: string;
  organisation?: string;
  preparedBy?: string;
  status?: WorkspaceStatus;
  /** Milliseconds since 1970. */
  createdAt: number;
  openedAt: number;
  updatedAt: number;
  /** Set while the workspace is in the trash; it is deleted for good TRASH_DAYS later. */
  deletedAt?: number;
  /** Shared: the room on the Lanemap server and the secrets of its links (see state/live). */
  live?: LiveLinkRecord;
}

export interface LiveLinkRecord {
  room: string;
  /** The secret this browser enters with (an edit or a view-only one). */
  secret: string;
  /** The view-only secret, known to the browser that shared the workspace (and so can hand out both links). */
  readSecret: string | null;
  /** What the server said the secret allows, when last connected: a view-only link is refused edits even offline. */
  access?: 'edit' | 'read';
}

export type EntryDetails = Pick<WorkspaceEntry, 'name' | 'organisation' | 'preparedBy' | 'status'>;

export interface SettingRow {
  key: 'lastUsed' | 'initialised';
  /** lastUsed: the entry opened last, in any tab. */
  id?: string;
  /** initialised: when, and how (a first run with the demo, or an older Lanemap's database adopted). */
  at?: number;
  how?: 'demo' | 'legacy' | 'restored';
}

export class RegistryDB extends Dexie {
  declare workspaces: Table<WorkspaceEntry, string>;
  declare settings: Table<SettingRow, string>;

  constructor(name: string = REGISTRY_NAME) {
    super(name);
    this.version(1).stores({ workspaces: 'id', settings: 'key' });
  }
}

export const dbNameFor = (entryId: string): string => `lanemap-${entryId}`;

export const newEntryId = (): string => `ws-${uuid()}`;

/** The details an entry copies from the document: an absent field stays absent. */
export function detailsOf(meta: WorkspaceMeta): EntryDetails {
  const d: EntryDetails = { name: meta.name };
  if (meta.organisation) d.organisation = meta.organisation;
  if (meta.preparedBy) d.preparedBy = meta.preparedBy;
  if (meta.status) d.status = meta.status;
  return d;
}
