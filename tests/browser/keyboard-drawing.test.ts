import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp, sharedBrowser, waitForCanvas, waitForStillView, waitSaved } from './support/browser';

const browser = sharedBrowser();

async function type(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** A new, empty map of this name, open in the editor, the keyboard ready for its first lane. */
async function newMap(page: Page, name: string) {
  await page.getByRole('button', { name: 'New map', exact: true }).click();
  await type(page, name);
  await page.locator('.empty-hint').waitFor();
}

test('a 20-step, 4-lane map typed in with the keyboard alone, kept after a reload', async () => {
  const { page, context, errors } = await openApp(browser());
  await newMap(page, 'Complaints handling');

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
  // React Flow draws an edge once both its nodes are measured: on a busy machine the last one
  // ("Closed") may still be a frame away.
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(22);
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
  await waitForStillView(page);
  await page.screenshot({ path: 'tests/browser/artifacts/keyboard-map.png' });

  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  // React Flow draws flows once their nodes are measured: wait for the drawing to settle.
  await expect.poll(read).toEqual(drawn);
  expect(errors).toEqual([]);
  await context.close();
});

test('a second branch typed after a decision is joined to it by a line that goes round the first branch, not through it', async () => {
  const { page, context, errors } = await openApp(browser());
  await newMap(page, 'Refunds');
  await page.keyboard.press('l');
  await type(page, 'Desk');
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  await type(page, 'Refund asked');
  await page.keyboard.press('d');
  await type(page, 'Receipt?');
  await page.keyboard.press('s');
  await type(page, 'Refund to card');
  await page.keyboard.press('s');
  await type(page, 'Send confirmation');
  // Back to the decision: its second branch goes after the last node of the row.
  await page.locator('.react-flow__node-shape', { hasText: 'Receipt?' }).click();
  await page.keyboard.press('s');
  await type(page, 'Offer voucher');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);

  // Every line, sampled along its length on screen, stays out of the nodes it does not join.
  const crossings = () => page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.react-flow__node-shape')].map((n) => ({ label: n.textContent ?? '', r: n.getBoundingClientRect() }));
    const out: string[] = [];
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')) {
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const at = (d: number) => { const p = path.getPointAtLength(d); return new DOMPoint(p.x, p.y).matrixTransform(m); };
      const [first, last] = [at(0), at(length)];
      const near = (r: DOMRect, p: DOMPoint) => p.x > r.left - 12 && p.x < r.right + 12 && p.y > r.top - 12 && p.y < r.bottom + 12;
      for (let d = 0; d <= length; d += 4) {
        const p = at(d);
        const hit = nodes.find((n) => !near(n.r, first) && !near(n.r, last) && p.x > n.r.left + 2 && p.x < n.r.right - 2 && p.y > n.r.top + 2 && p.y < n.r.bottom - 2);
        if (hit) { out.push(hit.label); break; }
      }
    }
    return out;
  });
  await expect.poll(crossings).toEqual([]);
  await page.screenshot({ path: 'tests/browser/artifacts/branch-detour.png' });
  expect(errors).toEqual([]);
  await context.close();
});

test('a step that gets the keyboard focus outside the visible canvas is brought into view', async () => {
  const { page, context, errors } = await openApp(browser());
  await waitSaved(page);
  // Far right of the map: zoomed in, it is outside the canvas (or under the side panel).
  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Equal');
  const node = page.locator('.react-flow__node', { has: page.locator('.shape-text', { hasText: /^Create applicant record$/ }) });
  const inCanvas = () =>
    node.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const c = document.querySelector('.canvas .react-flow')!.getBoundingClientRect();
      return r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom;
    });
  await expect.poll(inCanvas).toBe(false);
  await node.focus();
  await expect.poll(inCanvas).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
