import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

async function type(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a 20-step, 4-lane map typed in with the keyboard alone, kept after a reload', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.getByRole('button', { name: 'New map', exact: true }).click();
  await page.keyboard.type('Complaints handling');
  await page.keyboard.press('Enter');
  await page.locator('.empty-hint').waitFor();

  // The name box being typed in is on screen, even for a lane added below the bottom edge.
  const typingInView = () =>
    page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      const c = document.querySelector('.canvas .react-flow')!.getBoundingClientRect();
      return document.activeElement!.tagName === 'INPUT' && r.top >= c.top && r.bottom <= c.bottom && r.left >= c.left && r.right <= c.right;
    });
  for (const lane of ['Customer', 'Front desk', 'Case officer', 'Manager']) {
    await page.keyboard.press('l');
    await expect.poll(typingInView).toBe(true);
    await type(page, lane);
  }
  // The last lane added is selected; start in the first one.
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  await type(page, 'Complaint received');
  for (let i = 1; i <= 20; i++) {
    await page.keyboard.press('s');
    await type(page, `Step ${i}`);
    // Every fifth step hands over to the next lane down.
    if (i % 5 === 0 && i < 20) await page.keyboard.press('Alt+ArrowDown');
  }
  await page.keyboard.press('d');
  await type(page, 'Resolved?');
  await page.keyboard.press('e');
  await type(page, 'Closed');

  const read = () =>
    page.evaluate(() => {
      const lanes = [...document.querySelectorAll('.react-flow__node-lane')].map((e) => ({ name: e.querySelector('.lane-name')?.textContent ?? '', r: e.getBoundingClientRect() }));
      const nodes = [...document.querySelectorAll('.react-flow__node-shape')].map((e) => ({ label: e.querySelector('.shape-text')?.textContent ?? '', r: e.getBoundingClientRect() }));
      const laneOf = (r: DOMRect) => lanes.find((l) => r.top + r.height / 2 >= l.r.top && r.top + r.height / 2 < l.r.bottom)?.name;
      let overlaps = 0;
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i]!.r;
          const b = nodes[j]!.r;
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
        }
      return { lanes: lanes.map((l) => l.name), placed: Object.fromEntries(nodes.map((n) => [n.label, laneOf(n.r)])), edges: document.querySelectorAll('.react-flow__edge').length, overlaps };
    });
  const drawn = await read();
  expect(drawn.lanes).toEqual(['Customer', 'Front desk', 'Case officer', 'Manager']);
  expect(Object.keys(drawn.placed)).toHaveLength(23);
  expect(drawn.placed['Step 1']).toBe('Customer');
  expect(drawn.placed['Step 5']).toBe('Front desk');
  expect(drawn.placed['Step 10']).toBe('Case officer');
  expect(drawn.placed['Step 20']).toBe('Manager');
  expect(drawn.edges).toBe(22);
  expect(drawn.overlaps).toBe(0);
  await page.keyboard.press('Shift+1');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'tests/browser/artifacts/keyboard-map.png' });

  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  // React Flow draws flows once their nodes are measured: wait for the drawing to settle.
  await expect.poll(read).toEqual(drawn);
  expect(errors).toEqual([]);
  await context.close();
});
