import { expect, test } from 'vitest';
import { fillDisk, freeDisk, nodeByLabel, openApp, relabelNode as rename, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

test('saves keep being retried after a backup was offered and taken: three edits made while the disk is full are all saved once it has room', async () => {
  const { page, context } = await openApp(browser(), { acceptDownloads: true });
  await waitSaved(page);
  const status = page.locator('.save-status');

  // The disk fills up: every IndexedDB write fails as Chromium fails it.
  await fillDisk(page);
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
  await freeDisk(page);
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Saved');

  await page.reload();
  await waitForCanvas(page);
  for (const label of ['Retry edit one', 'Retry edit two', 'Retry edit three']) await expect.poll(() => nodeByLabel(page, label).count()).toBe(1);
  await context.close();
});
