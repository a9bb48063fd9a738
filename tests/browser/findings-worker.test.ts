import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

// The findings are worked out in a worker, which is sent the workspace once and then only what
// each edit changed. What the panel lists must be what the page's own analysis gives (the
// fallback when the worker cannot run), on the demo and after an edit.

const browser = sharedBrowser();

const panel = (page: Page) => page.getByRole('region', { name: 'Findings' });
const WORKER_SCRIPT = /analysis\.worker/;
const NEW_STORE = 'Data store “Data store” is not in the catalogue';

/** Every finding of every map, as the panel words it, once the analysis has answered. */
async function allFindings(page: Page, expectText: string): Promise<string> {
  await panel(page).getByRole('combobox', { name: 'Which findings' }).selectOption('all');
  await expect.poll(() => panel(page).textContent()).toContain(expectText);
  return (await panel(page).textContent())!;
}

/** The demo, all findings, then a new store not in the catalogue and its finding. */
async function demoThenEdit(page: Page): Promise<[string, string]> {
  const demo = await allFindings(page, 'Re-keying between stores');
  expect(demo).not.toContain(NEW_STORE);
  await page.getByRole('button', { name: 'Add data store', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  return [demo, await allFindings(page, NEW_STORE)];
}

test('the worker lists the same findings, with the same reasons, as the page analysing them itself', async () => {
  const inWorker = await openApp(browser(), { path: '#/map/m-dev' });
  const [workerDemo, workerEdited] = await demoThenEdit(inWorker.page);
  // The worker did the work, and after the edit it was sent a change, not the whole workspace.
  expect(inWorker.page.workers().some((w) => WORKER_SCRIPT.test(w.url()))).toBe(true);
  const sent = await inWorker.page.evaluate(() => performance.getEntriesByName('lanemap:analysis-post').map((e) => (e as PerformanceMeasure).detail as string));
  expect(sent[0]).toBe('full');
  expect(sent.slice(1)).toContain('patch');
  expect(sent.slice(1)).not.toContain('full');
  expect(inWorker.errors).toEqual([]);
  await expectAccessible(inWorker.page);
  await inWorker.context.close();

  // The same with the worker's script unreachable (offline before it was cached, say).
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  await context.route(WORKER_SCRIPT, (route) => route.abort());
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(inWorker.page.url());
  const [pageDemo, pageEdited] = await demoThenEdit(page);
  expect(warnings.some((w) => /analysis worker/.test(w))).toBe(true);
  expect(pageDemo).toBe(workerDemo);
  expect(pageEdited).toBe(workerEdited);
  expect(workerEdited).not.toBe(workerDemo);
  await context.close();
});
