import './zodSetup';
import { z } from 'zod';
import { ACCESS_KINDS, DATA_STORE_KINDS, FLOW_KINDS, NODE_KINDS, MATCH_VERDICTS, REQUIREMENT_PRIORITIES, WORKSPACE_STATUSES, type DataStore, type Department, type Id, type ProcessMap, type System } from '../model/types';
import { addZodIssues, type BundleIssue, humanError, IssueList } from './issues';
import { MAX_ID_LENGTH, MAX_NOTES_LENGTH, MAX_TEXT_LENGTH } from './limits';
import { checkMapReferences, isObject } from './references';

export { checkCatalogue, checkMapReferences, records, uniqueIds, type CatalogueIds } from './references';

// Record checks shared by the bundle reader and the IndexedDB loader: shapes (zod), ids and
// references, and the one-row-at-a-time validation of stored records. Every
// record schema is loose: keys we do not know are kept, so a file written by a newer
// version or another tool loses nothing on a round trip (FORMAT.md).

export const idSchema = z.string().min(1);
const coord = z.number();
const size = z.number().positive();
export const pointSchema = z.tuple([coord, coord], { error: 'must be a point [x, y]' });

/** The string rules for one use: stored records take any length, imported files have limits (limits.ts). */
interface TextRules {
  id: z.ZodString;
  text: z.ZodString;
  notes: z.ZodString;
}

/** A step's or map's measure: minutes, or cases a year; a count of something, so finite and not negative. */
export const measure = z.number().nonnegative();

/** A comment on a step; `text` takes the notes' limit, since a comment can run to a paragraph. */
const commentSchema = (t: TextRules) => z.looseObject({ id: t.id, nodeId: t.id, author: t.text, text: t.notes, at: t.text });

/** A map's review status: who set it and when are optional (a file from another tool may give only the state). */
const reviewSchema = (text: z.ZodString) => z.looseObject({ state: z.enum(WORKSPACE_STATUSES), by: text.optional(), at: text.optional() });

function recordSchemas(t: TextRules) {
  const ref = t.id.nullable().optional();
  return {
    department: z.looseObject({ id: t.id, name: t.text }),
    system: z.looseObject({
      id: t.id,
      name: t.text,
      kind: t.text,
      integratesWith: z.array(t.id).default([]),
      ownerDepartmentId: ref,
    }),
    dataStore: z.looseObject({
      id: t.id,
      name: t.text,
      kind: z.enum(DATA_STORE_KINDS),
      systemId: t.id.nullable().default(null),
      ownerDepartmentId: ref,
      customerFields: z.array(t.text).default([]),
      population: t.text.optional(),
      sensitiveFields: z.array(t.text).optional(),
    }),
    lane: z.looseObject({ id: t.id, name: t.text, departmentId: ref }),
    node: z.looseObject({
      id: t.id,
      kind: z.enum(NODE_KINDS),
      laneId: t.id,
      label: t.text,
      manual: z.boolean().optional(),
      refId: t.id.optional(),
      notes: t.notes.optional(),
      minutesPerCase: measure.optional(),
      casesPerYear: measure.optional(),
      commentsResolved: z.boolean().optional(),
    }),
    flow: z.looseObject({
      id: t.id,
      kind: z.enum(FLOW_KINDS),
      from: t.id,
      to: t.id,
      label: t.text.optional(),
      access: z.enum(ACCESS_KINDS).optional(),
    }),
  };
}

const storedText: TextRules = { id: idSchema, text: z.string(), notes: z.string() };
const importedText: TextRules = { id: idSchema.max(MAX_ID_LENGTH), text: z.string().max(MAX_TEXT_LENGTH), notes: z.string().max(MAX_NOTES_LENGTH) };
const stored = recordSchemas(storedText);
const imported = recordSchemas(importedText);

export const departmentSchema = stored.department;
export const systemSchema = stored.system;
export const dataStoreSchema = stored.dataStore;
export const laneSchema = stored.lane;
export const nodeSchema = stored.node;
export const flowSchema = stored.flow;

// --- In the bundle: view fields inline on the records (FORMAT.md "View fields").

export const bundleNodeSchema = imported.node.extend({
  x: coord.optional(),
  y: coord.optional(),
  width: size.optional(),
  height: size.optional(),
});
export const bundleLaneSchema = imported.lane.extend({ y: coord.optional(), height: size.optional() });
export const bundleFlowSchema = imported.flow.extend({ points: z.array(pointSchema).optional() });

/** The keys of a bundle map that the reader understands; any other goes to `map.extra`. */
export const MAP_KEYS = ['id', 'name', 'departmentId', 'updatedAt', 'casesPerYear', 'review', 'comments', 'lanes', 'nodes', 'flows'] as const;

export const bundleMapSchema = z.looseObject({
  id: idSchema.max(MAX_ID_LENGTH),
  name: z.string().max(MAX_TEXT_LENGTH),
  departmentId: idSchema.max(MAX_ID_LENGTH).nullable().default(null),
  updatedAt: z.string().optional(),
  casesPerYear: measure.optional(),
  review: reviewSchema(z.string().max(MAX_TEXT_LENGTH)).optional(),
  comments: z.array(commentSchema(importedText)).optional(),
  lanes: z.array(bundleLaneSchema),
  nodes: z.array(bundleNodeSchema),
  flows: z.array(bundleFlowSchema),
});

