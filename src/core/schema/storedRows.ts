import './zodSetup';
import { z } from 'zod';
import { REQUIREMENT_PRIORITIES, WORKSPACE_STATUSES, type Id, type WorkspaceMeta } from '../model/types';
import { addZodIssues, type BundleIssue, humanError, IssueList } from './issues';
import { STORAGE_VERSION } from './storageVersion';
import { isObject, trashKeptUnderItsId, type RowCheck, type RowValidator, type StoredTable } from './rowWords';
import { idSchema, processMapSchema, validateCatalogueRecord, validateMapRecord, type RecordContext } from './records';

// Every kind of row the browser database holds, one at a time: validate, migrate, restore.
// The loader, the "Damaged records" panel and the recovery download all read rows through
// here, so a row judged bad in one place is bad in all of them, for the same reason.
// These are the zod checks, loaded only when a row fails the fast check (rowShapes.ts).

export { STORED_TABLES, rowKey, describeRow, explainProblems, type StoredTable, type RowCheck } from './rowWords';

const requirementSchema = z.looseObject({
  id: idSchema,
  text: z.string(),
  priority: z.enum(REQUIREMENT_PRIORITIES),
  findingIds: z.array(z.string()).default([]),
});

/** The workspace's own row: its name and details, recommendations and requirements. */
export const workspaceRowSchema = z.looseObject({
  key: z.literal('workspace'),
  id: idSchema,
  name: z.string(),
  organisation: z.string().optional(),
  preparedBy: z.string().optional(),
  status: z.enum(WORKSPACE_STATUSES).optional(),
  recommendations: z.record(z.string(), z.string()).optional(),
  requirements: z.array(requirementSchema).optional(),
});

const ids = z.array(idSchema);
const orderRowSchema = z.looseObject({ key: z.literal('order'), departments: ids, systems: ids, dataStores: ids, maps: ids });
const schemaRowSchema = z.looseObject({ key: z.literal('schema'), version: z.number().int().positive() });
const count0 = z.number().int().nonnegative();

const mapIndexSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  departmentId: idSchema.nullable(),
  updatedAt: z.string(),
  nodeCount: count0,
  flowCount: count0,
});

const revisionRowSchema = z.looseObject({
  id: idSchema,
  mapId: idSchema,
  at: z.number().finite(),
  size: z.number().nonnegative(),
  summary: z.looseObject({ name: z.string(), lanes: count0, nodes: count0, flows: count0, hash: z.string(), textHash: z.string() }),
});

/** A version's map and a trashed map may point at catalogue entries deleted since: restoring them drops such links. */
const revisionBodySchema = z.looseObject({ id: idSchema, map: processMapSchema });
const trashRowSchema = z.looseObject({ id: idSchema, deletedAt: z.number().finite(), map: processMapSchema });

const SCHEMAS = {
  mapIndex: mapIndexSchema,
  revisions: revisionRowSchema,
  revisionMaps: revisionBodySchema,
  trash: trashRowSchema,
} as const;

const META_SCHEMAS: Record<string, z.ZodType> = { workspace: workspaceRowSchema, order: orderRowSchema, schema: schemaRowSchema };

function check(schema: z.ZodType, raw: unknown): RowCheck {
  const parsed = schema.safeParse(raw, { error: humanError });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = new IssueList();
  addZodIssues(issues, [], parsed.error);
  return { ok: false, problems: issues.result() };
}

/**
 * Check one stored row. Maps are checked against the catalogue they point at (`ctx`); meta
 * rows a newer Lanemap may add (keys we do not know) pass untouched.
 */
export function validateRow(table: StoredTable, raw: unknown, ctx?: RecordContext): RowCheck {
  switch (table) {
    case 'departments':
    case 'systems':
    case 'dataStores': {
      const v = validateCatalogueRecord(table, raw);
      return v.ok ? { ok: true, value: v.record } : { ok: false, problems: v.errors };
    }
    case 'maps': {
      const v = validateMapRecord(raw, ctx ?? { departmentIds: [], systemIds: [], dataStoreIds: [] });
      return v.ok ? { ok: true, value: v.map } : { ok: false, problems: v.errors };
    }
    case 'meta': {
      if (!isObject(raw) || typeof raw.key !== 'string') return { ok: false, problems: [{ path: 'key', message: 'is required' }] };
      const schema = Object.hasOwn(META_SCHEMAS, raw.key) ? META_SCHEMAS[raw.key] : undefined;
      return schema ? check(schema, raw) : { ok: true, value: raw };
    }
    case 'trash': {
      const v = check(trashRowSchema, raw);
      return v.ok ? trashKeptUnderItsId(v.value) : v;
    }
    default:
      return check(SCHEMAS[table], raw);
  }
}

/** A row-changing step between storage versions: the row as version `version - 1` wrote it, made as `version` writes it. */
interface RowStep {
  version: number;
  table: StoredTable;
  up: (row: unknown) => unknown;
}

/**
 * Row-changing steps, oldest first. Version 2 added tables and changed no row, so there are
 * none yet; a layout change that alters a row adds its step here as well as in migrations.ts,
 * so a row set aside before the change can still be restored after it.
 */
const ROW_STEPS: readonly RowStep[] = [];

export type Migrated = { ok: true; row: unknown } | { ok: false; reason: string };

/** Bring a row set aside at storage version `from` up to this version's layout. */
export function migrateRow(table: StoredTable, raw: unknown, from: number, steps: readonly RowStep[] = ROW_STEPS): Migrated {
  if (from > STORAGE_VERSION) {
    return { ok: false, reason: `It was set aside by a newer version of Lanemap (storage version ${from}; this one is ${STORAGE_VERSION}). Update Lanemap, then try again.` };
  }
  let row = raw;
  for (const step of steps) if (step.table === table && step.version > from && step.version <= STORAGE_VERSION) row = step.up(row);
  return { ok: true, row };
}

// ---------------------------------------------------------------- the workspace row

/**
 * The workspace's details from its row, keeping every field that is readable: a name of the
 * wrong type (it once crashed the page) gives "Workspace", a bad requirement is left out on
 * its own. `problems` is empty when the row was whole.
 */
export function restoreWorkspaceMeta(raw: unknown, fallbackId: () => Id): { meta: WorkspaceMeta; problems: BundleIssue[] } {
  const whole = check(workspaceRowSchema, raw);
  if (whole.ok) {
    const { key: _key, ...meta } = whole.value as Record<string, unknown>;
    return { meta: meta as unknown as WorkspaceMeta, problems: [] };
  }
  const row = isObject(raw) ? raw : {};
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'key') continue;
    const field = workspaceRowSchema.shape[k as keyof typeof workspaceRowSchema.shape];
    if (!field) meta[k] = v; // a newer version's field: kept as it is
    else if (k === 'requirements' && Array.isArray(v)) meta[k] = v.flatMap((r) => { const p = requirementSchema.safeParse(r); return p.success ? [p.data] : []; });
    else if (k === 'recommendations' && isObject(v)) meta[k] = Object.fromEntries(Object.entries(v).filter(([, text]) => typeof text === 'string'));
    else if (field.safeParse(v).success) meta[k] = v;
  }
  if (typeof meta.id !== 'string' || !meta.id) meta.id = fallbackId();
  if (typeof meta.name !== 'string') meta.name = 'Workspace';
  return { meta: meta as unknown as WorkspaceMeta, problems: whole.problems };
}

/** The zod checks as the loader takes them (rowValidator.ts). */
export const fullRows: RowValidator = { validateRow, restoreWorkspaceMeta };
