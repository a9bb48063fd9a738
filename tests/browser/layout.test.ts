import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, steady, waitForStillView } from './support/browser';

const browser = sharedBrowser();

/** Every node's box on screen with its own lane's band (from the lane it belongs to in the document). */
function snapshot(page: Page) {
  return page.evaluate(() => {
    const bands = new Map([...document.querySelectorAll('.react-flow__node-lane')].map((e) => [e.getAttribute('data-id')!.slice('lane:'.length), e.getBoundingClientRect()]));
    return [...document.querySelectorAll('.react-flow__node-shape')].map((e) => {
      const r = e.getBoundingClientRect();
      const band = bands.get(e.querySelector('.shape')!.getAttribute('data-lane')!)!;
      return { id: e.getAttribute('data-id')!, x: Math.round(r.x), y: Math.round(r.y), inBand: r.top >= band.top - 0.5 && r.bottom <= band.bottom + 0.5 };
    });
  });
}

test('auto layout tidies a messy map in the worker: every node inside its band, orthogonal flows; undo puts it back', async () => {
  const { page, context, errors } = await openApp(browser());
  // Make it messy: drag three nodes somewhere else in their bands and beyond (once the
  // opening view is set, so that each drag starts on its node).
  await waitForStillView(page);
  for (let i = 0; i < 3; i++) {
    const node = page.locator('.react-flow__node-shape').nth(i * 4 + 1);
    const b = (await node.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 40 + i * 70, b.y + b.height / 2 + 25, { steps: 6 });
    await page.mouse.up();
  }
  // Where the drops left them, once stored and drawn.
  const messy = await steady(() => snapshot(page));

  // Watch a dragged node glide: every position it is drawn at, in order.
  const dragged = messy[1]!.id;
  await page.evaluate((id) => {
    const el = document.querySelector(`.react-flow__node[data-id="${id}"]`)!;
    const seen: string[] = [el.getAttribute('style') ?? ''];
    (window as unknown as { __moves: string[] }).__moves = seen;
    new MutationObserver(() => seen.push(el.getAttribute('style') ?? '')).observe(el, { attributes: true, attributeFilter: ['style'] });
  }, dragged);
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Auto layout' }).isEnabled(), { timeout: 20_000 }).toBe(true);
  // The nodes glide to their places: take them once they have stopped.
  const tidy = await steady(() => snapshot(page));
  // From where it was to where the layout put it, one way, without a flash of the end first.
  const xs = (await page.evaluate(() => (window as unknown as { __moves: string[] }).__moves))
    .map((style) => Number(/translate\((-?[\d.]+)px/.exec(style)?.[1]))
    .filter((x, i, all) => Number.isFinite(x) && x !== all[i - 1]);
  // (The first is the dragged position as drawn before.) The glide's first frame is short of
  // the end: how far short depends on how many frames a busy machine drops, so it is not pinned.
  const run = xs.slice(1);
  expect(run.length).toBeGreaterThanOrEqual(3);
  expect(Math.abs(run[0]! - xs[0]!)).toBeLessThan(Math.abs(run.at(-1)! - xs[0]!));
  const rising = run.at(-1)! > run[0]!;
  expect(run.every((x, i) => i === 0 || (rising ? x > run[i - 1]! : x < run[i - 1]!)), run.join(' ')).toBe(true);
  expect(tidy.map((n) => `${n.x},${n.y}`)).not.toEqual(messy.map((n) => `${n.x},${n.y}`));
  expect(tidy.filter((n) => !n.inBand)).toEqual([]);
  // Flows follow the routed points: straight segments, horizontal or vertical only.
  const slanted = await page.locator('.react-flow__edge-path').evaluateAll((paths) =>
    paths.flatMap((p) => {
      // The corners the path runs through: M/L x,y, H x, V y; a rounded corner (Q) by its control point.
      const pts: number[][] = [];
      for (const [, cmd, args] of (p.getAttribute('d') ?? '').matchAll(/([MLHVQ])([^MLHVQ]*)/g)) {
        const n = (args ?? '').trim().split(/[\s,]+/).map(Number);
        const at = pts.at(-1) ?? [0, 0];
        if (cmd === 'H') pts.push([n[0]!, at[1]!]);
        else if (cmd === 'V') pts.push([at[0]!, n[0]!]);
        else if (cmd === 'Q') pts.push([n[0]!, n[1]!], [n[2]!, n[3]!]);
        else pts.push([n[0]!, n[1]!]);
      }
      return pts.slice(1).filter((q, i) => Math.abs(q[0]! - pts[i]![0]!) > 0.5 && Math.abs(q[1]! - pts[i]![1]!) > 0.5).map(() => p.getAttribute('d'));
    }),
  );
  expect(slanted).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/auto-layout.png' });

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await snapshot(page)).map((n) => `${n.x},${n.y}`)).toEqual(messy.map((n) => `${n.x},${n.y}`));
  expect(errors).toEqual([]);
  await context.close();
});
