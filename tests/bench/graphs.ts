// The benchmark's maps, by family: seeded maps of the project's generator in every size and lane
// count, the demo, the BPMN reference models with lanes from ../shared/corpus as Lanemap imports
// them, and the two families written apart from the generator (families.ts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoWorkspace } from '../../src/core/demo';
import { importFile } from '../../src/core/importing/importFile';
import { generateMap } from '../../src/core/layout/generate';
import type { ProcessMap } from '../../src/core/model/types';
import { familyMaps } from './families';

export interface BenchGraph {
  name: string;
  /** Which family the map comes from: the per-family summary groups by it. */
  family: string;
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
      out.push({ name: `gen ${nodes}/${lanes}`, family: 'generator', generated: true, map });
    }
  }
  for (const map of demoWorkspace('2026-01-01T00:00:00Z').maps) out.push({ name: `demo ${map.id}`, family: 'demo', generated: false, map });
  // Not "generated": the summary's generated figures stay those of the project's own generator.
  for (const { family, map } of familyMaps()) out.push({ name: map.name, family, generated: false, map });
  return filter ? out.filter(filter) : out;
}

const BPMN_CORPUS = '../shared/corpus/bpmn-miwg/reference';

/**
 * Every map with two lanes or more from the BPMN reference models, without the positions the
 * file gave it (each peer lays it out from scratch). None when the corpus is not beside the repo.
 */
export async function corpusGraphs(filter?: (g: BenchGraph) => boolean): Promise<BenchGraph[]> {
  if (!existsSync(BPMN_CORPUS)) return [];
  const out: BenchGraph[] = [];
  for (const file of readdirSync(BPMN_CORPUS).filter((f) => f.endsWith('.bpmn')).sort()) {
    const outcome = await importFile({ name: file, bytes: readFileSync(join(BPMN_CORPUS, file)) }, '2026-01-01T00:00:00Z');
    if (!outcome.ok) continue;
    for (const map of outcome.result.workspace.maps) {
      if (map.lanes.length < 2 || map.nodes.length === 0) continue;
      const name = `bpmn ${file.replace(/\.bpmn$/, '')}${outcome.result.workspace.maps.length > 1 ? ` ${map.name}` : ''}`;
      out.push({ name, family: 'bpmn', generated: false, map: { ...map, view: { ...map.view, nodes: {} } } });
    }
  }
  return filter ? out.filter(filter) : out;
}
