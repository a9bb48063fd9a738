import { ACCESS_KINDS, DATA_STORE_KINDS, FLOW_KINDS, NODE_KINDS, REQUIREMENT_PRIORITIES, WORKSPACE_STATUSES } from '../model/types';
import type { StoredTable } from './rowWords';

// A fast, hand-written check that a stored row is well formed, so a page load whose rows are
// all whole never loads zod (about 90 KB of script). It answers only "certainly well formed,
// and zod would hand it back unchanged": anything else (a bad value, a field zod would fill
// with its default, a key a strict zod object would drop, an object that is not a plain one)
// is left to the zod schemas in records.ts and storedRows.ts, which say what is wrong.
// A unit test holds the two together: whatever this accepts, zod accepts and returns equal.

type Check = (v: unknown) => boolean;
type Shape = Record<string, Check>;

/** A plain object; one with an own "__proto__" key (possible from JSON) is left to zod. */
const plain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && !Object.hasOwn(v, '__proto__');
};

const str: Check = (v) => typeof v === 'string';
const id: Check = (v) => typeof v === 'string' && v.length > 0;
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const positive: Check = (v) => num(v) && (v as number) > 0;
const nonNegative: Check = (v) => num(v) && (v as number) >= 0;
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
/** Absent or undefined; zod's `.optional()`. */
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const nullable = (c: Check): Check => (v) => v === null || c(v);

/** An array of items, with no holes and no named keys besides (zod's copy would lose those). */
function list(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v) || Object.keys(v).length !== v.length) return false;
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  };
}

function record(value: Check): Check {
  return (v) => plain(v) && Object.values(v).every(value);
}

/** Every field of the shape checks, own keys only (a missing one is undefined); other keys are kept (zod's looseObject). */
function loose(shape: Shape): Check {
  return (v) => plain(v) && Object.keys(shape).every((k) => shape[k]!(Object.hasOwn(v, k) ? v[k] : undefined));
}

/** As loose, and no other keys: zod's plain object would drop them, so such a row is left to zod. */
function exact(shape: Shape): Check {
  const check = loose(shape);
  return (v) => check(v) && Object.keys(v as object).every((k) => Object.hasOwn(shape, k));
}

/** A field zod fills with a default when it is missing: present, so nothing would be filled in. */
const present = (c: Check): Check => (v) => v !== undefined && c(v);

const ref = optional(nullable(id));
const point: Check = (v) => Array.isArray(v) && v.length === 2 && Object.keys(v).length === 2 && num(v[0]) && num(v[1]);

const department = loose({ id, name: str });
const system = loose({ id, name: str, kind: str, integratesWith: present(list(id)), ownerDepartmentId: ref });
const dataStore = loose({
  id,
  name: str,
  kind: oneOf(DATA_STORE_KINDS),
  systemId: present(nullable(id)),
  ownerDepartmentId: ref,
  customerFields: present(list(str)),
  population: optional(str),
  sensitiveFields: optional(list(str)),
});
const lane = loose({ id, name: str, departmentId: ref });
const node = loose({
  id,
  kind: oneOf(NODE_KINDS),
  laneId: id,
  label: str,
  manual: optional(bool),
  refId: optional(id),
  notes: optional(str),
  minutesPerCase: optional(nonNegative),
  casesPerYear: optional(nonNegative),
  commentsResolved: optional(bool),
});
const flow = loose({ id, kind: oneOf(FLOW_KINDS), from: id, to: id, label: optional(str), access: optional(oneOf(ACCESS_KINDS)) });
const view = exact({
  nodes: record(exact({ x: num, y: num, width: positive, height: positive })),
  laneHeights: record(positive),
  flowPoints: record(list(point)),
});

/** A map as the app keeps it (geometry in `view`); references are checked apart, in references.ts. */
export const wellFormedMap = loose({
  id,
  name: str,
  departmentId: nullable(id),
  lanes: list(lane),
  nodes: list(node),
  flows: list(flow),
  view,
  updatedAt: str,
  casesPerYear: optional(nonNegative),
  review: optional(loose({ state: oneOf(WORKSPACE_STATUSES), by: optional(str), at: optional(str) })),
  comments: optional(list(loose({ id, nodeId: id, author: str, text: str, at: str }))),
  extra: optional(plain),
});

const requirement = loose({ id, text: str, priority: oneOf(REQUIREMENT_PRIORITIES), findingIds: present(list(str)) });
const META: Record<string, Check> = {
  workspace: loose({
    key: (v) => v === 'workspace',
    id,
    name: str,
    organisation: optional(str),
    preparedBy: optional(str),
    status: optional(oneOf(WORKSPACE_STATUSES)),
    recommendations: optional(record(str)),
    requirements: optional(list(requirement)),
  }),
  order: loose({ key: (v) => v === 'order', departments: list(id), systems: list(id), dataStores: list(id), maps: list(id) }),
  schema: loose({ key: (v) => v === 'schema', version: (v) => Number.isSafeInteger(v) && (v as number) > 0 }),
  emptied: loose({ key: (v) => v === 'emptied', at: num }),
};

const ROWS: Record<Exclude<StoredTable, 'meta'>, Check> = {
  departments: department,
  systems: system,
  dataStores: dataStore,
  maps: wellFormedMap,
  mapIndex: loose({ id, name: str, departmentId: nullable(id), updatedAt: str, nodeCount: count, flowCount: count }),
  revisions: loose({
    id,
    mapId: id,
    at: num,
    size: nonNegative,
    summary: loose({ name: str, lanes: count, nodes: count, flows: count, hash: str, textHash: str }),
  }),
  revisionMaps: loose({ id, map: wellFormedMap }),
  trash: loose({ id, deletedAt: num, map: wellFormedMap }),
};

/**
 * True when the row is certainly well formed as its table keeps it, and zod would return it
 * unchanged. For maps only the shape is checked: references are the caller's (references.ts).
 * A meta row of a key this version does not know is well formed (kept untouched).
 */
export function wellFormedRow(table: StoredTable, raw: unknown): boolean {
  if (table !== 'meta') return ROWS[table](raw);
  if (!plain(raw) || typeof raw.key !== 'string') return false;
  const check = Object.hasOwn(META, raw.key) ? META[raw.key] : undefined;
  return check ? check(raw) : true;
}
