import { sameData } from '../model/sameData';
import type { ProcessMap } from '../model/types';
import type { Table } from './diff';

// Undo in a shared workspace undoes only your own edits. A history entry holds whole records,
// and other people's edits reach the store without entries, so writing an entry's stored side
// back would also wipe out whatever they changed in that record since. Instead the entry's own
// change (`from` -> `to`) is played onto the record as it is now, at the grain the live doc
// keeps (sync/docShape): a field of a flat record or of a map; a lane, step, flow or comment of
// a map (added, removed, or field by field) and their order; a step's box field by field; a
// lane's height; a flow's route.
//
// Records that come and go: what the entry adds it adds back (undoing my delete brings the
// record back), what it removes goes whatever was done to it since (undoing my add removes it),
// and a record someone else removed stays removed when the entry only changed it (undoing my
// rename of a map a colleague has deleted does not bring their deleted map back). A field
// someone else set after the entry keeps their value.

type Obj = Record<string, unknown>;
type Rec = Obj & { id: string };

/** The lists of records in a map, kept record by record in the live doc. */
const MAP_LISTS = ['lanes', 'nodes', 'flows', 'comments'] as const;

/**
 * The record `current` with the entry's change from `from` to `to` played onto it; undefined
 * when the record is to be absent. With `current === from` this is `to` itself.
 */
export function rebaseRecord(table: Table, from: unknown, to: unknown, current: unknown): unknown {
  if (current === from) return to;
  const merge = table === 'maps' ? (mergeMap as unknown as (f: Obj, t: Obj, c: Obj) => Obj) : mergeFields;
  return mergeEntry(from as Obj | undefined, to as Obj | undefined, current as Obj | undefined, merge);
}

/**
 * One record (or a step's box) that may come and go: see the rule at the top. Both sides come
 * from this tab's commands, which keep the references of what they did not touch.
 */
function mergeEntry<T extends Obj>(from: T | undefined, to: T | undefined, current: T | undefined, merge: (f: T, t: T, c: T) => T): T | undefined {
  if (from === to) return current;
  if (to === undefined) return undefined;
  if (current === undefined) return from === undefined ? to : undefined;
  return merge(from ?? ({} as T), to, current);
}

/**
 * `current` with each top-level key the entry changed set to the entry's value (or removed),
 * unless someone else has changed that key since: their later edit is what people see now.
 */
function mergeFields<T extends Obj>(from: T, to: T, current: T): T {
  if (from === to) return current;
  let out: Obj | undefined;
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (sameData(from[key], to[key]) || sameData(current[key], to[key]) || !sameData(current[key], from[key])) continue;
    out ??= { ...current };
    if (to[key] === undefined) delete out[key];
    else out[key] = to[key];
  }
  return (out ?? current) as T;
}

/** A dictionary of records (the steps' boxes), entry by entry. */
function mergeDict<T extends Obj>(from: Record<string, T>, to: Record<string, T>, current: Record<string, T>): Record<string, T> {
  if (from === to) return current;
  let out: Record<string, T> | undefined;
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const merged = mergeEntry(from[key], to[key], current[key], mergeFields);
    if (merged === current[key]) continue;
    out ??= { ...current };
    if (merged === undefined) delete out[key];
    else out[key] = merged;
  }
  return out ?? current;
}

