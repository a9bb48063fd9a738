import { generateMap, layoutMap, withLayout } from './src/core/layout';
import { defaultElk } from './src/core/layout/elkNode';
import type { ProcessMap, Workspace } from './src/core/model/types';
import { reportContent } from './src/core/report/content';
import { analyzeWorkspace } from './src/core/analysis';
import { buildReportPdf } from './src/cli/pdf/buildReportPdf';
const maps: ProcessMap[] = [];
for (let i = 0; i < 20; i++) { const g = generateMap({ nodes: 80, lanes: 5, seed: 500 + i, id: `r${i + 1}` }); maps.push({ ...withLayout(g, await layoutMap(g, { elk: defaultElk() })), name: `Generated r${i+1}` }); }
const ws: Workspace = { meta: { id: 'bench', name: 'Report bench' }, departments: [], systems: [], dataStores: [], maps };
const findings = analyzeWorkspace(ws);
const cpu = (f: () => unknown) => async () => { const c0 = process.cpuUsage(); const t0 = performance.now(); await f(); const c = process.cpuUsage(c0); return `wall ${Math.round(performance.now()-t0)} ms, cpu ${Math.round((c.user+c.system)/1000)} ms`; };
console.log('content', await cpu(() => reportContent(ws, { findings, date: '2026-01-01' }))());
console.log('pdf', await cpu(() => buildReportPdf(ws, { findings, date: '2026-01-01' }))());

