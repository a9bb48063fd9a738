import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { centre, clickNode, expectAccessible, laneHeader, nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitForStillView, waitSaved } from './support/browser';

const browser = sharedBrowser();

/** In-place editing happens on the canvas; the inspector has fields of the same name. */
const onCanvas = (page: Page) => page.getByRole('region', { name: /^Map canvas/ });

/** The lane whose band holds the node's centre on screen. */
async function laneOf(page: Page, label: string): Promise<string | undefined> {
  const c = await centre(nodeByLabel(page, label));
  const lanes = await page.locator('.react-flow__node-lane').evaluateAll((els) =>
    els.map((e) => ({ name: e.querySelector('.lane-name')?.textContent ?? '', r: e.getBoundingClientRect() })).map(({ name, r }) => ({ name, top: r.top, bottom: r.bottom })),
  );
  return lanes.find((l) => c.y >= l.top && c.y < l.bottom)?.name;
}

async function typeLabel(page: Page, text: string) {
  const box = onCanvas(page).getByRole('textbox', { name: 'Label' });
  await box.waitFor();
  await box.fill(text);
  await box.press('Enter');
}

async function addLane(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add lane', exact: true }).click();
  const box = onCanvas(page).getByRole('textbox', { name: 'Lane name' });
  await box.fill(name);
  await box.press('Enter');
  await laneHeader(page, name).waitFor();
}

test('draw a map with lanes, steps, a decision and flows; it is all there after a reload; undo and redo', async () => {
  const { page, context, errors } = await openApp(browser());

  // A new map for a new department.
  await page.getByRole('button', { name: 'New map', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByLabel('Name', { exact: true }).fill('Complaints: first contact');
  await dialog.getByLabel('Department', { exact: true }).selectOption({ label: 'New department…' });
  const dep = dialog.getByRole('textbox', { name: 'New department name' });
  await dep.fill('Student Services');
  // Enter in the new department's box creates the map, as Enter in its name would.
  await dep.press('Enter');
  await expect.poll(() => page.getByRole('link', { name: /Complaints: first contact/ }).count()).toBe(1);
  await expect.poll(() => page.locator('.empty-hint').count()).toBe(1);

  await addLane(page, 'Customer');
  await addLane(page, 'Advisor');

  // Steps typed in one after another: each is added after, and connected from, the selected one.
  await laneHeader(page, 'Customer').click();
  await page.getByRole('button', { name: 'Add start', exact: true }).click();
  await typeLabel(page, 'Complaint arrives');
  await page.getByRole('button', { name: 'Add step', exact: true }).click();
  await typeLabel(page, 'Log complaint');
  await page.getByRole('button', { name: 'Add decision', exact: true }).click();
  await typeLabel(page, 'Urgent?');
  await page.getByRole('button', { name: 'Add step', exact: true }).click();
  await typeLabel(page, 'Send reply');
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);

  // A step in the other lane, then connected by dragging from the decision's handle.
  await laneHeader(page, 'Advisor').click();
  await page.getByRole('button', { name: 'Add step', exact: true }).click();
  await typeLabel(page, 'Call customer');
  await expect.poll(() => laneOf(page, 'Call customer')).toBe('Advisor');
  // Typing the label panned the new step into view: take positions once the view is still.
  await waitForStillView(page);
  const decision = nodeByLabel(page, 'Urgent?');
  await decision.hover();
  const from = await centre(decision.locator('.react-flow__handle-bottom'));
  const to = await centre(nodeByLabel(page, 'Call customer'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  // The new flow is selected: label it in the inspector.
  const flowLabel = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Label');
  await flowLabel.fill('Yes');
  await flowLabel.press('Enter');
  await expect.poll(() => page.locator('.flow-label', { hasText: 'Yes' }).count()).toBe(1);

  // Rename a lane by double-clicking its name; Escape cancels, Enter keeps.
  await laneHeader(page, 'Advisor').dblclick();
  await onCanvas(page).getByRole('textbox', { name: 'Lane name' }).fill('Wrong name');
  await onCanvas(page).getByRole('textbox', { name: 'Lane name' }).press('Escape');
  await expect.poll(() => laneHeader(page, 'Advisor').count()).toBe(1);
  await laneHeader(page, 'Advisor').dblclick();
  await onCanvas(page).getByRole('textbox', { name: 'Lane name' }).fill('Complaints advisor');
  await onCanvas(page).getByRole('textbox', { name: 'Lane name' }).press('Enter');
  await laneHeader(page, 'Complaints advisor').waitFor();

  // Rename a step with F2.
  await clickNode(nodeByLabel(page, 'Log complaint'));
  await page.keyboard.press('F2');
  await typeLabel(page, 'Log complaint in CRM');

  // Drag a step into the other lane: it belongs to that lane from then on.
  await waitForStillView(page);
  const reply = nodeByLabel(page, 'Send reply');
  const start = await centre(reply);
  const target = await centre(nodeByLabel(page, 'Call customer'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y + 10, { steps: 3 });
  await page.mouse.move(target.x + 200, target.y, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Complaints advisor');
  await clickNode(nodeByLabel(page, 'Send reply'));
  await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Lane').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe('Complaints advisor');

  await expectAccessible(page);
  await waitSaved(page);
  const url = page.url();
  await page.reload();
  await waitForCanvas(page);
  expect(page.url()).toBe(url);
  for (const l of ['Customer', 'Complaints advisor']) await laneHeader(page, l).waitFor();
  for (const n of ['Complaint arrives', 'Log complaint in CRM', 'Urgent?', 'Send reply', 'Call customer']) await expect.poll(() => nodeByLabel(page, n).count()).toBe(1);
  // Flows, and their labels, are drawn once their nodes are measured.
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  await expect.poll(() => page.locator('.flow-label', { hasText: 'Yes' }).count()).toBe(1);
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Complaints advisor');
  await expect.poll(() => laneOf(page, 'Log complaint in CRM')).toBe('Customer');
  await page.screenshot({ path: 'tests/browser/artifacts/draw-map-after-reload.png' });
  await expect.poll(() => page.getByRole('link', { name: /Complaints: first contact/ }).textContent()).toContain('Student Services');

  // Undo and redo: history is per map and starts fresh after a reload, so make an edit first.
  await clickNode(nodeByLabel(page, 'Send reply'));
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Customer');
  await page.keyboard.press('Control+z');
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Complaints advisor');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Customer');
  await page.keyboard.press('Control+z');
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Complaints advisor');
  await page.keyboard.press('Control+y');
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Customer');
  // The toolbar buttons do the same.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Complaints advisor');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect.poll(() => laneOf(page, 'Send reply')).toBe('Customer');

  expect(errors).toEqual([]);
  await context.close();
});
