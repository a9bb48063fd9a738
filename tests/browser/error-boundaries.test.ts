import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, nodeByLabel, openApp, renameNode, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

// A damaged row in storage (a half-written revision, a trash entry without its map) must not
// blank the page: the panel that reads it says it could not be shown, offers a way back and
// a backup, and the maps are untouched.

/** Writes a row straight into the open workspace's database (a fresh profile has one: the demo), as a crash or another program might leave it. */
async function putRaw(page: Page, store: string, row: Record<string, unknown>): Promise<void> {
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('lanemap-ws-')));
  expect(names).toHaveLength(1);
  await page.evaluate(
    ({ store, row, name }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, row, name: names[0]! },
  );
}

const failure = (page: Page, what: string) => page.getByRole('alert', { name: `${what} could not be shown` });

test('a damaged saved version: the history says it cannot be shown and closes, and the map goes on being edited and saved', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-alu' });
  await waitSaved(page);
  // A version row without its summary, newer than the rest, so it is listed first. Written while
  // the workspace is open: one found at load is set aside before any panel reads it (damaged-records.test.ts).
  await putRaw(page, 'revisions', { id: 'rev-damaged', mapId: 'm-alu', at: Date.now() + 60_000, size: 10 });

  await page.keyboard.press('h');
  const history = page.getByRole('dialog', { name: /History/ });
  await failure(page, 'The history').waitFor({ timeout: 10_000 });
  expect(await failure(page, 'The history').textContent()).toMatch(/could not be read: .+Your maps are safe: nothing was changed/);
  // Not a blank page: the map is still drawn behind the dialog.
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBeGreaterThan(5);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/error-history.png' });

  // The way back: close it, and go on working; the edit is kept.
  await failure(page, 'The history').getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => history.count()).toBe(0);
  await renameNode(page, 'Send event invitation', 'Send invitation by post');
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Send invitation by post').count()).toBe(1);
  await context.close();
});

test('a damaged trash row: the trash says it cannot be shown, offers a backup and closes; the maps are all there', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-alu', acceptDownloads: true });
  await waitSaved(page);
  const maps = page.getByRole('complementary', { name: 'Maps' });
  const before = await maps.locator('.map-name').count();
  // A deleted map's row without the map itself, written while the workspace is open (one found at
  // load is set aside before any panel reads it); deleting a map makes the trash read its rows again.
  await putRaw(page, 'trash', { id: 'm-lost', deletedAt: Date.now() });
  const victim = (await maps.locator('.map-name').allTextContents()).find((n) => !n.startsWith('Alumni'))!;
  await maps.getByRole('button', { name: `Delete ${victim}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete map' }).click();

  const trashButton = maps.getByRole('button', { name: /^Trash: / });
  await expect.poll(() => trashButton.getAttribute('aria-label')).toBe('Trash: 2 deleted maps');
  await trashButton.click();
  const trash = page.getByRole('dialog', { name: 'Deleted maps' });
  await failure(page, 'The trash').waitFor({ timeout: 10_000 });
  await expect.poll(() => maps.locator('.map-name').count()).toBe(before - 1);
  await page.screenshot({ path: 'tests/browser/artifacts/error-trash.png' });
  await expectAccessible(page);

  // "Download backup" gives the whole workspace, then "Close" is the way back.
  const [download] = await Promise.all([page.waitForEvent('download'), failure(page, 'The trash').getByRole('button', { name: 'Download backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.lanemap\.json$/);
  await failure(page, 'The trash').getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => trash.count()).toBe(0);
  await renameNode(page, 'Send event invitation', 'Send invitation by e-mail');
  await expect.poll(() => maps.locator('.map-name').count()).toBe(before - 1);
  await context.close();
});