function mergeMap(from: ProcessMap, to: ProcessMap, current: ProcessMap): ProcessMap {
  const fieldsOf = (m: ProcessMap): Obj => {
    const { lanes: _l, nodes: _n, flows: _f, comments: _c, view: _v, ...fields } = m;
    return fields;
  };
  const out: Obj = { ...mergeFields(fieldsOf(from), fieldsOf(to), fieldsOf(current)) };
  for (const name of MAP_LISTS) {
    const list = (m: ProcessMap) => (m[name] ?? []) as unknown as Rec[];
    const merged = mergeList(list(from), list(to), list(current));
    if (merged.length > 0 || name !== 'comments') out[name] = merged;
  }
  const boxes = (m: ProcessMap) => m.view.nodes as unknown as Record<string, Obj>;
  const v = current.view;
  const view = {
    nodes: mergeDict(boxes(from), boxes(to), boxes(current)) as unknown as typeof v.nodes,
    laneHeights: mergeFields(from.view.laneHeights, to.view.laneHeights, v.laneHeights),
    flowPoints: mergeFields(from.view.flowPoints, to.view.flowPoints, v.flowPoints),
  };
  if (view.nodes !== v.nodes || view.flowPoints !== v.flowPoints) view.flowPoints = fittingRoutes(view, out.flows as ProcessMap['flows'], [current, to]);
  out.view = view.nodes === v.nodes && view.laneHeights === v.laneHeights && view.flowPoints === v.flowPoints ? v : view;
  return out as unknown as ProcessMap;
}

/**
 * The routes whose ends are still the boxes they were routed for, in the copy each came from
 * (`sources`): a route ends on its steps' outlines, so one whose step the merge moved or
 * resized is dropped and its flow drawn between handles until the next layout, as a move does.
 */
function fittingRoutes(view: ProcessMap['view'], flows: ProcessMap['flows'], sources: ProcessMap[]): ProcessMap['view']['flowPoints'] {
  let out: ProcessMap['view']['flowPoints'] | undefined;
  for (const f of flows) {
    const points = view.flowPoints[f.id];
    const source = points && sources.find((m) => m.view.flowPoints[f.id] === points);
    if (!source || [f.from, f.to].every((id) => sameData(view.nodes[id], source.view.nodes[id]))) continue;
    out ??= { ...view.flowPoints };
    delete out[f.id];
  }
  return out ?? view.flowPoints;
}

const byId = (list: readonly Rec[]) => new Map(list.map((r) => [r.id, r]));

/** A map's list of records: each record as mergeEntry says, then the order (see placeIds). */
function mergeList(from: Rec[], to: Rec[], current: Rec[]): Rec[] {
  if (from === to) return current; // a list the entry did not touch keeps its reference
  const f = byId(from);
  const t = byId(to);
  const c = byId(current);
  const kept = new Map<string, Rec>();
  for (const r of current) {
    const merged = f.has(r.id) || t.has(r.id) ? mergeEntry(f.get(r.id), t.get(r.id), r, mergeFields) : r;
    if (merged) kept.set(r.id, merged);
  }
  for (const r of to) {
    if (c.has(r.id)) continue;
    const merged = mergeEntry(f.get(r.id), r, undefined, mergeFields);
    if (merged) kept.set(r.id, merged);
  }
  const ids = (list: Rec[]) => list.map((r) => r.id);
  // The entry's order wins where it moved records; otherwise the current order stands.
  const order = orderChanged(from, to, t) ? placeIds(ids(to), ids(current), kept) : placeIds(ids(current), ids(to), kept);
  const result = order.map((id) => kept.get(id)!);
  return result.length === current.length && result.every((r, i) => r === current[i]) ? current : result;
}

/** Whether the records on both sides of the entry stand in a different order after it. */
function orderChanged(from: Rec[], to: Rec[], toIds: Map<string, Rec>): boolean {
  const before = from.filter((r) => toIds.has(r.id)).map((r) => r.id);
  const f = new Set(before);
  const after = to.filter((r) => f.has(r.id)).map((r) => r.id);
  return before.some((id, i) => id !== after[i]);
}

/**
 * The ids of `kept` in the order of `primary`; those only in `secondary` go in after the one
 * before them there (or first), so a record keeps its neighbour from the list that has it.
 */
function placeIds(primary: string[], secondary: string[], kept: Map<string, unknown>): string[] {
  const out = primary.filter((id) => kept.has(id));
  const placed = new Set(out);
  let previous: string | undefined;
  for (const id of secondary) {
    if (kept.has(id) && !placed.has(id)) {
      out.splice(previous === undefined ? 0 : out.indexOf(previous) + 1, 0, id);
      placed.add(id);
    }
    if (placed.has(id)) previous = id;
  }
  return out;
}
