import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

async function type(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const selectedLabels = (page: Page) => page.locator('.react-flow__node-shape.selected .shape-text').allTextContents();
const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName);
const labels = (page: Page) => page.locator('.react-flow__node-shape .shape-text').allTextContents();

test('a small map captured with the keyboard alone: new department, lanes, steps, a store; walked and renamed with arrows and Enter', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });

  // New map for a new department: Enter on the focused button opens the dialog, Enter in the
  // new department's box creates the map.
  await page.getByRole('button', { name: 'New map', exact: true }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.waitFor();
  await page.keyboard.type('Complaints');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedTag(page)).toBe('SELECT');
  await page.keyboard.press('End'); // "New department…", the last choice
  await dialog.getByRole('textbox', { name: 'New department name' }).waitFor();
  await type(page, 'Student Services');
  await page.locator('.empty-hint').waitFor();
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await page.getByLabel('Department', { exact: true }).locator('option:checked').textContent()).toBe('Student Services');

  // Lanes, then a start, a step, a store attached to the step, and the next step: after the
  // store is named the step is still selected, so the next step follows the step.
  await page.keyboard.press('l');
  await type(page, 'Customer');
  await page.keyboard.press('l');
  await type(page, 'Advisor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  await type(page, 'Complaint arrives');
  await page.keyboard.press('s');
  await type(page, 'Log complaint');
  await page.keyboard.press('t');
  await type(page, 'Complaints log');
  await expect.poll(() => selectedLabels(page)).toEqual(['Log complaint']);
  await page.keyboard.press('s');
  await type(page, 'Assess');
  // Into the Advisor lane: the flow follows the step.
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('e');
  await type(page, 'Closed');
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  await expect.poll(() => page.locator('.react-flow__edge[aria-label="data flow"]').count()).toBe(1);
  // Shift+1 zooms; it types nothing anywhere.
  await page.keyboard.press('Shift+1');
  expect((await labels(page)).sort()).toEqual(['Assess', 'Closed', 'Complaint arrives', 'Complaints log', 'Log complaint']);

  // Walking: Escape, then Right starts at the start and follows the flows, Up and Down cross lanes.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selectedLabels(page)).toEqual(['Complaint arrives']);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selectedLabels(page)).toEqual(['Log complaint']);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selectedLabels(page)).toEqual(['Assess']);
  await page.keyboard.press('ArrowUp');
  expect((await selectedLabels(page))[0]).not.toBe('Assess');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedLabels(page)).toEqual(['Assess']);

  // Enter renames the selected node; F2 too.
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedTag(page)).toBe('TEXTAREA');
  await type(page, 'Assess urgency');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selectedLabels(page)).toEqual(['Closed']);
  await page.keyboard.press('F2');
  await type(page, 'Complaint closed');
  await expect.poll(async () => (await labels(page)).sort()).toEqual(['Assess urgency', 'Complaint arrives', 'Complaint closed', 'Complaints log', 'Log complaint']);

  // Tab reaches the canvas from the toolbar's last button, and its focus shows.
  await page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button').last().focus();
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Map canvas: Complaints');
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
  // Enter on a focused button presses it (a third lane), with a node selected that Enter would rename.
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Add lane', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.react-flow__node-lane').count()).toBe(3);
  await page.keyboard.press('Escape');

  // Ctrl+0, Ctrl+= and Ctrl+- zoom the map, not the page.
  const scale = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  await page.keyboard.press('Control+0');
  await expect.poll(scale).toBeCloseTo(1, 3);
  await page.keyboard.press('Control+Equal');
  await expect.poll(scale).toBeGreaterThan(1.1);
  await page.keyboard.press('Control+0');
  await expect.poll(scale).toBeCloseTo(1, 3);
  await page.keyboard.press('Control+Minus');
  await expect.poll(scale).toBeLessThan(0.9);
  expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});
