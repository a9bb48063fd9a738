import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { APP_URL, clickNode, expectAccessible, nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

const historyDialog = (page: Page) => page.getByRole('dialog', { name: /^History of/ });
const versions = (page: Page) => historyDialog(page).getByRole('list', { name: 'Saved versions, newest first' }).getByRole('button');
const mapList = (page: Page) => page.getByRole('complementary', { name: 'Maps' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
/** The words of the version shown in the history (labels wrap over several lines in the picture). */
const shownText = async (page: Page) => {
  const src = await historyDialog(page).getByRole('img', { name: /^The map as saved/ }).getAttribute('src');
  return decodeURIComponent(src ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
};

async function renameNode(page: Page, from: string, to: string): Promise<void> {
  await clickNode(nodeByLabel(page, from));
  await page.keyboard.press('F2');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, to).count()).toBe(1);
  await waitSaved(page);
}

test('History lists the map as last saved: view an old version, restore it, and undo the restore', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-alu' });
  const openHistory = async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('h');
    await historyDialog(page).waitFor();
  };
  const closeHistory = async () => {
    await historyDialog(page).getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => historyDialog(page).count()).toBe(0);
  };

  // H opens the history of the open map: the first-run version and the map as just saved, newest first.
  await renameNode(page, 'Send event invitation', 'Send invitation by post');
  await openHistory();
  await expect.poll(() => versions(page).count()).toBe(2);
  await closeHistory();
  await renameNode(page, 'Send invitation by post', 'Send invitation by e-mail');
  await openHistory();
  await expect.poll(() => versions(page).count()).toBe(3);
  const texts = await versions(page).allTextContents();
  expect(texts[0]).toMatch(/^today at .*latest save.*Labels or links edited.*4 lanes, 20 nodes, 22 flows/);
  expect(texts[2]).toContain('Earliest version kept');

  // Picking the oldest shows it, as it was.
  await versions(page).nth(2).click();
  await expect.poll(() => versions(page).nth(2).getAttribute('aria-pressed')).toBe('true');
  const preview = historyDialog(page).getByRole('img', { name: /^The map as saved/ });
  const drawn = async () => decodeURIComponent((await preview.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
  await expect.poll(drawn).toContain('Send event');
  expect(await drawn()).not.toContain('Send invitation');
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/history-panel.png' });

  // Restore: the map is as it was, and says so; undo brings back the latest edit.
  await historyDialog(page).getByRole('button', { name: 'Restore this version' }).click();
  await expect.poll(() => historyDialog(page).count()).toBe(0);
  await expect.poll(() => nodeByLabel(page, 'Send event invitation').count()).toBe(1);
  await expect.poll(() => nodeByLabel(page, 'Send invitation by e-mail').count()).toBe(0);
  await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining('Restored the version saved today at'));
  await waitSaved(page);
  // The restored map is the latest version now.
  await inspector(page).getByRole('button', { name: 'History…' }).click();
  await expect.poll(() => versions(page).count()).toBe(4);
  await expect.poll(drawn).toContain('Send event');
  await closeHistory();
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect.poll(() => nodeByLabel(page, 'Send invitation by e-mail').count()).toBe(1);
  await expect.poll(() => nodeByLabel(page, 'Send event invitation').count()).toBe(0);

  // The undo was saved too, and is listed after a reload as the latest version.
  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Send invitation by e-mail').count()).toBe(1);
  await inspector(page).getByRole('button', { name: 'History…' }).click();
  await expect.poll(() => versions(page).count()).toBe(5);
  expect(await versions(page).first().textContent()).toMatch(/latest save.*Labels or links edited/);
  await expect.poll(() => shownText(page)).toContain('Send invitation by e-mail');
  expect(errors).toEqual([]);
  await context.close();
});

