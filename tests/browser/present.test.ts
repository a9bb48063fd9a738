import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

/** The canvas's width, and the smallest font size of the node, lane and flow labels in view, as drawn on screen. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
    const m = /scale\(([\d.]+)\)/.exec(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform === 'none' ? '' : (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
    const zoom = m ? Number(m[1]) : 1;
    const sizes = [...document.querySelectorAll('.canvas .shape-label, .canvas .flow-label, .canvas .lane-name')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom;
      })
      .map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom);
    return { width: Math.round(canvas.width), smallestText: Math.min(...sizes), labels: sizes.length, minimap: !!document.querySelector('.react-flow__minimap') };
  });

test('presentation mode: the canvas fills a 1366 px window, labels read at 16 px or more, Escape leaves', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(async () => (await measure(page)).labels).toBeGreaterThan(5);
  const before = await measure(page);
  expect(before.width).toBeLessThan(900);
  expect(before.smallestText).toBeLessThan(16);

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect.poll(async () => (await measure(page)).width).toBe(1366);
  await expect.poll(async () => (await measure(page)).smallestText).toBeGreaterThanOrEqual(16);
  const shown = await measure(page);
  expect(shown.minimap).toBe(false);
  expect(shown.labels).toBeGreaterThan(3);
  expect(await page.locator('.sidebar').isVisible()).toBe(false);
  expect(await page.locator('.side').isVisible()).toBe(false);
  await page.screenshot({ path: 'tests/browser/artifacts/present.png' });
  await expectAccessible(page);

  // Zooming out stops where the text is still readable.
  expect(await page.getByRole('button', { name: 'Zoom Out' }).isDisabled()).toBe(true);
  await page.mouse.move(700, 400);
  await page.mouse.wheel(0, 600);
  await page.keyboard.press('Shift+1');
  await expect.poll(async () => (await measure(page)).smallestText).toBeGreaterThanOrEqual(16);

  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await measure(page)).width).toBe(before.width);
  expect((await measure(page)).minimap).toBe(true);
  expect(await page.locator('.sidebar').isVisible()).toBe(true);

  // The key goes in and out the same way.
  await page.keyboard.press('p');
  await expect.poll(async () => (await measure(page)).width).toBe(1366);
  await page.getByRole('button', { name: 'Leave presentation (Esc)' }).click();
  await expect.poll(async () => (await measure(page)).width).toBe(before.width);
  expect(errors).toEqual([]);
  await context.close();
});

test('the map list and the inspector fold away for a wider canvas, and stay folded after a reload', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  const width = async () => Math.round((await page.locator('.canvas').boundingBox())!.width);
  const before = await width();
  await page.getByRole('button', { name: 'Hide the map list' }).click();
  await page.getByRole('button', { name: 'Hide the inspector and findings' }).click();
  await expect.poll(width).toBeGreaterThan(before + 450);
  await expect.poll(() => page.locator('.sidebar').count()).toBe(0);
  await expectAccessible(page);
  await page.reload();
  await page.locator('.react-flow__nodes').waitFor();
  await expect.poll(width).toBeGreaterThan(before + 450);
  await page.getByRole('button', { name: 'Show the map list' }).click();
  await page.getByRole('button', { name: 'Show the inspector and findings' }).click();
  await expect.poll(width).toBe(before);
  expect(errors).toEqual([]);
  await context.close();
});
