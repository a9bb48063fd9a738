import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickNode, nodeByLabel, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

const count = (page: Page) => page.locator('.react-flow__node-shape').count();
/** Where the node is on the map (not on screen): its transform inside the viewport. */
const placeOf = (page: Page, label: string) => nodeByLabel(page, label).evaluate((el) => (el as HTMLElement).style.transform);

test('Ctrl+X cuts the selected steps (one Ctrl+Z brings them back), and Ctrl+V puts the cut steps back where they were', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  const before = await count(page);
  const place = await placeOf(page, 'Reply with prospectus');
  await clickNode(nodeByLabel(page, 'Reply with prospectus'));
  await nodeByLabel(page, 'Sends application').click({ modifiers: ['Shift'] });
  await expect.poll(() => page.locator('.react-flow__node-shape.selected').count()).toBe(2);

  await page.keyboard.press('Control+x');
  await expect.poll(() => count(page)).toBe(before - 2);
  await expect.poll(() => nodeByLabel(page, 'Reply with prospectus').count()).toBe(0);

  // One undo step for the whole cut.
  await page.keyboard.press('Control+z');
  await expect.poll(() => count(page)).toBe(before);
  expect(await placeOf(page, 'Reply with prospectus')).toBe(place);

  // Cut again and paste: the same two steps, where they were, with the flow between them.
  await clickNode(nodeByLabel(page, 'Reply with prospectus'));
  await nodeByLabel(page, 'Sends application').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+x');
  await expect.poll(() => count(page)).toBe(before - 2);
  await page.locator('.react-flow__pane').click({ position: { x: 300, y: 30 } });
  await page.keyboard.press('Control+v');
  await expect.poll(() => count(page)).toBe(before);
  await expect.poll(() => nodeByLabel(page, 'Reply with prospectus').count()).toBe(1);
  expect(await placeOf(page, 'Reply with prospectus')).toBe(place);
  await expect.poll(() => page.locator('.react-flow__node-shape.selected').count()).toBe(2);
  // A second paste is a copy beside them.
  await page.keyboard.press('Control+v');
  await expect.poll(() => nodeByLabel(page, 'Reply with prospectus').count()).toBe(2);
  expect(errors).toEqual([]);
  await context.close();
});
