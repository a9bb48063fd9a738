import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { parseBundle } from '../../src/core/schema/bundle';
import { expectAccessible, sharedBrowser, waitForCanvas } from './support/browser';
import { openWithDatabase, putRows, readTable, V2_STORES } from './support/legacyDb';

const browser = sharedBrowser();

// Rows damaged on disk, of every type, in a workspace the app adopts as it finds it: the app
// opens, every healthy map is there, and the "Damaged records" panel lists exactly the rows
// set aside, each with its raw row to download and a way to restore it.

const SAVED = '2026-10-01T09:30:00.000Z';

function map(id: string, name: string, departmentId: string | null, storeId?: string) {
  const nodes = [
    { id: 'n0', kind: 'start', laneId: 'l1', label: `${name} starts` },
    { id: 'n1', kind: 'step', laneId: 'l1', label: `${name} work` },
    ...(storeId ? [{ id: 'n2', kind: 'dataStore', laneId: 'l1', label: `${name} records`, refId: storeId }] : []),
  ];
  return {
    id,
    name,
    departmentId,
    lanes: [{ id: 'l1', name: 'Officer' }],
    nodes,
    flows: [{ id: 'f0', kind: 'sequence', from: 'n0', to: 'n1' }, ...(storeId ? [{ id: 'f1', kind: 'data', from: 'n1', to: 'n2' }] : [])],
    view: {
      nodes: Object.fromEntries(nodes.map((n, i) => [n.id, { x: 120 + i * 220, y: 60, width: i === 0 ? 48 : 150, height: i === 0 ? 48 : 64 }])),
      laneHeights: { l1: 200 },
      flowPoints: {},
    },
    updatedAt: SAVED,
  };
}
const indexOf = (m: ReturnType<typeof map>) => ({ id: m.id, name: m.name, departmentId: m.departmentId, updatedAt: m.updatedAt, nodeCount: m.nodes.length, flowCount: m.flows.length });

const healthy = [map('m-adm', 'Enquiries', 'd-adm', 'ds-enq'), map('m-fin', 'Fees', 'd-fin'), map('m-ops', 'Open days', null)];

/** One damaged row of each type, and what the panel must list for it. */
const DAMAGED = {
  workspace: { key: 'workspace', id: 'ws-old', name: { text: 'Admissions workshop' } },
  department: { id: 'd-fin', name: 42 },
  system: { id: 's-bad', kind: 'application', integratesWith: [] },
  store: { id: 'ds-enq', name: 'Enquiries sheet', kind: 'hologram', systemId: null, customerFields: ['Name'] },
  map: { ...map('m-bad', 'Clearing', null), nodes: [{ id: 'n0', kind: 'subprocess', laneId: 'l1', label: 'Call' }], flows: [] },
  revision: { id: 'r-bad', mapId: 'm-ops', at: 'yesterday', size: 10 },
  trash: { id: 'm-gone', deletedAt: 'last week', map: { id: 'm-gone' } },
};

function rows(): Record<string, unknown[]> {
  const maps = [...healthy, DAMAGED.map];
  return {
    meta: [{ key: 'schema', version: 2 }, DAMAGED.workspace, { key: 'order', departments: ['d-adm', 'd-fin'], systems: ['s-crm', 's-bad'], dataStores: ['ds-enq'], maps: maps.map((m) => m.id) }],
    departments: [{ id: 'd-adm', name: 'Admissions' }, DAMAGED.department],
    systems: [{ id: 's-crm', name: 'CRM', kind: 'application', integratesWith: [] }, DAMAGED.system],
    dataStores: [DAMAGED.store],
    maps,
    mapIndex: maps.map(indexOf),
    revisions: [DAMAGED.revision],
    revisionMaps: [],
    trash: [DAMAGED.trash],
  };
}

