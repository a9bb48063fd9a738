import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, laneHeader, nodeByLabel, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

// Whose document it is: several workspaces side by side in one browser, each with its own
// maps, catalogue and details, and the report of a user's workspace naming it, not the demo.

const DEMO = 'University CRM (demo)';
const MINE = 'Fees and refunds 2027';

const topButton = (page: Page) => page.getByRole('button', { name: /^Workspace: / });
const panel = (page: Page) => page.getByRole('dialog', { name: 'Workspaces' });
const workspaceName = (page: Page) => page.locator('.workspace-name').textContent();
const mapNames = (page: Page) => page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').allTextContents();
const listed = (page: Page) => panel(page).getByRole('list', { name: 'In this browser' }).locator('li strong').allTextContents();
const trashed = (page: Page) => panel(page).getByRole('list', { name: /^Trash/ }).locator('li strong').allTextContents();

async function openPanel(page: Page): Promise<void> {
  await topButton(page).click();
  await panel(page).waitFor();
}

async function closePanel(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Close', exact: true }).click();
  await panel(page).waitFor({ state: 'hidden' });
}

async function switchTo(page: Page, name: string): Promise<void> {
  await openPanel(page);
  await panel(page).getByRole('button', { name: `Open ${name}`, exact: true }).click();
  await expect.poll(() => workspaceName(page)).toBe(name);
  await panel(page).waitFor({ state: 'hidden' });
}

