import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickNode, nodeByLabel, openApp, sharedBrowser, steady } from './support/browser';

// Presentation mode follows the step being typed: steps added one after another run off the
// right edge of a 1366 px projector window, and the view pans to each, at a readable zoom.

const browser = sharedBrowser();

/** The node's box and the canvas's on screen, and the zoom (labels are 13 px and more at 1x). */
const where = (page: Page, label: string) =>
  page.evaluate((label) => {
    const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
    const node = [...document.querySelectorAll('.react-flow__node-shape')].find((n) => n.querySelector('.shape-text')?.textContent === label);
    const box = node?.getBoundingClientRect();
    const text = node?.querySelector('.shape-line')?.getBoundingClientRect();
    return {
      inside: !!box && box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom,
      // A line's height on screen is its font size times 1.2.
      textPx: text ? text.height / 1.2 : 0,
    };
  }, label);

test('presenting, each step typed after the last is brought into view, its text 16 px or more', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  await clickNode(nodeByLabel(page, 'Forward to Registry'));
  await page.keyboard.press('p');
  await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(false);
  const names = ['Check the form', 'Ask for missing grades', 'Enter the grades', 'Send to the tutor', 'Book an interview', 'Write the offer letter', 'Post the offer'];
  for (const name of names) {
    await page.keyboard.press('s');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeByLabel(page, name).count()).toBe(1);
    const seen = await steady(() => where(page, name));
    expect(seen.inside, `${name} in view`).toBe(true);
    expect(seen.textPx).toBeGreaterThanOrEqual(16);
  }
  // Renamed with Enter: the longer label is still in view.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Post the offer letter and the accommodation forms to the applicant by first-class mail');
  await page.keyboard.press('Enter');
  const renamed = await steady(() => where(page, 'Post the offer letter and the accommodation forms to the applicant by first-class mail'));
  expect(renamed.inside).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test('presenting, the step list opened beside the canvas: the last step applied is brought into view', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('p');
  await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(false);
  await page.keyboard.press('Shift+S');
  const list = page.getByRole('textbox', { name: 'Step list' });
  await expect.poll(() => list.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nRegistry applications team: Check the enrolment\nRegistry applications team: Issue the student card\nRegistry applications team: Archive the file');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => nodeByLabel(page, 'Archive the file').count()).toBe(1);
  const seen = await steady(() => where(page, 'Archive the file'));
  expect(seen.inside).toBe(true);
  expect(seen.textPx).toBeGreaterThanOrEqual(16);
  expect(errors).toEqual([]);
  await context.close();
});