const mapLinks = (page: Page) => page.getByRole('complementary', { name: 'Maps' }).getByRole('link');
const panel = (page: Page) => page.getByRole('dialog', { name: 'Damaged records' });
const items = (page: Page) => panel(page).getByRole('listitem');

async function downloaded(d: Download): Promise<unknown> {
  return JSON.parse(await readFile((await d.path())!, 'utf8'));
}

test('rows damaged on disk: the app opens, every healthy map is there, the panel lists exactly the damaged rows', async () => {
  const { page, context, errors } = await openWithDatabase(browser(), { version: 20, stores: V2_STORES, rows: rows() }, '#/map/m-fin', { acceptDownloads: true });
  await waitForCanvas(page);

  // Every healthy map, the ones whose department and data store are damaged included.
  await expect.poll(() => mapLinks(page).allTextContents()).toEqual([expect.stringContaining('Enquiries'), expect.stringContaining('Fees'), expect.stringContaining('Open days')]);
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBe(2);
  // The map whose department row is damaged says so where the department is named.
  await expect.poll(() => mapLinks(page).nth(1).textContent()).toContain('unknown (damaged record)');
  // The workspace name stored as an object no longer crashes the page: it reads "Workspace".
  await expect.poll(() => page.locator('.workspace-name').textContent()).toBe('Workspace');

  // Reached from the status area, with a count.
  const open = page.getByRole('button', { name: 'Damaged records (7)' });
  await open.first().click();
  await expect.poll(() => items(page).count()).toBe(7);
  const listed = await items(page).allTextContents();
  const expected = [
    ['Workspace name and details', '“name” must be text, found an object'],
    ['Department “d-fin”', '“name” must be text, found 42'],
    ['System “s-bad”', '“name” is required'],
    ['Data store “ds-enq”', 'may come from a newer version of Lanemap'],
    ['Map “m-bad”', '“nodes[0].kind” must be one of'],
    ['Saved version (its description) “r-bad”', '“at” must be a number'],
    ['Map in the trash “m-gone”', '“deletedAt” must be a number'],
  ];
  for (const [what, why] of expected) expect(listed.some((t) => t.includes(what!) && t.includes(why!)), `${what}: ${why} in ${listed.join(' | ')}`).toBe(true);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/quarantine-panel.png' });

  // "Download" gives the raw row, exactly as it was stored.
  const item = items(page).filter({ hasText: 'Department “d-fin”' });
  const [file] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Download department “d-fin”' }).click()]);
  expect(await downloaded(file)).toEqual(DAMAGED.department);

  // "Try to restore" a row that is still bad says why and changes nothing.
  await item.getByRole('button', { name: 'Try to restore department “d-fin”' }).click();
  await expect.poll(() => item.getByRole('status').textContent()).toContain('Still damaged: “name” must be text, found 42');

  // Mended where it is kept (as a newer Lanemap's migration would), it restores into the workspace.
  const kept = (await readTable(page, 'quarantine')) as { table: string; id: string; row: Record<string, unknown> }[];
  expect(kept.map((q) => `${q.table}:${q.id}`).sort()).toEqual(['dataStores:ds-enq', 'departments:d-fin', 'maps:m-bad', 'meta:workspace', 'revisions:r-bad', 'systems:s-bad', 'trash:m-gone']);
  const dept = kept.find((q) => q.id === 'd-fin')!;
  await putRows(page, 'quarantine', [{ ...dept, row: { ...dept.row, name: 'Finance' } }]);
  await item.getByRole('button', { name: 'Try to restore department “d-fin”' }).click();
  await expect.poll(() => mapLinks(page).nth(1).textContent()).toContain('Finance');
  await expect.poll(() => page.getByRole('button', { name: 'Damaged records (6)' }).count()).toBeGreaterThan(0);
  // Kept, never deleted: the row stays in quarantine, marked restored.
  const after = (await readTable(page, 'quarantine')) as { id: string; restoredAt?: number }[];
  expect(after.find((q) => q.id === 'd-fin')!.restoredAt).toEqual(expect.any(Number));
  await expect.poll(async () => ((await readTable(page, 'departments')) as { id: string; name: string }[]).find((d) => d.id === 'd-fin')?.name).toBe('Finance');

  // Reached from the Storage panel too, by keyboard.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Storage' }).click();
  const storage = page.getByRole('dialog', { name: 'Storage and backups' });
  await storage.getByRole('button', { name: 'Damaged records (6)' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => items(page).count()).toBe(7);

  // After a reload the healthy maps are all there and nothing new is set aside.
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(() => mapLinks(page).count()).toBe(3);
  expect(((await readTable(page, 'quarantine')) as unknown[]).length).toBe(7);
  expect(errors).toEqual([]);
  await context.close();
});

/** Reading a table's rows all at once fails, as on a damaged disk; row by row still works. */
function breakBulkReadsOfMaps(): void {
  const getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
    if (this.name === 'maps' && sessionStorage.getItem('lanemap-test-mended') !== 'yes') throw new DOMException('Internal error reading the maps (test)', 'UnknownError');
    return getAll.apply(this, args);
  };
}