test('while someone edits, versions are kept by themselves every so often, without opening History', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(2026, 2, 10, 9, 0, 0) });
  await page.goto(APP_URL + '#/map/m-alu');
  await waitForCanvas(page);
  const storedVersions = () => page.evaluate(() => (window as unknown as { __lanemapVersions: (id: string) => Promise<number> }).__lanemapVersions('m-alu'));
  await expect.poll(storedVersions).toBe(1);

  await renameNode(page, 'Send event invitation', 'Send invitation by post');
  await renameNode(page, 'Send invitation by post', 'Send invitation by e-mail');
  expect(await storedVersions()).toBe(1);
  // Half a minute on, one version holds both edits.
  await page.clock.fastForward('00:31');
  await expect.poll(storedVersions).toBe(2);
  await renameNode(page, 'Send invitation by e-mail', 'Send invitation by text');
  await page.clock.fastForward('00:31');
  await expect.poll(storedVersions).toBe(3);

  await page.keyboard.press('Escape');
  await page.keyboard.press('h');
  await expect.poll(() => versions(page).count()).toBe(3);
  const texts = await versions(page).allTextContents();
  expect(texts[0]).toMatch(/latest save.*Labels or links edited/);
  expect(texts[2]).toContain('Earliest version kept');
  await expect.poll(() => shownText(page)).toContain('Send invitation by text');
  await versions(page).nth(1).click();
  await expect.poll(() => shownText(page)).toContain('Send invitation by e-mail');
  expect(await shownText(page)).not.toContain('Send invitation by post');
  await context.close();
});

test('a deleted map goes to the trash: restore it, or delete it forever', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-alu' });
  const deleteMap = async (name: string) => {
    await mapList(page).getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete map' }).click();
    await expect.poll(() => mapList(page).getByRole('link', { name: new RegExp(name.slice(0, 12)) }).count()).toBe(0);
  };
  await deleteMap('Registry: change of address (draft)');
  await waitSaved(page);
  await deleteMap('Marketing: campaign to enquiry');
  await waitSaved(page);

  await page.goto(page.url().replace(/#.*$/, '#/map/m-alu'));
  await waitForCanvas(page);
  const trashButton = page.getByRole('complementary', { name: 'Maps' }).getByRole('button', { name: /^Trash: / });
  await expect.poll(() => trashButton.getAttribute('aria-label')).toBe('Trash: 2 deleted maps');
  await trashButton.click();
  const trash = page.getByRole('dialog', { name: 'Deleted maps' });
  await expect.poll(() => trash.getByRole('listitem').count()).toBe(2);
  // The most recently deleted first, with when it goes for good.
  expect(await trash.getByRole('listitem').first().textContent()).toMatch(/^Marketing: campaign to enquiry.*deleted today at .* kept until/);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/history-trash.png' });

  // Restore one: it is back in the list and open.
  await trash.getByRole('button', { name: 'Restore Registry: change of address (draft)' }).click();
  await expect.poll(() => mapList(page).getByRole('link', { name: /Registry: change of address/ }).count()).toBe(1);
  await expect.poll(() => page.url()).toMatch(/#\/map\/m-reg/);
  await waitForCanvas(page);

  // Delete the other forever, after a warning.
  await waitSaved(page);
  await page.keyboard.press('Escape');
  await trashButton.click();
  await expect.poll(() => trash.getByRole('listitem').count()).toBe(1);
  await trash.getByRole('button', { name: 'Delete Marketing: campaign to enquiry forever' }).click();
  await page.getByRole('dialog', { name: /forever/ }).getByRole('button', { name: 'Delete forever' }).click();
  await expect.poll(() => trash.textContent()).toContain('The trash is empty.');

  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => mapList(page).getByRole('link', { name: /Registry: change of address/ }).count()).toBe(1);
  await expect.poll(() => mapList(page).getByRole('link', { name: /Marketing: campaign/ }).count()).toBe(0);
  await expect.poll(() => page.getByRole('complementary', { name: 'Maps' }).getByRole('button', { name: /^Trash: / }).getAttribute('aria-label')).toBe('Trash: 0 deleted maps');
  await context.close();
});
