import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

const screen = (page: Page) => page.getByRole('main', { name: 'Requirements' });
const PROPOSAL = 'Keep records of prospective students once, shared by Admissions and Marketing';

test('a user takes a finding’s proposal into the requirements, rewrites it, marks it optional, links another finding, exports CSV and finds it after a reload', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/requirements', canvas: false, acceptDownloads: true });
  // The workspace opens and the live analysis runs before the proposals show.
  await screen(page).getByRole('button', { name: `Add requirement: ${PROPOSAL}` }).waitFor({ timeout: 20_000 });
  expect(await screen(page).textContent()).toContain('No requirements yet');

  await screen(page).getByRole('button', { name: `Add requirement: ${PROPOSAL}` }).click();
  const words = screen(page).getByRole('textbox', { name: 'Requirement 1' });
  await expect.poll(() => words.inputValue()).toBe(PROPOSAL);
  // Taken: it leaves the proposals.
  await expect.poll(() => screen(page).getByRole('button', { name: `Add requirement: ${PROPOSAL}` }).count()).toBe(0);

  // Empty words are refused with a message and change nothing.
  await words.fill('   ');
  await words.press('Enter');
  await expect.poll(() => page.getByText('A requirement needs some words').count()).toBeGreaterThan(0);
  // Escape goes back to the words as kept: the proposal, unchanged.
  await words.press('Escape');
  await expect.poll(() => words.inputValue()).toBe(PROPOSAL);

  await words.fill('One record per prospective student, shared by Admissions, Marketing and Registry');
  await words.press('Enter');
  await screen(page).getByRole('combobox', { name: 'Priority of requirement 1' }).selectOption('optional');
  await expect.poll(() => screen(page).getByRole('region', { name: 'Optional requirements' }).count()).toBe(1);
  await screen(page).getByRole('combobox', { name: 'Link another finding to requirement 1' }).selectOption({ label: 'Enquiries spreadsheet is a silo: only Admissions uses it' });
  const linked = screen(page).getByRole('list', { name: 'Findings of requirement 1' });
  await expect.poll(() => linked.textContent()).toContain('Enquiries spreadsheet is a silo');
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/requirements.png' });

  const downloading = page.waitForEvent('download');
  await screen(page).getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/requirements-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split('\r\n')).toEqual([
    'Requirement,Priority,Findings',
    '"One record per prospective student, shared by Admissions, Marketing and Registry",Optional,' +
      'Records of prospective students are kept in 3 stores across 2 departments; Enquiries spreadsheet is a silo: only Admissions uses it',
    '',
  ]);

  await waitSaved(page);
  await page.reload();
  await screen(page).getByRole('textbox', { name: 'Requirement 1' }).waitFor({ timeout: 20_000 });
  await expect.poll(() => screen(page).getByRole('textbox', { name: 'Requirement 1' }).inputValue()).toBe('One record per prospective student, shared by Admissions, Marketing and Registry');
  expect(await screen(page).getByRole('combobox', { name: 'Priority of requirement 1' }).inputValue()).toBe('optional');
  expect(errors).toEqual([]);
  await context.close();
});
