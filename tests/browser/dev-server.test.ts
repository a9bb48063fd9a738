import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { PORT as PREVIEW_PORT } from './support/server';

// `npm start` on a fresh clone: the dev server pre-bundles dependencies before serving. When a
// dependency is found only later (elkjs, imported by the layout worker), Vite bundles again and
// reloads the page, so a first-time user saw a blank page for half a minute, then a reload.

// Follows the suite's own port (4179 + 1012 = 5191 by default), so checkouts that move that apart do not share this one.
const PORT = Number(process.env.LANEMAP_DEV_TEST_PORT ?? PREVIEW_PORT + 1012);
const CACHE = join('node_modules', '.vite', 'deps', '_metadata.json');
const browser = sharedBrowser();
let server: ChildProcess | undefined;

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

it('the first `npm start` bundles the layout worker\'s dependencies before serving, and the page opens without a reload', async () => {
  // --force: the dependency cache is thrown away, as on a fresh clone.
  server = spawn('npx', ['vite', '--port', String(PORT), '--strictPort', '--force'], { stdio: 'ignore', detached: true });
  const url = `http://localhost:${PORT}/`;
  await expect.poll(async () => (await fetch(url).catch(() => null))?.ok ?? false, { timeout: 30_000, interval: 250 }).toBe(true);
  // The first optimisation is written once the scan of every entry is done; elkjs must be in it
  // before any page has asked for the worker.
  await expect.poll(() => existsSync(CACHE), { timeout: 60_000, interval: 250 }).toBe(true);
  const optimized = Object.keys((JSON.parse(readFileSync(CACHE, 'utf8')) as { optimized: Record<string, unknown> }).optimized);
  expect(optimized).toContain('elkjs/lib/elk.bundled.js');

  const page = await browser().newPage();
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  // Requests as Playwright sees them: the page's resource timing keeps only 250 entries, and the
  // dev server serves each module apart, so the worker's entry came after the buffer was full.
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(url);
  await page.locator('.react-flow__nodes').waitFor({ state: 'visible', timeout: 60_000 });
  // The layout worker starts once the page has settled; its dependencies are already bundled.
  await expect.poll(() => requested.some((url) => url.includes('layout.worker')), { timeout: 30_000 }).toBe(true);
  expect(loads).toHaveLength(1);
  await page.close();
});
