import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, expect, test } from 'vitest';
import { APP_URL, clickNode, nodeByLabel, sharedBrowser, steady, waitForCanvas, waitSaved } from './support/browser';
import { PORT } from './support/server';

const browser = sharedBrowser();

// The service worker is tested against a server this file starts and stops itself: going
// offline means the server is gone, not a flag in the browser.

// Next to the suite's own port (4179 + 17 = 4196 by default), so checkouts that move that apart do not share this one.
const OFFLINE_PORT = Number(process.env.LANEMAP_OFFLINE_PORT ?? PORT + 17);
const OFFLINE_URL = `http://localhost:${OFFLINE_PORT}/`;
const DIST = process.env.LANEMAP_DIST ?? 'dist';

let server: ChildProcess | undefined;
const scratch: string[] = [];

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function startServer(dir: string): Promise<void> {
  server = spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(OFFLINE_PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const until = Date.now() + 30_000;
  while (!(await answers(OFFLINE_URL))) {
    if (Date.now() > until) throw new Error(`vite preview did not answer on ${OFFLINE_URL}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer(): Promise<void> {
  const s = server;
  server = undefined;
  if (!s?.pid) return;
  try {
    process.kill(-s.pid, 'SIGTERM');
  } catch {
    s.kill('SIGTERM');
  }
  const until = Date.now() + 10_000;
  while ((await answers(OFFLINE_URL)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

afterEach(stopServer);
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** A copy of the build to serve (and change, for a new version). */
async function copyOfBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lanemap-offline-'));
  scratch.push(dir);
  await cp(DIST, dir, { recursive: true });
  return dir;
}

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);
const cspViolations = (errors: string[]) => errors.filter((e) => /Content Security Policy|Refused to/i.test(e));

async function rename(page: Page, from: string, to: string): Promise<void> {
  await clickNode(nodeByLabel(page, from));
  await page.keyboard.press('F2');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, to).count()).toBe(1);
}

async function openAt(url: string) {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await waitForCanvas(page);
  return { context, page, errors };
}

test('after the first visit the server is gone, and the app, its maps and the layout worker still work', async () => {
  await startServer(await copyOfBuild());
  const { context, page, errors } = await openAt(OFFLINE_URL + '#/map/m-adm');
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  await waitSaved(page);
  // The first visit installs the service worker, which says so once.
  await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor({ timeout: 30_000 });
  const precached = await page.evaluate(async () => {
    const names = await caches.keys();
    let count = 0;
    for (const n of names) count += (await (await caches.open(n)).keys()).length;
    return count;
  });
  expect(precached).toBeGreaterThan(5);

  await stopServer();
  expect(await answers(OFFLINE_URL)).toBe(false);
  const started = Date.now();
  await page.reload();
  await waitForCanvas(page);
  const openMs = Date.now() - started;
  console.log(`offline: opened with no server in ${openMs} ms; ${precached} files precached`);
  expect(await controlled(page)).toBe(true);
  await expect.poll(() => nodeByLabel(page, 'Send prospectus pack').count()).toBe(1);
  // Said once: not again on the next visit.
  await expect.poll(() => page.getByText('Ready to work offline').count()).toBe(0);

  // Edits made offline are kept offline.
  await rename(page, 'Send prospectus pack', 'Post prospectus pack');
  await waitSaved(page);
  // The findings are worked out offline too, by the analysis worker from the cache.
  await expect.poll(() => page.getByRole('region', { name: 'Findings' }).locator('.finding').count()).toBeGreaterThan(0);
  expect(page.workers().some((w) => /analysis\.worker/.test(w.url()))).toBe(true);

  // The layout worker comes from the cache too: Auto layout puts a dragged node back.
  const node = nodeByLabel(page, 'Post prospectus pack');
  const before = (await node.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 260, before.y + before.height / 2 + 20, { steps: 6 });
  await page.mouse.up();
  // Where the drop left it, once it has landed (snapped to the grid and stored).
  const dragged = (await steady(() => node.boundingBox()))!;
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Auto layout' }).isEnabled(), { timeout: 20_000 }).toBe(true);
  await expect.poll(async () => Math.round((await node.boundingBox())!.x)).not.toBe(Math.round(dragged.x));
  await expect.poll(() => page.locator('.toast-error').count()).toBe(0);
  await page.screenshot({ path: 'tests/browser/artifacts/offline-after-layout.png' });

  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Post prospectus pack').count()).toBe(1);
  expect(cspViolations(errors)).toEqual([]);
  await context.close();
});

// An edit made 100 ms before the page goes, so before the debounced save: closing gives the
// page time to write, a reload does not (the page keeps a copy in localStorage for that).
for (const how of ['closed', 'reloaded'] as const) {
  test(`an edit made 100 ms before the page is ${how} is there in the next page, and stays`, async () => {
    const { context, page } = await openAt(APP_URL + '#/map/m-adm');
    await waitSaved(page);
    await rename(page, 'Reply with prospectus', 'Send prospectus pack');
    // The 100 ms is what is tested: the page goes before the debounced save would have run.
    await page.waitForTimeout(100);
    let next = page;
    if (how === 'closed') {
      await page.close();
      next = await context.newPage();
      await next.goto(APP_URL + '#/map/m-adm');
    } else await page.reload();
    await waitForCanvas(next);
    await expect.poll(() => nodeByLabel(next, 'Send prospectus pack').count()).toBe(1);
    // Stored, not only in the page: another reload finds it too.
    await next.reload();
    await waitForCanvas(next);
    await expect.poll(() => nodeByLabel(next, 'Send prospectus pack').count()).toBe(1);
    await context.close();
  });
}

test('a new version is offered with "Reload", which writes the last edit before switching to it', async () => {
  const v1 = await copyOfBuild();
  await startServer(v1);
  const { context, page, errors } = await openAt(OFFLINE_URL + '#/map/m-adm');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Reloaded, the page is run by the service worker: an update has someone to wait for.
  await page.reload();
  await waitForCanvas(page);
  expect(await controlled(page)).toBe(true);

  // Deploy a new version: a changed page, and a service worker that lists it.
  const v2 = await copyOfBuild();
  const html = await readFile(join(v2, 'index.html'), 'utf8');
  await writeFile(join(v2, 'index.html'), html.replace('<title>', '<meta name="lanemap-build" content="v2" />\n    <title>'));
  const sw = await readFile(join(v2, 'sw.js'), 'utf8');
  const changed = sw.replace(/(\{url:"index\.html",revision:")[^"]+"/, '$1v2-test"');
  expect(changed).not.toBe(sw);
  await writeFile(join(v2, 'sw.js'), changed);
  await stopServer();
  await startServer(v2);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

  const prompt = page.getByRole('region', { name: 'New version' });
  await prompt.waitFor({ timeout: 30_000 });
  expect(await prompt.textContent()).toContain('A new version of Lanemap is available.');
  await page.screenshot({ path: 'tests/browser/artifacts/update-prompt.png' });

  // An edit still waiting for its save, then "Reload" at once.
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.getByRole('button', { name: 'Reload' }).click()]);
  await waitForCanvas(page);
  expect(await page.locator('meta[name="lanemap-build"]').getAttribute('content')).toBe('v2');
  await expect.poll(() => nodeByLabel(page, 'Send prospectus pack').count()).toBe(1);
  await expect.poll(() => prompt.count()).toBe(0);
  expect(cspViolations(errors)).toEqual([]);
  await context.close();
});

test('a tab left open hears of a new version when its window is focused again, without asking', async () => {
  await startServer(await copyOfBuild());
  const { context, page, errors } = await openAt(OFFLINE_URL + '#/map/m-adm');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await waitForCanvas(page);
  expect(await controlled(page)).toBe(true);
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  await waitSaved(page);

  const v2 = await copyOfBuild();
  const sw = await readFile(join(v2, 'sw.js'), 'utf8');
  await writeFile(join(v2, 'sw.js'), sw.replace(/(\{url:"index\.html",revision:")[^"]+"/, '$1v2-focus"'));
  await stopServer();
  await startServer(v2);
  // The person comes back to the tab: nothing else asks the service worker to look.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const prompt = page.getByRole('region', { name: 'New version' });
  await prompt.waitFor({ timeout: 30_000 });
  expect(await prompt.textContent()).toContain('A new version of Lanemap is available.');
  await expect.poll(() => nodeByLabel(page, 'Send prospectus pack').count()).toBe(1);
  expect(cspViolations(errors)).toEqual([]);
  await context.close();
});

test('the page runs only its own scripts: an injected inline script is refused, the app\'s own run', async () => {
  const { context, page, errors } = await openAt(APP_URL + '#/map/m-adm');
  expect(cspViolations(errors)).toEqual([]);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  // Said in the console, once per policy (the header and the page's own meta tag).
  await expect.poll(() => cspViolations(errors).length).toBeGreaterThan(0);
  for (const e of cspViolations(errors)) expect(e).toMatch(/inline script.*script-src 'self'/);
  await context.close();
});
