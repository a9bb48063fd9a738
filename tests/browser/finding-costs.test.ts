import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickNode, expectAccessible, nodeByLabel, openApp, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

const panel = (page: Page) => page.getByRole('region', { name: 'Findings' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const ranking = (page: Page) => panel(page).getByRole('list', { name: 'Findings by yearly cost' }).getByRole('listitem');
const firstRanked = (page: Page) => ranking(page).first().getByRole('button').textContent();

async function measure(page: Page, label: string, value: string): Promise<void> {
  const field = inspector(page).getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

test('a user measures a re-keying step and the map’s volume, and the findings rank by yearly cost', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-adm' });
  await panel(page).getByRole('combobox', { name: 'Order of findings' }).selectOption('cost');
  await expect.poll(() => ranking(page).count()).toBeGreaterThan(2);
  // Nothing measured: a duplicate-data group leads (the analysis's order), and no hours anywhere.
  await expect.poll(() => firstRanked(page)).toMatch(/^high.*Customer records with address/);
  expect(await panel(page).textContent()).not.toMatch(/hours a year/);

  await clickNode(nodeByLabel(page, 'Log enquiry in spreadsheet'));
  // Bad input is refused with a message and changes nothing.
  await measure(page, 'Minutes per case', 'five');
  await expect.poll(() => inspector(page).getByRole('alert').textContent()).toContain('type a number of 0 or more');
  await measure(page, 'Minutes per case', '5');
  await expect.poll(() => inspector(page).getByRole('alert').count()).toBe(0);
  // Minutes alone are not a cost: the finding names the volume still missing.
  await panel(page).getByRole('button', { name: /Log enquiry in spreadsheet.*re-keys/ }).click();
  await expect.poll(() => panel(page).textContent()).toContain('Cost not known: missing cases a year at “Log enquiry in spreadsheet”');
  expect(await firstRanked(page)).toMatch(/Customer records with address/);

  // The map's volume fills the step's: 5 min x 2,000 cases = 167 hours, and the re-keying goes first.
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await measure(page, 'Cases a year (for steps without their own)', '2,000');
  await expect.poll(() => firstRanked(page)).toMatch(/Log enquiry in spreadsheet.*167 hours a year/);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/finding-costs.png' });

  // Kept: after a reload the measures and the ranking are still there.
  await waitSaved(page);
  await page.reload();
  await panel(page).getByRole('combobox', { name: 'Order of findings' }).selectOption('cost');
  await expect.poll(() => firstRanked(page)).toMatch(/Log enquiry in spreadsheet.*167 hours a year/);
  expect(errors).toEqual([]);
  await context.close();
});
