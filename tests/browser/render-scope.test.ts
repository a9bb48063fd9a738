import { expect, test } from 'vitest';
import { sideHandles } from '../../src/ui/editor/buildElements';
import { clickNode, expectAccessible, nodeByLabel, openApp, sharedBrowser, waitForStillView, waitSaved } from './support/browser';
import { mergeBigMap } from './support/bigMap';
import { installRenderCounter, rendered, startCounting } from './support/renderCounts';

// An edit redraws what it changed and nothing else: on a big map, redrawing every step and
// flow for each keystroke or mouse move is what makes an editor lag behind the hand.

const browser = sharedBrowser();
/** A node's place on the map, as React Flow positions it. */
const placeOf = (node: import('playwright-core').Locator) => node.evaluate((el) => (el as HTMLElement).style.transform);
/** The Admissions map, opened with the render counter in place (it must be there before the page's scripts run). */
async function openCounted() {
  const session = await openApp(browser(), { path: '#/map/m-adm' });
  await installRenderCounter(session.page);
  await session.page.reload();
  await session.page.locator('.react-flow__node-shape').first().waitFor();
  await waitForStillView(session.page);
  await waitSaved(session.page);
  return session;
}
/** The flows that start or end at a node of the Admissions map, as the document holds them. */
const flowsOf = (page: import('playwright-core').Page, nodeId: string) =>
  page.evaluate((id) => {
    const map = (window as unknown as { __lanemapCompare: { currentMap: (id: string) => { flows: { id: string; from: string; to: string }[] } | undefined } }).__lanemapCompare.currentMap('m-adm')!;
    return map.flows.filter((f) => f.from === id || f.to === id).map((f) => f.id);
  }, nodeId);
const changes = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __lanemapDocumentChanges: () => number }).__lanemapDocumentChanges());