/** Keys of the bundle's top level that the reader understands. */
export const BUNDLE_KEYS = ['format', 'schemaVersion', 'exportedAt', 'workspace', 'departments', 'systems', 'dataStores', 'maps'] as const;

export const bundleBodySchema = z.looseObject({
  exportedAt: z.string().optional(),
  workspace: z.looseObject({
    id: idSchema.max(MAX_ID_LENGTH),
    name: z.string().max(MAX_TEXT_LENGTH),
    organisation: z.string().max(MAX_TEXT_LENGTH).optional(),
    preparedBy: z.string().max(MAX_TEXT_LENGTH).optional(),
    status: z.enum(WORKSPACE_STATUSES).optional(),
    recommendations: z.record(z.string().max(MAX_ID_LENGTH), z.string().max(MAX_TEXT_LENGTH)).optional(),
    requirements: z
      .array(
        z.looseObject({
          id: idSchema.max(MAX_ID_LENGTH),
          text: z.string().max(MAX_NOTES_LENGTH),
          priority: z.enum(REQUIREMENT_PRIORITIES),
          findingIds: z.array(z.string().max(MAX_TEXT_LENGTH)).default([]),
        }),
      )
      .optional(),
    matchDecisions: z
      .array(
        z.looseObject({
          mapA: idSchema.max(MAX_ID_LENGTH),
          nodeA: idSchema.max(MAX_ID_LENGTH),
          mapB: idSchema.max(MAX_ID_LENGTH),
          nodeB: idSchema.max(MAX_ID_LENGTH),
          verdict: z.enum(MATCH_VERDICTS),
        }),
      )
      .optional(),
  }),
  departments: z.array(imported.department).default([]),
  systems: z.array(imported.system).default([]),
  dataStores: z.array(imported.dataStore).default([]),
  maps: z.array(bundleMapSchema).default([]),
});
export type BundleBody = z.infer<typeof bundleBodySchema>;
export type BundleMap = z.infer<typeof bundleMapSchema>;

// --- In memory and in IndexedDB: geometry apart in `view` (types.ts ProcessMap).

export const nodeBoxSchema = z.object({ x: coord, y: coord, width: size, height: size });

export const mapViewSchema = z.object({
  nodes: z.record(z.string(), nodeBoxSchema),
  laneHeights: z.record(z.string(), size),
  flowPoints: z.record(z.string(), z.array(pointSchema)),
});

export const processMapSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  departmentId: idSchema.nullable(),
  lanes: z.array(laneSchema),
  nodes: z.array(nodeSchema),
  flows: z.array(flowSchema),
  view: mapViewSchema,
  updatedAt: z.string(),
  casesPerYear: measure.optional(),
  review: reviewSchema(z.string()).optional(),
  comments: z.array(commentSchema(storedText)).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

// ---------------------------------------------------------------- stored records

// Validation of records as the app keeps them (IndexedDB rows), one at a time, so the
// loader can set one bad row aside and load the rest.

export interface RecordContext {
  departmentIds: Iterable<Id>;
  systemIds: Iterable<Id>;
  dataStoreIds: Iterable<Id>;
}

const asSet = (ids: Iterable<Id>): ReadonlySet<Id> => (ids instanceof Set ? ids : new Set(ids));

/** Check one in-memory ProcessMap (geometry in `view`) and its references to the catalogue. */
export function validateMapRecord(
  raw: unknown,
  ctx: RecordContext,
): { ok: true; map: ProcessMap } | { ok: false; errors: BundleIssue[] } {
  const issues = new IssueList();
  const parsed = processMapSchema.safeParse(raw, { error: humanError });
  if (!parsed.success) addZodIssues(issues, [], parsed.error);
  if (isObject(raw)) {
    const ids = { departmentIds: asSet(ctx.departmentIds), systemIds: asSet(ctx.systemIds), dataStoreIds: asSet(ctx.dataStoreIds) };
    checkMapReferences(raw, [], ids, issues);
  }
  if (!parsed.success || !issues.empty) return { ok: false, errors: issues.result() };
  return { ok: true, map: parsed.data as ProcessMap };
}

export type CatalogueTable = 'departments' | 'systems' | 'dataStores';
type CatalogueRecord<T extends CatalogueTable> = T extends 'departments' ? Department : T extends 'systems' ? System : DataStore;

const CATALOGUE_SCHEMAS = { departments: departmentSchema, systems: systemSchema, dataStores: dataStoreSchema };

/**
 * Check the shape of one catalogue row. References between catalogue records are not
 * checked here: a row is kept even if, say, its owner department is gone.
 */
export function validateCatalogueRecord<T extends CatalogueTable>(
  table: T,
  raw: unknown,
): { ok: true; record: CatalogueRecord<T> } | { ok: false; errors: BundleIssue[] } {
  const parsed = CATALOGUE_SCHEMAS[table].safeParse(raw, { error: humanError });
  if (parsed.success) return { ok: true, record: parsed.data as unknown as CatalogueRecord<T> };
  const issues = new IssueList();
  addZodIssues(issues, [], parsed.error);
  return { ok: false, errors: issues.result() };
}
