import { readFile } from 'node:fs/promises';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { APP_URL, clickNode, expectAccessible, fillDisk, freeDisk, nodeByLabel, openApp, relabelNode as rename, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

const panel = (page: Page) => page.getByRole('dialog', { name: 'Storage and backups' });
const fact = (page: Page, term: string) => panel(page).locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
const failureAlert = (page: Page) => page.getByRole('alertdialog', { name: 'Your changes are not being saved' });

/** The text of a downloaded workspace file. */
async function downloaded(download: Download): Promise<string> {
  return readFile((await download.path())!, 'utf8');
}

/** Count the page's requests for persistent storage, from the start of each page load. */
const countPersistRequests = (context: BrowserContext) =>
  context.addInitScript(() => {
    const w = window as unknown as { __persistAsked: number };
    w.__persistAsked = 0;
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      w.__persistAsked++;
      return persist.call(this);
    };
  });
const persistRequests = (page: Page) => page.evaluate(() => (window as unknown as { __persistAsked: number }).__persistAsked);

test('the storage panel says whether storage is persistent, the space used, and when the last backup was downloaded', async () => {
  const { page, context, errors } = await openApp(browser(), { acceptDownloads: true });
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  await expect.poll(() => fact(page, 'Space').textContent()).toMatch(/^[\d.]+ (bytes|KB|MB|GB) used, about [\d.]+ (KB|MB|GB|TB) available\.$/);
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect.poll(() => fact(page, 'Kept by the browser').textContent()).toMatch(persisted ? /^Persistent\./ : /^Not persistent\./);
  await expect.poll(() => fact(page, 'Last backup').textContent()).toContain('No backup downloaded in this browser yet.');
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: 'Download backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.lanemap\.json$/);
  expect(JSON.parse(await downloaded(download)).maps.length).toBeGreaterThan(0);
  const last = fact(page, 'Last backup');
  await expect.poll(() => last.textContent()).toMatch(/^Today at \d{1,2}:\d\d:\d\d/);
  expect(await last.textContent()).toContain(download.suggestedFilename());
  expect(await last.textContent()).toContain('No changes since.');
  await page.screenshot({ path: 'tests/browser/artifacts/storage-panel.png' });
  await panel(page).getByRole('button', { name: 'Close' }).click();

  // Edits since are counted; "Export workspace" in the top bar is a backup too.
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  await expect.poll(() => last.textContent()).toContain('1 change since.');
  await page.keyboard.press('Escape');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  await expect.poll(() => last.textContent()).toContain('No changes since.');
  expect(await last.textContent()).toContain(exported.suggestedFilename());

  // It is remembered: after a reload the panel still knows the last backup.
  await page.reload();
  await waitForCanvas(page);
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  await expect.poll(() => last.textContent()).toMatch(/^Today at .*No changes since\.$/);
  expect(errors).toEqual([]);
  await context.close();
});

test('persistent storage is asked for when the first map of the user\'s own is created, not before', async () => {
  const { page, context } = await openApp(browser());
  // Count the requests from the start of the page.
  await countPersistRequests(context);
  await page.reload();
  await waitForCanvas(page);
  const asked = () => persistRequests(page);
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  expect(await asked()).toBe(0);

  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Complaints');
  await page.getByRole('button', { name: 'Create map' }).click();
  await expect.poll(asked).toBe(1);
  await context.close();
});

