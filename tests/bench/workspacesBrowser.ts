// In the browser: what having several workspaces costs. How long a fresh profile takes to show
// the demo (the list of workspaces made, the demo written to its own database), a reload takes
// to show it again, a 100-map workspace file takes to open as a new workspace, and opening one
// workspace after another takes (every pending edit written, the other loaded, the first closed).
// Run after `vite build --mode e2e`: `npx tsx tests/bench/workspacesBrowser.ts`. With
// LANEMAP_DIST pointing at another build (an older version), only the start-up rows are taken,
// for comparison. Reported, never asserted.

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateMap } from '../../src/core/layout/generate';
import { quickLayout } from '../../src/core/layout/quickLayout';
import { toBundle } from '../../src/core/schema/bundle';
import { APP_URL, launch } from '../browser/support/browser';
import { setup, teardown } from '../browser/support/server';

const RUNS = 5;
const MAPS = 100;
const NODES = 150;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bigWorkspaceFile(): string {
  const maps = Array.from({ length: MAPS }, (_, i) => ({ ...quickLayout(generateMap({ nodes: NODES, lanes: 6, seed: 500 + i })), id: `m-${i}`, name: `Bench map ${i + 1}` }));
  const ws = { meta: { id: 'bench', name: 'Bench 100 maps' }, departments: [], systems: [], dataStores: [], maps };
  const file = join(tmpdir(), 'lanemap-bench-100-maps.json');
  writeFileSync(file, JSON.stringify(toBundle(ws, new Date().toISOString())));
  return file;
}

const shown = (page: Page) => page.locator('.react-flow__nodes').waitFor({ timeout: 60_000 });

async function timed(act: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const t0 = Date.now();
  await act();
  await done();
  return Date.now() - t0;
}

const nameIs = (page: Page, name: string) => page.waitForFunction((n) => document.querySelector('.workspace-name')?.textContent === n, name, { timeout: 60_000 });

async function openVia(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^Workspace: / }).click();
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('button', { name: `Open ${name}`, exact: true }).click();
}

async function main(): Promise<void> {
  const dist = process.env.LANEMAP_DIST ?? 'dist';
  const file = bigWorkspaceFile();
  await setup();
  const browser = await launch();
  const rows: Record<string, unknown>[] = [];
  try {
    const fresh: number[] = [];
    const reload: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      fresh.push(await timed(() => page.goto(APP_URL), () => shown(page)));
      await page.waitForTimeout(500);
      reload.push(await timed(() => page.reload(), () => shown(page)));
      await context.close();
    }
    rows.push({ what: 'fresh profile: page loaded to demo drawn', medianMs: median(fresh), runs: fresh.join(' ') });
    rows.push({ what: 'reload: page loaded to demo drawn', medianMs: median(reload), runs: reload.join(' ') });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(APP_URL);
    await shown(page);
    if ((await page.getByRole('button', { name: /^Workspace: / }).count()) > 0) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await (await chooser).setFiles(file);
      const dialog = page.getByRole('dialog', { name: /^Import / });
      await dialog.getByRole('button', { name: 'Open as a new workspace' }).waitFor({ timeout: 60_000 });
      const asNew = await timed(() => dialog.getByRole('button', { name: 'Open as a new workspace' }).click(), () => nameIs(page, 'Bench 100 maps'));
      rows.push({ what: `open a ${MAPS} x ${NODES}-node file as a new workspace (written, then opened)`, medianMs: asNew, runs: String(asNew) });
      const toDemo: number[] = [];
      const toBig: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        toDemo.push(await timed(() => openVia(page, 'University CRM (demo)'), () => nameIs(page, 'University CRM (demo)')));
        await shown(page);
        toBig.push(await timed(() => openVia(page, 'Bench 100 maps'), () => nameIs(page, 'Bench 100 maps')));
        await shown(page);
      }
      rows.push({ what: 'open the demo from the 100-map workspace', medianMs: median(toDemo), runs: toDemo.join(' ') });
      rows.push({ what: `open the ${MAPS}-map workspace from the demo`, medianMs: median(toBig), runs: toBig.join(' ') });
    }
    await context.close();
    const result = { date: new Date().toISOString(), dist, rows };
    console.table(rows);
    mkdirSync('tests/bench/results', { recursive: true });
    writeFileSync(`tests/bench/results/workspaces-browser-${dist === 'dist' ? 'latest' : 'baseline'}.json`, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await teardown();
  }
}

void main();
