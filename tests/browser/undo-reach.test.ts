import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitForCanvas } from './support/browser';

// Ctrl+Z in a map also takes back the workspace's edits made beside it (the catalogue), maybe
// from another screen or while another map was open: the message names what was undone.

const browser = sharedBrowser();

test('Ctrl+Z in another map undoes a system renamed in the catalogue and says so by name; an edit of the map itself is named as before', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  const toasts = page.locator('.toast');

  // The system is renamed on the catalogue screen, the Admissions map open behind it.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Catalogue' }).click();
  const box = page.getByRole('textbox', { name: 'Name of Student records system (SITS)', exact: true });
  await box.fill('SITS');
  await box.press('Enter');
  await page.getByRole('textbox', { name: 'Name of SITS', exact: true }).waitFor();

  // Then another map is opened and Ctrl+Z pressed there.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Maps' }).click();
  await waitForCanvas(page);
  await page.getByRole('link', { name: /^Registry: change of address/ }).click();
  await expect.poll(() => page.locator('.canvas').getAttribute('aria-label')).toBe('Map canvas: Registry: change of address (draft)');
  await page.locator('.react-flow__pane').click({ position: { x: 300, y: 20 } });
  expect(await page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title')).toBe('Undo: rename system Student records system (SITS) to “SITS” (Ctrl+Z)');
  await page.keyboard.press('Control+z');
  await expect.poll(() => toasts.allTextContents()).toContainEqual(expect.stringContaining('Undid: rename system Student records system (SITS) to “SITS”'));
  await expectAccessible(page);

  // The catalogue has the old name back.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Catalogue' }).click();
  await page.getByRole('textbox', { name: 'Name of Student records system (SITS)', exact: true }).waitFor();

  // An edit of the map on screen is named by its command, as before.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Maps' }).click();
  await waitForCanvas(page);
  await page.locator('.react-flow__node-shape').first().click();
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Control+z');
  await expect.poll(() => toasts.allTextContents()).toContainEqual(expect.stringMatching(/^Undid move/));
  expect(errors).toEqual([]);
  await context.close();
});
