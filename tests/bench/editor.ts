// npm run bench:editor: Lanemap's editor side by side with a bare React Flow page (same React,
// React Flow and Dexie, built in this run from tests/bench/editor/bare), on the same maps, in
// headless Chromium. Medians of RUNS runs that alternate which side goes first. Reported, never
// asserted: the goals are issue 19's, printed beside each figure.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { demoWorkspace } from '../../src/core/demo';
import { generateMap, withBranchLabels } from '../../src/core/layout/generate';
import { quickLayout } from '../../src/core/layout/quickLayout';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { toBundle } from '../../src/core/schema/bundle';
import { launch } from '../browser/support/browser';
import { dragFps, firstShownAt, heapMb, initialJs, navigateUntil, SHOWN_SIGNAL, noteFirstShown, mainThreadMs, median, middleNode, painted, START_PHASES, startPhases, steadyValue, until, viewportOf } from './editor/measure';
import { peerFile } from './editor/peerMaps';
import { servePreview } from './previewServer';

const RUNS = Number(process.env.RUNS ?? 5);
/** BENCH_ONLY=edit: only the two rename rows (a quicker A/B of an edit's main-thread cost). */
const EDIT_ONLY = process.env.BENCH_ONLY === 'edit';
const PORT = Number(process.env.LANEMAP_BENCH_PORT ?? 4280);
const LIST_MAPS = 200;
const LISTED_SIGNAL = 'lanemap-bench:listed';
const VIEWPORT = { width: 1440, height: 900 };

type Side = 'lanemap' | 'bare';
const SIDES: Side[] = ['lanemap', 'bare'];
/** What names a step's text on each side. */
const LABEL: Record<Side, string> = { lanemap: '.shape-text', bare: '.bare-step span' };

