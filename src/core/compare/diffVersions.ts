import type { Flow, Id, Lane, MapNode, ProcessMap } from '../model/types';

// Two versions of one map, element by element. Ids survive edits, so elements are matched by
// id: what only the newer version has was added, what only the older has was removed, and an
// element in both changed when any of its meaningful fields differ. Geometry is not a change
// of meaning; nodes that only moved are listed apart.

export interface Change<T> {
  before: T;
  after: T;
  /** The fields that differ, in the record's field order ("label", "laneId"). */
  fields: string[];
}

export interface ElementDiff<T> {
  added: T[];
  removed: T[];
  changed: Change<T>[];
}

export interface VersionDiff {
  lanes: ElementDiff<Lane>;
  nodes: ElementDiff<MapNode>;
  flows: ElementDiff<Flow>;
  /** Map fields that differ: "name", "departmentId". */
  map: string[];
  /** Nodes in both whose box moved or was resized, and whose meaning did not change. */
  moved: Id[];
}

const NODE_FIELDS = ['kind', 'laneId', 'label', 'manual', 'refId', 'notes'] as const;
const FLOW_FIELDS = ['kind', 'from', 'to', 'label', 'access'] as const;
const LANE_FIELDS = ['name', 'departmentId'] as const;

/** Absent, false, null and "" say the same thing ("not manual", "no notes"). */
const blank = (v: unknown): unknown => (v === undefined || v === null || v === false || v === '' ? undefined : v);

function differing<T extends object>(a: T, b: T, fields: readonly (keyof T & string)[]): string[] {
  return fields.filter((f) => blank(a[f]) !== blank(b[f]));
}

function diffById<T extends { id: Id }>(older: readonly T[], newer: readonly T[], fields: (a: T, b: T) => string[]): ElementDiff<T> {
  const before = new Map(older.map((x) => [x.id, x]));
  const after = new Set(newer.map((x) => x.id));
  const out: ElementDiff<T> = { added: [], removed: older.filter((x) => !after.has(x.id)), changed: [] };
  for (const x of newer) {
    const old = before.get(x.id);
    if (!old) {
      out.added.push(x);
      continue;
    }
    const f = fields(old, x);
    if (f.length > 0) out.changed.push({ before: old, after: x, fields: f });
  }
  return out;
}

/** Each lane's rank among the lanes both versions have: adding a lane does not move the others. */
function ranks(lanes: readonly Lane[], keep: Set<Id>): Map<Id, number> {
  return new Map(lanes.filter((l) => keep.has(l.id)).map((l, i) => [l.id, i]));
}

/** What changed from `older` to `newer` (two versions of one map; the ids need not be equal). */
export function diffVersions(older: ProcessMap, newer: ProcessMap): VersionDiff {
  const common = new Set(older.lanes.map((l) => l.id).filter((id) => newer.lanes.some((l) => l.id === id)));
  const rankA = ranks(older.lanes, common);
  const rankB = ranks(newer.lanes, common);
  const lanes = diffById(older.lanes, newer.lanes, (a, b) => {
    const f = differing(a, b, LANE_FIELDS);
    return rankA.get(a.id) !== rankB.get(b.id) ? [...f, 'order'] : f;
  });
  const nodes = diffById(older.nodes, newer.nodes, (a, b) => differing(a, b, NODE_FIELDS));
  const flows = diffById(older.flows, newer.flows, (a, b) => differing(a, b, FLOW_FIELDS));
  const changedNodes = new Set(nodes.changed.map((c) => c.after.id));
  const moved = newer.nodes
    .filter((n) => !changedNodes.has(n.id))
    .filter((n) => {
      const a = older.view.nodes[n.id];
      const b = newer.view.nodes[n.id];
      return a && b && (a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height);
    })
    .map((n) => n.id);
  const map = (['name', 'departmentId'] as const).filter((f) => blank(older[f]) !== blank(newer[f]));
  return { lanes, nodes, flows, map, moved };
}

/** True when the versions mean the same (positions aside). */
export function sameMeaning(d: VersionDiff): boolean {
  const none = (e: ElementDiff<unknown>) => e.added.length === 0 && e.removed.length === 0 && e.changed.length === 0;
  return none(d.lanes) && none(d.nodes) && none(d.flows) && d.map.length === 0;
}
