import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ServerProcess } from '../unit/fixtures/serverProcess';
import { clickNode, expectAccessible, nodeByLabel, openApp, relabelNode, sharedBrowser, waitForCanvas } from './support/browser';
import { giveName, joinShared, openMap, peopleHere, share, shareState } from './support/live';

// One workspace, several laptops: the app served by `npm run server` (the real process, with the
// built app), shared from one browser and joined by link from others (each a context of its
// own: its own IndexedDB, as separate laptops). The server is killed with SIGKILL and started
// again on the same data while both people keep editing.

const browser = sharedBrowser();
let dir: string;
let server: ServerProcess;
let dataFile: string;
const appUrl = () => `http://127.0.0.1:${server.port}/`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lanemap-live-'));
  dataFile = join(dir, 'rooms.sqlite');
  server = await ServerProcess.start(dataFile, { LANEMAP_DIST: 'dist' });
});
afterAll(async () => {
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const MAP = 'Admissions: enquiry to offer';
const joinByLink = (link: string, name: string) => joinShared(browser(), link, name);

test('share a workspace by link: the other laptop receives it, sees edits and names live, and a wrong or stopped link gets nothing', async () => {
  const ana = await openApp(browser(), { url: appUrl() });
  const links = await share(ana.page, 'Ana Silva');
  // The secret is in the fragment: never sent to the server in a request.
  expect(new URL(links.edit).hash).toMatch(/^#\/join\/[^/]+\/[A-Za-z0-9_-]{22,}$/);
  expect(links.view).not.toBe(links.edit);

  const ben = await joinByLink(links.edit, 'Ben Okafor');
  // The link's secret is taken out of Ben's address bar at once.
  expect(ben.page.url()).not.toContain('#/join/');
  await openMap(ben.page, MAP);
  await openMap(ana.page, MAP);
  await expect.poll(() => nodeByLabel(ben.page, 'Reply with prospectus').count()).toBe(1);

  // Each sees the other's name; Ana sees which step Ben has selected.
  await expect.poll(() => peopleHere(ana.page).getByRole('button', { name: `Ben Okafor, on “${MAP}”: go there` }).count()).toBe(1);
  await expect.poll(() => peopleHere(ben.page).getByRole('button', { name: `Ana Silva, on “${MAP}”: go there` }).count()).toBe(1);
  await clickNode(nodeByLabel(ben.page, 'Chase missing documents'));
  await expect.poll(() => nodeByLabel(ana.page, 'Chase missing documents').locator('.peer-tag').textContent()).toBe('Ben Okafor');
  // A comment is shared like everything else: Ben asks, Ana's map marks the step and her inspector shows it, signed.
  await ben.page.keyboard.press('c');
  await ben.page.keyboard.type('Who chases when the officer is away?');
  await ben.page.keyboard.press('Control+Enter');
  const mark = nodeByLabel(ana.page, 'Chase missing documents').locator('.badge-comments');
  await expect.poll(() => mark.textContent()).toBe('1');
  await clickNode(nodeByLabel(ana.page, 'Chase missing documents'));
  await expect.poll(() => ana.page.locator('.step-comments .comment-list li').first().textContent()).toMatch(/^Ben Okafor, .*Who chases when the officer is away\?$/);

  // An edit on one laptop shows on the other; both ways.
  await relabelNode(ana.page, 'Reply with prospectus', 'Send prospectus by post');
  await expect.poll(() => nodeByLabel(ben.page, 'Send prospectus by post').count()).toBe(1);
  await relabelNode(ben.page, 'Sends application', 'Applies online');
  await expect.poll(() => nodeByLabel(ana.page, 'Applies online').count()).toBe(1);
  // Undo on Ana's laptop takes back Ana's rename only: Ben's, made after it in the same map, stays.
  await ana.page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await ana.page.keyboard.press('Control+z');
  await expect.poll(() => nodeByLabel(ana.page, 'Reply with prospectus').count()).toBe(1);
  expect(await nodeByLabel(ana.page, 'Applies online').count()).toBe(1);
  await expect.poll(() => nodeByLabel(ben.page, 'Reply with prospectus').count()).toBe(1);
  expect(await nodeByLabel(ben.page, 'Applies online').count()).toBe(1);

  // The dialog from the keyboard too; who is here, in words.
  await ana.page.keyboard.press('Control+Shift+S');
  await expect.poll(() => ana.page.getByRole('list', { name: 'Here now' }).textContent()).toBe(`BOBen Okafor, on “${MAP}”`);
  await expectAccessible(ana.page);
  await ana.page.screenshot({ path: 'tests/browser/artifacts/live-share-dialog.png' });
  await ana.page.getByRole('dialog', { name: 'Share this workspace' }).getByRole('button', { name: 'Close' }).click();
  await ana.page.screenshot({ path: 'tests/browser/artifacts/live-share-ana.png' });

  // A view-only link: the maps, live, and no edits.
  const cleo = await joinByLink(links.view, 'Cleo Park');
  await openMap(cleo.page, MAP);
  await expect.poll(() => nodeByLabel(cleo.page, 'Applies online').count()).toBe(1);
  await clickNode(nodeByLabel(cleo.page, 'Applies online'));
  await cleo.page.keyboard.press('Delete');
  await expect.poll(() => cleo.page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining('view-only link'));
  expect(await nodeByLabel(cleo.page, 'Applies online').count()).toBe(1);

  // A link with a wrong secret: refused, and nothing is received or kept.
  const wrong = links.edit.replace(/\/[A-Za-z0-9_-]+$/, '/AAAAAAAAAAAAAAAAAAAAAA');
  const eve = await openApp(browser(), { url: wrong, canvas: false });
  await giveName(eve.page, 'Eve');
  const failed = eve.page.getByRole('dialog', { name: 'Could not join the shared workspace' });
  await expect.poll(() => failed.getByRole('alert').textContent()).toMatch(/refused this link/);
  await failed.getByRole('button', { name: 'Close' }).click();
  // No shared workspace was kept: only Eve's own (the demo) is in her browser.
  const kept = await eve.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(kept.filter((n) => n.endsWith('-live'))).toEqual([]);
  expect(kept.filter((n) => /^lanemap-ws-/.test(n))).toHaveLength(1);

  // Stop sharing: Ben's old link stops working; Ana gets new links.
  await ana.page.getByRole('button', { name: /^Share/ }).click();
  const dialog = ana.page.getByRole('dialog', { name: 'Share this workspace' });
  await dialog.getByRole('button', { name: 'Stop sharing' }).click();
  await ana.page.getByRole('dialog', { name: 'Stop sharing?' }).getByRole('button', { name: 'Stop sharing' }).click();
  await expect.poll(() => dialog.getByRole('textbox', { name: 'Link', exact: true }).inputValue()).not.toBe(links.edit);
  await expect.poll(() => ben.page.getByRole('button', { name: /^Share/ }).textContent()).toContain('link refused');

  for (const p of [ana, ben, cleo, eve]) {
    expect(p.errors.filter((e) => !/WebSocket|websocket|ERR_CONNECTION/.test(e))).toEqual([]);
    await p.context.close();
  }
});

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

test('the server is killed (SIGKILL): both keep editing, one reloads meanwhile, and after the restart everyone has everything', async () => {
  const ana = await openApp(browser(), { url: appUrl() });
  const links = await share(ana.page, 'Ana Silva');
  const ben = await joinByLink(links.edit, 'Ben Okafor');
  for (const p of [ana, ben]) await openMap(p.page, MAP);
  // An edit the server acknowledged just before it dies.
  await relabelNode(ana.page, 'Log enquiry in spreadsheet', 'Log enquiry in CRM');
  await expect.poll(() => nodeByLabel(ben.page, 'Log enquiry in CRM').count()).toBe(1);
  await expect.poll(() => shareState(ana.page)).toBe('Share (live)');
  // The app itself comes from the service worker while the server is down: installed on the
  // first visit, it serves the page from the next load on.
  await ben.page.evaluate(() => navigator.serviceWorker.ready);
  await ben.page.reload();
  await waitForCanvas(ben.page);
  await expect.poll(() => controlled(ben.page)).toBe(true);
  await expect.poll(() => shareState(ben.page)).toBe('Share (live)');
  await openMap(ben.page, MAP);

  expect(await server.kill('SIGKILL')).toBe(null);
  for (const p of [ana, ben]) await expect.poll(() => shareState(p.page)).toMatch(/offline|connecting/);
  await relabelNode(ana.page, 'Forward to Registry', 'Forward to Registry by e-mail');
  await relabelNode(ben.page, 'Chase missing documents', 'Phone for missing documents');
  await expect.poll(() => shareState(ben.page)).toMatch(/unsent/);
  // Ben's laptop reloads while the server is down: his unsent change is still there.
  await ben.page.evaluate(() => (window as unknown as { __lanemapFlush: () => Promise<void> }).__lanemapFlush());
  await ben.page.reload();
  await waitForCanvas(ben.page);
  await openMap(ben.page, MAP);
  await expect.poll(() => nodeByLabel(ben.page, 'Phone for missing documents').count()).toBe(1);

  server = await ServerProcess.start(dataFile, { LANEMAP_DIST: 'dist' }, server.port);
  // Both send what they kept and receive the other's.
  await expect.poll(() => nodeByLabel(ana.page, 'Phone for missing documents').count(), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => nodeByLabel(ben.page, 'Forward to Registry by e-mail').count(), { timeout: 30_000 }).toBe(1);
  for (const p of [ana, ben]) await expect.poll(() => shareState(p.page)).toBe('Share (live)');

  // A newcomer gets all of it from the server: the acknowledged edit and both offline ones.
  const cleo = await joinByLink(links.edit, 'Cleo Park');
  await openMap(cleo.page, MAP);
  for (const label of ['Log enquiry in CRM', 'Forward to Registry by e-mail', 'Phone for missing documents']) {
    await expect.poll(() => nodeByLabel(cleo.page, label).count()).toBe(1);
  }
  for (const p of [ana, ben, cleo]) {
    expect(p.errors.filter((e) => !/WebSocket|websocket|ERR_CONNECTION|Failed to load resource/.test(e))).toEqual([]);
    await p.context.close();
  }
});

test('sharing from a page not served by the Lanemap server says what is needed, and leaves the workspace unshared', async () => {
  // The tests' static server (vite preview) has no rooms.
  const { page, context, errors } = await openApp(browser());
  await page.getByRole('button', { name: /^Share/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this workspace' });
  await dialog.getByRole('button', { name: 'Start sharing' }).click();
  await giveName(page, 'Ana Silva');
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^Could not reach the Lanemap server at localhost:\d+\. Sharing needs/);
  expect(await dialog.getByRole('button', { name: 'Start sharing' }).isVisible()).toBe(true);
  expect(await shareState(page)).toBe('Share');
  // Nothing about a room was kept: a reload opens the workspace unshared, and the device holds no shared doc.
  await page.reload();
  await waitForCanvas(page);
  expect(await shareState(page)).toBe('Share');
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(names.filter((n) => n.endsWith('-live'))).toEqual([]);
  expect(errors.filter((e) => !/WebSocket|websocket|ERR_CONNECTION|Failed to load resource/.test(e))).toEqual([]);
  await context.close();
});

test('a laptop whose copy of the room was lost (its storage cleared) waits for the room’s copy, never writing its old one over others’ work', async () => {
  const ana = await openApp(browser(), { url: appUrl() });
  const links = await share(ana.page, 'Ana Silva');
  const ben = await joinByLink(links.edit, 'Ben Okafor');
  await ben.page.evaluate(() => navigator.serviceWorker.ready);
  for (const p of [ana, ben]) await openMap(p.page, MAP);
  // Ben's copy of the room goes (the workspace's own tables stay), and his tab closes.
  await ben.page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.endsWith('-live'));
    await Promise.all(names.map((n) => new Promise((done) => { const q = indexedDB.deleteDatabase(n); q.onsuccess = q.onerror = done; })));
  });
  await ben.page.close();
  // Meanwhile Ana renames a step.
  await relabelNode(ana.page, 'Forward to Registry', 'Forward to Registry by e-mail');
  await expect.poll(() => shareState(ana.page)).toBe('Share (live)');
  // Ben comes back while the server is down (the app from the service worker): his browser's
  // copy of the workspace is older than the room's, so it takes no edit until the room's arrives.
  expect(await server.kill('SIGKILL')).toBe(null);
  const page = await ben.context.newPage();
  await page.goto(appUrl());
  await waitForCanvas(page);
  await openMap(page, MAP);
  await clickNode(nodeByLabel(page, 'Chase missing documents'));
  await page.keyboard.press('Delete');
  await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining('waiting for its copy from the Lanemap server'));
  expect(await nodeByLabel(page, 'Chase missing documents').count()).toBe(1);
  server = await ServerProcess.start(dataFile, { LANEMAP_DIST: 'dist' }, server.port);
  await expect.poll(() => nodeByLabel(page, 'Forward to Registry by e-mail').count(), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => shareState(page)).toBe('Share (live)');
  // Nothing old was written over Ana's rename, and Ben edits again.
  expect(await nodeByLabel(ana.page, 'Forward to Registry by e-mail').count()).toBe(1);
  await relabelNode(page, 'Forward to Registry by e-mail', 'Forward by e-mail');
  await expect.poll(() => nodeByLabel(ana.page, 'Forward by e-mail').count(), { timeout: 30_000 }).toBe(1);
  for (const c of [ana.context, ben.context]) await c.close();
});
