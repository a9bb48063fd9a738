// In the browser, while a 1000-node map lays out, how long is the page's longest task?
// Serves the built app, imports a generated 1000-node map without positions (so opening it
// starts a layout in the worker) and records long tasks with a PerformanceObserver, split
// into the time the worker is computing and the moment the result is drawn.
// Run after `vite build`: `npx tsx tests/bench/browserLayout.ts`. Reported, never asserted.

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBundle } from '../../src/core/schema/bundle';
import { generateMap } from '../../src/core/layout/generate';
import { APP_URL, launch } from '../browser/support/browser';
import { setup, teardown } from '../browser/support/server';

interface Task {
  start: number;
  duration: number;
}

async function main(): Promise<void> {
  const map = generateMap({ nodes: 1000, lanes: 8, seed: 1008 });
  map.view = { nodes: {}, laneHeights: {}, flowPoints: {} };
  const ws = { meta: { id: 'bench', name: 'Bench' }, departments: [], systems: [], dataStores: [], maps: [{ ...map, id: 'm-big', name: 'Big map' }] };
  const file = join(tmpdir(), 'lanemap-bench-1000.json');
  writeFileSync(file, JSON.stringify(toBundle(ws, new Date().toISOString())));

  await setup();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(APP_URL);
    await page.locator('.react-flow__nodes').waitFor();
    await page.waitForTimeout(2000); // the app warms its layout worker up after load
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Merge into this one' }).click();
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: Task[] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: /Big map/ }).click();
    // The layout is done when the nodes are drawn.
    // (Big maps draw only what is on screen, so wait for the result's mark and a drawn node.)
    await page.waitForFunction(() => performance.getEntriesByName('lanemap:layout-result').length > 0 && document.querySelectorAll('.react-flow__node-shape').length > 0, undefined, { timeout: 120_000 });
    const drawnAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: Task[] }).__tasks);
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const started = marks['lanemap:layout-start'] ?? t0;
    const arrived = marks['lanemap:layout-result'] ?? drawnAt;
    // Between these the page only waits for the worker; after the result comes React Flow drawing 1000 nodes.
    // The task that receives the worker's message sets the result mark and draws: it ends after the mark.
    const during = tasks.filter((t) => t.start >= started && t.start + t.duration <= arrived);
    const drawing = tasks.filter((t) => t.start + t.duration > arrived);
    const result = {
      date: new Date().toISOString(),
      nodes: 1000,
      lanes: 8,
      openToDrawnMs: Math.round(drawnAt - t0),
      workerMs: Math.round(arrived - started),
      longTasksWhileLayingOut: during.length,
      longestTaskWhileLayingOutMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
      longestTaskDrawingResultMs: Math.round(Math.max(0, ...drawing.map((t) => t.duration))),
      longestTaskOpeningMapMs: Math.round(Math.max(0, ...tasks.filter((t) => t.start < started).map((t) => t.duration))),
    };
    console.table(result);
    mkdirSync('tests/bench/results', { recursive: true });
    writeFileSync('tests/bench/results/browser-layout-latest.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await teardown();
  }
}

void main();
