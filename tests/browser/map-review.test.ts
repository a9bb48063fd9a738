import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

// A map's review status (draft, for review, agreed), signed with the name the person gives the
// first time: set in the inspector, shown in the map list, undone like any edit, kept on reload.

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const status = (page: Page) => inspector(page).getByRole('combobox', { name: 'Review status' });
const openMapEntry = (page: Page) => page.getByRole('complementary', { name: 'Maps' }).locator('a[aria-current="page"]');

test('a map agreed by a named person: asked for the name once, undone, redone, kept after a reload', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.clock.install({ time: new Date('2026-12-06T10:00:00Z') });
  await expect.poll(() => status(page).inputValue()).toBe('draft');

  // The first time, the name is asked for; cancelling changes nothing.
  await status(page).selectOption('agreed');
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await ask.getByRole('textbox', { name: 'Name' }).waitFor();
  await expectAccessible(page);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => ask.isVisible()).toBe(false);
  await expect.poll(() => status(page).inputValue()).toBe('draft');

  await status(page).selectOption('agreed');
  await ask.getByRole('textbox', { name: 'Name' }).fill('Ana Silva');
  await ask.getByRole('button', { name: 'Save name' }).click();
  await expect.poll(() => status(page).inputValue()).toBe('agreed');
  await expect.poll(() => inspector(page).locator('.review-line').textContent()).toBe('Agreed by Ana Silva on 6 December 2026.');
  await expect.poll(() => openMapEntry(page).locator('.map-meta').textContent()).toMatch(/· Agreed$/);
  await page.screenshot({ path: 'tests/browser/artifacts/map-review.png' });

  // One edit in the map's history.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => status(page).inputValue()).toBe('draft');
  await expect.poll(() => openMapEntry(page).locator('.map-meta').textContent()).not.toMatch(/Agreed/);
  await page.keyboard.press('Control+y');
  await expect.poll(() => status(page).inputValue()).toBe('agreed');

  // Kept, and the name is remembered: sending it back for review asks nothing.
  await waitSaved(page);
  await page.reload();
  await expect.poll(() => status(page).inputValue()).toBe('agreed');
  await expect.poll(() => inspector(page).locator('.review-line').textContent()).toBe('Agreed by Ana Silva on 6 December 2026.');
  await status(page).selectOption('review');
  await expect.poll(() => inspector(page).locator('.review-line').textContent()).toMatch(/^Sent for review by Ana Silva on \d+ \w+ \d{4}\.$/);
  expect(await ask.isVisible()).toBe(false);
  await expect.poll(() => inspector(page).getByText('You are Ana Silva.').isVisible()).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
