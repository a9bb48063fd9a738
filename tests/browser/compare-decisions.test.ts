import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitSaved } from './support/browser';

// Deciding matches on the compare screen: both maps open whole in their panes; the user
// confirms a match, matches two steps by hand and unmatches a wrong pair, and all three are
// still there after a reload (kept in the workspace); undoing a "not the same" lets the
// matcher decide again.

const browser = sharedBrowser();

const pane = (page: Page, letter: string) => page.getByRole('region', { name: new RegExp(`^Map ${letter}:`) });

async function waitForPanes(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.cmp-pane .react-flow__nodes').count(), { timeout: 20_000 }).toBe(2);
  for (let i = 0; i < 2; i++) await page.locator('.cmp-pane .react-flow__nodes').nth(i).waitFor({ state: 'visible' });
}

/** How many of the pane's nodes lie wholly inside its canvas, and how many it has. */
function fitted(p: Locator): Promise<{ inside: number; all: number }> {
  return p.evaluate((el) => {
    const canvas = el.querySelector('.cmp-canvas')!.getBoundingClientRect();
    const nodes = [...el.querySelectorAll('.react-flow__node-shape')].map((n) => n.getBoundingClientRect());
    const inside = nodes.filter((r) => r.width > 0 && r.left >= canvas.left - 1 && r.top >= canvas.top - 1 && r.right <= canvas.right + 1 && r.bottom <= canvas.bottom + 1);
    return { inside: inside.length, all: nodes.length };
  });
}

const matches = (page: Page) => page.getByRole('region', { name: 'Matched steps, A and B' });
/** The row of the matched table naming a step of A, as its cells' text. */
const row = (page: Page, stepA: string) => matches(page).getByRole('row').filter({ has: page.getByRole('button', { name: stepA, exact: true }) });

async function matchByHand(page: Page, a: string, b: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Match two steps of A and B by hand' });
  await form.getByRole('combobox', { name: 'Step of A' }).selectOption({ label: a });
  await form.getByRole('combobox', { name: 'is the same as B’s' }).selectOption({ label: b });
  await form.getByRole('button', { name: 'Match by hand' }).click();
  await expect.poll(() => row(page, a).count()).toBe(1);
}

test('confirm, match by hand and unmatch on the compare screen; all three survive a reload', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/compare/m-adm/m-mkt', canvas: false });
  await waitForPanes(page);
  // Both maps open whole: every shape inside its pane.
  for (const letter of ['A', 'B']) {
    await expect.poll(async () => { const f = await fitted(pane(page, letter)); return f.all > 0 && f.inside === f.all; }, { timeout: 20_000 }).toBe(true);
  }

  // The matcher's pair, with how sure it is and why.
  const log = row(page, 'Log enquiry in spreadsheet');
  await expect.poll(() => log.textContent()).toMatch(/\d+% sure.*both use Enquiries spreadsheet/);
  await log.getByRole('button', { name: /^Confirm the match of “Log enquiry in spreadsheet” and “Add leads to enquiries spreadsheet”/ }).click();
  await expect.poll(() => log.textContent()).toContain('Confirmed');
  await expect.poll(() => log.getByRole('button', { name: /^Confirm/ }).count()).toBe(0);

  await matchByHand(page, 'Reply with prospectus', 'Send campaign e-mail');
  expect(await row(page, 'Reply with prospectus').textContent()).toContain('By hand');
  // A wrong pair made by hand, then unmatched: it goes to "Not the same", both steps back in the only-in lists.
  await matchByHand(page, 'Send regret e-mail', 'Reads e-mail');
  await row(page, 'Send regret e-mail').getByRole('button', { name: 'Unmatch “Send regret e-mail” and “Reads e-mail”' }).click();
  await expect.poll(() => row(page, 'Send regret e-mail').count()).toBe(0);
  const apart = () => matches(page).getByRole('listitem').filter({ hasText: 'Send regret e-mail ≠ Reads e-mail' });
  await expect.poll(() => apart().count()).toBe(1);
  await expect.poll(() => page.getByRole('region', { name: 'Only in A' }).textContent()).toContain('Send regret e-mail');
  // Matched steps light as matched on the canvas too.
  const replyNode = pane(page, 'A').locator('.react-flow__node-shape', { hasText: 'Reply with prospectus' });
  await expect.poll(() => replyNode.getAttribute('class')).toContain('cmp-matched');

  await waitSaved(page);
  await page.reload();
  await waitForPanes(page);
  await expect.poll(() => row(page, 'Log enquiry in spreadsheet').textContent(), { timeout: 20_000 }).toContain('Confirmed');
  expect(await row(page, 'Reply with prospectus').textContent()).toContain('By hand');
  await expect.poll(() => row(page, 'Send regret e-mail').count()).toBe(0);
  await expect.poll(() => apart().count()).toBe(1);
  for (const letter of ['A', 'B']) {
    await expect.poll(async () => { const f = await fitted(pane(page, letter)); return f.all > 0 && f.inside === f.all; }, { timeout: 20_000 }).toBe(true);
  }
  await matches(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/browser/artifacts/compare-decisions.png', fullPage: true });
  await expectAccessible(page);

  // Undo "not the same": the matcher decides again (it does not pair these two).
  await apart().getByRole('button', { name: /^Let the matcher decide again/ }).click();
  await expect.poll(() => apart().count()).toBe(0);
  await expect.poll(() => row(page, 'Send regret e-mail').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
