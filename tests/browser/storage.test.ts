import { expect, test } from 'vitest';
import { clickNode, nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

test('a failed write shows a red "Not saved" with the reason; the edit is kept and saved once storage works again', async () => {
  const { page, context } = await openApp(browser());
  const status = page.locator('.save-status');
  await expect.poll(() => status.textContent()).toBe('Saved');

  // The disk fills up: every IndexedDB write fails as Chromium fails it.
  await page.evaluate(() => {
    const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
    w.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await clickNode(nodeByLabel(page, 'Reply with prospectus'));
  await page.keyboard.press('F2');
  await page.keyboard.type('Send prospectus pack');
  await page.keyboard.press('Enter');
  await page.evaluate(() => (window as unknown as { __lanemapFlush: () => Promise<void> }).__lanemapFlush());
  await expect.poll(() => status.textContent()).toMatch(/^Not saved: .*(full|space|quota)/i);
  expect(await status.getAttribute('role')).toBe('alert');

  // Space again: the next save writes the edit that failed too.
  await page.evaluate(() => {
    const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.put = w.__put;
  });
  await clickNode(nodeByLabel(page, 'Send prospectus pack'));
  await page.keyboard.press('ArrowDown');
  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Send prospectus pack').count()).toBe(1);
  await context.close();
});
