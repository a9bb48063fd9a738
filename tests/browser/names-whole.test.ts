import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

// Names a reader needs whole: the workspace's in the top bar, and each map's above its pane when
// maps are compared. Long ones wrap; nothing ends in "…" that the reader cannot open.

const LONG_WORKSPACE = 'Student recruitment, admissions and alumni relations: the customer journey as it is today (2026 workshop)';
const LONG_MAP = 'Admissions: from the first enquiry by phone, email or open day to the enrolled student, with every hand-off';

/** Whether the element's text is cut (overflowing its box, or drawn with an ellipsis), and its box. */
const cut = (el: Locator) =>
  el.evaluate((e) => ({
    clipped: e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis',
    text: e.textContent,
    lines: (() => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    })(),
  }));

/** Whether `inner`'s box lies inside `outer`'s. */
const inside = (inner: Locator, outer: Locator) =>
  Promise.all([inner.boundingBox(), outer.boundingBox()]).then(([i, o]) => !!i && !!o && i.x >= o.x - 0.5 && i.y >= o.y - 0.5 && i.x + i.width <= o.x + o.width + 0.5 && i.y + i.height <= o.y + o.height + 0.5);

async function renameWorkspace(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^Workspace: / }).click();
  const dialog = page.getByRole('dialog', { name: 'Workspaces' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
}

test('a long workspace name is shown whole in the top bar, wrapped inside its button', async () => {
  const { page, context, errors } = await openApp(browser());
  await renameWorkspace(page, LONG_WORKSPACE);
  const name = page.locator('.workspace-button .workspace-name');
  await expect.poll(() => name.textContent()).toBe(LONG_WORKSPACE);
  const shown = await cut(name);
  expect(shown.clipped).toBe(false);
  expect(shown.lines).toBeGreaterThanOrEqual(2);
  expect(await inside(name, page.locator('.workspace-button'))).toBe(true);
  expect(await inside(page.locator('.workspace-button'), page.locator('.topbar'))).toBe(true);
  // The rest of the bar is still there, beside or below it, not under it.
  const save = (await page.locator('.save-status').boundingBox())!;
  const button = (await page.locator('.workspace-button').boundingBox())!;
  expect(save.x >= button.x + button.width - 0.5 || save.y >= button.y + button.height - 0.5).toBe(true);
  const bar = (await page.locator('.topbar').boundingBox())!;
  await page.screenshot({ path: 'tests/browser/artifacts/workspace-name-long.png', clip: { x: 0, y: 0, width: 1440, height: bar.height + 40 } });
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('compared maps with long names: each title whole above its pane, and the panes still start level', async () => {
  const { page, context, errors } = await openApp(browser());
  const list = page.getByRole('complementary', { name: 'Maps' });
  await list.getByRole('button', { name: /^Rename Admissions/ }).click();
  const box = list.getByRole('textbox', { name: 'Map name' });
  await box.fill(LONG_MAP);
  await box.press('Enter');
  await waitSaved(page);
  await page.goto(new URL('#/compare/m-adm/m-alu', page.url()).href);
  await expect.poll(() => page.locator('.cmp-pane .react-flow__nodes').count(), { timeout: 20_000 }).toBe(2);

  const titles = page.locator('.cmp-pane-title');
  await expect.poll(() => titles.first().textContent()).toBe(LONG_MAP);
  for (const head of await page.locator('.cmp-pane-head').all()) expect((await cut(head)).clipped).toBe(false);
  for (const el of [titles.first(), titles.nth(1), page.locator('.cmp-pane-sub').first(), page.locator('.cmp-pane-sub').nth(1)]) {
    expect(await inside(el, el.locator('xpath=ancestor::header[1]'))).toBe(true);
  }
  expect((await cut(titles.first())).lines).toBeGreaterThanOrEqual(2);
  const canvases = await page.locator('.cmp-canvas').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(Math.abs(canvases[0]! - canvases[1]!)).toBeLessThan(1);
  const grid = (await page.locator('.cmp-grid').boundingBox())!;
  await page.screenshot({ path: 'tests/browser/artifacts/compare-long-titles.png', clip: { x: grid.x, y: grid.y, width: grid.width, height: 200 } });
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});