/** The text of a downloaded Word file's body, paragraphs joined by spaces. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  const xml = (await Promise.all(parts.map((n) => zip.file(n)!.async('string')))).join(' ');
  return xml.replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
}

test('new workspace, drawn in, kept over a reload; switch, duplicate, delete and restore; a file opened as a workspace; its report names it and not the demo', async () => {
  const { page, context, errors } = await openApp(browser(), { acceptDownloads: true });

  // First run: the demo, a workspace of its own.
  await expect.poll(() => workspaceName(page)).toBe(DEMO);
  const demoMaps = await mapNames(page);
  expect(demoMaps.length).toBeGreaterThanOrEqual(4);
  await openPanel(page);
  // Drawn before it is stored on a first run: the list may say so for a moment, then has it.
  await expect.poll(() => listed(page)).toEqual([DEMO]);
  await expectAccessible(page);

  // New workspace: a name, Create; it opens empty.
  await panel(page).getByRole('button', { name: 'New workspace', exact: true }).click();
  const create = page.getByRole('dialog', { name: 'New workspace' });
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect.poll(() => create.getByRole('alert').textContent()).toBe('A workspace needs a name.');
  await create.getByRole('textbox', { name: 'Name', exact: true }).fill(MINE);
  await expectAccessible(page);
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect.poll(() => workspaceName(page)).toBe(MINE);
  expect(await create.isVisible()).toBe(false);
  expect(await panel(page).isVisible()).toBe(false);
  expect(await mapNames(page)).toEqual([]);
  await expect.poll(() => page.getByText('No maps yet.').count()).toBe(1);

  // Its details, by keyboard: the report's cover reads them.
  await topButton(page).focus();
  await page.keyboard.press('Enter');
  await panel(page).waitFor();
  await panel(page).getByRole('textbox', { name: 'Organisation' }).fill('University of Example');
  await page.keyboard.press('Tab');
  await expect.poll(() => panel(page).getByRole('textbox', { name: 'Prepared by' }).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('CRM programme team');
  await page.keyboard.press('Enter');
  await panel(page).getByRole('combobox', { name: 'Status' }).selectOption({ label: 'For review' });
  await expect.poll(() => panel(page).getByRole('list', { name: 'In this browser' }).locator('li.current').textContent()).toContain('University of Example · For review');
  await closePanel(page);

  // Draw a map in it.
  await page.getByRole('button', { name: 'New map', exact: true }).click();
  const newMap = page.getByRole('dialog', { name: 'New map' });
  await newMap.getByLabel('Name', { exact: true }).fill('Refund requests');
  await newMap.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('button', { name: 'Add lane', exact: true }).click();
  const laneBox = page.getByRole('region', { name: /^Map canvas/ }).getByRole('textbox', { name: 'Lane name' });
  await laneBox.fill('Finance officer');
  await laneBox.press('Enter');
  await laneHeader(page, 'Finance officer').click();
  await page.getByRole('button', { name: 'Add step', exact: true }).click();
  const label = page.getByRole('region', { name: /^Map canvas/ }).getByRole('textbox', { name: 'Label' });
  await label.fill('Check the refund');
  await label.press('Enter');
  await expect.poll(() => nodeByLabel(page, 'Check the refund').count()).toBe(1);

  // Reloaded: the same workspace is open, with its map.
  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => workspaceName(page)).toBe(MINE);
  expect(await mapNames(page)).toEqual(['Refund requests']);
  await expect.poll(() => nodeByLabel(page, 'Check the refund').count()).toBe(1);

  // To the demo and back: each has its own maps.
  await switchTo(page, DEMO);
  await waitForCanvas(page);
  expect(await mapNames(page)).toEqual(demoMaps);
  await switchTo(page, MINE);
  await waitForCanvas(page);
  expect(await mapNames(page)).toEqual(['Refund requests']);
  await expect.poll(() => nodeByLabel(page, 'Check the refund').count()).toBe(1);

  // Duplicate, then delete the copy: Undo in the message brings it back; the trash restores it.
  await openPanel(page);
  await panel(page).getByRole('button', { name: `Duplicate ${MINE}`, exact: true }).click();
  const copy = `Copy of ${MINE}`;
  await expect.poll(() => listed(page)).toEqual([copy, MINE, DEMO].sort((a, b) => a.localeCompare(b)));
  await panel(page).getByRole('button', { name: `Delete ${copy}`, exact: true }).click();
  const confirmDelete = page.getByRole('dialog', { name: `Delete workspace “${copy}”?` });
  await confirmDelete.getByRole('button', { name: 'Delete workspace' }).click();
  await expect.poll(() => trashed(page)).toEqual([copy]);
  expect(await listed(page)).not.toContain(copy);
  const said = panel(page).getByRole('status');
  await expect.poll(() => said.textContent()).toContain(`Workspace “${copy}” moved to the trash.`);
  await said.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => listed(page)).toContain(copy);
  await panel(page).getByRole('button', { name: `Delete ${copy}`, exact: true }).click();
  await confirmDelete.getByRole('button', { name: 'Delete workspace' }).click();
  await expect.poll(() => trashed(page)).toEqual([copy]);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/workspaces-panel.png' });
  await panel(page).getByRole('button', { name: `Restore ${copy}`, exact: true }).click();
  await expect.poll(() => listed(page)).toContain(copy);
  expect(await trashed(page)).toEqual([]);
  await closePanel(page);
  await switchTo(page, copy);
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Check the refund').count()).toBe(1);

  // A workspace file opened as a new workspace: its name and details come with it.
  const file = join(tmpdir(), 'lanemap-open-days.json');
  const lanes = [{ id: 'l1', name: 'Visitor' }];
  const nodes = [{ id: 'a', kind: 'start', laneId: 'l1', label: 'Books a place' }, { id: 'b', kind: 'step', laneId: 'l1', label: 'Comes to the open day' }];
  await writeFile(file, JSON.stringify({ format: 'lanemap.workspace', schemaVersion: 1, workspace: { id: 'w-open', name: 'Open days', organisation: 'Example College', status: 'agreed' }, departments: [], systems: [], dataStores: [], maps: [{ id: 'm-open', name: 'Open day visit', departmentId: null, lanes, nodes, flows: [{ id: 'f1', kind: 'sequence', from: 'a', to: 'b' }] }] }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  const importDialog = page.getByRole('dialog', { name: /^Import / });
  await expect.poll(() => importDialog.getByRole('button', { name: 'Merge into this one' }).count()).toBe(1);
  await importDialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect.poll(() => workspaceName(page)).toBe('Open days');
  await expect.poll(() => mapNames(page)).toEqual(['Open day visit']);
  await openPanel(page);
  expect(await panel(page).getByRole('textbox', { name: 'Organisation' }).inputValue()).toBe('Example College');
  expect(await panel(page).getByRole('combobox', { name: 'Status' }).inputValue()).toBe('agreed');
  expect(await listed(page)).toEqual([copy, MINE, 'Open days', DEMO].sort((a, b) => a.localeCompare(b)));
  await closePanel(page);

  // The Word report of the user's workspace: named after it, its details on the cover, no demo anywhere.
  await switchTo(page, MINE);
  await waitForCanvas(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('radio', { name: /^Report \(\.docx\)/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Fees-and-refunds-2027-report-\d{4}-\d{2}-\d{2}\.docx$/);
  const text = await docxText(await readFile((await download.path())!));
  expect(text).toContain(MINE);
  expect(text).toContain('Refund requests');
  expect(text).not.toMatch(/demo/i);
  expect(text).not.toContain('University CRM');
  expect(errors).toEqual([]);
  await context.close();
  // One user's whole session: long on a loaded two-core machine.
}, 240_000);

test('the last workspace used opens on a reload; each tab keeps its own workspace, and sees the list change live', async () => {
  const { page, context } = await openApp(browser());
  await expect.poll(() => workspaceName(page)).toBe(DEMO);
  const second = await context.newPage();
  await second.goto(page.url());
  await waitForCanvas(second);

  // A new workspace in the first tab: the second tab stays on the demo, and lists the new one at once.
  await openPanel(page);
  await panel(page).getByRole('button', { name: 'New workspace', exact: true }).click();
  await page.getByRole('dialog', { name: 'New workspace' }).getByRole('textbox', { name: 'Name' }).fill('Alumni giving');
  await page.keyboard.press('Enter');
  await expect.poll(() => workspaceName(page)).toBe('Alumni giving');
  await openPanel(second);
  await expect.poll(() => listed(second)).toEqual(['Alumni giving', DEMO]);
  expect(await workspaceName(second)).toBe(DEMO);

  // Renamed in the first tab: the second tab's list says so.
  await openPanel(page);
  await panel(page).getByRole('textbox', { name: 'Name', exact: true }).fill('Alumni giving, as-is');
  await page.keyboard.press('Enter');
  await expect.poll(() => workspaceName(page)).toBe('Alumni giving, as-is');
  await expect.poll(() => listed(second)).toEqual(['Alumni giving, as-is', DEMO]);

  // Deleted from the second tab while open in the first: the first says so, keeps saving, and restores it.
  await panel(second).getByRole('button', { name: 'Delete Alumni giving, as-is', exact: true }).click();
  await second.getByRole('dialog', { name: 'Delete workspace “Alumni giving, as-is”?' }).getByRole('button', { name: 'Delete workspace' }).click();
  await expect.poll(() => trashed(second)).toEqual(['Alumni giving, as-is']);
  await closePanel(page);
  const banner = page.locator('.banner');
  await expect.poll(() => banner.textContent()).toContain('“Alumni giving, as-is” was moved to the trash in another tab');
  await expect.poll(() => topButton(page).textContent()).toContain('(in the trash)');
  await expectAccessible(page);
  await banner.getByRole('button', { name: 'Restore workspace' }).click();
  await expect.poll(() => banner.count()).toBe(0);
  await expect.poll(() => listed(second)).toEqual(['Alumni giving, as-is', DEMO]);

  // The second tab edits the demo meanwhile; it is saved in the demo, not in the first tab's workspace.
  await closePanel(second);
  await second.getByRole('complementary', { name: 'Maps' }).getByRole('link').first().click();
  await second.getByRole('button', { name: 'Add lane', exact: true }).click();
  const laneBox = second.getByRole('region', { name: /^Map canvas/ }).getByRole('textbox', { name: 'Lane name' });
  await laneBox.fill('Volunteer');
  await laneBox.press('Enter');
  await waitSaved(second);

  // Each tab reloads into its own workspace; a new tab opens the one opened last (here, by the first tab's reload).
  await second.reload();
  await waitForCanvas(second);
  expect(await workspaceName(second)).toBe(DEMO);
  await expect.poll(() => laneHeader(second, 'Volunteer').count()).toBe(1);
  await page.reload();
  await expect.poll(() => workspaceName(page)).toBe('Alumni giving, as-is');
  expect(await mapNames(page)).toEqual([]);
  const third = await context.newPage();
  await third.goto(page.url().replace(/#.*$/, ''));
  await expect.poll(() => workspaceName(third)).toBe('Alumni giving, as-is');
  await context.close();
}, 180_000);