test('persistent storage is asked for once: a new map after a reload does not ask again, and the panel says what the browser answered', async () => {
  const { page, context } = await openApp(browser());
  await countPersistRequests(context);
  const asked = () => persistRequests(page);
  const newMap = async (name: string) => {
    await page.getByRole('button', { name: 'New map' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByRole('button', { name: 'Create map' }).click();
    await expect.poll(() => page.locator('.map-list > li', { hasText: name }).count()).toBe(1);
  };
  await page.reload();
  await waitForCanvas(page);
  await newMap('Complaints');
  await expect.poll(asked).toBe(1);
  await waitSaved(page);

  await page.reload();
  await waitForCanvas(page);
  await newMap('Refunds');
  await waitSaved(page);
  expect(await asked()).toBe(0);

  await page.getByRole('button', { name: 'Storage' }).click();
  const granted = await page.evaluate(() => navigator.storage.persisted());
  await expect.poll(() => fact(page, 'Kept by the browser').textContent()).toMatch(granted ? /^Persistent\./ : /Lanemap asked .*; the browser did not grant it/);
  await expect.poll(() => fact(page, 'Space').textContent()).toMatch(/used/);
  await context.close();
});

test('a quota error blocks the screen with "Download backup"; the backup holds the unsaved edit, and saving again clears it', async () => {
  const { page, context } = await openApp(browser(), { acceptDownloads: true });
  await waitSaved(page);
  await fillDisk(page);
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  await page.evaluate(() => (window as unknown as { __lanemapFlush: () => Promise<void> }).__lanemapFlush());

  const alert = failureAlert(page);
  await alert.waitFor({ state: 'visible' });
  expect(await alert.textContent()).toMatch(/full/);
  // Blocking: Escape does not hide it, and the page under it cannot be clicked.
  await page.keyboard.press('Escape');
  expect(await alert.isVisible()).toBe(true);
  await expect(page.getByRole('button', { name: 'Export workspace' }).click({ timeout: 1000 })).rejects.toThrow();
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/save-failure-alert.png' });

  // A retry does not take the alert away while it runs: a click on it is never lost to a blink.
  type Watch = { closed: number; retried: boolean };
  await page.evaluate(() => {
    const w: Watch = ((window as unknown as { __watch: Watch }).__watch = { closed: 0, retried: false });
    const d = document.querySelector('dialog.save-failure')!;
    new MutationObserver(() => { if (!d.hasAttribute('open')) w.closed++; }).observe(d, { attributes: true, attributeFilter: ['open'] });
    new MutationObserver(() => { if (document.querySelector('.save-status')?.textContent === 'Saving…') w.retried = true; })
      .observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const watch = () => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(async () => (await watch()).retried).toBe(true);
  await expect.poll(() => page.locator('.save-status').textContent()).toMatch(/^Not saved/);
  expect((await watch()).closed).toBe(0);

  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download backup' }).click()]);
  expect(await downloaded(download)).toContain('Send prospectus pack');
  // The backup holds the edits: the alert steps back to a banner that still says saving fails.
  await alert.waitFor({ state: 'hidden' });
  const banner = page.locator('.banner');
  await expect.poll(() => banner.textContent()).toMatch(/^Still not saving: the disk/);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/save-failure-banner.png' });

  // Space again: "Try again" writes the edit, and the banner goes.
  await freeDisk(page);
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => banner.count()).toBe(0);
  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Send prospectus pack').count()).toBe(1);
  await context.close();
});

test('the blocking alert goes by itself once storage works again', async () => {
  const { page, context } = await openApp(browser());
  await waitSaved(page);
  await fillDisk(page);
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  await failureAlert(page).waitFor({ state: 'visible' });
  await freeDisk(page);
  // Saving is retried while the alert is up: no click needed.
  await failureAlert(page).waitFor({ state: 'hidden', timeout: 15_000 });
  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Send prospectus pack').count()).toBe(1);
  await context.close();
});

test('with IndexedDB blocked the app still opens, says nothing will be kept, and offers export', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const page = await context.newPage();
  await page.goto(APP_URL);
  await waitForCanvas(page);
  const banner = page.locator('.banner');
  await expect.poll(() => banner.textContent()).toContain('nothing will be kept after you close this tab');
  // Not the blocking alert: there is nothing a retry could fix.
  expect(await failureAlert(page).isVisible()).toBe(false);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/storage-unavailable.png' });

  // Work done here can still be taken away.
  await rename(page, 'Reply with prospectus', 'Send prospectus pack');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export workspace' }).click()]);
  expect(await downloaded(download)).toContain('Send prospectus pack');
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  await expect.poll(() => panel(page).getByRole('alert').textContent()).toContain('nothing is kept after you close this tab');
  await context.close();
});

test('after a session of edits and a pause, a reminder offers a backup, once; the backup answers it', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // A fixed morning: the hour the test skips must not cross midnight, or "today" reads "yesterday".
  await page.clock.install({ time: new Date(2026, 2, 10, 9, 0, 0) });
  await page.goto(APP_URL + '#/map/m-adm');
  await waitForCanvas(page);
  const reminder = page.getByRole('region', { name: 'Backup reminder' });

  // A few edits, a pause: nothing.
  await clickNode(nodeByLabel(page, 'Reply with prospectus'));
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+ArrowDown');
  await page.clock.fastForward('10:00');
  await expect.poll(() => reminder.count()).toBe(0);

  // Many edits, still editing: nothing yet; then a pause of a few minutes.
  for (let i = 0; i < 25; i++) await page.keyboard.press(i % 2 ? 'Control+ArrowDown' : 'Control+ArrowUp');
  await page.clock.fastForward('00:40');
  await expect.poll(() => reminder.count()).toBe(0);
  await page.clock.fastForward('04:00');
  await reminder.waitFor();
  expect(await reminder.textContent()).toMatch(/^30 changes since you started, and no backup yet\./);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/backup-reminder.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Download backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.lanemap\.json$/);
  await reminder.waitFor({ state: 'hidden' });

  // Not again within the hour, however much is edited; after it, again.
  for (let i = 0; i < 30; i++) await page.keyboard.press(i % 2 ? 'Control+ArrowDown' : 'Control+ArrowUp');
  await page.clock.fastForward('05:00');
  await expect.poll(() => reminder.count()).toBe(0);
  await page.clock.fastForward('01:00:00');
  await reminder.waitFor();
  expect(await reminder.textContent()).toMatch(/^30 changes since your last backup \(today at /);
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await reminder.waitFor({ state: 'hidden' });
  await context.close();
});
