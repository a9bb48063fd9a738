import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { drawioWithCells, HOSTILE_ARCHIVES } from '../unit/fixtures/hostileFiles';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

// Files built to hurt: zips that lie about their sizes, overlap or repeat their entries, or
// unpack a thousand times over. Each is refused with a plain reason and changes nothing; and a
// large honest file is read off the page's thread, with progress and a working "Cancel".

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanemap-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dialog = (page: Page) => page.getByRole('dialog', { name: /^(Import|Cannot import|Reading) / });
const mapNames = (page: Page) => page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').allTextContents();

async function pick(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(path);
}

const REFUSALS: Record<string, RegExp> = {
  'lying-size.vsdx': /lies about its contents: the part “visio\/pages\/page1\.xml” claims 2,048 bytes but unpacks to more/,
  'overlapping.vsdx': /share the same bytes \(a “zip bomb”\)/,
  'duplicate-entry.vsdx': /lists “visio\/pages\/page1\.xml” twice/,
  'ratio-bomb.vsdx': /grows more than 100 times \(a “zip bomb”\)/,
};

test('zips that lie about their sizes, overlap, repeat a part or unpack 1000:1 are refused with the reason, and nothing is added', async () => {
  const { page, context, errors } = await openApp(browser());
  const before = await mapNames(page);
  for (const f of HOSTILE_ARCHIVES.filter((h) => REFUSALS[h.name])) {
    const path = join(dir, f.name);
    await writeFile(path, f.bytes());
    await pick(page, path);
    await expect.poll(() => dialog(page).textContent(), { timeout: 30_000 }).toMatch(new RegExp(`Cannot import ${f.name.replace('.', '\\.')}.*Nothing was changed`, 's'));
    expect(await dialog(page).textContent()).toMatch(REFUSALS[f.name]!);
    if (f.name === 'overlapping.vsdx') {
      await expectAccessible(page);
      await page.screenshot({ path: 'tests/browser/artifacts/hostile-overlapping.png' });
    }
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
  }
  expect(await mapNames(page)).toEqual(before);
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);

test('a large drawing is read in the background with progress; the page answers meanwhile, and Cancel stops it and adds nothing', async () => {
  const { page, context, errors } = await openApp(browser());
  const before = await mapNames(page);
  // Four plain pages of 19,000 shapes each: honest, under every cap, and slow to parse.
  const page19k = drawioWithCells(19_000, false).replace(/^<mxfile>|<\/mxfile>$/g, '');
  const path = join(dir, 'large.drawio');
  await writeFile(path, `<mxfile>${[1, 2, 3, 4].map((i) => page19k.replace('id="p1" name="Big"', `id="p${i}" name="Page ${i}"`)).join('')}</mxfile>`);
  await pick(page, path);

  const reading = page.getByRole('dialog', { name: 'Reading large.drawio' });
  await reading.waitFor();
  await expect.poll(() => reading.getByRole('status').textContent()).toMatch(/draw\.io|page/);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/import-progress.png' });
  // The page's own thread is free: it runs a script and takes the click at once.
  expect(await page.evaluate(() => document.querySelectorAll('.react-flow__node').length)).toBeGreaterThan(0);
  await reading.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog(page).count()).toBe(0);
  expect(await mapNames(page)).toEqual(before);

  // The next import works as ever: a small draw.io file is read and offered.
  const small = join(dir, 'small.drawio');
  await writeFile(small, drawioWithCells(12));
  await pick(page, small);
  await expect.poll(() => dialog(page).textContent(), { timeout: 30_000 }).toContain('draw.io file');
  await dialog(page).getByRole('button', { name: 'Add 1 map' }).click();
  await expect.poll(async () => (await mapNames(page)).length).toBe(before.length + 1);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
