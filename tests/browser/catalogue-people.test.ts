import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitSaved } from './support/browser';

// A data store's people and sensitive fields in the catalogue: whose records it holds (with
// suggestions), fields marked sensitive by the user, those sensitive by nature ticked and
// fixed; both kept after a reload.

const browser = sharedBrowser();
const row = (page: Page, name: string) => page.locator('tr', { has: page.getByRole('textbox', { name: `Name of ${name}`, exact: true }) });

test('say whose records a store holds and mark a field sensitive; both survive a reload', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Catalogue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
  const enq = row(page, 'Enquiries spreadsheet');
  const people = enq.getByRole('combobox', { name: 'Whose records Enquiries spreadsheet holds' });
  await people.fill('applicants');
  await people.press('Enter');
  const sensitive = enq.getByRole('list', { name: 'Sensitive fields of Enquiries spreadsheet' });
  const course = sensitive.getByRole('checkbox', { name: 'Course of interest' });
  expect(await course.isChecked()).toBe(false);
  await course.check();
  await expect.poll(() => course.isChecked()).toBe(true);
  // A date of birth is sensitive whatever the user says: ticked, and cannot be unticked.
  const sits = row(page, 'Applicant and student records').getByRole('list', { name: 'Sensitive fields of Applicant and student records' });
  const dob = sits.getByRole('checkbox', { name: 'Date of birth' });
  expect(await dob.isChecked()).toBe(true);
  expect(await dob.isDisabled()).toBe(true);
  expect(await sits.getByRole('checkbox', { name: 'Course', exact: true }).isChecked()).toBe(false);
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
  await expect.poll(() => row(page, 'Enquiries spreadsheet').getByRole('combobox', { name: 'Whose records Enquiries spreadsheet holds' }).inputValue()).toBe('applicants');
  expect(await row(page, 'Enquiries spreadsheet').getByRole('checkbox', { name: 'Course of interest' }).isChecked()).toBe(true);
  await row(page, 'Enquiries spreadsheet').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/browser/artifacts/catalogue-people.png' });
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});
