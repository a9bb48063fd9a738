import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

async function rename(page: Page, from: string, to: string): Promise<void> {
  await nodeByLabel(page, from).click();
  await page.keyboard.press('F2');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, to).count()).toBe(1);
}

test('saves keep being retried after a backup was offered and taken: three edits made while the disk is full are all saved once it has room', async () => {
  const { page, context } = await openApp(browser(), { acceptDownloads: true });
  await waitSaved(page);
  const status = page.locator('.save-status');

  // The disk fills up: every IndexedDB write fails as Chromium fails it.
  await page.evaluate(() => {
    const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
    w.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await rename(page, 'Reply with prospectus', 'Retry edit one');
  const alert = page.getByRole('alertdialog', { name: 'Your changes are not being saved' });
  await alert.waitFor();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download backup' }).click();
  await download;
  await alert.waitFor({ state: 'hidden' });

  await rename(page, 'Sends application', 'Retry edit two');
  await rename(page, 'Assess application', 'Retry edit three');
  await expect.poll(() => status.textContent()).toMatch(/Not saved: .*3 edits are waiting/);

  // Room again. Nobody edits or presses anything: the retries alone save all three.
  await page.evaluate(() => {
    const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.put = w.__put;
  });
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Saved');

  await page.reload();
  await waitForCanvas(page);
  for (const label of ['Retry edit one', 'Retry edit two', 'Retry edit three']) await expect.poll(() => nodeByLabel(page, label).count()).toBe(1);
  await context.close();
});
