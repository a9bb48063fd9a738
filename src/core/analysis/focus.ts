import type { Id, ProcessMap, Workspace } from '../model/types';
import type { Finding } from './types';

/**
 * What a finding points at on one map: its subjects that are nodes or lanes of the map,
 * and the nodes that stand for its catalogue subjects (a silo system's or duplicate
 * store's nodes carry its id as refId; a system is also drawn as the stores inside it).
 */
export function findingFocus(finding: Finding, map: ProcessMap, ws?: Pick<Workspace, 'dataStores'>): { nodeIds: Id[]; laneIds: Id[] } {
  const named = new Set(finding.subjects);
  const drawn = new Set(map.nodes.map((n) => n.refId));
  const subjects = new Set(named);
  for (const d of ws?.dataStores ?? []) {
    if (!d.systemId) continue;
    // A system stands for its stores; a store this map does not draw is seen in its system's box.
    if (named.has(d.systemId)) subjects.add(d.id);
    else if (named.has(d.id) && !drawn.has(d.id)) subjects.add(d.systemId);
  }
  const nodeIds = map.nodes.filter((n) => subjects.has(n.id) || (n.refId !== undefined && subjects.has(n.refId))).map((n) => n.id);
  const laneIds = map.lanes.filter((l) => subjects.has(l.id)).map((l) => l.id);
  return { nodeIds, laneIds };
}

/** Per node of a map: how many findings concern it and the worst severity among them. */
export function nodeBadges(findings: Finding[], map: ProcessMap, ws?: Pick<Workspace, 'dataStores'>): Map<Id, { count: number; severity: Finding['severity'] }> {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const out = new Map<Id, { count: number; severity: Finding['severity'] }>();
  for (const f of findings) {
    if (!f.mapIds.includes(map.id)) continue;
    for (const id of findingFocus(f, map, ws).nodeIds) {
      const prev = out.get(id);
      if (!prev) out.set(id, { count: 1, severity: f.severity });
      else out.set(id, { count: prev.count + 1, severity: rank[f.severity] < rank[prev.severity] ? f.severity : prev.severity });
    }
  }
  return out;
}
