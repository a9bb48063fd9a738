import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickNode, expectAccessible, nodeByLabel, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

const panel = (page: Page) => page.getByRole('region', { name: 'Findings' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Whether an element lies wholly inside the map canvas, as a person would see it. */
async function onScreen(page: Page, el: Locator): Promise<boolean> {
  const [box, canvas] = await Promise.all([el.boundingBox({ timeout: 1000 }).catch(() => null), page.locator('.canvas').boundingBox()]);
  return !!box && !!canvas && box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
}

test('a demo map shows its findings; picking one selects and lights up its nodes', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-alu' });
  await expect.poll(() => panel(page).locator('.finding').count()).toBeGreaterThan(2);
  await expect.poll(() => panel(page).textContent()).toContain('Silo systems and stores');
  await expect.poll(() => panel(page).textContent()).toContain('Re-keying between stores');
  // Nodes concerned carry a badge.
  await expect.poll(() => page.locator('.react-flow__node .badge-finding').count()).toBeGreaterThan(0);

  const finding = panel(page).getByRole('button', { name: /Alumni database.*silo/ });
  await finding.click();
  await expect.poll(() => finding.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => panel(page).textContent()).toContain('What to do:');
  // Its nodes (the Alumni database's) are selected and lit.
  await expect.poll(() => page.locator('.shape.lit').count()).toBeGreaterThan(0);
  const lit = await page.locator('.shape.lit .shape-text').allTextContents();
  expect(lit.every((l) => /Alumni database/.test(l))).toBe(true);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/findings.png' });
  await context.close();
});

test('a finding goes away when the map is fixed: link a new store to the catalogue by fuzzy search', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-dev' });
  await page.getByRole('button', { name: 'Add data store', exact: true }).click();
  // The Donor lane runs off the right edge; the new store goes after its last node and
  // the view pans to it, so it can be seen and clicked without scrolling.
  await expect.poll(() => onScreen(page, page.locator('.react-flow__node-shape.selected'))).toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await clickNode(nodeByLabel(page, 'Data store'));
  // Not linked: the analysis says so.
  await expect.poll(() => panel(page).textContent()).toContain('not in the catalogue');
  const before = await panel(page).locator('.finding').count();

  const search = inspector(page).getByRole('combobox', { name: 'Find or create a data store' });
  await search.fill('raisers edge');
  const first = inspector(page).getByRole('listbox').getByRole('option').first();
  await expect.poll(() => first.textContent()).toMatch(/Raiser.s Edge/);
  await search.press('Enter');
  // The node takes the entry's name and the finding is gone.
  await expect.poll(() => nodeByLabel(page, 'Data store').count()).toBe(0);
  await expect.poll(() => inspector(page).locator('.linked strong').textContent()).toMatch(/Raiser.s Edge/);
  await expect.poll(() => panel(page).locator('.finding').count()).toBe(before - 1);
  expect(await panel(page).textContent()).not.toContain('not in the catalogue');

  // Undo brings the finding back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => panel(page).locator('.finding').count()).toBe(before);
  await context.close();
});

test('"All maps" stays chosen when a finding opens another map; a finding about stores no map draws still explains itself', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/catalogue', canvas: false });
  // Two stores in the catalogue alone, holding the same customer data: a duplicate on no map.
  for (const name of ['HR file A', 'HR file B']) {
    await page.getByRole('button', { name: 'Add data store' }).click();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    const adder = page.getByRole('combobox', { name: `Add customer field to ${name}` });
    for (const field of ['NI number', 'Passport number']) {
      await adder.fill(field);
      await adder.press('Enter');
    }
  }
  await page.goto(page.url().replace(/#.*$/, '#/map/m-adm'));
  await panel(page).getByRole('combobox', { name: 'Which findings' }).selectOption('all');
  const lonely = panel(page).getByRole('button', { name: /kept in 2 stores/ });
  await lonely.click();
  await expect.poll(() => lonely.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => panel(page).textContent()).toContain('HR file A');
  expect(await panel(page).textContent()).toContain('What to do:');
  expect(page.url()).toMatch(/#\/map\/m-adm$/);

  // A finding on another map opens that map, and the list still shows every map's findings.
  await panel(page).getByRole('button', { name: /Alumni database.*silo/ }).click();
  await expect.poll(() => page.url()).toMatch(/#\/map\/m-alu$/);
  await expect.poll(() => page.locator('.shape.lit').count()).toBeGreaterThan(0);
  await expect.poll(() => panel(page).getByRole('combobox', { name: 'Which findings' }).inputValue()).toBe('all');
  await expect.poll(() => panel(page).getByRole('button', { name: /kept in 2 stores/ }).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});
