import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { demoDataStores, demoSystems } from '../../src/core/demo/demoCatalogue';
import { dismissToasts, expectAccessible, nodeByLabel, openApp, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

const section = (page: Page, name: 'Systems' | 'Data stores') => page.getByRole('region', { name, exact: true });
/** The values of a table's name boxes, top to bottom. */
const names = (table: Locator) => table.getByRole('textbox', { name: /^Name of / }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const row = (page: Page, name: string) => page.locator('tr', { has: page.getByRole('textbox', { name: `Name of ${name}`, exact: true }) });
const fieldTags = (r: Locator) => r.locator('.cat-tag > span').allTextContents();

const heading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Catalogue' });

async function openCatalogue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Catalogue' }).click();
  await heading(page).waitFor();
}

test('the catalogue lists the demo systems and stores; sort, filter, rename, follow "Used in"', async () => {
  const { page, context, errors } = await openApp(browser());
  await openCatalogue(page);
  expect(page.url()).toMatch(/#\/catalogue$/);
  await expect.poll(() => page.getByRole('main', { name: 'Catalogue' }).count()).toBe(1);
  // The maps stay in the sidebar.
  await expect.poll(() => page.getByRole('complementary', { name: 'Maps' }).getByRole('link').count()).toBeGreaterThanOrEqual(4);

  const systems = section(page, 'Systems');
  const stores = section(page, 'Data stores');
  expect((await names(systems)).sort()).toEqual(demoSystems.map((s) => s.name).sort());
  expect((await names(stores)).sort()).toEqual(demoDataStores.map((d) => d.name).sort());
  expect(await systems.getByRole('table').locator('caption').textContent()).toBe(`${demoSystems.length} systems`);

  // Sort by name, both ways; aria-sort says which.
  const nameHeader = systems.getByRole('columnheader', { name: 'Name' });
  await nameHeader.getByRole('button').click();
  await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
  const sorted = demoSystems.map((s) => s.name).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  await expect.poll(() => names(systems)).toEqual(sorted);
  await nameHeader.getByRole('button').click();
  await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
  await expect.poll(() => names(systems)).toEqual([...sorted].reverse());

  // Filter on any column, without minding the apostrophe: the giving page integrates with Raiser's Edge.
  const filter = page.getByRole('searchbox', { name: 'Filter systems' });
  await filter.fill('Raisers');
  await expect.poll(() => names(systems)).toEqual(["Raiser's Edge", 'Online giving page']);
  await expect.poll(() => systems.locator('caption').textContent()).toBe('2 of 8 systems match “Raisers”');
  await filter.fill('desktop');
  await expect.poll(() => names(systems)).toEqual(['Alumni database (Access)']);
  await filter.fill('');
  await page.getByRole('searchbox', { name: 'Filter data stores' }).fill('paper');
  await expect.poll(() => names(stores)).toEqual(['Paper donor files']);
  await page.getByRole('searchbox', { name: 'Filter data stores' }).fill('');

  // Rename a store in place; Escape takes an edit back.
  const box = stores.getByRole('textbox', { name: 'Name of Enquiries spreadsheet' });
  await box.fill('Scratch');
  await box.press('Escape');
  await expect.poll(() => box.inputValue()).toBe('Enquiries spreadsheet');
  await box.fill('Enquiries log (Excel)');
  await box.press('Enter');
  await expect.poll(() => names(stores)).toContain('Enquiries log (Excel)');
  // With nothing unsaved in the box, Ctrl+Z undoes the rename and Ctrl+Shift+Z redoes it.
  await page.keyboard.press('Control+z');
  await expect.poll(() => names(stores)).toContain('Enquiries spreadsheet');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => names(stores)).toContain('Enquiries log (Excel)');

  // "Used in" lists both maps that draw it; the link opens the map, whose node keeps its own label.
  const used = row(page, 'Enquiries log (Excel)').getByRole('link');
  await expect.poll(() => used.allTextContents()).toEqual(['Admissions: enquiry to offer', 'Marketing: campaign to enquiry']);
  await used.filter({ hasText: 'Marketing' }).click();
  await page.locator('.react-flow__nodes').waitFor({ state: 'visible' });
  expect(page.url()).toMatch(/#\/map\/.+/);
  await expect.poll(() => page.getByRole('main', { name: 'Map editor' }).count()).toBe(1);
  await expect.poll(() => nodeByLabel(page, 'Enquiries spreadsheet').count()).toBe(1);
  const mapUrl = page.url();

  // "Maps" in the top bar goes back to the map last open.
  await openCatalogue(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Maps' }).click();
  await page.locator('.react-flow__nodes').waitFor({ state: 'visible' });
  await expect.poll(() => page.url()).toBe(mapUrl);
  expect(errors).toEqual([]);
  await context.close();
});

test('customer fields as tags with suggestions; add, delete and undo systems; accessible; kept after reload', async () => {
  const { page, context, errors } = await openApp(browser());
  await openCatalogue(page);
  const enquiries = row(page, 'Enquiries spreadsheet');

  // Typing offers fields other stores use, most used first, not those the store already has.
  const adder = enquiries.getByRole('combobox', { name: 'Add customer field to Enquiries spreadsheet' });
  await adder.fill('post');
  const listId = await adder.getAttribute('list');
  await expect.poll(() => page.locator(`datalist[id="${listId}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['Postal address']);
  await adder.fill('Postal address');
  await adder.press('Enter');
  await expect.poll(() => fieldTags(enquiries)).toContain('Postal address');
  await expect.poll(() => adder.inputValue()).toBe('');
  // The same field in other letters is not added twice.
  await adder.fill('postal ADDRESS');
  await adder.press('Enter');
  await enquiries.getByRole('button', { name: 'Remove field Email' }).click();
  await expect.poll(() => fieldTags(enquiries)).toEqual(['Full name', 'Mobile', 'Course of interest', 'Year of entry', 'Postal address']);
  // The keyboard stays on the tags; Ctrl+Z brings the field back, Ctrl+Y takes it away again.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove field Mobile');
  await page.keyboard.press('Control+z');
  await expect.poll(() => fieldTags(enquiries)).toContain('Email');
  await page.keyboard.press('Control+y');
  await expect.poll(() => fieldTags(enquiries)).not.toContain('Email');

  // Add a system and name it; it integrates with another through the tag list.
  await page.getByRole('button', { name: 'Add system' }).click();
  const fresh = page.getByRole('textbox', { name: 'Name of New system' });
  await expect.poll(() => fresh.evaluate((e) => e === document.activeElement)).toBe(true);
  await page.keyboard.type('Salesforce');
  await page.keyboard.press('Enter');
  const sf = row(page, 'Salesforce');
  await expect.poll(() => sf.count()).toBe(1);
  await sf.getByRole('combobox', { name: 'Add integration to Salesforce' }).selectOption({ label: 'Finance system' });
  await expect.poll(() => row(page, 'Finance system').locator('.cat-tag > span').allTextContents()).toContain('Salesforce');

  // Unused: deleted at once, and Ctrl+Z brings it back.
  await sf.getByRole('button', { name: 'Delete system Salesforce' }).click();
  await expect.poll(() => sf.count()).toBe(0);
  // The keyboard stays in the table, on the next row's delete button.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Delete system /);
  expect(await row(page, 'Finance system').locator('.cat-tag > span').allTextContents()).not.toContain('Salesforce');
  await page.keyboard.press('Control+z');
  await expect.poll(() => sf.count()).toBe(1);

  // Used on a map: asks first; the message's Undo takes it back.
  await page.getByRole('button', { name: 'Delete system Online giving page' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete system “Online giving page”?' });
  await expect.poll(() => ask.textContent()).toContain('Fundraising');
  await ask.getByRole('button', { name: 'Delete system' }).click();
  await expect.poll(() => row(page, 'Online giving page').count()).toBe(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => row(page, 'Online giving page').count()).toBe(1);

  await expectAccessible(page);
  await dismissToasts(page);
  await page.screenshot({ path: 'tests/browser/artifacts/catalogue.png' });

  // Everything above is stored: a reload opens the catalogue as it was left.
  await waitSaved(page);
  await page.reload();
  await heading(page).waitFor();
  await expect.poll(() => names(section(page, 'Systems'))).toContain('Salesforce');
  await expect.poll(() => fieldTags(row(page, 'Enquiries spreadsheet'))).toContain('Postal address');
  expect(errors).toEqual([]);
  await context.close();
});
