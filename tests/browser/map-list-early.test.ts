import { expect, test } from 'vitest';
import { APP_URL, expectAccessible, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

// A big workspace takes a while to read and check; its maps are listed from the small index
// table first, so the user sees what is there (and can pick one) before the editor is ready.

const browser = sharedBrowser();

test('while the maps are still being read, the list shows them from the index; the editor follows when they are in', async () => {
  // No service worker: it would answer the holder page below with the app itself.
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(APP_URL);
  await waitForCanvas(page);
  await waitSaved(page);
  const names = await page.locator('.map-list > li .map-name').allTextContents();
  expect(names.length).toBe(5);

  // Another page of the same site holds the maps table in a write transaction, so the app's
  // read of the maps waits, as it would behind a slow disk; the index table stays free.
  const holder = await context.newPage();
  await holder.goto(`${APP_URL}favicon.svg`);
  await holder.evaluate(`(async () => {
    const all = await indexedDB.databases();
    for (const { name } of all) {
      const db = await new Promise((ok, fail) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      if (!db.objectStoreNames.contains('maps')) { db.close(); continue; }
      const store = db.transaction(['maps'], 'readwrite').objectStore('maps');
      window.__held = true;
      const spin = () => { if (window.__release) return; store.get('nothing').onsuccess = spin; };
      spin();
      return;
    }
    throw new Error('no workspace database');
  })()`);
  expect(await holder.evaluate(() => (window as unknown as { __held?: boolean }).__held)).toBe(true);

  await page.reload();
  await expect.poll(() => page.locator('.map-list > li .map-name').allTextContents()).toEqual(names);
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Opening your workspace…' }).count()).toBe(1);
  // Listed, not yet editable: no rename, duplicate or delete on a map that is not loaded.
  expect(await page.locator('.map-list').getAttribute('aria-busy')).toBe('true');
  expect(await page.getByRole('button', { name: /^(Rename|Duplicate|Delete) / }).count()).toBe(0);
  await expectAccessible(page);

  await holder.evaluate(() => ((window as unknown as { __release: boolean }).__release = true));
  await waitForCanvas(page);
  expect(await page.locator('.map-list > li .map-name').allTextContents()).toEqual(names);
  await expect.poll(() => page.getByRole('button', { name: /^Rename / }).count()).toBe(5);
  expect(await page.locator('.map-list').getAttribute('aria-busy')).toBe('false');
  expect(errors).toEqual([]);
  await context.close();
});
