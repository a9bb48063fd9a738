import type { ProcessMap } from '../../../src/core/model/types';

// The same map for both sides of the editor benchmark: Lanemap reads it from a workspace file,
// the bare React Flow page from this JSON (nodes at the map's own positions, one edge per flow).

export interface PeerFile {
  nodes: { id: string; type: 'step'; position: { x: number; y: number }; width: number; height: number; data: { label: string } }[];
  edges: { id: string; source: string; target: string; label?: string }[];
  map: ProcessMap;
}

export function peerFile(map: ProcessMap): PeerFile {
  const nodes = map.nodes.map((n) => {
    const box = map.view.nodes[n.id] ?? { x: 0, y: 0, width: 160, height: 60 };
    return { id: n.id, type: 'step' as const, position: { x: box.x, y: box.y }, width: box.width, height: box.height, data: { label: n.label } };
  });
  const edges = map.flows.map((f) => ({ id: f.id, source: f.from, target: f.to, ...(f.label ? { label: f.label } : {}) }));
  return { nodes, edges, map };
}
