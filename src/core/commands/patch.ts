// The small difference between two versions of one immutable record, for the edit journal: a
// rename in a map of 10,000 steps is one label, not the whole map. Records are immutable, so
// whatever an edit did not touch keeps its reference and is skipped without being looked into.
// Every operation sets a value at a path (never "add one"), so applying a patch again, or a
// run of patches onto a copy that already has some of them, ends in the same record.

/** A key of an object, or `{ id }`: the element of a list of records with that id. */
export type PatchKey = string | { id: string };

export type PatchOp =
  | { path: PatchKey[]; set: unknown }
  | { path: PatchKey[]; drop: true }
  /** A list of records whose order or membership changed: the new order, and the records that are new or changed. */
  | { path: PatchKey[]; order: string[]; items: { id: string }[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list whose elements are all records with distinct string ids. */
function idList(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const ids: string[] = [];
  for (const item of v) {
    if (!isObj(item) || typeof item.id !== 'string') return null;
    ids.push(item.id);
  }
  return new Set(ids).size === ids.length ? ids : null;
}

/** What turns `before` into `after`: empty when they are the same. */
export function diffRecord(before: unknown, after: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  walk(before, after, [], ops);
  return ops;
}

function walk(before: unknown, after: unknown, path: PatchKey[], ops: PatchOp[]): void {
  if (before === after) return;
  if (isObj(before) && isObj(after)) {
    for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) ops.push({ path: [...path, key], drop: true });
    for (const key of Object.keys(after)) walk(before[key], after[key], [...path, key], ops);
    return;
  }
  const was = idList(before);
  const now = was && idList(after);
  if (was && now) {
    const items = after as { id: string }[];
    if (was.length === now.length && was.every((id, i) => id === now[i])) {
      items.forEach((item, i) => walk((before as unknown[])[i], item, [...path, { id: item.id }], ops));
    } else {
      const old = new Set(before as unknown[]);
      ops.push({ path, order: now, items: items.filter((item) => !old.has(item)) });
    }
    return;
  }
  ops.push({ path, set: after });
}

export interface PatchResult<T> {
  value: T;
  /** Operations whose place no longer exists in the record (an element since removed): left out. */
  skipped: number;
}

/** `ops` applied to `record`, copying only what they touch. */
export function applyPatch<T>(record: T, ops: readonly PatchOp[]): PatchResult<T> {
  let value: unknown = record;
  let skipped = 0;
  for (const op of ops) {
    const next = applyAt(value, op, 0);
    if (next === MISSING) skipped++;
    else value = next;
  }
  return { value: value as T, skipped };
}

const MISSING = Symbol('missing');

function applyAt(node: unknown, op: PatchOp, depth: number): unknown {
  if (depth === op.path.length) {
    if ('set' in op) return op.set;
    if ('order' in op) {
      const current = new Map((Array.isArray(node) ? node : []).filter(isObj).map((r) => [r.id, r]));
      const changed = new Map(op.items.map((r) => [r.id, r]));
      return op.order.map((id) => changed.get(id) ?? current.get(id)).filter((r) => r !== undefined);
    }
    return MISSING; // a drop is done by its parent
  }
  const key = op.path[depth]!;
  const last = depth === op.path.length - 1;
  if (typeof key === 'string') {
    if (!isObj(node)) return MISSING;
    if (last && 'drop' in op) {
      if (!Object.hasOwn(node, key)) return node;
      const copy = { ...node };
      delete copy[key];
      return copy;
    }
    const child = applyAt(node[key], op, depth + 1);
    return child === MISSING ? MISSING : { ...node, [key]: child };
  }
  if (!Array.isArray(node)) return MISSING;
  const i = node.findIndex((item) => isObj(item) && item.id === key.id);
  if (i < 0) return MISSING;
  const child = applyAt(node[i], op, depth + 1);
  if (child === MISSING) return MISSING;
  const copy = [...node];
  copy[i] = child;
  return copy;
}
