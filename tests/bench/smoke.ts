import { defaultElk } from '../../src/core/layout/elkNode';
import { generateMap } from '../../src/core/layout/generate';
import { layoutMap, naiveLayout, applyLayout } from '../../src/core/layout/layout';
import { measureLayout } from '../../src/core/layout/metrics';
import { demoWorkspace } from '../../src/core/demo';

const elk = defaultElk();
const sizes = process.argv.slice(2).map((s) => s.split('x').map(Number));
const maps = sizes.length ? sizes.map(([n, l, seed]) => generateMap({ nodes: n!, lanes: l!, seed: seed ?? 1 })) : demoWorkspace('2026-01-01T00:00:00Z').maps;
for (const m of maps) {
  const t0 = performance.now();
  const a = await naiveLayout(m, { elk });
  const t1 = performance.now();
  const b = await layoutMap(m, { elk });
  const t2 = performance.now();
  const ma = measureLayout(applyLayout(m, a));
  const mb = measureLayout(applyLayout(m, b));
  const pick = (x: ReturnType<typeof measureLayout>) => `cr ${x.crossings} bends ${x.bends} len ${x.edgeLength} area ${(x.area / 1e6).toFixed(2)}M (${x.width}x${x.height}) ovl ${x.overlaps} thr ${x.flowsThroughNodes} out ${x.nodesOutsideBand} diag ${x.diagonalSegments} det ${x.detachedEnds} miss ${x.missing}`;
  console.log(m.id, m.nodes.length);
  console.log('  naive', (t1 - t0).toFixed(0), pick(ma));
  console.log('  ours ', (t2 - t1).toFixed(0), pick(mb), JSON.stringify(b.stats));
}
