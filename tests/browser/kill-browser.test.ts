import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { APP_URL, expectAccessible, nodeByLabel, openApp, relabelNode, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';
import { launchWithProfile } from './support/killableBrowser';

// Nothing lost, whatever the browser does: killed between an edit and its save, or a second tab
// taking a map over while the first one's save has not run.

interface JournalHooks {
  rows: () => Promise<number>;
  holdSaves: (on: boolean) => void;
  storedMap: (mapId: string) => Promise<{ nodes: { id: string; label: string }[] } | undefined>;
}
const journalRows = (page: Page) => page.evaluate(() => (window as unknown as { __lanemapJournal: JournalHooks }).__lanemapJournal.rows());
const holdSaves = (page: Page) => page.evaluate(() => (window as unknown as { __lanemapJournal: JournalHooks }).__lanemapJournal.holdSaves(true));
const storedLabel = (page: Page, mapId: string, nodeId: string) =>
  page.evaluate(
    async ([m, n]) => (await (window as unknown as { __lanemapJournal: JournalHooks }).__lanemapJournal.storedMap(m!))?.nodes.find((x) => x.id === n)?.label,
    [mapId, nodeId],
  );

test('a browser killed after an edit, before its save, has the edit when started again', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'lanemap-kill-'));
  try {
    const first = await launchWithProfile(profile);
    const page = await first.newPage();
    await page.goto(APP_URL + '#/map/m-alu');
    await waitForCanvas(page);
    await waitSaved(page);

    // The save is held back, as when the browser dies within the save's debounce.
    await holdSaves(page);
    await relabelNode(page, 'Send event invitation', 'Invite by letter and e-mail');
    await expect.poll(() => journalRows(page)).toBe(1);
    expect(await storedLabel(page, 'm-alu', 'n-alu-9')).toBe('Send event invitation');
    await first.kill();

    const again = await launchWithProfile(profile);
    const reopened = await again.newPage();
    const errors: string[] = [];
    reopened.on('pageerror', (e) => errors.push(e.message));
    await reopened.goto(APP_URL + '#/map/m-alu');
    await waitForCanvas(reopened);
    await expect.poll(() => nodeByLabel(reopened, 'Invite by letter and e-mail').count()).toBe(1);
    await expect.poll(() => nodeByLabel(reopened, 'Send event invitation').count()).toBe(0);
    // Written back into the map, and the journal emptied.
    await expect.poll(() => storedLabel(reopened, 'm-alu', 'n-alu-9')).toBe('Invite by letter and e-mail');
    expect(await journalRows(reopened)).toBe(0);
    await expect.poll(() => reopened.locator('.banner').count()).toBe(0);
    expect(errors).toEqual([]);
    await again.kill();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

const browser = sharedBrowser();
const notice = (page: Page) => page.locator('.lock-notice');

test('a second tab that takes a map over gets the first tab’s edit that was not saved yet', async () => {
  const { page: first, context } = await openApp(browser(), { path: '#/map/m-alu' });
  const second = await context.newPage();
  await second.goto(APP_URL + '#/map/m-alu');
  await waitForCanvas(second);
  await expect.poll(() => notice(second).count()).toBe(1);

  // The first tab edits; its save has not run when the second tab takes over.
  await holdSaves(first);
  await relabelNode(first, 'Send event invitation', 'Send invitation by post');
  await expect.poll(() => journalRows(first)).toBe(1);
  expect(await storedLabel(first, 'm-alu', 'n-alu-9')).toBe('Send event invitation');

  await second.getByRole('button', { name: 'Edit here instead' }).click();
  await expect.poll(() => notice(second).count()).toBe(0);
  await expect.poll(() => notice(first).textContent()).toContain('Another tab took this map over');
  await expect.poll(() => nodeByLabel(second, 'Send invitation by post').count()).toBe(1);
  await expectAccessible(second);

  // The second tab goes on editing; the first tab goes away. Both edits are kept.
  await relabelNode(second, 'Send invitation by post', 'Send invitation by post and e-mail');
  await waitSaved(second);
  await first.close();
  await second.reload();
  await waitForCanvas(second);
  await expect.poll(() => nodeByLabel(second, 'Send invitation by post and e-mail').count()).toBe(1);
  expect(await storedLabel(second, 'm-alu', 'n-alu-9')).toBe('Send invitation by post and e-mail');
  await context.close();
});
