// In the browser: our SVG -> PNG at 2x against html-to-image's picture of the canvas
// (toPng at 2x, toSvg), on generated maps of 150 and 1000 nodes imported through the app.
// Builds nothing: `npm run bench:browser` builds dist first (LANEMAP_DIST names another build),
// then runs `tsx tests/bench/exportBrowser.ts [--runs N]`. It serves the build itself with
// `vite preview` on port 4192 and drives /usr/bin/chromium with playwright-core.
// Prints a table and writes tests/bench/results/export-browser-latest.json; never asserts.

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateMap, layoutMap, withLayout } from '../../src/core/layout';
import { defaultElk } from '../../src/core/layout/elkNode';
import type { Workspace } from '../../src/core/model/types';
import { toBundle } from '../../src/core/schema/bundle';
import type { ExportHook } from '../browser/support/exportHook';
import { launch } from '../browser/support/browser';
import { median } from './report';
import { servePreview } from './previewServer';

const PORT = 4192;
const DIST = process.env.LANEMAP_DIST ?? 'dist';
const URL = `http://localhost:${PORT}/`;
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const SIZES = [150, 1000];

type Hooked = { __lanemapExport: ExportHook };

async function workspaceFile(): Promise<string> {
  const maps = [];
  for (const nodes of SIZES) {
    const g = generateMap({ nodes, lanes: 8, seed: nodes + 8, id: `m-bench-${nodes}` });
    maps.push({ ...withLayout(g, await layoutMap(g, { elk: defaultElk() })), name: `Bench ${nodes} nodes` });
  }
  const ws: Workspace = { meta: { id: 'bench-export', name: 'Export bench' }, departments: [], systems: [], dataStores: [], maps };
  const file = join(tmpdir(), 'lanemap-export-bench.json');
  writeFileSync(file, JSON.stringify(toBundle(ws, new Date().toISOString())));
  return file;
}

const serve = () => servePreview(DIST, PORT);

/** Median time (in the page, ms) and the last result of one hook call, after a warm-up run. */
async function timeIt(page: Page, call: keyof ExportHook, args: unknown[]): Promise<{ ms: number; result: { bytes: number; width?: number; height?: number; scale?: number; nodes?: number } }> {
  const once = () =>
    page.evaluate(async ({ call, args }) => {
      const hook = (window as unknown as Hooked).__lanemapExport as unknown as Record<string, (...a: unknown[]) => Promise<{ bytes: number; width?: number; height?: number; scale?: number }>>;
      const t0 = performance.now();
      const result = await hook[call]!(...args);
      return { ms: performance.now() - t0, result };
    }, { call, args });
  await once();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  return { ms: median(runs.map((r) => r.ms)), result: runs[runs.length - 1]!.result };
}

async function main(): Promise<void> {
  const file = await workspaceFile();
  const stop = await serve();
  const browser = await launch();
  const rows = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(URL);
    await page.locator('.react-flow__nodes').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Merge into this one' }).click();
    // The Word report of the demo's maps, its pictures drawn on a canvas as in the dialog.
    const demoIds = ['m-adm', 'm-alu', 'm-dev', 'm-mkt', 'm-reg'];
    const report = await timeIt(page, 'reportDocx', [demoIds]);
    rows.push({ nodes: 0, what: 'report .docx (demo, 5 maps)', medianMs: round(report.ms), sizeKB: kb(report.result.bytes), pixels: '', note: 'pictures at 1.5x on a canvas' });
    for (const nodes of SIZES) {
      await page.getByRole('link', { name: new RegExp(`Bench ${nodes} nodes`) }).click();
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__node-shape').length > 0 && document.querySelectorAll('.react-flow__edge').length > 0);
      await page.waitForTimeout(1500);
      const mapId = await page.evaluate(() => decodeURIComponent(location.hash.replace(/^#\/map\//, '')));
      const drawn = await page.evaluate(() => document.querySelectorAll('.react-flow__node-shape').length);
      const svg = await timeIt(page, 'mapSvg', [mapId]);
      const ours2x = await timeIt(page, 'mapPng', [mapId, 2]);
      const viewPng = await timeIt(page, 'viewPng', [2]);
      const viewSvg = await timeIt(page, 'viewSvg', []);
      const whole = await timeIt(page, 'wholeMapHtmlPng', [2]);
      rows.push(
        { nodes, what: 'our SVG (renderMapSvg, in page)', medianMs: round(svg.ms), sizeKB: kb(svg.result.bytes), pixels: `${svg.result.width} x ${svg.result.height}`, note: 'whole map' },
        { nodes, what: 'our SVG -> PNG 2x (canvas)', medianMs: round(ours2x.ms), sizeKB: kb(ours2x.result.bytes), pixels: `${ours2x.result.width} x ${ours2x.result.height}`, note: (ours2x.result.scale ?? 2) < 2 ? `scaled down to ${ours2x.result.scale}x` : 'whole map' },
        { nodes, what: 'html-to-image toPng 2x (view)', medianMs: round(viewPng.ms), sizeKB: kb(viewPng.result.bytes), pixels: `${viewPng.result.width} x ${viewPng.result.height}`, note: `canvas on screen, ${drawn} nodes in the DOM` },
        { nodes, what: 'html-to-image toPng 2x (whole map, React Flow example)', medianMs: round(whole.ms), sizeKB: kb(whole.result.bytes), pixels: `${whole.result.width} x ${whole.result.height}`, note: `${(whole.result.scale ?? 2) < 2 ? `scaled down to ${whole.result.scale}x; ` : ''}${(whole.result as { nodes?: number }).nodes} of ${nodes} nodes in the DOM` },
        { nodes, what: 'html-to-image toSvg (view)', medianMs: round(viewSvg.ms), sizeKB: kb(viewSvg.result.bytes), pixels: '', note: `canvas on screen, ${drawn} nodes in the DOM` },
      );
    }
  } finally {
    await browser.close();
    stop();
  }
  console.table(rows);
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync('tests/bench/results/export-browser-latest.json', `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2)}\n`);
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

void main();
