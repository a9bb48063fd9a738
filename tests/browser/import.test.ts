import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();
const CORPUS = '../shared/corpus';

const mapNames = (page: Page) => page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').allTextContents();
/** A lane from the file: with several pools its name is prefixed by its pool's ("Pool / Lane"). */
const laneFromFile = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^Lane (.+ / )?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
const dialog = (page: Page) => page.getByRole('dialog', { name: /^(Import|Cannot import) / });

/** Drop a file on the window the way a person drags it from their desktop. */
async function dropFile(page: Page, name: string, content: string, type = 'application/xml') {
  const transfer = await page.evaluateHandle(({ name, content, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], name, { type }));
    return dt;
  }, { name, content, type });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect.poll(() => page.locator('.drop-overlay').count()).toBe(1);
  await page.screenshot({ path: 'tests/browser/artifacts/import-drop.png' });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

async function pickFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(path);
}

test('drop a BPMN file on the window: a preview, then the map with its lanes, kept after a reload', async () => {
  const { page, context, errors } = await openApp(browser());
  const before = await mapNames(page);
  const bpmn = await readFile(`${CORPUS}/bpmn-miwg/reference/C.1.0.bpmn`, 'utf8');
  // The lane names as the file has them, read independently of the importer.
  const lanes = [...bpmn.matchAll(/<[\w]*:?lane\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]!.replace(/&#10;/g, ' ').trim());
  expect(lanes.length).toBeGreaterThan(1);

  await dropFile(page, 'C.1.0.bpmn', bpmn);
  await expect.poll(() => dialog(page).textContent()).toContain('BPMN 2.0 file');
  await expect.poll(() => dialog(page).locator('tbody tr').count()).toBe(1);
  await expectAccessible(page);
  await page.screenshot({ path: 'tests/browser/artifacts/import-preview.png' });
  await dialog(page).getByRole('button', { name: 'Add 1 map' }).click();

  await expect.poll(async () => (await mapNames(page)).length).toBe(before.length + 1);
  await waitForCanvas(page);
  for (const name of lanes) await expect.poll(() => laneFromFile(page, name).count()).toBe(1);
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBeGreaterThan(5);
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(5);
  // The file is UTF-8: its German task name arrives intact.
  await expect.poll(() => page.locator('.react-flow__node').getByText('Rechnung klären', { exact: true }).count()).toBe(1);
  await page.screenshot({ path: 'tests/browser/artifacts/import-bpmn.png' });

  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(async () => (await mapNames(page)).length).toBe(before.length + 1);
  for (const name of lanes) await expect.poll(() => laneFromFile(page, name).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('draw.io and Visio files come in through the same Import button', async () => {
  const { page, context } = await openApp(browser());
  const before = (await mapNames(page)).length;
  await pickFile(page, `${CORPUS}/drawio/cross_functional_flowchart_1.drawio`);
  await expect.poll(() => dialog(page).textContent()).toContain('draw.io file');
  await dialog(page).getByRole('button', { name: /^Add \d+ maps?$/ }).click();
  await expect.poll(async () => (await mapNames(page)).length).toBeGreaterThan(before);
  const afterDrawio = (await mapNames(page)).length;

  await pickFile(page, `${CORPUS}/bpmn-miwg/visio/B.1.0.vsdx`);
  await expect.poll(() => dialog(page).textContent()).toContain('Visio file');
  await dialog(page).getByRole('button', { name: /^Add \d+ maps?$/ }).click();
  await expect.poll(async () => (await mapNames(page)).length).toBeGreaterThan(afterDrawio);
  await waitForCanvas(page);
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBeGreaterThan(3);
  await context.close();
});

test('a file that cannot be read says why and adds nothing', async () => {
  const { page, context } = await openApp(browser());
  const before = await mapNames(page);
  const bpmn = await readFile(`${CORPUS}/bpmn-miwg/reference/B.1.0.bpmn`, 'latin1');
  const truncated = join(tmpdir(), 'truncated.bpmn');
  await writeFile(truncated, bpmn.slice(0, Math.floor(bpmn.length / 2)), 'latin1');
  await pickFile(page, truncated);
  await expect.poll(() => dialog(page).textContent()).toMatch(/Cannot import truncated\.bpmn.*Nothing was changed/s);
  await expect.poll(() => dialog(page).textContent()).toMatch(/line \d+/);
  await expectAccessible(page);
  await dialog(page).getByRole('button', { name: 'Close' }).click();

  const text = join(tmpdir(), 'notes.txt');
  await writeFile(text, 'minutes of the meeting');
  await pickFile(page, text);
  await expect.poll(() => dialog(page).textContent()).toMatch(/BPMN.*draw\.io.*Visio/);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  expect(await mapNames(page)).toEqual(before);
  await context.close();
});

test('a chain of 10,000 steps without positions, too long for ELK, is still drawn, and a message says how', async () => {
  const { page, context, errors } = await openApp(browser());
  const n = 10_000;
  const tasks = Array.from({ length: n }, (_, i) => `<task id="t${i}" name="Task ${i}"/>`).join('');
  const flows = Array.from({ length: n - 1 }, (_, i) => `<sequenceFlow id="f${i}" sourceRef="t${i}" targetRef="t${i + 1}"/>`).join('');
  const path = join(tmpdir(), 'lanemap-long-chain.bpmn');
  await writeFile(path, `<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" name="Long chain">${tasks}${flows}</process></definitions>`);
  await pickFile(page, path);
  await dialog(page).getByRole('button', { name: 'Add 1 map' }).click();
  await page.getByRole('complementary', { name: 'Maps' }).getByRole('link', { name: /Long chain/ }).click();
  // The worker's ELK runs out of stack; the quick layout places the map, and the toast says so.
  // ELK's attempt on 10,000 steps comes first; on a loaded two-core machine it took over 30 s once.
  await expect.poll(() => page.locator('.toast').allTextContents(), { timeout: 90_000 }).toContainEqual(expect.stringMatching(/laid out the quick way/));
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBeGreaterThan(3);
  expect(await page.locator('.react-flow__node-shape .shape-text').first().textContent()).toMatch(/^Task \d+$/);
  await page.screenshot({ path: 'tests/browser/artifacts/import-long-chain.png' });
  expect(errors).toEqual([]);
  await context.close();
});
