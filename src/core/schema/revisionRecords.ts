import type { Id, ProcessMap } from '../model/types';
import { capitalise, count } from '../model/vocabulary';

// A revision is a map as it was saved at one moment. The stored row is split in two: a
// small description (listed, pruned) and the map itself (read only to view or restore),
// so listing a map's history never loads a hundred copies of it.

export interface RevisionSummary {
  name: string;
  lanes: number;
  nodes: number;
  flows: number;
  /** Of the whole map: equal hashes mean nothing changed. */
  hash: string;
  /** Of what the map says (names, labels, kinds, links), not where things sit. */
  textHash: string;
}

export interface RevisionRow {
  id: string;
  mapId: Id;
  /** When it was saved, in milliseconds since 1970 (the pruning rules count hours). */
  at: number;
  /** Length of the map as JSON text: what the size cap adds up. */
  size: number;
  summary: RevisionSummary;
}

export interface RevisionBody {
  id: string;
  map: ProcessMap;
}

/** FNV-1a: fast, stable, and enough to tell two versions of a map apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(36)}.${text.length.toString(36)}`;
}

/** The semantic part of a map, without its geometry. */
function textOf(map: ProcessMap): string {
  return JSON.stringify([
    map.name,
    map.departmentId,
    map.lanes.map((l) => [l.id, l.name, l.departmentId ?? null]),
    map.nodes.map((n) => [n.id, n.kind, n.laneId, n.label, n.refId ?? null, n.notes ?? null]),
    map.flows.map((f) => [f.id, f.kind, f.from, f.to, f.label ?? null, f.access ?? null]),
  ]);
}

export function revisionOf(map: ProcessMap, at: number, id: string): { row: RevisionRow; body: RevisionBody } {
  const json = JSON.stringify(map);
  const summary: RevisionSummary = {
    name: map.name,
    lanes: map.lanes.length,
    nodes: map.nodes.length,
    flows: map.flows.length,
    hash: hash(json),
    textHash: hash(textOf(map)),
  };
  return { row: { id, mapId: map.id, at, size: json.length, summary }, body: { id, map } };
}

const delta = (n: number, word: string) => (n === 0 ? [] : [`${n > 0 ? '+' : '−'}${count(Math.abs(n), word)}`]);

/** What a version changed since the one before it, in a few words: "+2 nodes, +1 flow". */
export function describeChange(prev: RevisionSummary | undefined, next: RevisionSummary): string {
  if (!prev) return 'Earliest version kept';
  if (prev.hash === next.hash) return 'No change';
  const parts = [
    ...(prev.name !== next.name ? [`renamed to “${next.name}”`] : []),
    ...delta(next.lanes - prev.lanes, 'lane'),
    ...delta(next.nodes - prev.nodes, 'node'),
    ...delta(next.flows - prev.flows, 'flow'),
  ];
  if (parts.length > 0) return capitalise(parts.join(', '));
  return prev.textHash !== next.textHash ? 'Labels or links edited' : 'Layout changed';
}

export const describeCounts = (s: RevisionSummary): string => `${count(s.lanes, 'lane')}, ${count(s.nodes, 'node')}, ${count(s.flows, 'flow')}`;
