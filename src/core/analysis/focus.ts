import type { Id, ProcessMap, Workspace } from '../model/types';
import type { Finding } from './types';

/**
 * What a finding points at on one map: its subjects that are nodes or lanes of the map,
 * and the nodes that stand for its catalogue subjects (a silo system's or duplicate
 * store's nodes carry its id as refId; a system is also drawn as the stores inside it).
 */
export function findingFocus(finding: Finding, map: ProcessMap, ws?: Pick<Workspace, 'dataStores'>): { nodeIds: Id[]; laneIds: Id[] } {
  const subjects = focusSubjects(finding, new Set(map.nodes.map((n) => n.refId)), ws);
  const nodeIds = map.nodes.filter((n) => subjects.has(n.id) || (n.refId !== undefined && subjects.has(n.refId))).map((n) => n.id);
  const laneIds = map.lanes.filter((l) => subjects.has(l.id)).map((l) => l.id);
  return { nodeIds, laneIds };
}

/** The ids a finding lights on a map whose nodes draw the catalogue records in `drawn`. */
function focusSubjects(finding: Finding, drawn: ReadonlySet<Id | undefined>, ws?: Pick<Workspace, 'dataStores'>): Set<Id> {
  const named = new Set(finding.subjects);
  const subjects = new Set(named);
  for (const d of ws?.dataStores ?? []) {
    if (!d.systemId) continue;
    // A system stands for its stores; a store this map does not draw is seen in its system's box.
    if (named.has(d.systemId)) subjects.add(d.id);
    else if (named.has(d.id) && !drawn.has(d.id)) subjects.add(d.systemId);
  }
  return subjects;
}

/**
 * Per node of a map: how many findings concern it and the worst severity among them. The map's
 * nodes are indexed once by the ids a finding can name (their own, their refId): done per
 * finding, as findingFocus does, it was a pass over every node for each finding, 10 ms an edit
 * on a 1,000-step map.
 */
export function nodeBadges(findings: Finding[], map: ProcessMap, ws?: Pick<Workspace, 'dataStores'>): Map<Id, { count: number; severity: Finding['severity'] }> {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const out = new Map<Id, { count: number; severity: Finding['severity'] }>();
  const onMap = findings.filter((f) => f.mapIds.includes(map.id));
  if (onMap.length === 0) return out;
  const nodesOf = new Map<Id, Id[]>();
  const index = (key: Id, id: Id) => {
    const list = nodesOf.get(key);
    if (list) list.push(id);
    else nodesOf.set(key, [id]);
  };
  const drawn = new Set<Id | undefined>();
  for (const n of map.nodes) {
    index(n.id, n.id);
    if (n.refId !== undefined && n.refId !== n.id) index(n.refId, n.id);
    drawn.add(n.refId);
  }
  for (const f of onMap) {
    const lit = new Set<Id>();
    for (const s of focusSubjects(f, drawn, ws)) for (const id of nodesOf.get(s) ?? []) lit.add(id);
    for (const id of lit) {
      const prev = out.get(id);
      if (!prev) out.set(id, { count: 1, severity: f.severity });
      else out.set(id, { count: prev.count + 1, severity: rank[f.severity] < rank[prev.severity] ? f.severity : prev.severity });
    }
  }
  return out;
}
