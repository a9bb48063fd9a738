import type { BrowserContext, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { APP_URL, clickNode, expectAccessible, nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

// Two tabs of one browser profile: they share the database and the Web Locks.

async function secondTab(context: BrowserContext, path: string, canvas = true): Promise<Page> {
  const page = await context.newPage();
  await page.goto(APP_URL + path);
  if (canvas) await waitForCanvas(page);
  return page;
}

const notice = (page: Page) => page.locator('.lock-notice');
const addStep = (page: Page) => page.getByRole('button', { name: 'Add step', exact: true });

async function renameNode(page: Page, from: string, to: string): Promise<void> {
  await clickNode(nodeByLabel(page, from));
  await page.keyboard.press('F2');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, to).count()).toBe(1);
}

test('one map in two tabs: the second is read-only until it takes over, then the first is', async () => {
  const { page: first, context, errors } = await openApp(browser(), { path: '#/map/m-alu' });
  const second = await secondTab(context, '#/map/m-alu');

  // The second tab says why it cannot edit, and its tools are off.
  await expect.poll(() => notice(second).textContent()).toContain('open for editing in another tab');
  await expect.poll(() => notice(first).count()).toBe(0);
  expect(await addStep(second).isDisabled()).toBe(true);
  expect(await addStep(first).isDisabled()).toBe(false);

  // A keyboard edit there is refused with a message, and changes nothing.
  const before = await second.locator('.react-flow__node-shape').count();
  await clickNode(nodeByLabel(second, 'Send event invitation'));
  await second.keyboard.press('s');
  await expect.poll(() => second.locator('.toast-error').textContent()).toContain('read-only here');
  await expect.poll(() => second.locator('.react-flow__node-shape').count()).toBe(before);
  // The inspector shows the step but takes no typing; the map's History stays open to look at.
  const label = second.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Label' });
  await expect.poll(() => label.inputValue()).toBe('Send event invitation');
  expect(await label.isDisabled()).toBe(true);
  await second.keyboard.press('Escape');
  await expect.poll(() => second.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Map name' }).isDisabled()).toBe(true);
  expect(await second.getByRole('button', { name: 'History…' }).isDisabled()).toBe(false);

  // The first tab edits; the second shows the change once it is saved.
  await renameNode(first, 'Send event invitation', 'Send invitation by post');
  await waitSaved(first);
  await expect.poll(() => nodeByLabel(second, 'Send invitation by post').count()).toBe(1);

  // "Edit here instead": the second tab edits, the first turns read-only and says why.
  await expectAccessible(second);
  await second.getByRole('button', { name: 'Edit here instead' }).click();
  await expect.poll(() => notice(second).count()).toBe(0);
  await expect.poll(() => second.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Map name' }).isDisabled()).toBe(false);
  await expect.poll(() => notice(first).textContent()).toContain('Another tab took this map over');
  expect(await addStep(first).isDisabled()).toBe(true);
  await second.getByRole('button', { name: 'Dismiss message' }).first().click();
  await renameNode(second, 'Send invitation by post', 'Send invitation by e-mail');
  await waitSaved(second);
  await expect.poll(() => nodeByLabel(first, 'Send invitation by e-mail').count()).toBe(1);
  await first.screenshot({ path: 'tests/browser/artifacts/tabs-read-only.png' });

  // The first tab can take it back the same way.
  await first.getByRole('button', { name: 'Edit here instead' }).click();
  await expect.poll(() => notice(first).count()).toBe(0);
  await expect.poll(() => notice(second).count()).toBe(1);

  // Reloaded, the map has the last edit: neither tab overwrote the other.
  await second.close();
  await first.reload();
  await waitForCanvas(first);
  await expect.poll(() => nodeByLabel(first, 'Send invitation by e-mail').count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('when the editing tab closes, the read-only tab becomes the editor', async () => {
  const { page: first, context } = await openApp(browser(), { path: '#/map/m-alu' });
  const second = await secondTab(context, '#/map/m-alu');
  await expect.poll(() => notice(second).count()).toBe(1);
  await first.close();
  await expect.poll(() => notice(second).count()).toBe(0);
  expect(await addStep(second).isDisabled()).toBe(false);
  await context.close();
});

test('the catalogue and the map list follow edits made in another tab', async () => {
  const { page: first, context } = await openApp(browser(), { path: '#/catalogue', canvas: false });
  const second = await secondTab(context, '#/catalogue', false);
  const systemName = (page: Page, name: string) => page.getByRole('region', { name: 'Systems', exact: true }).getByRole('textbox', { name: `Name of ${name}`, exact: true });
  await systemName(first, 'Finance system').waitFor();
  await systemName(second, 'Finance system').waitFor();

  // A rename in one tab's catalogue appears in the other's, without a reload.
  await systemName(first, 'Finance system').fill('Agresso finance');
  await systemName(first, 'Finance system').press('Enter');
  await waitSaved(first);
  await expect.poll(() => systemName(second, 'Agresso finance').count()).toBe(1);

  // Both tabs edit different records: both edits stay (the last write of each record wins).
  await systemName(second, "Raiser's Edge").fill("Raiser's Edge NXT");
  await systemName(second, "Raiser's Edge").press('Enter');
  await waitSaved(second);
  await expect.poll(() => systemName(first, "Raiser's Edge NXT").count()).toBe(1);
  await expect.poll(() => systemName(first, 'Agresso finance').count()).toBe(1);
  await expect.poll(() => systemName(second, 'Agresso finance').count()).toBe(1);

  // A new map made in one tab shows in the other's map list.
  const maps = (page: Page) => page.getByRole('complementary', { name: 'Maps' });
  await maps(first).getByRole('button', { name: 'New map' }).click();
  await first.getByRole('dialog', { name: 'New map' }).getByRole('textbox', { name: 'Name' }).fill('Phone enquiries');
  await first.getByRole('dialog', { name: 'New map' }).getByRole('button', { name: 'Create map' }).click();
  await waitSaved(first);
  await expect.poll(() => maps(second).getByRole('link', { name: /Phone enquiries/ }).count()).toBe(1);
  await second.screenshot({ path: 'tests/browser/artifacts/tabs-catalogue.png' });
  await context.close();
});

test('without Web Locks (an older browser) both tabs edit, and each shows the other’s saves', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true }));
  const first = await secondTab(context, '#/map/m-alu');
  const second = await secondTab(context, '#/map/m-alu');
  expect(await first.evaluate(() => navigator.locks)).toBeUndefined();
  await expect.poll(() => notice(second).count()).toBe(0);
  await expect.poll(() => addStep(second).isDisabled()).toBe(false);
  await renameNode(first, 'Send event invitation', 'Send invitation by post');
  await waitSaved(first);
  await expect.poll(() => nodeByLabel(second, 'Send invitation by post').count()).toBe(1);
  await context.close();
});
