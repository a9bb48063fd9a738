import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

const selected = (page: import('playwright-core').Page) => page.locator('.react-flow__node-shape.selected .shape-text').allTextContents();

test('Ctrl+F finds a system in another map by a loose spelling and opens that map with it selected and in view', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-adm' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('Control+f');
  const dialog = page.getByRole('dialog', { name: 'Find in all maps' });
  await dialog.waitFor();
  await page.keyboard.type('raisers edge');
  const results = dialog.getByRole('list', { name: 'Found' }).getByRole('button');
  await expect.poll(() => results.count()).toBeGreaterThan(0);
  expect(await results.first().textContent()).toMatch(/Raiser.s Edge.*in Fundraising/);
  await expectAccessible(page);

  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/map/m-dev');
  await expect.poll(() => selected(page)).toEqual([expect.stringMatching(/Raiser.s Edge/)]);
  const inView = await page.evaluate(() => {
    const n = document.querySelector('.react-flow__node-shape.selected')!.getBoundingClientRect();
    const c = document.querySelector('.canvas')!.getBoundingClientRect();
    return n.left >= c.left && n.right <= c.right && n.top >= c.top && n.bottom <= c.bottom;
  });
  expect(inView).toBe(true);

  // In the same map: a step, chosen from the list with the arrow keys.
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find steps, systems and stores' }).fill('thank');
  await expect.poll(() => results.count()).toBeGreaterThan(0);
  const first = (await results.first().locator('strong').textContent())!;
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => selected(page)).toEqual([first]);
  expect(errors).toEqual([]);
  await context.close();
});
