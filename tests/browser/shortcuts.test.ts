import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { ACTION_GROUPS } from '../../src/ui/actions/types';
import { shortcutGroups } from '../../src/ui/actions/table';
import { expectAccessible, nodeByLabel, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

const shapes = (page: Page) => page.locator('.react-flow__node-shape');
const lanes = (page: Page) => page.locator('.react-flow__node-lane');
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

/** The dialog's rows for table actions, as [keys, what they do]. */
const listed = (page: Page) =>
  dialog(page).locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]));

test('the shortcuts dialog lists every key of the action table, on the editor and on the catalogue', async () => {
  const { page, context, errors } = await openApp(browser());
  const expected = shortcutGroups().flatMap((g) => g.rows.map((r) => [r.keys, r.what]));
  expect(expected.length).toBeGreaterThan(20);

  await page.keyboard.press('Shift+?');
  await dialog(page).waitFor();
  expect(await listed(page)).toEqual(expected);
  expect(await dialog(page).locator('caption').allTextContents()).toEqual(Object.values(ACTION_GROUPS));
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/shortcuts-dialog.png' });
  // Keys in the dialog are the dialog's: S adds nothing behind it, Escape closes it.
  const nodes = await shapes(page).count();
  await page.keyboard.press('s');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  await expect.poll(() => shapes(page).count()).toBe(nodes);

  // The same list from the catalogue, by key and by the top bar's button.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Catalogue' }).click();
  await page.getByRole('heading', { name: 'Catalogue', level: 1 }).waitFor();
  await page.keyboard.press('Shift+?');
  await dialog(page).waitFor();
  expect(await listed(page)).toEqual(expected);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await dialog(page).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('with a text box focused, shortcut keys are typed into it and run nothing', async () => {
  const { page, context, errors } = await openApp(browser());
  await shapes(page).first().click();
  const label = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Label' });
  const before = await label.inputValue();
  const counts = { nodes: await shapes(page).count(), lanes: await lanes(page).count() };

  await label.focus();
  await page.keyboard.press('End');
  // Add step, add lane, history, delete…, zoom to fit, this list.
  for (const key of ['s', 'l', 'h', 'Shift+L', 'Shift+!', 'Shift+?']) await page.keyboard.press(key);
  expect(await label.inputValue()).toBe(`${before}slhL!?`);
  await expect.poll(() => shapes(page).count()).toBe(counts.nodes);
  await expect.poll(() => lanes(page).count()).toBe(counts.lanes);
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  // Backspace takes back a letter, not the selected node.
  await page.keyboard.press('Backspace');
  expect(await label.inputValue()).toBe(`${before}slhL!`);
  await expect.poll(() => shapes(page).count()).toBe(counts.nodes);
  await page.keyboard.press('Escape');
  expect(await label.inputValue()).toBe(before);

  // Out of the box, S adds a step and opens its label box; the S is not typed into it.
  await page.getByRole('region', { name: /^Map canvas/ }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('s');
  const inPlace = page.getByRole('region', { name: /^Map canvas/ }).getByRole('textbox', { name: 'Label' });
  await expect.poll(() => inPlace.evaluate((e) => e === document.activeElement)).toBe(true);
  expect(await inPlace.inputValue()).toBe('New step');
  await expect.poll(() => shapes(page).count()).toBe(counts.nodes + 1);
  // In that box every letter is typed, Shift+1 too.
  await page.keyboard.type('Ds');
  await page.keyboard.press('Shift+!');
  expect(await inPlace.inputValue()).toBe('Ds!');
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, 'Ds!').count()).toBe(1);
  await expect.poll(() => shapes(page).count()).toBe(counts.nodes + 1);

  // F2 opens the box again with the label as it is, nothing typed.
  await page.keyboard.press('F2');
  await expect.poll(() => inPlace.evaluate((e) => e === document.activeElement)).toBe(true);
  expect(await inPlace.inputValue()).toBe('Ds!');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
  await context.close();
});
