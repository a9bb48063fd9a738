import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitForCanvas, waitSaved } from './support/browser';

const browser = sharedBrowser();

const mapNames = (page: Page) => page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').allTextContents();

async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(path);
}

test('export the workspace, change it, import the file back as a new workspace: the maps return as they were', async () => {
  const { page, context, errors } = await openApp(browser(), { acceptDownloads: true });
  const before = await mapNames(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export workspace' }).click();
  const file = await (await download).path();
  const saved = JSON.parse(await readFile(file, 'utf8'));
  expect(saved.format).toBe('lanemap.workspace');
  expect(saved.schemaVersion).toBe(1);
  expect(saved.maps.length).toBe(before.length);
  expect((await download).suggestedFilename()).toMatch(/^University-CRM-demo-\d{4}-\d{2}-\d{2}\.lanemap\.json$/);
  // Every node carries its position, every lane its band (FORMAT.md's view fields).
  expect(saved.maps[0].nodes.every((n: { x?: number; width?: number }) => typeof n.x === 'number' && typeof n.width === 'number')).toBe(true);

  // Delete a map, then restore the backup.
  const victim = before[0]!;
  await page.getByRole('button', { name: `Delete ${victim}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete map' }).click();
  await expect.poll(() => mapNames(page)).not.toContain(victim);

  // The backup opens as a workspace of its own beside this one, named apart from it.
  await importFile(page, file);
  const dialog = page.getByRole('dialog', { name: /^Import / });
  await expect.poll(() => dialog.textContent()).toContain(`${before.length} maps`);
  await dialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect.poll(() => page.locator('.workspace-name').textContent()).toBe('University CRM (demo) (2)');
  await expect.poll(() => mapNames(page)).toEqual(before);

  // And it is stored: a reload shows the same.
  await waitSaved(page);
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => mapNames(page)).toEqual(before);
  expect(errors).toEqual([]);
  await context.close();
});

test('a broken workspace file is refused with the reason and where, and nothing changes', async () => {
  const { page, context } = await openApp(browser());
  const before = await mapNames(page);
  const dir = tmpdir();

  const notJson = join(dir, 'not-json.json');
  await writeFile(notJson, '{"format": "lanemap.workspace", "maps": [');
  await importFile(page, notJson);
  const alert = page.getByRole('dialog', { name: /Cannot import/ });
  await expect.poll(() => alert.textContent()).toMatch(/not valid JSON/);
  await expectAccessible(page);
  await alert.getByRole('button', { name: 'Close' }).click();

  const badRef = join(dir, 'bad-ref.json');
  await writeFile(
    badRef,
    JSON.stringify({
      format: 'lanemap.workspace',
      schemaVersion: 1,
      workspace: { id: 'w', name: 'Broken' },
      departments: [],
      systems: [],
      dataStores: [],
      maps: [{ id: 'm1', name: 'M', departmentId: null, lanes: [{ id: 'l1', name: 'L' }], nodes: [{ id: 'n1', kind: 'step', laneId: 'nope', label: 'X' }], flows: [] }],
    }),
  );
  await importFile(page, badRef);
  await expect.poll(() => alert.textContent()).toContain('maps[0].nodes[0].laneId');
  expect(await alert.textContent()).toContain('Nothing was changed');
  await alert.getByRole('button', { name: 'Close' }).click();

  expect(await mapNames(page)).toEqual(before);
  await context.close();
});

test('a map imported without positions is laid out when it is opened: every node in its band', async () => {
  const { page, context } = await openApp(browser());
  const file = join(tmpdir(), 'no-positions.json');
  const lanes = [{ id: 'l1', name: 'Customer' }, { id: 'l2', name: 'Advisor' }];
  const nodes = [
    { id: 'a', kind: 'start', laneId: 'l1', label: 'Calls in' },
    { id: 'b', kind: 'step', laneId: 'l2', label: 'Takes details' },
    { id: 'c', kind: 'decision', laneId: 'l2', label: 'Known customer?' },
    { id: 'd', kind: 'step', laneId: 'l2', label: 'Create record' },
    { id: 'e', kind: 'end', laneId: 'l1', label: 'Call ends' },
  ];
  const flows = [['a', 'b'], ['b', 'c'], ['c', 'd'], ['c', 'e'], ['d', 'e']].map(([from, to], i) => ({ id: `f${i}`, kind: 'sequence', from, to }));
  await writeFile(file, JSON.stringify({ format: 'lanemap.workspace', schemaVersion: 1, workspace: { id: 'w2', name: 'Phone line' }, departments: [], systems: [], dataStores: [], maps: [{ id: 'm-phone', name: 'Phone enquiries', departmentId: null, lanes, nodes, flows }] }));
  await importFile(page, file);
  await page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Merge into this one' }).click();
  await page.getByRole('link', { name: /Phone enquiries/ }).click();
  await expect.poll(() => page.locator('.react-flow__node-shape').count(), { timeout: 20_000 }).toBe(5);
  const outside = await page.evaluate(() => {
    const bands = new Map([...document.querySelectorAll('.react-flow__node-lane')].map((e) => [e.getAttribute('data-id')!.slice(5), e.getBoundingClientRect()]));
    return [...document.querySelectorAll('.react-flow__node-shape')].filter((e) => {
      const r = e.getBoundingClientRect();
      const band = bands.get(e.querySelector('.shape')!.getAttribute('data-lane')!)!;
      return r.top < band.top - 0.5 || r.bottom > band.bottom + 0.5;
    }).length;
  });
  expect(outside).toBe(0);
  // Laying out on opening is not an edit to undo.
  expect(await page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Undo', exact: true }).getAttribute('title')).not.toMatch(/auto layout/i);
  await context.close();
});
