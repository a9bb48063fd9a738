import { expect, test } from 'vitest';
import { expectAccessible, nodeByLabel, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

const LIST = [
  'Enquiries officer: Log enquiry [SITS, Enquiry spreadsheet]',
  'Check details',
  '? Complete?',
  '  Yes: Send prospectus',
  '  No: Applicant: Supply missing details',
  '    -> Check details',
  'Admissions: Make offer [SITS, Offer letters file]',
].join('\n');

test('a step list typed beside the canvas builds the map, and one Ctrl+Z takes it all back', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'New map', exact: true }).click();
  await page.keyboard.type('International enquiries');
  await page.keyboard.press('Enter');
  await page.locator('.empty-hint').waitFor();

  // The toolbar's key opens the panel with the box focused.
  await page.keyboard.press('Shift+S');
  const box = page.getByRole('textbox', { name: 'Step list' });
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);

  // A line without a lane: nothing is applied, and the line is named.
  await page.keyboard.type('Log enquiry');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.getByRole('list', { name: 'Lines to fix' }).textContent()).toMatch(/^Line 1: Say whose step this is/);
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBe(0);

  await box.fill('');
  await page.keyboard.type(LIST);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();

  // 6 steps and decisions, SITS and the spreadsheet from the catalogue, a new paper file.
  await expect.poll(() => page.locator('.react-flow__node-shape').count(), { timeout: 20_000 }).toBe(9);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(10);
  expect(await page.locator('.react-flow__node-lane .lane-name').allTextContents()).toEqual(['Enquiries officer', 'Applicant', 'Admissions']);
  for (const label of ['Log enquiry', 'Complete?', 'Supply missing details', 'Make offer', 'Student records system (SITS)', 'Enquiries spreadsheet', 'Offer letters file']) {
    expect(await nodeByLabel(page, label).count(), label).toBe(1);
  }
  await expect.poll(() => page.locator('.react-flow__edge[aria-label="sequence flow “Yes”"]').count()).toBe(1);
  // Into the Admissions lane (the Admissions department): a hand-off.
  await expect.poll(() => page.locator('.react-flow__edge.flow-message').count()).toBe(1);
  await expect.poll(() => page.locator('.react-flow__edge.flow-data').count()).toBe(4);
  // Laid out by the auto layout: no two nodes overlap.
  const overlaps = await page.evaluate(() => {
    const r = [...document.querySelectorAll('.react-flow__node-shape')].map((e) => e.getBoundingClientRect());
    let n = 0;
    for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) if (r[i]!.left < r[j]!.right && r[j]!.left < r[i]!.right && r[i]!.top < r[j]!.bottom && r[j]!.top < r[i]!.bottom) n++;
    return n;
  });
  expect(overlaps).toBe(0);
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Applied' }).count()).toBe(1);
  await page.screenshot({ path: 'tests/browser/artifacts/step-list.png' });
  await expectAccessible(page);

  // The applied text holds nothing unsaved, so Ctrl+Z in the box undoes the whole apply.
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBe(0);
  await expect.poll(() => page.locator('.react-flow__node-lane').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('the step list of a drawn map is written from it, and applying it unchanged changes nothing', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  const before = await page.locator('.react-flow__node-shape').count();
  await page.getByRole('button', { name: 'Step list', exact: true }).click();
  const box = page.getByRole('textbox', { name: 'Step list' });
  await expect.poll(() => box.inputValue()).toMatch(/^[^\n]+: .+/);
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'The map already says this.' }).count()).toBe(1);
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBe(before);
  expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
