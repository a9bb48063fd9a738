import { expect, test } from 'vitest';
import { START_MOMENTS, startMarkName } from '../../src/state/startMarks';
import { APP_URL, openApp, sharedBrowser, waitForCanvas } from './support/browser';

// Every script file the page waits for before it runs is one more request, and once the app is
// installed each goes through the service worker: the start-up code comes in a few files (it
// came in 28 when the bundler split out every module a lazily loaded screen shares with it).

const browser = sharedBrowser();

test('the page fetches its start-up code in at most four script files', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(APP_URL);
  await waitForCanvas(page);
  const atStart = await page.evaluate(() => {
    const ready = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
    return performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime < ready && new URL(r.name).pathname.endsWith('.js'))
      .map((r) => new URL(r.name).pathname);
  });
  expect(atStart.length).toBeGreaterThan(0);
  expect(atStart.length, atStart.join('\n')).toBeLessThanOrEqual(4);
  await context.close();
});

// One character such as '…' makes V8 hold and scan a whole file as two-byte text; the build
// escapes them (vite.config.ts, charset 'ascii'), and the text must still read the same.
test('every script the app loads, workers included, is plain ASCII, and text written with characters such as "·" still reads as written', async () => {
  const { context, page } = await openApp(browser());
  const scripts = await page.evaluate(async () => {
    const seen = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js'));
    // The workers are started later; the service worker's list names every script of the app.
    const sw = await (await fetch('/sw.js')).text();
    const listed = [...sw.matchAll(/url:"([^"]+\.js)"/g)].map((m) => `/${m[1]}`);
    return [...new Set([...seen, ...listed])];
  });
  expect(scripts.some((s) => s.includes('layout.worker'))).toBe(true);
  for (const path of scripts) {
    const bytes = new Uint8Array(await (await fetch(new URL(path, APP_URL))).arrayBuffer());
    const at = bytes.findIndex((b) => b > 127);
    expect(at, `${path} has a non-ASCII byte at ${at}`).toBe(-1);
  }
  // Text written with such characters in the source reads as written.
  await expect.poll(() => page.locator('.map-list .map-meta').first().textContent()).toMatch(/ · \d+ nodes/);
  expect(await page.locator('body').innerText()).not.toMatch(/\\u[0-9a-f]{4}/i);
  await context.close();
});

// An SVG image is a document of its own, built on the main thread: in traces of a first visit the
// top bar's mark and the tab's icon (fetched twice) took 25 to 58 ms of it during the start.
test('a start loads no SVG image: the top bar draws its mark in the page, and the tab icon is a PNG', async () => {
  const { context, page } = await openApp(browser());
  const mark = await page.locator('.topbar .brand svg').boundingBox();
  expect(mark).toMatchObject({ width: 22, height: 22 });
  const svgImages = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => new URL(n).pathname.endsWith('.svg')));
  expect(svgImages).toEqual([]);
  const icon = await page.evaluate(() => (document.querySelector('link[rel="icon"]') as HTMLLinkElement).href);
  const res = await fetch(icon);
  expect(res.headers.get('content-type')).toBe('image/png');
  await context.close();
});

test('a start leaves its marks, in order, for DevTools and bench:editor: code run, workspace in the document, React Flow rendered', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(APP_URL);
  await waitForCanvas(page);
  const names = START_MOMENTS.map(startMarkName);
  const at = () => page.evaluate((marks) => marks.map((n) => performance.getEntriesByName(n, 'mark').map((m) => m.startTime)), names);
  await expect.poll(async () => (await at()).every((times) => times.length === 1)).toBe(true);
  const times = (await at()).map((t) => t[0]!);
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  await context.close();
});

// The service worker's first install fetches and stores the whole app: on a first visit it
// waits until the first map is drawn (src/state/afterStart.ts), and still comes when none is.
const noteInstall = `(() => {
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    if (window.__installAt === undefined) window.__installAt = performance.now();
    return register.apply(this, args);
  };
  new MutationObserver((_, watch) => {
    const step = document.querySelector('.react-flow__node .shape-text');
    if (!step || step.closest('[style*="visibility: hidden"]')) return;
    window.__stepShownAt = performance.now();
    watch.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
})()`;
const moments = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __installAt?: number; __stepShownAt?: number };
    return { installAt: w.__installAt ?? null, stepShownAt: w.__stepShownAt ?? null };
  });

test('on a first visit, installing for offline use waits until the first map is drawn', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(noteInstall);
  await page.goto(APP_URL);
  await waitForCanvas(page);
  await expect.poll(async () => (await moments(page)).installAt, { timeout: 30_000 }).not.toBeNull();
  const { installAt, stepShownAt } = await moments(page);
  expect(stepShownAt).not.toBeNull();
  expect(installAt!).toBeGreaterThan(stepShownAt!);
  // And it does install: the worker takes the page over.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.close();
});

test('a first visit that opens no map (the catalogue) still installs for offline use', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(noteInstall);
  await page.goto(`${APP_URL}#/catalogue`);
  await page.getByRole('heading', { name: /catalogue/i }).first().waitFor({ timeout: 20_000 });
  await expect.poll(async () => (await moments(page)).installAt, { timeout: 30_000 }).not.toBeNull();
  expect((await moments(page)).stepShownAt).toBeNull();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.close();
});
