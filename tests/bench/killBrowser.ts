// Edits lost when the browser is killed right after an edit (issue 18): Chromium with a profile
// on disk opens the demo's Alumni map, a step is renamed by keys (select, F2, type, Enter), and
// 0, 50, 100 or 500 ms after the Enter the browser process is killed (SIGKILL: no unload, no
// pagehide, no time to finish a save). Started again on the same profile, the map either has
// the new name or not. Each start checks the previous try and makes the next edit.
// Builds nothing: `npm run bench:browser` builds dist first (LANEMAP_DIST serves another build,
// e.g. an older version's, for a before/after figure). Serves it on LANEMAP_BENCH_PORT (default
// 4193). Prints a table and writes tests/bench/results/kill-latest.json (--out another file);
// never asserts. Options: --tries 20, --delays 0,50,100,500.

import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithProfile } from '../browser/support/killableBrowser';
import { servePreview } from './previewServer';

const PORT = Number(process.env.LANEMAP_BENCH_PORT ?? 4193);
const DIST = process.env.LANEMAP_DIST ?? 'dist';
const URL = `http://localhost:${PORT}/#/map/m-alu`;
const NODE = 'n-alu-9';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const TRIES = Number(option('tries', '20'));
const DELAYS = option('delays', '0,50,100,500').split(',').map(Number);
const OUT = option('out', 'tests/bench/results/kill-latest.json');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const labelOf = (page: Page) => page.locator(`.react-flow__node[data-id="${NODE}"] .shape-text`).first().textContent({ timeout: 30_000 });

/** Open the map in a fresh start of the profile; the step's label as the app shows it. */
async function start(profile: string, first: boolean) {
  const b = await launchWithProfile(profile);
  const page = await b.newPage();
  await page.goto(URL);
  await page.locator('.react-flow__nodes').waitFor({ state: 'visible', timeout: 60_000 });
  if (first) {
    // The demo is written once before any kill, so every try starts from a stored workspace.
    await page.evaluate(() => (window as unknown as { __lanemapFlush: () => Promise<void> }).__lanemapFlush());
    await page.locator('.save-status', { hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
  }
  return { b, page, label: ((await labelOf(page)) ?? '').trim() };
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  const stop = await servePreview(DIST, PORT);
  const profile = await mkdtemp(join(tmpdir(), 'lanemap-bench-kill-'));
  const rows: { delayMs: number; tries: number; lost: number; lostTries: number[] }[] = [];
  try {
    let current = await start(profile, true);
    for (const delay of DELAYS) {
      const row = { delayMs: delay, tries: 0, lost: 0, lostTries: [] as number[] };
      rows.push(row);
      for (let i = 1; i <= TRIES; i++) {
        const { b, page } = current;
        const wanted = `Kill ${delay} ms try ${i}`;
        await page.locator(`.react-flow__node[data-id="${NODE}"]`).click();
        await page.keyboard.press('F2');
        await page.keyboard.type(wanted);
        await page.keyboard.press('Enter');
        if (delay > 0) await sleep(delay);
        await b.kill();
        current = await start(profile, false);
        row.tries++;
        if (current.label !== wanted) {
          row.lost++;
          row.lostTries.push(i);
        }
        process.stdout.write(current.label === wanted ? '.' : 'x');
      }
      process.stdout.write(` ${delay} ms\n`);
    }
    await current.b.kill();
  } finally {
    await rm(profile, { recursive: true, force: true });
    stop();
  }

  const commit = execSync('git rev-parse --short HEAD', { cwd: DIST.startsWith('/') ? join(DIST, '..') : '.' }).toString().trim();
  console.log('\nEdits lost when the browser is killed (SIGKILL) after a step is renamed');
  console.log('kill after | tries | lost');
  for (const r of rows) console.log(`${String(r.delayMs).padStart(7)} ms | ${String(r.tries).padStart(5)} | ${String(r.lost).padStart(4)}`);
  const load = { before: loadBefore, after: loadavg().map((l) => Number(l.toFixed(2))) };
  const report = { date: new Date().toISOString(), load, commit, dist: DIST, rows };
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');
  console.log(`load average (1, 5, 15 min) ${load.before.join(' ')} before, ${load.after.join(' ')} after; written to ${OUT}`);
}

await main();
