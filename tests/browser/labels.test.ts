import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, nodeByLabel, openApp, pressInARow, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

// Labels whole on the canvas, and steps sized by hand: what a workshop sees when a step says
// more than four lines' worth.

const browser = sharedBrowser();

const LONG =
  'Check the applicant record against the student system, write to the applicant about anything missing and file the signed form in the shared admissions drive';

const firstStep = (page: Page) => page.locator('.react-flow__node-shape', { has: page.locator('.shape-step') }).first();

/** The viewport's zoom: screen pixels per map pixel. */
const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

async function rename(page: Page, label: string): Promise<void> {
  await firstStep(page).click();
  await page.keyboard.press('F2');
  const box = page.getByRole('region', { name: /^Map canvas/ }).getByRole('textbox', { name: 'Label' });
  await box.fill(label);
  await box.press('Enter');
  await expect.poll(() => nodeByLabel(page, label).count()).toBe(1);
}

/** The node's outline and each drawn line of its label, on screen. */
function drawnLabel(page: Page, label: string) {
  return nodeByLabel(page, label).evaluate((el) => {
    const r = (e: Element | Range) => {
      const b = e.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    };
    // A line's ink: its text's own box (a Range), not the block it sits in.
    const ink = (e: Element) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return r(range);
    };
    return { shape: r(el.querySelector('.shape-svg')!), lines: [...el.querySelectorAll('.shape-line')].map(ink), text: el.querySelector('.shape-text')!.textContent };
  });
}

/** Pairs of nodes whose boxes overlap on the canvas (the step's outline, not its marks). */
const overlappingNodes = (page: Page) =>
  page.locator('.react-flow__node-shape').evaluateAll((els) => {
    const boxes = els.map((e) => ({ label: e.textContent ?? '', r: e.getBoundingClientRect() }));
    const out: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        // A pixel of slack for rounding of the zoomed boxes.
        if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1) out.push(`${a.label} / ${b.label}`);
      }),
    );
    return out;
  });

test('a 150-character label shows whole on the canvas, every line inside its step', async () => {
  const { page, context, errors } = await openApp(browser());
  await rename(page, LONG);
  const drawn = await drawnLabel(page, LONG);
  expect(drawn.text).toBe(LONG);
  expect(drawn.lines.length).toBeGreaterThan(4);
  for (const line of drawn.lines) {
    expect(line.left).toBeGreaterThanOrEqual(drawn.shape.left);
    expect(line.right).toBeLessThanOrEqual(drawn.shape.right);
    expect(line.top).toBeGreaterThanOrEqual(drawn.shape.top);
    expect(line.bottom).toBeLessThanOrEqual(drawn.shape.bottom);
  }
  expect(await page.locator('.react-flow__nodes').textContent()).not.toContain('…');
  // The grown step moved its neighbours aside instead of covering them (issue 15).
  await expect.poll(() => overlappingNodes(page)).toEqual([]);
  await nodeByLabel(page, LONG).screenshot({ path: '/tmp/lanemap-long-label.png' });
  await page.getByRole('region', { name: /^Map canvas/ }).screenshot({ path: '/tmp/lanemap-long-label-canvas.png' });
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('resize a step with the mouse and the keys; undo, redo, and the size survives a reload', async () => {
  const { page, context, errors } = await openApp(browser());
  const label = 'Sized by hand';
  await rename(page, label);
  const node = nodeByLabel(page, label);
  await node.click();
  const zoom = await zoomOf(page);
  const start = (await node.boundingBox())!;
  const mapSize = async () => {
    const b = (await node.boundingBox())!;
    return { w: Math.round(b.width / zoom), h: Math.round(b.height / zoom) };
  };
  const w0 = Math.round(start.width / zoom);
  const h0 = Math.round(start.height / zoom);

  // The corner handle of the selected step, dragged out by 80 x 40 map pixels.
  const handle = page.locator('.react-flow__resize-control.handle.bottom.right');
  await handle.waitFor();
  const hb = (await handle.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(hb.x + hb.width / 2 + (i * 80 * zoom) / 8, hb.y + hb.height / 2 + (i * 40 * zoom) / 8);
  await page.mouse.up();
  await expect.poll(mapSize).toEqual({ w: w0 + 80, h: h0 + 40 });
  await expect.poll(() => overlappingNodes(page)).toEqual([]);

  await page.keyboard.press('Control+z');
  await expect.poll(mapSize).toEqual({ w: w0, h: h0 });
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(mapSize).toEqual({ w: w0 + 80, h: h0 + 40 });

  // The keys: Ctrl+Shift+Right twice is 20 px wider, one undo step for both.
  await node.click();
  await pressInARow(page, ['Control+Shift+ArrowRight', 'Control+Shift+ArrowRight', 'Control+Shift+ArrowDown']);
  await expect.poll(mapSize).toEqual({ w: w0 + 100, h: h0 + 50 });
  await expect.poll(() => overlappingNodes(page)).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect.poll(mapSize).toEqual({ w: w0 + 80, h: h0 + 40 });
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(mapSize).toEqual({ w: w0 + 100, h: h0 + 50 });

  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, label).count()).toBe(1);
  const z = await zoomOf(page);
  const after = (await nodeByLabel(page, label).boundingBox())!;
  expect([Math.round(after.width / z), Math.round(after.height / z)]).toEqual([w0 + 100, h0 + 50]);
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});
