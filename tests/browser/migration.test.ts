import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { clickNode, nodeByLabel, sharedBrowser, waitForCanvas } from './support/browser';
import { openWithDatabase, readTable, V1_STORES, type StoreSpec } from './support/legacyDb';

const browser = sharedBrowser();

const SAVED = '2026-10-01T09:30:00.000Z';

function oldMap(id: string, name: string, labels: string[]) {
  const nodes = labels.map((label, i) => ({ id: `n${i}`, kind: i === 0 ? 'start' : 'step', laneId: 'l1', label }));
  return {
    id,
    name,
    departmentId: 'd-adm',
    lanes: [{ id: 'l1', name: 'Admissions officer' }],
    nodes,
    flows: nodes.slice(1).map((n, i) => ({ id: `f${i}`, kind: 'sequence', from: `n${i}`, to: n.id })),
    view: {
      nodes: Object.fromEntries(nodes.map((n, i) => [n.id, { x: 200 + i * 200, y: 60, width: i === 0 ? 48 : 150, height: i === 0 ? 48 : 64 }])),
      laneHeights: { l1: 200 },
      flowPoints: {},
    },
    updatedAt: SAVED,
  };
}

function v1Rows(maps: ReturnType<typeof oldMap>[], schema = 1): Record<string, unknown[]> {
  return {
    meta: [
      { key: 'schema', version: schema },
      { key: 'workspace', id: 'ws-old', name: 'Workshop from last year' },
      { key: 'order', departments: ['d-adm'], systems: [], dataStores: [], maps: maps.map((m) => m.id) },
    ],
    departments: [{ id: 'd-adm', name: 'Admissions' }],
    systems: [],
    dataStores: [],
    maps,
    mapIndex: maps.map((m) => ({ id: m.id, name: m.name, departmentId: m.departmentId, updatedAt: m.updatedAt, nodeCount: m.nodes.length, flowCount: m.flows.length })),
  };
}

const banner = (page: Page) => page.locator('.banner');

test('a database written by an older schema opens migrated: maps there, schema raised, history begun', async () => {
  const maps = [oldMap('m-old1', 'Open day bookings', ['Visitor books', 'Confirm by e-mail']), oldMap('m-old2', 'Clearing calls', ['Call comes in', 'Check grades', 'Make offer'])];
  const { page, context, errors } = await openWithDatabase(browser(), { version: 10, stores: V1_STORES, rows: v1Rows(maps) }, '#/map/m-old2');
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Check grades').count()).toBe(1);
  const list = page.getByRole('complementary', { name: 'Maps' });
  await expect.poll(() => list.getByRole('link').allTextContents()).toEqual([expect.stringContaining('Clearing calls'), expect.stringContaining('Open day bookings')]);
  await expect.poll(() => page.locator('.workspace-name').textContent()).toBe('Workshop from last year');
  await expect.poll(() => banner(page).count()).toBe(0);
  // It is the browser's one workspace, kept in place: no demo is added beside it.
  await page.getByRole('button', { name: /^Workspace: / }).click();
  const workspaces = page.getByRole('dialog', { name: 'Workspaces' }).getByRole('list', { name: 'In this browser' });
  await expect.poll(() => workspaces.locator('li strong').allTextContents()).toEqual(['Workshop from last year']);
  await page.keyboard.press('Escape');

  // The schema row says 3 now (revisions, then the edit journal), and every map has a first revision: the map as last saved.
  await expect.poll(() => readTable(page, 'meta')).toContainEqual({ key: 'schema', version: 3 });
  const revisions = async () => ((await readTable(page, 'revisions')) as { mapId: string; at: number }[]).map((r) => [r.mapId, r.at]).sort();
  await expect.poll(revisions).toEqual([['m-old1', Date.parse(SAVED)], ['m-old2', Date.parse(SAVED)]]);
  await page.keyboard.press('h');
  const history = page.getByRole('dialog', { name: 'History of “Clearing calls”' });
  await expect.poll(() => history.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/latest save.*Earliest version kept.*1 lane, 3 nodes, 2 flows/)]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a corrupted record is set aside with a warning and the rest of the workspace opens', async () => {
  const good = oldMap('m-good', 'Open day bookings', ['Visitor books', 'Confirm by e-mail']);
  const bad = { ...oldMap('m-bad', 'Clearing calls', ['Call comes in']), nodes: [{ id: 'n0', kind: 'blob', laneId: 'l1', label: 'Call comes in' }] };
  const { page, context } = await openWithDatabase(browser(), { version: 10, stores: V1_STORES, rows: v1Rows([good, bad]) }, '#/map/m-good');
  await waitForCanvas(page);
  await expect.poll(() => nodeByLabel(page, 'Confirm by e-mail').count()).toBe(1);
  await expect.poll(() => banner(page).textContent()).toContain('Map "Clearing calls" (m-bad) could not be read and was set aside: nodes[0].kind: must be one of');
  await expect.poll(() => page.getByRole('complementary', { name: 'Maps' }).getByRole('link').count()).toBe(1);
  // Moved intact to the quarantine table, and out of the maps.
  const quarantine = async () => (await readTable(page, 'quarantine')) as { table: string; id: string; row: unknown }[];
  await expect.poll(async () => (await quarantine()).map((q) => [q.table, q.id])).toEqual([['maps', 'm-bad']]);
  const quarantined = await quarantine();
  expect(quarantined[0]!.row).toEqual(bad);
  expect(((await readTable(page, 'maps')) as { id: string }[]).map((m) => m.id)).toEqual(['m-good']);
  await context.close();
});

test('data from a newer Lanemap opens read-only: edits are refused and nothing is rewritten', async () => {
  const map = oldMap('m-new', 'Open day bookings', ['Visitor books', 'Confirm by e-mail']);
  // Dexie version 4, as a future Lanemap might leave it: one more table, schema row 4.
  const stores = {
    ...V1_STORES,
    revisions: { keyPath: 'id', indexes: [['mapId', 'mapId'], ['[mapId+at]', ['mapId', 'at']]] },
    revisionMaps: { keyPath: 'id' },
    trash: { keyPath: 'id', indexes: [['deletedAt', 'deletedAt']] },
    journal: { keyPath: 'seq', autoIncrement: true, indexes: [['tab', 'tab']] },
    comments: { keyPath: 'id' },
  } as Record<string, StoreSpec>;
  const { page, context } = await openWithDatabase(browser(), { version: 40, stores, rows: v1Rows([map], 4) }, '#/map/m-new');
  await waitForCanvas(page);
  await expect.poll(() => banner(page).textContent()).toContain('saved by a newer version of Lanemap');

  await clickNode(nodeByLabel(page, 'Confirm by e-mail'));
  await page.keyboard.press('s');
  await expect.poll(() => page.locator('.toast-error').textContent()).toContain('newer version of Lanemap');
  await expect.poll(() => page.locator('.react-flow__node-shape').count()).toBe(2);
  await page.keyboard.press('F2');
  await page.keyboard.type('Renamed');
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, 'Renamed').count()).toBe(0);

  await page.reload();
  await waitForCanvas(page);
  expect(await readTable(page, 'meta')).toContainEqual({ key: 'schema', version: 4 });
  expect(await readTable(page, 'maps')).toEqual([map]);
  await context.close();
});
