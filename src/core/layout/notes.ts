import type { Id, MapNode, NodeBox, ProcessMap } from '../model/types';
import { isControlKind } from '../model/vocabulary';
import type { ElkColumns } from './elkGraph';
import type { LGraph } from './types';

// A sticky note belongs to the step it was put beside. Left to ELK it has no flows, so it went
// to the first or the last column, at the lane's far end. Each note is attached to the step
// nearest to it (in its own lane first) and laid out in that step's column, just under it in
// the first order, so placement stacks it beside its step; a second layout finds the same step.

const centre = (b: NodeBox) => [b.x + b.width / 2, b.y + b.height / 2] as const;

/** The step (any control node) each note is attached to, by note id. */
export function noteAnchors(map: Pick<ProcessMap, 'nodes' | 'view'>): Map<Id, Id> {
  const anchors = new Map<Id, Id>();
  const steps = map.nodes.filter((n) => isControlKind(n.kind));
  if (steps.length === 0) return anchors;
  map.nodes.forEach((note, index) => {
    if (note.kind !== 'note') return;
    const own = steps.filter((s) => s.laneId === note.laneId);
    const pool = own.length > 0 ? own : steps;
    const box = map.view.nodes[note.id];
    const anchor = box ? nearest(map, box, pool) : placedBefore(map.nodes, index, pool);
    if (anchor) anchors.set(note.id, anchor.id);
  });
  return anchors;
}

function nearest(map: Pick<ProcessMap, 'view'>, box: NodeBox, pool: MapNode[]): MapNode | undefined {
  const [x, y] = centre(box);
  let best: MapNode | undefined;
  let bestD = Infinity;
  for (const s of pool) {
    const b = map.view.nodes[s.id];
    if (!b) continue;
    const [sx, sy] = centre(b);
    const d = Math.hypot(sx - x, sy - y);
    if (d < bestD) [best, bestD] = [s, d];
  }
  return best ?? pool[0];
}

/** A note without a place yet: the step written just before it, else the first of the pool. */
function placedBefore(nodes: MapNode[], index: number, pool: MapNode[]): MapNode | undefined {
  const inPool = new Set(pool);
  for (let i = index - 1; i >= 0; i--) if (inPool.has(nodes[i]!)) return nodes[i];
  return pool[0];
}

/**
 * Notes moved into their step's column, just below it in the first order; columns left empty
 * by them close up, so a note never adds a column of its own.
 */
export function attachNotes(map: Pick<ProcessMap, 'nodes' | 'view'>, g: LGraph, cols: ElkColumns): ElkColumns {
  const anchors = noteAnchors(map);
  if (anchors.size === 0) return cols;
  const index = new Map(g.nodes.map((n, i) => [n.id, i]));
  const column = [...cols.column];
  const centreY = [...cols.centreY];
  for (const [note, anchor] of anchors) {
    const i = index.get(note);
    const a = index.get(anchor);
    if (i === undefined || a === undefined) continue;
    column[i] = column[a]!;
    centreY[i] = centreY[a]! + (g.nodes[a]!.height + g.nodes[i]!.height) / 2 + 1;
  }
  const used = [...new Set(column)].sort((p, q) => p - q);
  const renumber = new Map(used.map((c, k) => [c, k]));
  return { column: column.map((c) => renumber.get(c)!), count: used.length, centreY };
}
