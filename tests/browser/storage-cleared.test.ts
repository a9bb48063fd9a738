import { expect, test } from 'vitest';
import { APP_URL, nodeByLabel, openApp, renameNode, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

// The browser's settings (or storage pressure) clear the site's data while the map is open:
// every database is deleted under the running app. Whatever was on screen must come back.
test('site data cleared while open: the whole workspace is written again, the user is told, and a reload shows every edit', async () => {
  const { page, context } = await openApp(browser());
  await waitSaved(page);
  const before: [string, string][] = [['Reply with prospectus', 'Edit before one'], ['Sends application', 'Edit before two'], ['Assess application', 'Edit before three']];
  for (const [from, to] of before) await renameNode(page, from, to);
  const mapsBefore = await page.locator('.map-list > li').count();
  // From here on, whether the page ever says the work is not being saved: the wipe is news to
  // tell, not a failed save (a false alarm's dialog took the keyboard from the label being typed).
  await page.evaluate(`(() => {
    window.__saveFailed = null;
    const look = () => { window.__saveFailed ??= document.querySelector('.save-error, dialog.save-failure[open]')?.textContent ?? null; };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(APP_URL).origin, storageTypes: 'indexeddb' });

  const after: [string, string][] = [['Send offer letter', 'Edit after one'], ['Forward to Registry', 'Edit after two']];
  for (const [from, to] of after) await renameNode(page, from, to);
  // Said in plain words, not only in the console.
  await expect.poll(() => page.getByRole('alert').filter({ hasText: /deleted .*stored data/i }).count()).toBeGreaterThan(0);
  expect(await page.evaluate('window.__saveFailed')).toBeNull();

  await page.reload();
  await waitForCanvas(page);
  const kept = [...before, ...after].map(([, to]) => to);
  await expect.poll(async () => (await Promise.all(kept.map((l) => nodeByLabel(page, l).count()))).reduce((a, b) => a + b, 0)).toBe(kept.length);
  await expect.poll(() => page.locator('.map-list > li').count()).toBe(mapsBefore);
  await context.close();
});

// The data is cleared from the browser's settings in another window; coming back to the tab
// makes it look for what other tabs saved. An emptied store is not another tab's save: no map
// may go from the list, and the whole workspace is written again.
test('site data cleared in another window: coming back to the tab keeps every map and writes them all again', async () => {
  const { page, context } = await openApp(browser());
  await waitSaved(page);
  const maps = await page.locator('.map-list > li').allTextContents();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(APP_URL).origin, storageTypes: 'indexeddb' });
  // The tab shown again, as the browser tells it on coming back.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => page.getByRole('alert').filter({ hasText: /deleted .*stored data/i }).count()).toBeGreaterThan(0);
  await expect.poll(() => page.locator('.map-list > li').allTextContents()).toEqual(maps);

  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => page.locator('.map-list > li').allTextContents()).toEqual(maps);
  await context.close();
});

// Two tabs open on the workspace when the data is cleared: one of them writes it all again, and
// the user of the other must hear it too (its History and Trash went with the wipe as well).
test('site data cleared with two tabs open: both tabs say so, and neither loses a map', async () => {
  const { page, context } = await openApp(browser());
  await waitSaved(page);
  const other = await context.newPage();
  await other.goto(APP_URL);
  await waitForCanvas(other);
  const maps = await page.locator('.map-list > li').allTextContents();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(APP_URL).origin, storageTypes: 'indexeddb' });
  // The first tab edits: its save finds storage empty and writes everything again.
  await renameNode(page, 'Reply with prospectus', 'Edited after the wipe');
  const told = (p: typeof page) => p.getByRole('alert').filter({ hasText: /deleted .*stored data/i }).count();
  await expect.poll(() => told(page)).toBeGreaterThan(0);
  await expect.poll(() => told(other)).toBeGreaterThan(0);
  await expect.poll(() => other.locator('.map-list > li').allTextContents()).toEqual(maps);
  await context.close();
});
