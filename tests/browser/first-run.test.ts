import { expect, test } from 'vitest';
import { APP_URL, clickNode, expectAccessible, nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitForStillView, waitSaved } from './support/browser';

const browser = sharedBrowser();

test('a new user finds the demo workspace: four departments’ maps, drawn, with lanes and labels', async () => {
  const { page, context, errors } = await openApp(browser());
  const maps = page.getByRole('complementary', { name: 'Maps' }).getByRole('link');
  await expect.poll(() => maps.count()).toBeGreaterThanOrEqual(4);
  const names = await maps.locator('.map-name').allTextContents();
  for (const dept of ['Admissions', 'Alumni', 'Fundraising', 'Marketing']) expect(names.some((n) => n.includes(dept))).toBe(true);

  // The first map is open and drawn: lanes as bands with named headers, nodes with text.
  await expect.poll(() => page.locator('.lane-header').count()).toBeGreaterThanOrEqual(3);
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBeGreaterThanOrEqual(10);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThanOrEqual(8);
  expect(page.url()).toMatch(/#\/map\/.+/);

  // Every lane band spans the same width and they stack without gaps.
  const bands = await page.locator('.react-flow__node-lane').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, width: r.width })));
  for (let i = 1; i < bands.length; i++) {
    expect(Math.abs(bands[i]!.top - bands[i - 1]!.bottom)).toBeLessThan(1.5);
    expect(Math.abs(bands[i]!.width - bands[0]!.width)).toBeLessThan(1);
  }

  // Every flow label can be read: none lies under a node or another label. Labels are drawn
  // with their flows, once the nodes are measured.
  await expect.poll(() => page.locator('.flow-label').count()).toBeGreaterThanOrEqual(5);
  const hidden = () => page.evaluate(() => {
    const box = (el: Element) => ({ el, r: el.getBoundingClientRect() });
    const labels = [...document.querySelectorAll('.flow-label')].map(box);
    const nodes = [...document.querySelectorAll('.react-flow__node-shape')].map(box);
    const over = (a: DOMRect, b: DOMRect) => a.left + 1 < b.right && b.left + 1 < a.right && a.top + 1 < b.bottom && b.top + 1 < a.bottom;
    return labels.flatMap((l, i) => [...nodes, ...labels.slice(i + 1)].filter((o) => over(l.r, o.r)).map((o) => `${l.el.textContent} under ${o.el.textContent}`));
  });
  await expect.poll(hidden).toEqual([]);

  await expectAccessible(page);
  // The README's picture, once the passing notices have gone.
  await expect.poll(() => page.locator('.notice-passive').count(), { timeout: 15_000 }).toBe(0);
  await page.screenshot({ path: 'docs/screenshot.png' });

  // Zoom to fit (Shift+1) keeps text readable: the map's start with labels at 12 px or more, and a
  // message saying how to see the whole; Shift+1 again brings every node into view (the empty
  // room the lane bands keep on their right may stay beyond the edge).
  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 20 } });
  const allInView = () =>
    page.evaluate(() => {
      const canvas = document.querySelector('.canvas .react-flow')!.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__node-shape')].every((n) => {
        const r = n.getBoundingClientRect();
        return r.left >= canvas.left - 1 && r.right <= canvas.right + 1 && r.top >= canvas.top - 1 && r.bottom <= canvas.bottom + 1;
      });
    });
  expect(await allInView()).toBe(false);
  const smallestLabelPx = () =>
    page.evaluate(() => {
      const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
      const sizes = [...document.querySelectorAll('.react-flow__node .shape-text, .react-flow__edge-text, .flow-label')].map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom);
      return Math.min(...sizes);
    });
  expect(await smallestLabelPx()).toBeLessThan(12);
  await page.keyboard.press('Shift+!');
  await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining('press Shift+1 again (or Fit again) to see the whole map'));
  await waitForStillView(page);
  expect(await smallestLabelPx()).toBeGreaterThanOrEqual(12);
  await expectAccessible(page);
  await page.keyboard.press('Shift+!');
  await expect.poll(allInView).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test('the toolbar names every action, and each is reachable by keyboard', async () => {
  const { page, context } = await openApp(browser());
  // Tab from the top reaches the palette's buttons.
  await page.keyboard.press('Tab');
  const reached = new Set<string>();
  for (let i = 0; i < 60; i++) {
    reached.add((await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')).trim());
    await page.keyboard.press('Tab');
  }
  for (const name of ['New map', 'Add lane', 'Add step', 'Export…', 'More ▾']) expect([...reached].some((r) => r === name || r.endsWith(name)), `${name} in ${[...reached].join(' | ')}`).toBe(true);
  // A tool the bar has no room for is in its "More" menu.
  await page.getByRole('button', { name: 'More ▾' }).click();
  const more = await page.getByRole('menu', { name: 'More tools' }).getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  for (const name of ['New map', 'Add lane', 'Add step', 'Add decision', 'Add start', 'Add end', 'Add data store', 'Add system', 'Add document', 'Add note', 'Undo', 'Redo', 'Zoom to fit', 'Export…']) {
    const inMenu = more.some((t) => t.startsWith(name));
    await expect.poll(() => page.getByRole('button', { name, exact: true }).count(), { message: name }).toBe(inMenu ? 0 : 1);
  }
  await context.close();
});

// A first run draws the demo while it is still being stored. Someone who starts typing into it
// at once (on a slow laptop, where storing takes longest) keeps what they typed.
test('an edit typed the moment the demo shows is kept over a reload', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.goto(APP_URL);
  await clickNode(nodeByLabel(page, 'Reply with prospectus'));
  await page.keyboard.press('F2');
  await page.keyboard.type('Typed at once');
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, 'Typed at once').count(), { timeout: 30_000 }).toBe(1);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  expect(await page.locator('.toast-error').allTextContents()).toEqual([]);
  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Typed at once').count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});