function build(args: string[]): void {
  const r = spawnSync('npx', ['vite', 'build', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed:\n${r.stderr}`);
}

const benchMap = (nodes: number, seed: number, id: string): ProcessMap => ({ ...quickLayout(withBranchLabels(generateMap({ nodes, lanes: 6, seed, id }))), id, name: `Bench ${nodes} nodes` });

function workspaceFile(dir: string, name: string, maps: ProcessMap[]): string {
  const ws: Workspace = { meta: { id: `bench-${name}`, name }, departments: [], systems: [], dataStores: [], maps };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(toBundle(ws, new Date().toISOString())));
  return file;
}

// Read with page.evaluate, as the peer's `painted` is: a locator first loads Playwright's own
// script into the page, which the heap figure would then count on Lanemap's side only (0.8 MB:
// 6.82 against 6.03 MB with the demo open, 4 loads each).
const saved = (page: Page) => until(async () => (await page.evaluate(() => document.querySelector('.save-status')?.textContent)) === 'Saved', 'Saved');
const firstLabel = (side: Side) => `.react-flow__node ${LABEL[side]}`;
const stepsDrawn = (page: Page, side: Side) => page.locator(firstLabel(side)).first().waitFor({ timeout: 120_000 });
/** Lanemap is done with an edit when it says Saved; the bare page when it has drawn it. */
const settled = async (page: Page, side: Side) => {
  if (side === 'lanemap') await saved(page);
  await painted(page);
};

async function importAsNew(page: Page, file: string, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  const open = page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Open as a new workspace' });
  await open.waitFor({ timeout: 300_000 });
  await open.click();
  await until(async () => (await page.locator('.workspace-name').textContent()) === name, `workspace ${name}`, 600_000);
  await saved(page);
}

async function openMap(page: Page, side: Side, url: string, mapId: string): Promise<void> {
  if (side === 'lanemap') await page.evaluate((id) => (location.hash = `#/map/${id}`), mapId);
  else await page.goto(`${url}?map=${mapId}`);
  await stepsDrawn(page, side);
  await steadyValue(() => viewportOf(page));
}

/** Select the node nearest the middle of the canvas, press F2 and type `text` (Enter not yet pressed). */
async function startRename(page: Page, side: Side, text: string): Promise<void> {
  const at = await middleNode(page, LABEL[side]);
  await page.mouse.click(at.x, at.y);
  await until(async () => (await page.locator('.react-flow__node.selected').count()) > 0, 'a selected node');
  await page.keyboard.press('F2');
  await page.keyboard.type(text);
}

/**
 * Resolves once a step shows `text` and, for Lanemap, the edit is saved, then two frames later.
 * Watched in the page at each DOM change, with no looks from this script meanwhile: each look
 * (a locator read) costs the page's main thread about 3 ms, and polled every 50 ms through
 * Lanemap's save they added about 20 ms to its rename figure and nothing to the peer's.
 */
function drawnAndSaved(page: Page, side: Side, text: string): Promise<void> {
  // A string, not a function: tsx would wrap a function's inner helpers in calls the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const label = ${JSON.stringify(`.react-flow__node ${LABEL[side]}`)};
    const text = ${JSON.stringify(text.toLowerCase())};
    const needSaved = ${side === 'lanemap'};
    const ok = () =>
      [...document.querySelectorAll(label)].some((el) => (el.textContent || '').toLowerCase().includes(text)) &&
      (!needSaved || document.querySelector('.save-status')?.textContent === 'Saved');
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    if (ok()) return done();
    const watch = new MutationObserver(() => {
      if (!ok()) return;
      watch.disconnect();
      done();
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  })`);
}

/** A rename whose edit is the Enter: its main-thread time until drawn (and, for Lanemap, saved). */
async function renameOnce(page: Page, side: Side, text: string): Promise<number> {
  await startRename(page, side, text);
  await settled(page, side);
  const before = await mainThreadMs(page);
  await page.keyboard.press('Enter');
  await drawnAndSaved(page, side, text);
  return (await mainThreadMs(page)) - before;
}

/** A rename, then the save it causes, timed in the page: Lanemap's own write of pending edits, or one Dexie put of the map. */
async function saveOnce(page: Page, side: Side, text: string): Promise<number> {
  await startRename(page, side, text);
  await page.keyboard.press('Enter');
  await page.locator(`.react-flow__node ${LABEL[side]}`, { hasText: text }).first().waitFor();
  const ms = await page.evaluate(async (s) => {
    const w = window as unknown as { __lanemapFlush: () => Promise<void>; __bare: { save: () => Promise<number> } };
    if (s === 'bare') return w.__bare.save();
    const t0 = performance.now();
    await w.__lanemapFlush();
    return performance.now() - t0;
  }, side);
  await settled(page, side);
  return ms;
}

/** Lanemap: zoom until the whole map is in view (Shift+1, twice when the first goes to the readable start). */
async function wholeMapView(page: Page): Promise<Viewport> {
  const start = await viewportOf(page);
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Shift+Digit1');
    const now = await steadyValue(() => viewportOf(page));
    if (now.zoom < start.zoom * 0.9) return now;
  }
  throw new Error('Shift+1 did not zoom out to the whole map');
}

/** The peer: Lanemap's canvas size and view, so both drag with the same part of the map on screen. */
async function copyView(page: Page, view: { width: number; height: number } & Viewport): Promise<void> {
  await page.evaluate((v) => {
    const bare = (window as unknown as { __bare: { setSize: (w: number, h: number) => void; setViewport: (v: unknown) => void } }).__bare;
    bare.setSize(v.width, v.height);
    bare.setViewport({ x: v.x, y: v.y, zoom: v.zoom });
  }, view);
  await steadyValue(() => viewportOf(page));
}

interface Figures {
  coldMs: number;
  /** Lanemap: the cold start's START_PHASES, ms. */
  coldPhases: number[] | null;
  /** The same, as this process heard of it (the page's print reaching it: shown for comparison). */
  coldPolledMs: number;
  heapMb: number;
  edit150: number;
  edit1000: number;
  save150: number;
  dragOpen: number;
  dragWhole: number;
  reload1000: number;
  reload1000PolledMs: number;
  /** Lanemap: the reload's START_PHASES, ms. */
  reloadPhases: number[] | null;
  nodesOpen: number;
  nodesWhole: number;
}

/** One side's figures for one run; `editorFile` is the workspace file with the 150- and 1,000-node maps. */
async function oneRun(browser: Browser, side: Side, urls: Record<Side, string>, prodUrl: string, editorFile: string, run: number): Promise<Figures> {
  const f = {} as Figures;
  if (!EDIT_ONLY) {
    // A fresh profile each time: Lanemap writes its demo, the peer fetches the demo's first map.
    const cold = await browser.newContext({ viewport: VIEWPORT });
    const cp = await cold.newPage();
    await noteFirstShown(cp, firstLabel(side));
    const { t0, heardMs } = await navigateUntil(cp, SHOWN_SIGNAL, () => cp.goto(side === 'lanemap' ? prodUrl : `${urls.bare}?map=demo`));
    f.coldPolledMs = heardMs;
    f.coldMs = (await firstShownAt(cp)) - t0;
    f.coldPhases = side === 'lanemap' ? marked(await startPhases(cp), 'cold start') : null;
    await settled(cp, side);
    f.heapMb = await heapMb(cp);
    await cold.close();
  }

  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  await noteFirstShown(page, firstLabel(side));
  await page.goto(side === 'lanemap' ? urls.lanemap : `${urls.bare}?map=g150`);
  await stepsDrawn(page, side);
  if (side === 'lanemap') await importAsNew(page, editorFile, 'Bench editor');
  await openMap(page, side, urls.bare, 'g150');
  f.edit150 = await renameOnce(page, side, `Renamed ${side} ${run}`);
  f.save150 = await saveOnce(page, side, `Saved ${side} ${run}`);
  await openMap(page, side, urls.bare, 'g1000');
  f.edit1000 = await renameOnce(page, side, `Renamed big ${side} ${run}`);
  // Lanemap opens a big map at a readable zoom; the peer is given the same view and canvas size.
  if (side === 'lanemap') views.open = { ...(await canvasSize(page)), ...(await viewportOf(page)) };
  else await copyView(page, views.open!);
  if (EDIT_ONLY) {
    await ctx.close();
    return f;
  }
  f.nodesOpen = await page.locator('.react-flow__node').count();
  f.dragOpen = await dragFps(page, await middleNode(page, LABEL[side]));
  await settled(page, side);
  if (side === 'lanemap') views.whole = { ...(await canvasSize(page)), ...(await wholeMapView(page)) };
  else await copyView(page, views.whole!);
  f.nodesWhole = await page.locator('.react-flow__node').count();
  f.dragWhole = await dragFps(page, await middleNode(page, LABEL[side]));
  await settled(page, side);
  const reload = await navigateUntil(page, SHOWN_SIGNAL, () => page.reload());
  f.reload1000PolledMs = reload.heardMs;
  f.reload1000 = (await firstShownAt(page)) - reload.t0;
  f.reloadPhases = side === 'lanemap' ? marked(await startPhases(page), 'reload') : null;
  await ctx.close();
  return f;
}

/** Lanemap's start phases, which must all be there: a start without its marks is an error, not a figure. */
function marked(phases: number[] | null, what: string): number[] {
  if (!phases) throw new Error(`the ${what} is missing one of Lanemap's start marks (src/state/startMarks.ts)`);
  return phases;
}

type Viewport = { x: number; y: number; zoom: number };
type View = { width: number; height: number } & Viewport;
/** Lanemap's views of the big map (as it opens, and whole), given to the peer so both drag in the same view. */
const views: { open?: View; whole?: View } = {};
const canvasSize = (page: Page) => page.locator('.react-flow').first().evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));

