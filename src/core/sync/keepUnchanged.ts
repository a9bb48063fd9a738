import type { RecordChange } from '../commands/diff';
import type { WorkspacePatch } from '../commands/workspacePatch';
import { sameData } from '../model/sameData';
import type { MapView, ProcessMap, Workspace } from '../model/types';
import { MAP_LISTS } from './docShape';

// A record read back from the doc is a new object even where nothing in it changed: a map whose
// one step was renamed elsewhere comes back with every lane, step and flow new. Taken in as it
// is, the canvas would redraw the whole map for each remote keystroke, and the save and the undo
// would see every record as changed. So a remote patch keeps the objects the store already holds
// wherever they are equal, down to each record of a map's lists and each box of its geometry.

type Keyed = { id: string };

/** `next` with every item equal to the one of the same id in `prev` replaced by prev's; `prev` itself when all are. */
function keepList<T extends Keyed>(prev: readonly T[] | undefined, next: T[] | undefined): T[] | undefined {
  if (!next || !prev) return next;
  const before = new Map(prev.map((r) => [r.id, r]));
  const out = next.map((r) => {
    const old = before.get(r.id);
    return old && sameData(old, r) ? old : r;
  });
  return out.length === prev.length && out.every((r, i) => r === prev[i]) ? (prev as T[]) : out;
}

function keepEntries<T>(prev: Record<string, T>, next: Record<string, T>): Record<string, T> {
  const keys = Object.keys(next);
  const out = Object.fromEntries(keys.map((k) => [k, k in prev && sameData(prev[k], next[k]) ? prev[k]! : next[k]!]));
  return keys.length === Object.keys(prev).length && keys.every((k) => out[k] === prev[k]) ? prev : out;
}

function keepView(prev: MapView, next: MapView): MapView {
  const view = { nodes: keepEntries(prev.nodes, next.nodes), laneHeights: keepEntries(prev.laneHeights, next.laneHeights), flowPoints: keepEntries(prev.flowPoints, next.flowPoints) };
  return view.nodes === prev.nodes && view.laneHeights === prev.laneHeights && view.flowPoints === prev.flowPoints ? prev : view;
}

/** A map read from the doc sharing every part equal to the store's copy; that copy when nothing differs. */
function keepUnchangedMap(prev: ProcessMap, next: ProcessMap): ProcessMap {
  const out: Record<string, unknown> = { ...next, view: keepView(prev.view, next.view) };
  for (const name of MAP_LISTS) if (name in next) out[name] = keepList<Keyed>(prev[name], next[name]);
  const same = Object.keys(out).length === Object.keys(prev).length && Object.keys(out).every((k) => out[k] === (prev as unknown as Record<string, unknown>)[k] || sameData(out[k], (prev as unknown as Record<string, unknown>)[k]));
  return same ? prev : (out as unknown as ProcessMap);
}

function currentOf(ws: Workspace, change: RecordChange): unknown {
  if (change.table === 'meta') return ws.meta;
  return (ws[change.table] as Keyed[]).find((r) => r.id === change.id);
}

/**
 * The patch as it changes `ws`: records equal to the ones held dropped, the parts of a changed
 * map that are equal kept as the store's objects, and orders that are the same left out.
 */
export function keepUnchanged(ws: Workspace, patch: WorkspacePatch): WorkspacePatch {
  const changes: RecordChange[] = [];
  for (const c of patch.changes) {
    const held = currentOf(ws, c);
    if (c.after === undefined || held === undefined) {
      if (c.after !== undefined || held !== undefined) changes.push(c);
      continue;
    }
    const after = c.table === 'maps' ? keepUnchangedMap(held as ProcessMap, c.after as ProcessMap) : sameData(held, c.after) ? held : c.after;
    if (after !== held) changes.push({ ...c, after });
  }
  const orders: WorkspacePatch['orders'] = {};
  for (const [table, ids] of Object.entries(patch.orders) as [keyof WorkspacePatch['orders'], string[]][]) {
    const list = ws[table] as Keyed[];
    if (ids.length !== list.length || ids.some((id, i) => list[i]!.id !== id)) orders[table] = ids;
  }
  return { changes, orders };
}