test('a load error shows a recovery screen, never the demo: download everything readable, then try again', async () => {
  const clean = rows();
  clean.meta = [{ key: 'schema', version: 2 }, { key: 'workspace', id: 'ws-old', name: 'Admissions workshop' }];
  clean.maps = [...healthy, DAMAGED.map];
  const { page, context } = await openWithDatabase(browser(), { version: 20, stores: V2_STORES, rows: clean }, '', { acceptDownloads: true, initScript: breakBulkReadsOfMaps });

  const screen = page.getByRole('main', { name: 'Recovery' });
  await expect.poll(() => screen.getByRole('heading', { level: 1 }).textContent()).toBe('Lanemap could not open “Admissions workshop”');
  await expect.poll(() => screen.textContent()).toContain('Internal error reading the maps (test)');
  // No editor and no demo over the user's data.
  await expect.poll(() => page.getByRole('complementary', { name: 'Maps' }).count()).toBe(0);
  await expect.poll(() => page.locator('.react-flow__nodes').count()).toBe(0);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/quarantine-recovery.png' });

  // Everything readable, as a workspace bundle, with the damaged rows in a field of their own.
  const [file] = await Promise.all([page.waitForEvent('download'), screen.getByRole('button', { name: 'Download everything readable' }).click()]);
  const bundle = (await downloaded(file)) as Record<string, unknown> & { maps: { id: string }[]; damagedRecords: { table: string; id: string; row: unknown }[] };
  expect(bundle.format).toBe('lanemap.workspace');
  expect(bundle.maps.map((m) => m.id).sort()).toEqual(['m-adm', 'm-fin', 'm-ops']);
  expect(bundle.damagedRecords.map((d) => `${d.table}:${d.id}`).sort()).toEqual(['dataStores:ds-enq', 'departments:d-fin', 'maps:m-bad', 'revisions:r-bad', 'systems:s-bad', 'trash:m-gone']);
  expect(bundle.damagedRecords.find((d) => d.id === 'm-bad')!.row).toEqual(DAMAGED.map);
  const parsed = parseBundle(bundle);
  expect(parsed.ok).toBe(true);
  // Nothing was written while the workspace could not be read.
  expect(((await readTable(page, 'quarantine')) as unknown[]).length).toBe(0);

  // The disk mended: "Try again" opens the workspace where it was.
  await page.evaluate(() => sessionStorage.setItem('lanemap-test-mended', 'yes'));
  await screen.getByRole('button', { name: 'Try again' }).click();
  await waitForCanvas(page);
  await expect.poll(() => mapLinks(page).count()).toBe(3);
  await expect.poll(() => page.locator('.workspace-name').textContent()).toBe('Admissions workshop');
  await context.close();
});
