import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickNode, nodeByLabel, openApp, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

// A right-to-left override typed or pasted into a label ("Invoice<RLO>fdp.exe" reads as
// "Invoiceexe.pdf") must not reorder the picture or the report made from the map.

const RLO = '\u202E';
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });

async function exported(page: Page, format: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog(page).getByRole('radio', { name: format }).check();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click()]);
  const text = await readFile((await dl.path())!, 'utf8');
  // The file starts downloading before the export has finished; Escape while it runs means Stop.
  await exportDialog(page).getByRole('button', { name: 'Close' }).waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => exportDialog(page).count()).toBe(0);
  return text;
}

test('a label with a right-to-left override exports as typed, without the control, in the SVG picture and the HTML report', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-alu', acceptDownloads: true });
  await clickNode(nodeByLabel(page, 'Send event invitation'));
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(`Invoice${RLO}fdp.exe`);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.react-flow__node-shape .shape-text').allTextContents()).toContainEqual(`Invoice${RLO}fdp.exe`);
  await waitSaved(page);

  const svg = await exported(page, /^SVG picture/);
  expect(svg).toContain('Invoicefdp.exe');
  expect(BIDI.test(svg)).toBe(false);

  const html = await exported(page, /^Report \(\.html\)/);
  expect(html).toContain('Invoicefdp.exe');
  expect(BIDI.test(html)).toBe(false);
  await context.close();
}, 120_000);
