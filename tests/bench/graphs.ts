// The benchmark's maps: seeded generated maps of every size and lane count, plus the demo.

import { demoWorkspace } from '../../src/core/demo';
import { generateMap } from '../../src/core/layout/generate';
import type { ProcessMap } from '../../src/core/model/types';

export interface BenchGraph {
  name: string;
  generated: boolean;
  map: ProcessMap;
}

export const SIZES = [20, 150, 500, 1000];
export const LANES = [4, 8, 15];

export function benchGraphs(filter?: (g: BenchGraph) => boolean): BenchGraph[] {
  const out: BenchGraph[] = [];
  for (const nodes of SIZES) {
    for (const lanes of LANES) {
      const map = generateMap({ nodes, lanes, seed: nodes * 100 + lanes });
      out.push({ name: `gen ${nodes}/${lanes}`, generated: true, map });
    }
  }
  for (const map of demoWorkspace('2026-01-01T00:00:00Z').maps) out.push({ name: `demo ${map.id}`, generated: false, map });
  return filter ? out.filter(filter) : out;
}
