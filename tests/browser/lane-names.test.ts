import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { dragPane, expectAccessible, laneHeader, openApp, sharedBrowser, waitForStillView } from './support/browser';

const browser = sharedBrowser();
const onCanvas = (page: Page) => page.getByRole('region', { name: /^Map canvas/ });
const LONG = 'Students, applicants and their parents or guardians who write to the registry';

/** The renamed lane's header on screen: its box, its name's box, whether anything in it is cut, and its band. */
const header = (page: Page, name: string) =>
  page.evaluate((name) => {
    const button = [...document.querySelectorAll<HTMLElement>('.lane-name')].find((b) => b.textContent === name)!;
    const head = button.closest('.lane-header')!;
    const band = button.closest('.react-flow__node-lane')!.getBoundingClientRect();
    const h = head.getBoundingClientRect();
    const inside = (r: DOMRect) => r.top >= h.top - 0.5 && r.bottom <= h.bottom + 0.5 && r.left >= h.left - 0.5 && r.right <= h.right + 0.5;
    const parts = [button, ...head.querySelectorAll<HTMLElement>('.lane-dept, .lane-tools')];
    return {
      text: button.textContent,
      clipped: parts.some((e) => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis'),
      allInside: parts.every((e) => inside(e.getBoundingClientRect())),
      nameLines: Math.round(button.getBoundingClientRect().height / parseFloat(getComputedStyle(button).lineHeight)),
      bandHeight: band.height,
    };
  }, name);

/** Every step's box lies inside its own lane's band on screen. */
const stepsInBands = (page: Page) =>
  page.evaluate(() => {
    const bands = new Map([...document.querySelectorAll('.react-flow__node-lane')].map((e) => [e.getAttribute('data-id')!.slice(5), e.getBoundingClientRect()]));
    return [...document.querySelectorAll('.react-flow__node-shape')].every((e) => {
      const r = e.getBoundingClientRect();
      const band = bands.get(e.querySelector('.shape')!.getAttribute('data-lane')!)!;
      return r.top >= band.top - 0.5 && r.bottom <= band.bottom + 0.5;
    });
  });

test('a long lane name typed on the canvas is shown whole, wrapped in its header; the lane grows to hold it', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-reg' });
  await laneHeader(page, 'Student').waitFor();
  const before = await header(page, 'Student');
  await laneHeader(page, 'Student').dblclick();
  const box = onCanvas(page).getByRole('textbox', { name: 'Lane name' });
  await box.fill(LONG);
  await box.press('Enter');
  await laneHeader(page, LONG).waitFor();
  await waitForStillView(page);
  await expect.poll(async () => (await header(page, LONG)).allInside).toBe(true);
  const after = await header(page, LONG);
  expect(after.text).toBe(LONG);
  expect(after.clipped).toBe(false);
  expect(after.nameLines).toBeGreaterThanOrEqual(4);
  expect(after.bandHeight).toBeGreaterThan(before.bandHeight);
  expect(await stepsInBands(page)).toBe(true);
  const shot = 'tests/browser/artifacts/lane-name-long.png';
  const head = (await laneHeader(page, LONG).locator('xpath=ancestor::div[contains(@class,"lane-header")]').boundingBox())!;
  await page.screenshot({ path: shot, clip: { x: head.x - 10, y: head.y - 10, width: 520, height: head.height + 20 } });
  await expectAccessible(page);

  // Panned past the headers, the name pinned at the canvas's edge is whole too.
  await dragPane(page, -700);
  const pinned = page.locator('.sticky-lane span', { hasText: LONG });
  await expect.poll(() => pinned.count()).toBe(1);
  // Not cut across, nor below by its band (a name squeezed to a letter a line would run out of it).
  const cut = await pinned.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const band = e.parentElement!.getBoundingClientRect();
    return e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis' || r.bottom > band.bottom + 0.5 || r.right > band.right + 0.5;
  });
  expect(cut).toBe(false);
  expect(await pinned.textContent()).toBe(LONG);
  await page.screenshot({ path: 'tests/browser/artifacts/lane-name-pinned.png' });
  expect(errors).toEqual([]);
  await context.close();
});
