// A shared workspace between two browsers, timed end to end on loopback: the real server process
// (`npm run server`'s entry, serving the built app), two Chromium contexts (two laptops), one
// sharing the demo workspace and the other joining by its link. Times the join (the link opened
// until the map is drawn) and a remote edit: Enter pressed on a rename in one browser until the
// new label is in the other's page (both read the same clock: performance.timeOrigin + now()).
// Builds nothing: `npm run bench:browser` builds dist first. Prints the figures, writes
// tests/bench/results/live-browser-latest.json; never asserts.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, nodeByLabel, openApp } from '../browser/support/browser';
import { joinShared, openMap, share } from '../browser/support/live';
import { ServerProcess } from '../unit/fixtures/serverProcess';
import { median } from './report';

const EDITS = 30;
const JOINS = 3;
const MAP = 'Admissions: enquiry to offer';
const STEP = 'Reply with prospectus';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const round = (n: number) => Math.round(n * 10) / 10;
const clock = 'performance.timeOrigin + performance.now()';

/** In `page`, the time the label `text` first appears in the canvas (a promise kept on window). */
function watchFor(page: Page, text: string): Promise<void> {
  return page.evaluate(`(() => {
    window.__seen = new Promise((resolve) => {
      const found = () => [...document.querySelectorAll('.react-flow__node .shape-text')].some((el) => el.textContent === ${JSON.stringify(text)});
      const observer = new MutationObserver(() => {
        if (found()) { observer.disconnect(); resolve(${clock}); }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  })()`);
}

/** Rename the selected step in `from` by F2, typing, Enter; ms from the Enter until `to` shows it. */
async function remoteEdit(from: Page, to: Page, label: string): Promise<number> {
  await watchFor(to, label);
  await from.keyboard.press('F2');
  await from.keyboard.type(label);
  await from.evaluate(`document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__sent = ${clock}; }, { capture: true, once: true })`);
  await from.keyboard.press('Enter');
  const seen = (await to.evaluate('window.__seen')) as number;
  const sent = (await from.evaluate('window.__sent')) as number;
  return seen - sent;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lanemap-live-bench-'));
  const server = await ServerProcess.start(join(dir, 'rooms.sqlite'), { LANEMAP_DIST: process.env.LANEMAP_DIST ?? 'dist' });
  const browser = await launch();
  try {
    const ana = await openApp(browser, { url: `http://127.0.0.1:${server.port}/` });
    const links = await share(ana.page, 'Ana Silva');
    const joins: number[] = [];
    let ben = null as Awaited<ReturnType<typeof joinShared>> | null;
    for (let i = 0; i < JOINS; i++) {
      await ben?.context.close();
      const t0 = Date.now();
      ben = await joinShared(browser, links.edit, 'Ben Okafor');
      joins.push(Date.now() - t0);
    }
    await openMap(ana.page, MAP);
    await openMap(ben!.page, MAP);
    await nodeByLabel(ben!.page, STEP).waitFor();
    await nodeByLabel(ana.page, STEP).click();
    await ana.page.locator('.react-flow__node.selected').waitFor();
    const edits: number[] = [];
    for (let i = 0; i < EDITS; i++) edits.push(await remoteEdit(ana.page, ben!.page, `${STEP} ${i + 1}`));
    const results = {
      at: new Date().toISOString(),
      machine: { cores: cpus().length, load: loadavg().map(round) },
      remoteEditMs: { median: round(median(edits)), p95: round(pct(edits, 95)), n: EDITS },
      joinMs: { median: round(median(joins)), each: joins, note: 'link opened in a fresh context (the page loaded, the name given, the workspace received and kept) until the canvas is drawn' },
    };
    console.log(`remote edit, browser to browser (Enter to the other page showing it): median ${results.remoteEditMs.median} ms, p95 ${results.remoteEditMs.p95} ms (${EDITS} edits)`);
    console.log(`join by link (fresh browser, demo workspace of 5 maps) until the map is drawn: median ${results.joinMs.median} ms (${joins.join(', ')})`);
    console.log(`load ${results.machine.load.join(' ')} on ${results.machine.cores} cores`);
    mkdirSync('tests/bench/results', { recursive: true });
    writeFileSync('tests/bench/results/live-browser-latest.json', JSON.stringify(results, null, 2) + '\n');
  } finally {
    await browser.close();
    await server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
