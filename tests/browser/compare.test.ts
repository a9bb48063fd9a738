import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { centre, expectAccessible, openApp, sharedBrowser, steady } from './support/browser';

// The compare screen: two departments' maps side by side (shared catalogue entries in one
// colour, matched steps lighting each other, linked views), picking maps from the map list,
// two versions of one map in colour, and the exported image.

const browser = sharedBrowser();

const pane = (page: Page, letter: string) => page.getByRole('region', { name: new RegExp(`^Map ${letter}:`) });
const node = (where: Locator, label: string) =>
  where.locator('.react-flow__node-shape', { has: where.page().locator('.shape-text', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
/** The colour the outline is drawn in, as the browser computes it. */
const outline = (n: Locator) => n.locator('.shape-svg path').first().evaluate((p) => getComputedStyle(p).stroke);
const isLit = (n: Locator) => n.locator('.shape').evaluate((el) => el.classList.contains('lit'));
/** Whether a node is wholly inside its pane's canvas, as a person would see it. */
async function inView(p: Locator, n: Locator): Promise<boolean> {
  const [box, canvas] = await Promise.all([n.boundingBox(), p.locator('.cmp-canvas').boundingBox()]);
  return !!box && !!canvas && box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
}
const viewport = (p: Locator) => p.locator('.react-flow__viewport').getAttribute('style');
/** The scale in a viewport's transform. */
const scaleOf = (style: string | null) => /scale\(([^)]+)\)/.exec(style ?? '')?.[1];
/** The viewport once it has stopped moving (bringing a step into view takes 250 ms). */
const settledViewport = (p: Locator) => steady(() => viewport(p));

/** A point on the canvas's empty background (not on a node, edge or lane header), where a drag pans. */
async function emptySpot(p: Locator): Promise<{ x: number; y: number }> {
  const spot = await p.locator('.cmp-canvas').evaluate((el) => {
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    for (let y = r.top + r.height * 0.3; y < r.bottom - 20; y += 17) {
      for (let x = r.left + r.width * 0.4; x < r.right - 60; x += 23) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!spot) throw new Error('no empty background on the canvas');
  return spot;
}

async function waitForPanes(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.locator('.cmp-pane .react-flow__nodes').count(), { timeout: 20_000 }).toBe(count);
  for (let i = 0; i < count; i++) await page.locator('.cmp-pane .react-flow__nodes').nth(i).waitFor({ state: 'visible' });
}

test('Admissions and Marketing side by side: shared store in one colour, matched steps light each other, linked views', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/compare/m-adm/m-mkt', canvas: false });
  await waitForPanes(page, 2);
  const a = pane(page, 'A');
  const b = pane(page, 'B');
  expect(await a.getAttribute('aria-label')).toBe('Map A: Admissions: enquiry to offer');

  // The summary counts what a person counts on the demo maps.
  const summary = page.getByRole('table', { name: 'Summary' });
  const row = async (name: string) => (await summary.getByRole('row', { name: new RegExp(`^${name}`) }).locator('td').allTextContents());
  await expect.poll(() => row('Steps')).toEqual(['9', '8']);
  await expect.poll(() => row('Decisions')).toEqual(['2', '2']);
  await expect.poll(() => row('Manual steps')).toEqual(['3', '4']);
  // Both write enquiries into the same spreadsheet: the same customer entered twice.
  const dupes = page.getByRole('table', { name: /Customer data both A and B write/ });
  await expect.poll(() => dupes.getByRole('row').nth(1).textContent()).toMatch(/^Enquiries spreadsheetsame store Enquiries spreadsheetname, e-mail address, phone number, course of interest/);

  // The shared store wears the first entry colour in both maps; a store only Admissions uses is marked so.
  const sheetA = node(a, 'Enquiries spreadsheet');
  const sheetB = node(b, 'Enquiries spreadsheet');
  await expect.poll(() => sheetA.getAttribute('class')).toContain('cmp-shared');
  await expect.poll(() => sheetB.getAttribute('class')).toContain('cmp-shared');
  await expect.poll(() => outline(sheetA)).toBe('rgb(0, 121, 107)');
  await expect.poll(() => outline(sheetB)).toBe('rgb(0, 121, 107)');
  await expect.poll(() => node(a, 'Admissions mailbox').getAttribute('class')).toContain('cmp-only');
  expect(await outline(node(a, 'Admissions mailbox'))).not.toBe('rgb(0, 121, 107)');
  await expect.poll(() => page.getByRole('group', { name: 'Legend' }).getByRole('button', { name: /Enquiries spreadsheet/ }).count()).toBe(1);

  // Selecting the store in A lights it in B; clicking it again lets go.
  await sheetA.click();
  await expect.poll(() => isLit(sheetB)).toBe(true);
  expect(await page.getByRole('button', { name: /Enquiries spreadsheet/ }).getAttribute('aria-pressed')).toBe('true');
  await sheetA.click();
  await expect.poll(() => isLit(sheetB)).toBe(false);

  // Hovering a step lights its counterpart in the other map.
  const logA = node(a, 'Log enquiry in spreadsheet');
  const leadsB = node(b, 'Add leads to enquiries spreadsheet');
  await expect.poll(() => logA.getAttribute('class')).toContain('cmp-matched');
  expect(await isLit(leadsB)).toBe(false);
  await logA.hover();
  await expect.poll(() => isLit(leadsB)).toBe(true);
  expect(await isLit(node(b, 'Send campaign e-mail'))).toBe(false);
  await page.getByRole('heading', { name: 'Compare maps' }).hover();
  await expect.poll(() => isLit(leadsB)).toBe(false);
  // The lists below say the same, and name what only one map does; focusing a name lights its node.
  const onlyA = page.getByRole('region', { name: 'Only in A' });
  expect(await onlyA.textContent()).toContain('Chase missing documents');
  await onlyA.getByRole('button', { name: 'Chase missing documents' }).focus();
  await expect.poll(() => isLit(node(a, 'Chase missing documents'))).toBe(true);
  await onlyA.getByRole('button', { name: 'Chase missing documents' }).blur();
  expect(await page.getByRole('region', { name: 'Only in B' }).textContent()).toContain('Run open day');

  await page.screenshot({ path: 'tests/browser/artifacts/compare-maps.png' });
  await page.locator('.cmp-grid').evaluate((el) => el.scrollIntoView());
  await logA.hover();
  await expect.poll(() => isLit(leadsB)).toBe(true);
  await page.screenshot({ path: 'tests/browser/artifacts/compare-maps-canvases.png' });
  // Clicking the step brings its counterpart into view in B; A stays where it is.
  const aView = await settledViewport(a);
  const bScale = scaleOf(await settledViewport(b));
  await logA.click();
  await expect.poll(() => inView(b, leadsB)).toBe(true);
  // The move keeps B's zoom; on the way it zooms out a little, so the same scale means it has arrived.
  await expect.poll(async () => scaleOf(await viewport(b))).toBe(bScale);
  await settledViewport(b);
  expect(await viewport(a)).toBe(aView);
  await page.mouse.move(5, 5);
  await expect.poll(() => isLit(leadsB)).toBe(false);

  // Views are apart: zooming A leaves B where it was.
  const link = page.getByRole('checkbox', { name: 'Link views' });
  expect(await link.isChecked()).toBe(false);
  const bBefore = await settledViewport(b);
  const aUnzoomed = await settledViewport(a);
  const spot = await centre(a.locator('.cmp-canvas'));
  await page.mouse.move(spot.x, spot.y + 120);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => viewport(a)).not.toBe(aUnzoomed);
  await settledViewport(a);
  expect(await viewport(b)).toBe(bBefore);
  // Linked: B takes A's view at once, and then follows a pan of A by drag.
  await link.check();
  const aZoomed = await viewport(a);
  await expect.poll(() => viewport(b)).toBe(aZoomed);
  const aBefore = aZoomed;
  const bare = await emptySpot(a);
  await page.mouse.move(bare.x, bare.y);
  await page.mouse.down();
  await page.mouse.move(bare.x - 120, bare.y - 40, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => viewport(a)).not.toBe(aBefore);
  const aPanned = await settledViewport(a);
  await expect.poll(() => viewport(b)).toBe(aPanned);
  // Unlinked again: B stays put.
  await link.uncheck();
  const bLinked = await viewport(b);
  await page.mouse.move(spot.x, spot.y + 120);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => viewport(a)).not.toBe(bLinked);
  expect(await viewport(b)).toBe(bLinked);

  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('pick two maps in the map list; a system both use through different stores shares one colour', async () => {
  const { page, context } = await openApp(browser());
  const list = page.getByRole('complementary', { name: 'Maps' });
  await list.getByRole('button', { name: 'Compare', exact: true }).click();
  await list.getByRole('checkbox', { name: /^Compare Admissions/ }).check();
  const go = list.getByRole('button', { name: 'Compare maps' });
  expect(await go.isDisabled()).toBe(true);
  await list.getByRole('checkbox', { name: /^Compare Alumni/ }).press('Space');
  await page.screenshot({ path: 'tests/browser/artifacts/compare-pick.png', clip: { x: 0, y: 0, width: 420, height: 560 } });
  await expectAccessible(page);
  await list.getByRole('button', { name: 'Compare 2 maps' }).click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/compare/m-adm/m-alu');
  await waitForPanes(page, 2);
  expect(await page.locator('.topbar a[aria-current="page"]').textContent()).toBe('Compare');

  // Both mailboxes live in Microsoft 365 mail: one colour, and a different one for the shared SITS store.
  const mbxA = node(pane(page, 'A'), 'Admissions mailbox');
  const mbxB = node(pane(page, 'B'), 'Alumni shared mailbox');
  const sitsA = node(pane(page, 'A'), 'Applicant records (SITS)');
  await expect.poll(() => mbxA.getAttribute('class')).toContain('cmp-shared');
  expect(await outline(mbxA)).toBe(await outline(mbxB));
  expect(await outline(sitsA)).not.toBe(await outline(mbxA));
  expect(await mbxA.getAttribute('aria-label')).toMatch(/shared with B: Microsoft 365 mail \(Outlook\)/);
  // Picked by keyboard on the map (focus, Enter), the system lights both mailboxes; the legend says so and lets go.
  await mbxA.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => isLit(mbxB)).toBe(true);
  expect(await isLit(mbxA)).toBe(true);
  const entry = page.getByRole('group', { name: 'Legend' }).getByRole('button', { name: /Microsoft 365 mail/ });
  expect(await entry.getAttribute('aria-pressed')).toBe('true');
  await entry.click();
  await expect.poll(() => isLit(mbxB)).toBe(false);

  // Swapping map B by its list box rewrites the address.
  await page.getByRole('combobox', { name: 'Map B' }).selectOption('m-mkt');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/compare/m-adm/m-mkt');
  await expect.poll(() => pane(page, 'B').getAttribute('aria-label')).toBe('Map B: Marketing: campaign to enquiry');
  await context.close();
});

test('a map that is not there is named, and nothing else is drawn', async () => {
  const { page, context } = await openApp(browser(), { path: '#/compare/m-adm/no-such-map', canvas: false });
  await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('no map with the id “no-such-map”');
  await expect.poll(() => page.locator('.cmp-pane').count()).toBe(0);
  await context.close();
});

test('two versions of one map: added, removed and changed in colour; export makes one image', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-adm', acceptDownloads: true });
  // The "older version": Chase missing documents did not exist yet, a step since deleted did,
  // and the first step had another label.
  await page.evaluate(() => {
    const hook = (window as unknown as { __lanemapCompare: { currentMap: (id: string) => unknown; openVersionCompare: (a: unknown, b: unknown) => void } }).__lanemapCompare;
    const current = hook.currentMap('m-adm') as { nodes: { id: string; label: string; laneId: string; kind: string }[]; flows: { id: string; from: string; to: string }[]; view: { nodes: Record<string, unknown> }; updatedAt: string };
    const older = structuredClone(current);
    older.updatedAt = '2024-03-01T10:00:00.000Z';
    older.nodes = older.nodes.filter((n) => n.id !== 'n-adm-6');
    older.flows = older.flows.filter((f) => f.from !== 'n-adm-6' && f.to !== 'n-adm-6');
    const first = older.nodes.find((n) => n.id === 'n-adm-2')!;
    first.label = 'Log enquiry in Excel';
    older.nodes.push({ id: 'n-old', kind: 'step', laneId: first.laneId, label: 'Print enquiry' });
    older.view.nodes['n-old'] = { x: 900, y: 660, width: 150, height: 64 };
    hook.openVersionCompare(older, current);
  });
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/compare\/m-adm@2024-03-01T10%3A00%3A00\.000Z\/m-adm$/);
  await waitForPanes(page, 2);
  const a = pane(page, 'A');
  const b = pane(page, 'B');
  await expect.poll(() => a.textContent()).toContain('version of');

  const added = node(b, 'Chase missing documents');
  const removed = node(a, 'Print enquiry');
  await expect.poll(() => added.getAttribute('class')).toContain('cmp-added');
  await expect.poll(() => outline(added)).toBe('rgb(46, 125, 50)');
  await expect.poll(() => removed.getAttribute('class')).toContain('cmp-removed');
  await expect.poll(() => outline(removed)).toBe('rgb(198, 40, 40)');
  const oldLabel = node(a, 'Log enquiry in Excel');
  const newLabel = node(b, 'Log enquiry in spreadsheet');
  await expect.poll(() => oldLabel.getAttribute('class')).toContain('cmp-changed');
  await expect.poll(() => outline(newLabel)).toBe('rgb(138, 83, 0)');
  // Unchanged nodes keep the editor's colours; the new flows are drawn green.
  expect(await node(b, 'Reply with prospectus').getAttribute('class')).not.toMatch(/cmp-/);
  // Flows are drawn once their nodes are measured: wait for A's too before counting none green.
  await expect.poll(() => b.locator('.react-flow__edge.cmp-added').count()).toBe(2);
  await expect.poll(() => a.locator('.react-flow__edge').count()).toBeGreaterThan(0);
  await expect.poll(() => a.locator('.react-flow__edge.cmp-added').count()).toBe(0);
  // Matched by id: pointing at the old label lights the new one.
  await oldLabel.hover();
  await expect.poll(() => isLit(newLabel)).toBe(true);
  const changes = page.getByRole('region', { name: 'Changes between the versions' });
  await expect.poll(() => changes.getByRole('region', { name: 'added' }).textContent()).toContain('Chase missing documents');
  await expect.poll(() => changes.getByRole('region', { name: 'changed' }).textContent()).toContain('label was “Log enquiry in Excel”');
  await page.getByRole('heading', { name: 'Compare maps' }).hover();
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/compare-versions.png' });
  await page.locator('.cmp-grid').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: 'tests/browser/artifacts/compare-versions-canvases.png' });

  // The export: one PNG, the maps stacked full width under the summary.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Export comparison' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Admissions-enquiry-to-offer-versions-\d{4}-\d\d-\d\d\.png$/);
  const file = 'tests/browser/artifacts/compare-export.png';
  await download.saveAs(file);
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(width).toBeGreaterThanOrEqual(2400);
  expect(height).toBeGreaterThan(width / 2);
  // Afterwards the screen is as it was: side by side again.
  await expect.poll(() => page.locator('.cmp-exporting').count()).toBe(0);
  await context.close();
});
