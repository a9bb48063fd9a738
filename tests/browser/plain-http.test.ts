import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { clickNode, expectAccessible, nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';
import { serveStatic } from './support/staticServer';

// Many councils and universities serve internal tools over plain http on an intranet name.
// There the browser gives no crypto.randomUUID, no service worker, no Web Locks and no
// StorageManager (they need a secure context; only localhost counts as one). Chromium is told
// that lanemap.intranet is this machine, so the page is exactly such an insecure one.

const HOST = 'lanemap.intranet';
const browser = sharedBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic(process.env.LANEMAP_DIST ?? 'dist');
});
afterAll(async () => {
  await server?.close();
});

const httpsNote = (page: Page) => page.getByRole('status').filter({ hasText: 'needs a secure (https) address' });

test('on http://lanemap.intranet steps can be added and are kept, and the app says once that offline install needs https', async () => {
  const { page, context, errors } = await openApp(browser(), { url: `http://${HOST}:${server.port}/`, path: '#/map/m-adm' });
  expect(await page.evaluate(() => ({ secure: window.isSecureContext, uuid: typeof crypto.randomUUID, sw: 'serviceWorker' in navigator }))).toEqual({ secure: false, uuid: 'undefined', sw: false });

  // Said once, calmly, in the corner.
  await httpsNote(page).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: 'tests/browser/artifacts/plain-http.png' });

  // A step after "Reply with prospectus", named: its id comes from getRandomValues.
  await clickNode(nodeByLabel(page, 'Reply with prospectus'));
  await page.getByRole('button', { name: 'Add step', exact: true }).click();
  const box = page.getByRole('region', { name: /^Map canvas/ }).getByRole('textbox', { name: 'Label' });
  await box.fill('Call the applicant back');
  await box.press('Enter');
  await expect.poll(() => nodeByLabel(page, 'Call the applicant back').count()).toBe(1);
  await waitSaved(page);

  // Storage works: the step is there after a reload, and the note is not said again.
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Call the applicant back').count()).toBe(1);
  await expect.poll(() => httpsNote(page).count()).toBe(0);

  // The storage panel says why there is no offline install, and that all else works.
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Storage and backups' });
  await expect.poll(() => panel.textContent()).toMatch(/Offline\s*Not available on this address: installing Lanemap for use with no network needs a secure \(https\) address\. Everything else works/);
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});
