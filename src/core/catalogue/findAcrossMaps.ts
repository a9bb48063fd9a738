import type { Id, NodeKind, Workspace } from '../model/types';
import { fuzzyMatch } from './fuzzy';

// Find (Ctrl+F): steps, decisions, systems and stores of every map, by what people remember of
// their names. A store or system node is also found by its catalogue entry's name.

export interface FoundNode {
  mapId: Id;
  mapName: string;
  nodeId: Id;
  kind: NodeKind;
  label: string;
  score: number;
}

/** Nodes matching `query` across all maps, best first; notes and unlabelled nodes are left out. */
export function findAcrossMaps(ws: Workspace, query: string, limit = 30): FoundNode[] {
  if (!query.trim()) return [];
  const entryName = new Map<Id, string>([...ws.systems, ...ws.dataStores].map((e) => [e.id, e.name]));
  const rows: Omit<FoundNode, 'score'>[] = [];
  const names: string[] = [];
  for (const map of ws.maps) {
    for (const n of map.nodes) {
      if (n.kind === 'note' || !n.label.trim()) continue;
      const row = { mapId: map.id, mapName: map.name, nodeId: n.id, kind: n.kind, label: n.label };
      rows.push(row);
      names.push(n.label);
      const entry = n.refId ? entryName.get(n.refId) : undefined;
      if (entry && entry !== n.label) {
        rows.push(row);
        names.push(entry);
      }
    }
  }
  const seen = new Set<string>();
  const found: FoundNode[] = [];
  for (const hit of fuzzyMatch(query, names)) {
    const row = rows[hit.index]!;
    const key = `${row.mapId}/${row.nodeId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ ...row, score: hit.score });
    if (found.length === limit) break;
  }
  return found;
}
