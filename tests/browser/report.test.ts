import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();
const ARTIFACTS = 'tests/browser/artifacts';

test('a user names the workspace in the report’s cover details, looks at the preview, and the Word file carries the name, not the demo’s', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-reg', acceptDownloads: true });
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^Report \(\.docx\)/ }).check();

  // The cover's details are the workspace's: renaming here renames the workspace.
  const name = dialog.getByRole('textbox', { name: 'Title (workspace name)' });
  await expect.poll(() => name.inputValue()).toBe('University CRM (demo)');
  await name.fill('International Office CRM review');
  await name.press('Enter');
  await dialog.getByRole('textbox', { name: 'Organisation' }).fill('University of Example');
  await dialog.getByRole('textbox', { name: 'Prepared by' }).fill('J. Analyst');
  await dialog.getByRole('combobox', { name: 'Status' }).selectOption('review');
  await dialog.getByRole('radio', { name: 'US Letter' }).check();
  await dialog.getByRole('button', { name: 'Preview the first pages' }).click();
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await expect.poll(() => preview.locator('h1').textContent(), { timeout: 20_000 }).toBe('International Office CRM review');
  expect(await preview.locator('.cover').textContent()).toContain('University of Example');
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/report-dialog.png` });

  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(dl.suggestedFilename()).toBe(`International-Office-CRM-review-report-${new Date().toISOString().slice(0, 10)}.docx`);
  const zip = await JSZip.loadAsync(await readFile((await dl.path())!));
  const body = await zip.file('word/document.xml')!.async('string');
  expect(body).toContain('International Office CRM review');
  expect(body).toContain('University of Example');
  expect(body).toContain('For review');
  expect(body).toContain('w:w="12240"');
  const text = (await Promise.all(Object.keys(zip.files).filter((n) => /\.(xml|svg)$/.test(n)).map((n) => zip.file(n)!.async('string')))).join('');
  expect(text).not.toMatch(/demo/i);

  // The new name is the workspace's, kept after a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export' }).getByRole('radio', { name: /^Report \(\.docx\)/ }).check();
  await expect.poll(() => page.getByRole('dialog', { name: 'Export' }).getByRole('textbox', { name: 'Title (workspace name)' }).inputValue()).toBe('International Office CRM review');
  expect(errors).toEqual([]);
  await context.close();
});
