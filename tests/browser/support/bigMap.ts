import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateMap, quickLayout } from '../../../src/core/layout';
import type { ProcessMap } from '../../../src/core/model/types';
import { mapToBundle } from '../../../src/core/schema/bundle';

/**
 * A generated, laid-out map of `nodes` steps in six lanes, merged into the open workspace from a
 * workspace file (as a user imports one) and opened from the map list. Returns the map.
 */
export async function mergeBigMap(page: Page, nodes: number, seed: number): Promise<ProcessMap> {
  const map = { ...quickLayout(generateMap({ nodes, lanes: 6, seed })), id: 'm-big', name: 'Big generated map' };
  const file = join(tmpdir(), `lanemap-big-${process.pid}-${nodes}-${seed}.json`);
  await writeFile(file, JSON.stringify({ format: 'lanemap.workspace', schemaVersion: 1, workspace: { id: 'w-big', name: 'Big' }, departments: [], systems: [], dataStores: [], maps: [mapToBundle(map)] }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Merge into this one' }).click();
  await page.getByRole('link', { name: /Big generated map/ }).click();
  return map;
}