test('dragging a step redraws its own flows on each move, not the step (React Flow moves it) nor the canvas around them, leaves the document alone until the drop, and is one undo', async () => {
  const { page, context, errors } = await openCounted();

  const node = nodeByLabel(page, 'Forward to Registry');
  const id = (await node.getAttribute('data-id'))!;
  const own = await flowsOf(page, id);
  expect(own.length).toBeGreaterThanOrEqual(2);

  const start = (await node.boundingBox())!;
  const placed = await placeOf(node);
  const before = await changes(page);
  await startCounting(page);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(start.x + start.width / 2 + i * 12, start.y + start.height / 2 + i * 4);
    // Each move is drawn before the next, as a person's hand gives the screen time to follow.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await expect.poll(async () => (await node.boundingBox())!.x - start.x).toBeGreaterThan(100);
  const during = await rendered(page);
  expect(await changes(page)).toBe(before);
  await page.mouse.up();
  await expect.poll(() => changes(page)).toBe(before + 1);

  // Moved 10 times: its flows redrew on the moves; the step itself only for the press that
  // selects it (its place is React Flow's to move); no other step, flow or lane redrew.
  expect(new Set(during.shapes)).toEqual(new Set([id]));
  expect(during.shapes.length).toBeLessThanOrEqual(2);
  expect(new Set(during.flows)).toEqual(new Set(own));
  expect(during.flows.length).toBeGreaterThanOrEqual(5 * own.length);
  expect(during.lanes).toEqual([]);
  // The canvas around React Flow is not run again for each move (at most for the press that selects the step).
  expect(during.canvas).toBeLessThanOrEqual(2);

  // One drop, one undo back to where it was (its place on the map: the view may have panned under the drag).
  const dropped = await placeOf(node);
  expect(dropped).not.toEqual(placed);
  await page.keyboard.press('Control+z');
  await expect.poll(() => placeOf(node)).toEqual(placed);
  await page.keyboard.press('Control+y');
  await expect.poll(() => placeOf(node)).toEqual(dropped);
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('renaming a step redraws that step (and the flows at its ends if it grew), not the rest of the map', async () => {
  const { page, context, errors } = await openCounted();

  const node = nodeByLabel(page, 'Forward to Registry');
  const id = (await node.getAttribute('data-id'))!;
  const total = await page.locator('.react-flow__node-shape').count();
  await clickNode(node);
  await page.keyboard.press('F2');
  const box = page.getByRole('region', { name: /^Map canvas/ }).getByRole('textbox', { name: 'Label' });
  await box.fill('Forward the application to Registry');
  await startCounting(page);
  await box.press('Enter');
  await nodeByLabel(page, 'Forward the application to Registry').waitFor();
  await waitSaved(page);
  const after = await rendered(page);

  expect(new Set(after.shapes)).toEqual(new Set([id]));
  expect(total).toBeGreaterThan(5);
  const own = await flowsOf(page, id);
  for (const f of after.flows) expect(own).toContain(f);
  expect(after.lanes).toEqual([]);
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});

// React Flow draws every node once to measure its handles before it draws only those in view.
// Lanemap says where each step's handles are, so opening a big map never draws all of it.
test('a big map opens without drawing every step, with the handles where it said, and flows to steps off screen drawn once in view', async () => {
  const { page, context, errors } = await openApp(browser());
  const size = 400;
  const map = await mergeBigMap(page, size, 40);
  await page.locator('.react-flow__node-shape').first().waitFor();
  await waitSaved(page);

  // While it opens the map again: the most steps ever in the page, and the view they were first drawn at.
  await page.addInitScript(() => {
    const w = window as unknown as { __mostSteps: number; __firstView: string | null };
    w.__mostSteps = 0;
    w.__firstView = null;
    new MutationObserver(() => {
      const steps = document.querySelectorAll('.react-flow__node-shape').length;
      w.__mostSteps = Math.max(w.__mostSteps, steps);
      if (steps > 0 && w.__firstView === null) w.__firstView = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await page.locator('.react-flow__node-shape').first().waitFor();
  await waitForStillView(page);
  const drawn = await page.locator('.react-flow__node-shape').count();
  expect(drawn).toBeLessThan(size / 2);
  const opened = await page.evaluate(() => {
    const w = window as unknown as { __mostSteps: number; __firstView: string };
    return { __mostSteps: w.__mostSteps, __firstView: w.__firstView };
  });
  // The first steps drawn are drawn at the view the map opens with, not at a view passed through on the way.
  expect(opened.__firstView).toBe(await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform));
  // So no more steps are ever in the page than that view shows: React Flow once drew all of them
  // to measure their handles, then those at its default view, before the opening view's.
  expect(opened.__mostSteps).toBeLessThanOrEqual(drawn);

  // Each drawn step's handles are where Lanemap said they would be.
  const steps = await page.locator('.react-flow__node-shape').evaluateAll((nodes) =>
    nodes.slice(0, 20).map((node) => {
      const n = node.getBoundingClientRect();
      const zoom = n.width / (node as HTMLElement).offsetWidth;
      const handles = [...node.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
        const r = h.getBoundingClientRect();
        return { id: h.dataset.handleid!, x: (r.left + r.width / 2 - n.left) / zoom, y: (r.top + r.height / 2 - n.top) / zoom };
      });
      return { width: (node as HTMLElement).offsetWidth, height: (node as HTMLElement).offsetHeight, handles };
    }),
  );
  const off = steps.flatMap((s) =>
    s.handles.map((h) => {
      const said = sideHandles(s.width, s.height).find((d) => d.id === h.id)!;
      return Math.max(Math.abs(said.x + said.width! / 2 - h.x), Math.abs(said.y + said.height! / 2 - h.y));
    }),
  );
  expect(off.length).toBeGreaterThan(20);
  expect(Math.max(...off)).toBeLessThan(1);

  // The whole map in view: every flow is drawn, those between steps never drawn before included.
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 10 } });
  await page.keyboard.press('Shift+!');
  await waitForStillView(page);
  if ((await page.locator('.react-flow__node-shape').count()) < size) {
    await page.keyboard.press('Shift+!');
    await waitForStillView(page);
  }
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBe(size);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(map.flows.length);
  expect(errors).toEqual([]);
  await context.close();
});
