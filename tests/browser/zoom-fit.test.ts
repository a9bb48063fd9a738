import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { mergeBigMap } from './support/bigMap';
import { dismissToasts, expectAccessible, openApp, sharedBrowser, waitForStillView } from './support/browser';

const browser = sharedBrowser();
const BIG = 150;

/** The smallest node, flow and lane label on screen, in CSS pixels, and how many nodes lie wholly inside the canvas. */
const view = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.canvas .react-flow')!.getBoundingClientRect();
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.canvas .react-flow__viewport')!).transform).a;
    const inside = (r: DOMRect) => r.left >= canvas.left - 1 && r.right <= canvas.right + 1 && r.top >= canvas.top - 1 && r.bottom <= canvas.bottom + 1;
    const sizes = [...document.querySelectorAll('.canvas .shape-label, .canvas .flow-label, .canvas .lane-name')].map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom);
    const nodes = [...document.querySelectorAll('.react-flow__node-shape')];
    const start = document.querySelector('.react-flow__node-shape:has(.shape-start)');
    return {
      smallestPx: Math.round(Math.min(...sizes) * 10) / 10,
      nodes: nodes.length,
      inView: nodes.filter((n) => inside(n.getBoundingClientRect())).length,
      startInView: start ? inside(start.getBoundingClientRect()) : null,
    };
  });
const notice = (page: Page) => page.locator('.toast', { hasText: 'Zoomed to the start of the map' });

/** A generated, laid-out map of BIG nodes in six lanes, merged into the demo workspace and opened. */
async function openBigMap(page: Page): Promise<void> {
  await mergeBigMap(page, BIG, 15);
  await expect.poll(async () => (await view(page)).nodes, { timeout: 30_000 }).toBe(BIG);
  await waitForStillView(page);
  await dismissToasts(page);
}

test('zoom to fit on a 150-node map: its start at 12 px text with a notice; pressed again, the whole map', async () => {
  const { page, context, errors } = await openApp(browser());
  await openBigMap(page);
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 10 } });
  await page.keyboard.press('Shift+!');
  await expect.poll(() => notice(page).count()).toBe(1);
  await waitForStillView(page);
  const start = await view(page);
  expect(start.smallestPx).toBeGreaterThanOrEqual(12);
  expect(start.startInView).toBe(true);
  expect(start.inView).toBeLessThan(BIG);
  // The notice gives the whole map's text size, smaller than readable, and how to see it.
  const text = (await notice(page).textContent())!;
  const whole = Number(/would make the text ([\d.]+) px/.exec(text)?.[1]);
  expect(whole).toBeLessThan(12);
  expect(text).toContain('press Shift+1 again (or Fit again) to see the whole map');
  await page.screenshot({ path: 'tests/browser/artifacts/zoom-fit-start.png' });
  await expectAccessible(page);

  // The toolbar's Fit is the same action: pressed again, every node is on screen.
  await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await expect.poll(async () => (await view(page)).inView).toBe(BIG);
  await waitForStillView(page);
  const all = await view(page);
  expect(all.smallestPx).toBeLessThan(12);
  expect(Math.abs(all.smallestPx - whole)).toBeLessThan(0.5);
  await page.screenshot({ path: 'tests/browser/artifacts/zoom-fit-whole.png' });

  // Once more: the readable start again.
  await page.keyboard.press('Shift+!');
  await waitForStillView(page);
  await expect.poll(async () => (await view(page)).smallestPx).toBeGreaterThanOrEqual(12);
  expect(errors).toEqual([]);
  await context.close();
});

test('zoom to fit on a small map shows all of it at once, text readable, with no notice', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-reg' });
  await expect.poll(async () => (await view(page)).nodes).toBeGreaterThan(3);
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 10 } });
  // Zoomed in first, until part of the map is off screen, so fitting has something to do.
  await expect
    .poll(async () => {
      const v = await view(page);
      if (v.inView === v.nodes) await page.keyboard.press('Control+Equal');
      return v.inView < v.nodes;
    })
    .toBe(true);
  await page.keyboard.press('Shift+!');
  await expect.poll(async () => { const v = await view(page); return v.inView === v.nodes; }).toBe(true);
  await waitForStillView(page);
  expect((await view(page)).smallestPx).toBeGreaterThanOrEqual(12);
  await expect.poll(() => notice(page).count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('presenting, zoom to fit keeps text at 16 px or more, pressed once or twice', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  await openBigMap(page);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect.poll(async () => (await view(page)).smallestPx).toBeGreaterThanOrEqual(16);
  for (const _ of [1, 2]) {
    await page.keyboard.press('Shift+!');
    await expect.poll(() => notice(page).count()).toBe(1);
    await waitForStillView(page);
    const seen = await view(page);
    expect(seen.smallestPx).toBeGreaterThanOrEqual(16);
    expect(seen.startInView).toBe(true);
  }
  expect(await notice(page).textContent()).toContain('leave the presentation (Esc) to see the whole map');
  expect(errors).toEqual([]);
  await context.close();
});
