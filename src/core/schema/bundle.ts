import { DEFAULT_LANE_HEIGHT, NODE_SIZE } from '../model/geometry';
import { plural } from '../model/vocabulary';
import type { DataStore, Department, Flow, Lane, MapNode, MapView, Point, ProcessMap, System, Workspace } from '../model/types';
import { addZodIssues, type BundleIssue, describeValue, formatPath, humanError, IssueList, type PathPart } from './issues';
import { MAX_DEPTH, tooDeep } from './limits';
import { BUNDLE_KEYS, bundleBodySchema, type BundleMap, checkCatalogue, checkMapReferences, MAP_KEYS, records, uniqueIds } from './records';

// The workspace bundle (shared/FORMAT.md): read strictly and all-or-nothing, since an
// import that half-worked would be worse than one that explains what to fix.

import { BUNDLE_FORMAT, SCHEMA_VERSION } from './bundleWrite';

export { BUNDLE_FORMAT, SCHEMA_VERSION, toBundle, mapToBundle, type BundleLane, type BundleNode, type BundleFlow, type WorkspaceBundleMap, type WorkspaceBundle } from './bundleWrite';

export type { BundleIssue } from './issues';
export { validateMapRecord, validateCatalogueRecord, type RecordContext, type CatalogueTable } from './records';

export type ParseResult = { ok: true; workspace: Workspace; warnings: string[] } | { ok: false; errors: BundleIssue[] };

export interface ParseOptions {
  /** Stamp for maps that carry no time of their own, when the bundle has no exportedAt. */
  now?: () => string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (path: string, message: string): ParseResult => ({ ok: false, errors: [{ path, message }] });

/** Refuse what is not a bundle we can read before looking inside it. */
function checkHeader(json: Record<string, unknown>): ParseResult | null {
  if (json.format !== BUNDLE_FORMAT) {
    const found = json.format === undefined ? 'it has no "format" field' : `its "format" is ${describeValue(json.format)}`;
    return fail('format', `This is not a Lanemap workspace file: ${found} (expected "${BUNDLE_FORMAT}")`);
  }
  const v = json.schemaVersion;
  if (v === undefined) return fail('schemaVersion', 'is required (a whole number)');
  if (typeof v !== 'number' || !Number.isInteger(v)) return fail('schemaVersion', `must be a whole number, found ${describeValue(v)}`);
  if (v > SCHEMA_VERSION) {
    return fail(
      'schemaVersion',
      `This file was made by a newer version of Lanemap (schema ${v}); this version reads up to ${SCHEMA_VERSION}. Update Lanemap to open it.`,
    );
  }
  if (v < 1) return fail('schemaVersion', `must be 1 or more, found ${v}`);
  // Older schema versions would be migrated here; 1 is the first.
  return null;
}

export function parseBundle(json: unknown, opts: ParseOptions = {}): ParseResult {
  if (!isObject(json)) return fail('(root)', `This is not a Lanemap workspace file: expected a JSON object, found ${describeValue(json)}`);
  const refused = checkHeader(json);
  if (refused) return refused;
  // Deeper than this the browser cannot copy the data into storage: refuse it before reading.
  const deep = tooDeep(json);
  if (deep) return fail(formatPath(deep), `is nested more than ${MAX_DEPTH} levels deep`);

  const issues = new IssueList();
  const parsed = bundleBodySchema.safeParse(json, { error: humanError });
  if (!parsed.success) addZodIssues(issues, [], parsed.error);
  const catalogue = checkCatalogue(json, issues);
  uniqueIds(json.maps, ['maps'], issues);
  for (const [map, i] of records(json.maps)) checkMapReferences(map, ['maps', i], catalogue, issues);
  if (!parsed.success || !issues.empty) return { ok: false, errors: issues.result() };

  const body = parsed.data;
  const warnings: string[] = [];
  const unknown = Object.keys(json).filter((k) => !(BUNDLE_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    warnings.push(`Top-level ${plural(unknown.length, 'field')} ${unknown.map((k) => `"${k}"`).join(', ')} not kept by this version of Lanemap`);
  }
  const fallback = body.exportedAt ?? (opts.now ?? (() => new Date().toISOString()))();
  const workspace: Workspace = {
    meta: body.workspace,
    departments: body.departments as Department[],
    systems: body.systems as System[],
    dataStores: body.dataStores as DataStore[],
    maps: body.maps.map((m, i) => mapFromBundle(m, ['maps', i], m.updatedAt ?? fallback, warnings)),
  };
  return { ok: true, workspace, warnings };
}

/** Read a bundle file's text. Never throws: bad JSON is an error result with its position. */
export function parseBundleText(text: string, opts: ParseOptions = {}): ParseResult {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
  if (clean.trim() === '') return fail('(root)', 'The file is empty, so it is not valid JSON');
  let json: unknown;
  try {
    json = JSON.parse(clean);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (/unexpected end|unterminated/i.test(detail)) {
      return fail('(root)', `The file is not valid JSON: it ends before the JSON is complete, so it was probably cut off while being saved, downloaded or copied (${detail}).`);
    }
    return fail('(root)', `The file is not valid JSON${jsonErrorPosition(clean, detail)}: ${detail}`);
  }
  return parseBundle(json, opts);
}

/** " (line 3, column 5)" from V8's "at position 42", or "" when the message has none. */
function jsonErrorPosition(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

/** One validated bundle map as an in-memory ProcessMap. Warnings are for tolerated oddities. */
export function mapFromBundle(m: BundleMap, at: readonly PathPart[], updatedAt: string, warnings: string[]): ProcessMap {
  const view: MapView = { nodes: {}, laneHeights: {}, flowPoints: {} };

  // A lane's y is derived from the stacking order, so only its height is kept.
  const lanes = m.lanes.map(({ y: _y, height, ...lane }) => {
    view.laneHeights[lane.id] = height ?? DEFAULT_LANE_HEIGHT;
    return lane as Lane;
  });

  const nodes = m.nodes.map(({ x, y, width, height, ...node }, i) => {
    if (x !== undefined && y !== undefined) {
      const size = NODE_SIZE[node.kind];
      view.nodes[node.id] = { x, y, width: width ?? size.width, height: height ?? size.height };
    } else if (x !== undefined || y !== undefined) {
      warnings.push(`${formatPath([...at, 'nodes', i])}: has ${x === undefined ? 'y' : 'x'} but not ${x === undefined ? 'x' : 'y'}; the node will be laid out`);
    }
    return node as MapNode;
  });

  const flows = m.flows.map(({ points, ...flow }) => {
    if (points) view.flowPoints[flow.id] = points as Point[];
    return flow as Flow;
  });

  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (!(MAP_KEYS as readonly string[]).includes(k)) extra[k] = v;

  const map: ProcessMap = { id: m.id, name: m.name, departmentId: m.departmentId, lanes, nodes, flows, view, updatedAt };
  if (m.casesPerYear !== undefined) map.casesPerYear = m.casesPerYear;
  if (m.review !== undefined) map.review = m.review as ProcessMap['review'];
  if (m.comments !== undefined && m.comments.length > 0) map.comments = m.comments as ProcessMap['comments'];
  if (Object.keys(extra).length > 0) map.extra = extra;
  return map;
}