async function mapListMs(browser: Browser, url: string, listFile: string): Promise<{ times: number[]; polled: number[] }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  await page.goto(url);
  await stepsDrawn(page, 'lanemap');
  await importAsNew(page, listFile, `Bench ${LIST_MAPS} maps`);
  // The moment the last row is added is taken in the page (a MutationObserver, on the same clock
  // as this process), and this process waits for the page to print that it is done (see
  // `navigateUntil`): polling every 50 ms, with a round trip per look, added 50 to 250 ms to what
  // the page took.
  await page.addInitScript(
    ([wanted, signal]) => {
      new MutationObserver((_, seen) => {
        if (document.querySelectorAll('.map-list > li').length < wanted) return;
        (window as unknown as { __listedAt: number }).__listedAt = Date.now();
        seen.disconnect();
        console.log(signal);
      }).observe(document, { childList: true, subtree: true });
    },
    [LIST_MAPS, LISTED_SIGNAL] as const,
  );
  const times: number[] = [];
  const polled: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { t0, heardMs } = await navigateUntil(page, LISTED_SIGNAL, () => page.reload());
    polled.push(heardMs);
    times.push((await page.evaluate(() => (window as unknown as { __listedAt: number }).__listedAt)) - t0);
  }
  await ctx.close();
  return { times, polled };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lanemap-bench-editor-'));
  const dists = { prod: join(dir, 'app'), e2e: join(dir, 'e2e'), bare: join(dir, 'bare') };
  console.log('building Lanemap (production and e2e) and the bare React Flow page…');
  build(['--outDir', dists.prod, '--emptyOutDir']);
  build(['--mode', 'e2e', '--outDir', dists.e2e, '--emptyOutDir']);
  build(['--config', 'tests/bench/editor/bare/vite.config.ts', '--outDir', dists.bare]);

  const demo = demoWorkspace(new Date().toISOString());
  const g150 = benchMap(150, 150, 'g150');
  const g1000 = benchMap(1000, 1000, 'g1000');
  mkdirSync(join(dists.bare, 'maps'));
  for (const [name, map] of [['demo', demo.maps[0]!], ['g150', g150], ['g1000', g1000]] as const) writeFileSync(join(dists.bare, 'maps', `${name}.json`), JSON.stringify(peerFile(map)));
  const editorFile = workspaceFile(dir, 'Bench editor', [g150, g1000]);
  const listFile = () => workspaceFile(dir, `Bench ${LIST_MAPS} maps`, Array.from({ length: LIST_MAPS }, (_, i) => ({ ...benchMap(150, 2000 + i, `l${i}`), name: `List map ${i + 1}` })));

  const stops = [await servePreview(dists.prod, PORT), await servePreview(dists.e2e, PORT + 1), await servePreview(dists.bare, PORT + 2)];
  const prodUrl = `http://localhost:${PORT}/`;
  const urls: Record<Side, string> = { lanemap: `http://localhost:${PORT + 1}/`, bare: `http://localhost:${PORT + 2}/` };
  const browser = await launch();
  try {
    const runs: Record<Side, Figures[]> = { lanemap: [], bare: [] };
    for (let i = 0; i < RUNS; i++) {
      // Lanemap first on even runs: it also sets the opening view the peer copies.
      for (const side of i % 2 === 0 ? SIDES : [...SIDES].reverse()) {
        if (side === 'bare' && !views.open) continue;
        runs[side].push(await oneRun(browser, side, urls, prodUrl, editorFile, i));
        console.log(`run ${i + 1} ${side}: ${JSON.stringify(runs[side].at(-1))}`);
      }
    }
    if (EDIT_ONLY) {
      for (const k of ['edit150', 'edit1000'] as const) console.log(`rename, ${k}: Lanemap ${median(runs.lanemap.map((f) => f[k])).toFixed(1)} ms, bare ${median(runs.bare.map((f) => f[k])).toFixed(1)} ms (medians of ${RUNS})`);
      return;
    }
    const list = await mapListMs(browser, urls.lanemap, listFile());
    console.log(`map list, reload to listed: ${list.times.join(', ')} ms in the page; ${list.polled.join(', ')} ms polled from here`);
    const m = (side: Side, k: Exclude<keyof Figures, 'coldPhases' | 'reloadPhases'>) => median(runs[side].map((f) => f[k]));
    const js = { lanemap: initialJs(dists.prod), bare: initialJs(dists.bare) };
    const row = (what: string, lanemap: number, bare: number | null, goal: string, met: boolean, digits = 0) => ({
      what,
      lanemap: Number(lanemap.toFixed(digits)),
      bare: bare === null ? null : Number(bare.toFixed(digits)),
      ratio: bare === null ? null : Number((lanemap / bare).toFixed(2)),
      goal,
      met,
    });
    const ratioAtMost = (side: Parameters<typeof m>[1], x: number) => m('lanemap', side) <= x * m('bare', side);
    const rows = [
      row('main thread per edit (rename), 150 nodes, ms', m('lanemap', 'edit150'), m('bare', 'edit150'), '<= 1.5x bare', ratioAtMost('edit150', 1.5), 1),
      row('main thread per edit (rename), 1,000 nodes, ms', m('lanemap', 'edit1000'), m('bare', 'edit1000'), '<= 1.5x bare', ratioAtMost('edit1000', 1.5), 1),
      row('save per edit, 150 nodes, ms (bare: one Dexie put of the map)', m('lanemap', 'save150'), m('bare', 'save150'), '<= 4 ms', m('lanemap', 'save150') <= 4, 1),
      row(`drag a node, 1,000 nodes, opening view, frames/s (nodes drawn: ${m('lanemap', 'nodesOpen')} vs ${m('bare', 'nodesOpen')})`, m('lanemap', 'dragOpen'), m('bare', 'dragOpen'), '>= 0.8x bare', m('lanemap', 'dragOpen') >= 0.8 * m('bare', 'dragOpen'), 1),
      row(`drag a node, 1,000 nodes, whole map in view, frames/s (nodes drawn: ${m('lanemap', 'nodesWhole')} vs ${m('bare', 'nodesWhole')})`, m('lanemap', 'dragWhole'), m('bare', 'dragWhole'), '>= 0.8x bare', m('lanemap', 'dragWhole') >= 0.8 * m('bare', 'dragWhole'), 1),
      row(`initial JS, KB gzip (Lanemap ${js.lanemap.files} files, bare ${js.bare.files})`, js.lanemap.kb, js.bare.kb, '<= 160 KB', js.lanemap.kb <= 160),
      row('cold start to first map drawn, ms', m('lanemap', 'coldMs'), m('bare', 'coldMs'), '<= 1.3x bare', ratioAtMost('coldMs', 1.3)),
      row('reload onto a 1,000-node map, ms', m('lanemap', 'reload1000'), m('bare', 'reload1000'), '<= 1.2x bare', ratioAtMost('reload1000', 1.2)),
      row(`map list with ${LIST_MAPS} maps x 150 nodes, reload to listed, ms`, median(list.times), null, '<= 300 ms', median(list.times) <= 300),
      row('JS heap, demo open, MB', m('lanemap', 'heapMb'), m('bare', 'heapMb'), '<= 1.3x bare', ratioAtMost('heapMb', 1.3), 1),
    ];
    console.table(rows);
    // Where Lanemap's starts spend their time (medians per phase; the bare page has no marks).
    const phases = (k: 'coldPhases' | 'reloadPhases') => START_PHASES.map((_, i) => Number(median(runs.lanemap.map((f) => f[k]?.[i] ?? Number.NaN)).toFixed(0)));
    const startup = { phases: START_PHASES, cold: phases('coldPhases'), reload1000: phases('reloadPhases') };
    console.table(START_PHASES.map((what, i) => ({ phase: what, 'cold start, ms': startup.cold[i], 'reload onto 1,000 nodes, ms': startup.reload1000[i] })));
    const result = { date: new Date().toISOString(), runs: RUNS, load: (await import('node:os')).loadavg().map((l) => Number(l.toFixed(2))), rows, startup, raw: { ...runs, mapList: list.times, mapListPolled: list.polled } };
    mkdirSync('tests/bench/results', { recursive: true });
    writeFileSync('tests/bench/results/editor-latest.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    for (const stop of stops) stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
