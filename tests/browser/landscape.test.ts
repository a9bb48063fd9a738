import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { demoDepartments } from '../../src/core/demo/demoCatalogue';
import { APP_URL, dismissToasts, expectAccessible, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

const matrix = (page: Page) => page.getByRole('table', { name: /^Customer data by department/ });
const columnNames = (table: Locator) => table.locator('thead th[scope="col"] .ls-col-name').allTextContents();
const rowNames = (table: Locator) => table.locator('tbody th[scope="row"]').allTextContents();
/** Each department's marks, left to right, as shown ('' for an empty cell). */
const rowMarks = (table: Locator, dept: string) =>
  table
    .locator('tbody tr', { has: table.page().getByRole('rowheader', { name: dept, exact: true }) })
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => td.querySelector('.ls-mark')?.textContent ?? ''));
const header = (table: Locator, name: string) => table.locator('thead th[scope="col"]', { has: table.page().locator('.ls-col-name', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });

/** RFC 4180, enough for the app's own CSV: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      row.push(field);
      field = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

test('the demo landscape: departments by systems, C and R, silos flagged; CSV and copy match the table; live', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/landscape', acceptDownloads: true, canvas: false });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_URL });
  await page.getByRole('heading', { level: 1, name: 'Landscape' }).waitFor();
  await expect.poll(() => page.getByRole('main', { name: 'Landscape' }).count()).toBe(1);
  expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Landscape' }).getAttribute('aria-current')).toBe('page');
  expect(await page.locator('.ls-intro').textContent()).toMatch(/C creates or writes.*R reads/);

  const table = matrix(page);
  expect(await rowNames(table)).toEqual(demoDepartments.map((d) => d.name));
  const columns = await columnNames(table);
  expect(columns).toContain("Raiser's Edge");
  expect(columns).toContain('Enquiries spreadsheet');
  // Systems first, then standalone stores, each group under its own header.
  expect(await table.locator('thead th[scope="colgroup"]').allTextContents()).toEqual(['Systems', 'Standalone data stores']);
  expect(await header(table, "Raiser's Edge").locator('.ls-col-kind').textContent()).toBe('application');

  // Marks: Registry creates and reads student records; Finance only reads Raiser's Edge.
  const marks = new Map<string, string[]>();
  for (const d of demoDepartments) marks.set(d.name, await rowMarks(table, d.name));
  const all = [...marks.values()].flat();
  expect(all).toContain('C');
  expect(all).toContain('R');
  expect(marks.get('Registry')![columns.indexOf('Student records system (SITS)')]).toBe('CR');
  expect(marks.get('Finance')![columns.indexOf("Raiser's Edge")]).toBe('R');
  // Screen readers hear words, not letters.
  const registry = table.getByRole('row', { name: /^Registry/ });
  await expect.poll(() => registry.getByRole('cell', { name: 'creates and reads' }).count()).toBeGreaterThan(0);

  // The Alumni database is a silo: a word in its header (not colour alone), and the key says what it means.
  const alumniDb = header(table, 'Alumni database (Access)');
  expect(await alumniDb.locator('.ls-flag').allTextContents()).toContain('Silo');
  expect(await alumniDb.getAttribute('class')).toContain('ls-silo');
  await expect.poll(() => header(table, 'Online giving page').locator('.ls-flag').count()).toBe(0);
  expect(await page.getByRole('list', { name: 'Key' }).textContent()).toMatch(/Silo.*Duplicate data/);

  // Download CSV: a dated, safe name, and the same header and rows as the table.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^University-CRM-demo-landscape-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''));
  expect(csv[0]).toEqual(['Department', ...columns]);
  for (const d of demoDepartments) expect(csv.find((r) => r[0] === d.name)).toEqual([d.name, ...marks.get(d.name)!]);
  const flags = csv.find((r) => r[0] === 'Highlights')!;
  expect(flags[columns.indexOf('Alumni database (Access)') + 1]).toContain('silo');

  // Copy table: tab-separated, the same cells.
  await page.getByRole('button', { name: 'Copy table' }).click();
  await expect.poll(() => page.locator('.toasts').textContent()).toContain('Copied the table');
  const tsv = (await page.evaluate(() => navigator.clipboard.readText())).split(/\r?\n/).map((l) => l.split('\t'));
  expect(tsv[0]).toEqual(['Department', ...columns]);
  expect(tsv.find((r) => r[0] === 'Registry')).toEqual(['Registry', ...marks.get('Registry')!]);

  // A refused clipboard is said plainly.
  await page.evaluate(() => {
    const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { write: refuse, writeText: refuse } });
  });
  await page.getByRole('button', { name: 'Copy table' }).click();
  await expect.poll(() => page.locator('.toasts').textContent()).toContain('would not let Lanemap copy');

  await dismissToasts(page);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/landscape.png' });

  // Live: deleting the fundraising map takes away the rows of Fundraising and of Finance (whose
  // only lane is on it: neither has a map or step left) and ends the paper files' silo; Undo brings them back.
  const fundraising = 'Fundraising (Development)';
  await page.getByRole('button', { name: 'Delete Fundraising: donation to thank-you' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete map' }).click();
  await expect.poll(() => rowNames(table)).toEqual(demoDepartments.map((d) => d.name).filter((n) => n !== fundraising && n !== 'Finance'));
  expect(await header(table, 'Paper donor files').locator('.ls-flag').allTextContents()).not.toContain('Silo');
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Landscape' }).count()).toBe(1);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => rowMarks(table, fundraising)).toEqual(marks.get(fundraising));
  expect(await header(table, 'Paper donor files').locator('.ls-flag').allTextContents()).toContain('Silo');

  // Narrow window: the matrix scrolls sideways inside the main area, the department column stays put.
  await page.setViewportSize({ width: 1000, height: 700 });
  const scroller = page.getByRole('region', { name: 'Landscape matrix' });
  await expect.poll(() => scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const rowHeader = table.getByRole('rowheader', { name: 'Registry' });
  const before = (await rowHeader.boundingBox())!.x;
  await scroller.evaluate((el) => el.scrollTo({ left: 400 }));
  expect((await rowHeader.boundingBox())!.x).toBe(before);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  expect(errors).toEqual([]);
  await context.close();
});

test('no marks yet: a note; an empty workspace: a helpful message instead of a table', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/landscape', canvas: false });
  await page.getByRole('heading', { level: 1, name: 'Landscape' }).waitFor();
  // Without maps no department takes part: the departments left in the list have no row, and the hint says so.
  const names = await page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').allTextContents();
  for (const name of names) {
    await page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete map' }).click();
  }
  await expect.poll(() => page.locator('.ls-empty').textContent()).toContain('no department has a map');
  await expect.poll(() => matrix(page).count()).toBe(0);
  // A department with a map but no step reading or writing a store: the table stays, with a note why it is blank.
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Blank');
  await page.getByRole('dialog').getByRole('combobox', { name: 'Department' }).selectOption({ label: 'Registry' });
  await page.getByRole('dialog').getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Landscape' }).click();
  await expect.poll(() => page.getByRole('note').textContent()).toContain('No step reads or writes');
  expect(await rowNames(matrix(page))).toEqual(['Registry']);
  await expect.poll(() => matrix(page).locator('.ls-mark').count()).toBe(0);

  // A workspace with no departments and no catalogue: a message that says where to start, and nothing to export.
  const empty = join(tmpdir(), 'lanemap-empty-landscape.json');
  const bundle = { format: 'lanemap.workspace', schemaVersion: 1, workspace: { id: 'w-empty', name: 'Empty' }, departments: [], systems: [], dataStores: [], maps: [] };
  await writeFile(empty, JSON.stringify(bundle));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(empty);
  await page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Open as a new workspace' }).click();
  // Importing opens the new workspace's first map (here none): come back by the top bar.
  await expect.poll(() => page.locator('.workspace-name').textContent()).toBe('Empty');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Landscape' }).click();
  const hint = page.locator('.ls-empty');
  await expect.poll(() => hint.textContent()).toContain('Nothing to tabulate yet');
  expect(await hint.textContent()).toContain('Add departments');
  expect(await hint.getByRole('link', { name: 'Catalogue' }).getAttribute('href')).toBe('#/catalogue');
  await expect.poll(() => matrix(page).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Download CSV' }).isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Copy table' }).isDisabled()).toBe(true);
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});
