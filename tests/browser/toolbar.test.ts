import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

// The map toolbar at 1366x768, a workshop laptop: every button shows its word, all on one row
// inside the bar; what does not fit is in "More", which the keyboard opens too.

const browser = sharedBrowser();

/** Each button seen in the toolbar: its text, whether its box lies inside the bar, its middle (one row: all alike). */
const buttons = (page: Page) =>
  page.evaluate(() => {
    const bar = document.querySelector('.palette')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.palette button')]
      .filter((b) => getComputedStyle(b).visibility === 'visible' && b.offsetWidth > 0)
      .map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.getAttribute('aria-label') ?? b.textContent!.trim(), text: b.innerText.replace(/[^\p{L} ]/gu, '').trim(), inside: r.left >= bar.left && r.right <= bar.right && r.top >= bar.top && r.bottom <= bar.bottom, mid: r.top + r.height / 2 };
      });
  });

test('at 1366 px every toolbar button shows its word on one row, the rest in a "More" menu reached by the keyboard', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(async () => (await buttons(page)).some((b) => b.name.startsWith('More'))).toBe(true);
  const shown = await buttons(page);
  for (const b of shown) {
    expect(b.text.length, `${b.name} has a word`).toBeGreaterThan(1);
    expect(b.inside, `${b.name} inside the bar`).toBe(true);
  }
  const mids = shown.map((b) => b.mid);
  expect(Math.max(...mids) - Math.min(...mids), 'one row').toBeLessThan(3);
  expect(shown.length).toBeGreaterThan(10);
  await page.screenshot({ path: 'tests/browser/artifacts/toolbar-1366.png', clip: { x: 0, y: 0, width: 1366, height: 140 } });

  // "More" holds the others: Tab reaches it, Enter opens it, Escape gives the focus back.
  const more = page.getByRole('button', { name: 'More ▾' });
  await more.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'More tools' });
  await menu.waitFor();
  const inMenu = await menu.getByRole('menuitem').allTextContents();
  const names = shown.map((b) => b.name);
  expect(inMenu.length).toBeGreaterThan(0);
  // Every tool is either in the bar or in the menu.
  for (const tool of ['Add lane', 'Add step', 'Add decision', 'Add start', 'Add end', 'Add data store', 'Add system', 'Add document', 'Add note', 'Undo', 'Redo', 'Auto layout', 'Zoom to fit', 'Present', 'Step list', 'Export…']) {
    expect(names.includes(tool) || inMenu.some((t) => t.startsWith(tool)), tool).toBe(true);
  }
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => menu.count()).toBe(0);
  await expect.poll(() => more.evaluate((el) => el === document.activeElement)).toBe(true);

  // A tool from the menu works: Enter on its item.
  await page.keyboard.press('Enter');
  await menu.waitFor();
  const noteBefore = await page.locator('.react-flow__node-shape .shape-note').count();
  await menu.getByRole('menuitem', { name: /^Add note/ }).click();
  await expect.poll(() => page.locator('.react-flow__node-shape .shape-note').count()).toBe(noteBefore + 1);

  // With the side panels folded the bar is wider: more tools come out of the menu, still on one row.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Hide the map list' }).click();
  await page.getByRole('button', { name: 'Hide the inspector and findings' }).click();
  await expect.poll(async () => (await buttons(page)).length).toBeGreaterThan(shown.length);
  const wide = await buttons(page);
  for (const b of wide) expect(b.inside, `${b.name} inside the bar`).toBe(true);
  const wideMids = wide.map((b) => b.mid);
  expect(Math.max(...wideMids) - Math.min(...wideMids), 'one row').toBeLessThan(3);
  await page.screenshot({ path: 'tests/browser/artifacts/toolbar-1366-folded.png', clip: { x: 0, y: 0, width: 1366, height: 140 } });
  expect(errors).toEqual([]);
  await context.close();
});
