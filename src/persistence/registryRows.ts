import { WORKSPACE_STATUSES } from '../core/model/types';
import { dbNameFor, type WorkspaceEntry } from './registryDb';

// An entry of the list of workspaces as stored, made readable: the list must never fail to
// show (or hide a workspace) because one entry has a field of the wrong type. The entry only
// points at the workspace's own database, which holds the data, so a field that cannot be read
// gets a plain default; an entry with no usable id is left out (nothing could open it).

export const DAMAGED_ENTRY_NAME = 'Workspace (damaged entry in the list)';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const time = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function readEntry(raw: unknown): WorkspaceEntry | null {
  if (!isObject(raw) || !text(raw.id)) return null;
  const id = raw.id as string;
  const entry: WorkspaceEntry = {
    ...(raw as object),
    id,
    dbName: text(raw.dbName) ?? dbNameFor(id),
    name: text(raw.name) ?? DAMAGED_ENTRY_NAME,
    createdAt: time(raw.createdAt) ?? 0,
    openedAt: time(raw.openedAt) ?? 0,
    updatedAt: time(raw.updatedAt) ?? 0,
  };
  for (const key of ['organisation', 'preparedBy'] as const) if (entry[key] !== undefined && !text(entry[key])) delete entry[key];
  if (entry.status !== undefined && !(WORKSPACE_STATUSES as readonly unknown[]).includes(entry.status)) delete entry.status;
  if (entry.live !== undefined && !readableLink(entry.live)) delete entry.live;
  // A trash date that cannot be read keeps the workspace out of the trash: never deleted for good by mistake.
  if (entry.deletedAt !== undefined && time(entry.deletedAt) === undefined) delete entry.deletedAt;
  return entry;
}

function readableLink(v: unknown): boolean {
  return isObject(v) && !!text(v.room) && !!text(v.secret) && (v.readSecret === null || !!text(v.readSecret)) && (v.access === undefined || v.access === 'edit' || v.access === 'read');
}

export const readEntries = (rows: unknown[]): WorkspaceEntry[] => rows.flatMap((r) => readEntry(r) ?? []);
