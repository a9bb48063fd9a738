import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickNode, expectAccessible, nodeByLabel, openApp, relabelNode, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

// Comments on a step, as a workshop uses them: a question typed while people talk (Ctrl+Enter),
// signed with the name asked for once; an answer; the thread resolved; the map's list of
// commented steps leading back to the step; undo; kept after a reload; one comment deleted.

const STEP = 'Reply with prospectus';
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const thread = (page: Page) => inspector(page).locator('.step-comments');
const said = (page: Page) => thread(page).locator('.comment-list li').allTextContents();

test('comment on a step, answer, resolve, find it from the map, undo, reload, delete', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.clock.install({ time: new Date('2026-12-06T10:00:00Z') });
  await clickNode(nodeByLabel(page, STEP));
  const box = inspector(page).getByRole('textbox', { name: 'Add a comment' });
  // C, from the canvas: the comment box takes the typing.
  await page.keyboard.press('c');
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('Who sends the prospectus when the office is closed?');
  await page.keyboard.press('Control+Enter');
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await ask.getByRole('textbox', { name: 'Name' }).fill('Ana Silva');
  await ask.getByRole('button', { name: 'Save name' }).click();
  await expect.poll(() => said(page)).toEqual(['Ana Silva, 6 December 2026DeleteWho sends the prospectus when the office is closed?']);
  await expect.poll(() => box.inputValue()).toBe('');
  await expect.poll(() => thread(page).getByRole('heading').textContent()).toBe('Comments (1, open)');
  // The step shows on the map that it has comments.
  const mark = nodeByLabel(page, STEP).locator('.badge-comments');
  await expect.poll(() => mark.textContent()).toBe('1');

  // The answer: the name is not asked again.
  await box.fill('Nobody: it waits until Monday.');
  await inspector(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect.poll(async () => (await said(page)).length).toBe(2);
  expect(await ask.isVisible()).toBe(false);
  await inspector(page).getByRole('button', { name: 'Resolve' }).click();
  await expect.poll(() => thread(page).getByRole('heading').textContent()).toBe('Comments (2, resolved)');
  await expect.poll(() => mark.getAttribute('class')).toBe('badge-comments resolved');
  expect(await mark.textContent()).toBe('2');
  // Said to a screen reader too, in the step's accessible name.
  expect(await page.getByRole('group', { name: `Step: ${STEP}, 2 comments (resolved)` }).count()).toBe(1);
  const at = (await nodeByLabel(page, STEP).boundingBox())!;
  await page.screenshot({ path: 'tests/browser/artifacts/comments-mark.png', clip: { x: at.x - 30, y: at.y - 30, width: at.width + 60, height: at.height + 60 } });
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/comments.png' });

  // Nothing selected: the map lists its commented steps; choosing one selects it.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const list = inspector(page).locator('.map-comments');
  await expect.poll(() => list.getByRole('heading').textContent()).toBe('Comments: 0 open, 1 resolved');
  await list.getByRole('button', { name: STEP }).click();
  await expect.poll(() => inspector(page).getByRole('textbox', { name: 'Label' }).inputValue()).toBe(STEP);

  // Undo takes back the resolve, then the answer.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => list.getByRole('heading').textContent()).toBe('Comments: 1 open, 0 resolved');
  await page.keyboard.press('Control+z');
  await clickNode(nodeByLabel(page, STEP));
  await expect.poll(async () => (await said(page)).length).toBe(1);

  // Kept after a reload; a comment deleted is gone, and with it the thread.
  await waitSaved(page);
  await page.reload();
  await clickNode(nodeByLabel(page, STEP));
  await expect.poll(() => said(page)).toEqual(['Ana Silva, 6 December 2026DeleteWho sends the prospectus when the office is closed?']);
  await inspector(page).getByRole('button', { name: /^Delete comment by Ana Silva/ }).click();
  await expect.poll(async () => (await said(page)).length).toBe(0);
  await expect.poll(() => thread(page).getByRole('heading').textContent()).toBe('Comments');
  await expect.poll(() => nodeByLabel(page, STEP).locator('.badge-comments').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('after commenting with C, selecting another step and pressing F2 types into its label, not into a comment box', async () => {
  const { page, context, errors } = await openApp(browser());
  await clickNode(nodeByLabel(page, STEP));
  await page.keyboard.press('c');
  await page.keyboard.type('Is this sent by post too?');
  await page.keyboard.press('Control+Enter');
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await ask.getByRole('textbox', { name: 'Name' }).fill('Ana Silva');
  await ask.getByRole('button', { name: 'Save name' }).click();
  await expect.poll(() => said(page)).toHaveLength(1);
  await relabelNode(page, 'Sends application', 'Applies online');
  expect(await inspector(page).getByRole('textbox', { name: 'Add a comment' }).inputValue()).toBe('');
  expect(errors).toEqual([]);
  await context.close();
});
