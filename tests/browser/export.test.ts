import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();
const ARTIFACTS = 'tests/browser/artifacts';

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });
const format = (page: Page, name: RegExp) => exportDialog(page).getByRole('radio', { name });

/** Width and height from a PNG's IHDR chunk (bytes 16-23), read without any image library. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer; dl: Download }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), action()]);
  return { name: dl.suggestedFilename(), bytes: await readFile((await dl.path())!), dl };
}

const today = () => new Date().toISOString().slice(0, 10);

test('the Export… button exports the open map as SVG with real text, and as a PNG at exactly twice its size', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-alu', acceptDownloads: true });
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => exportDialog(page).isVisible()).toBe(true);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/export-dialog.png` });

  await format(page, /^SVG picture/).check();
  const svg = await download(page, () => exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click());
  expect(svg.name).toBe(`Alumni-relations-graduate-to-engaged-alumnus-${today()}.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // Labels are text, a wrapped one in a line (<tspan>) per line.
  const lines = text.replace(/<\/tspan><tspan[^>]*>/g, ' ');
  for (const words of ['Alumni officer', 'Events coordinator', 'Re-key graduates into alumni database', 'Spreadsheet by e-mail, once a year', 'Alumni relations: graduate to engaged alumnus']) expect(lines).toContain(words);
  expect(text).not.toMatch(/<script|\son\w+=/i);
  const width = Number(/width="(\d+)"/.exec(text)![1]);
  const height = Number(/height="(\d+)"/.exec(text)![1]);
  await expect.poll(() => exportDialog(page).getByRole('status').textContent()).toContain(svg.name);

  await format(page, /^PNG picture/).check();
  await exportDialog(page).getByRole('radio', { name: '2x', exact: true }).check();
  const png = await download(page, () => exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click());
  expect(png.name).toBe(`Alumni-relations-graduate-to-engaged-alumnus-${today()}.png`);
  expect(pngSize(png.bytes)).toEqual({ width: 2 * width, height: 2 * height });
  await png.dl.saveAs(`${ARTIFACTS}/export-map-2x.png`);

  // Escape closes the dialog; the map is as it was.
  await page.keyboard.press('Escape');
  await expect.poll(() => exportDialog(page).count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('Ctrl+Shift+E opens the dialog; "Current view" saves what is on screen; all maps export one file each with a moving progress bar', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-adm', acceptDownloads: true });
  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('Control+Shift+E');
  await expect.poll(() => exportDialog(page).isVisible()).toBe(true);

  // The view: html-to-image's picture of the canvas at its size on screen.
  await format(page, /^Current view/).check();
  await exportDialog(page).getByRole('radio', { name: '1x', exact: true }).check();
  const view = await download(page, () => exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click());
  expect(view.name).toBe(`Admissions-enquiry-to-offer-view-${today()}.png`);
  const box = (await page.locator('.canvas .react-flow').boundingBox())!;
  expect(pngSize(view.bytes)).toEqual({ width: Math.round(box.width), height: Math.round(box.height) });
  await view.dl.saveAs(`${ARTIFACTS}/export-view.png`);

  // Every map, as PNGs: record each value the progress bar shows while it runs.
  await format(page, /^PNG picture/).check();
  await exportDialog(page).getByRole('radio', { name: /^All maps/ }).check();
  const mapCount = await page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').count();
  expect(mapCount).toBeGreaterThan(2);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const v = bar?.getAttribute('aria-valuenow');
      // From this export's start: until then the bar may still show where the view's export ended.
      if (seen.length === 0 && v !== '0') return;
      if (v !== null && v !== undefined && seen[seen.length - 1] !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  const names: string[] = [];
  page.on('download', (d) => names.push(d.suggestedFilename()));
  await exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => names.length, { timeout: 30_000 }).toBe(mapCount);
  const bar = exportDialog(page).getByRole('progressbar', { name: 'Export progress' });
  await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe(String(mapCount));
  expect(await bar.getAttribute('aria-valuemax')).toBe(String(mapCount));
  const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(seen).toEqual(Array.from({ length: mapCount + 1 }, (_, i) => String(i)));
  expect(new Set(names).size).toBe(mapCount);
  for (const n of names) expect(n).toMatch(new RegExp(`^[\\w.-]+-${today()}\\.png$`));
  await expect.poll(() => exportDialog(page).getByRole('status').textContent()).toContain(`Downloaded ${mapCount} files`);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/export-all-maps.png` });
  expect(errors).toEqual([]);
  await context.close();
});

test('Copy image puts a PNG on the clipboard; when the browser refuses, the dialog says what to do instead', async () => {
  const { page, context } = await openApp(browser(), { path: '#/map/m-alu' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Export…' }).click();
  await format(page, /^PNG picture/).check();
  await exportDialog(page).getByRole('radio', { name: '1x', exact: true }).check();
  await exportDialog(page).getByRole('button', { name: 'Copy image' }).click();
  await expect.poll(() => exportDialog(page).getByRole('status').textContent(), { timeout: 15_000 }).toContain('on the clipboard');
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    return { types: item!.types, bytes: Array.from(new Uint8Array(await blob.arrayBuffer()).subarray(0, 24)) };
  });
  expect(copied.types).toContain('image/png');
  expect(pngSize(Buffer.from(copied.bytes)).width).toBeGreaterThan(900);

  await page.evaluate(() => {
    navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await exportDialog(page).getByRole('button', { name: 'Copy image' }).click();
  await expect.poll(() => exportDialog(page).getByRole('alert').textContent()).toMatch(/refused.*permission denied.*Download the PNG instead/);
  await context.close();
});

test('the two report formats download one file for the chosen maps: Word (with each map as a picture) and HTML', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-alu', acceptDownloads: true });
  await page.getByRole('button', { name: 'Export…' }).click();
  await format(page, /^Report \(\.html\)/).check();
  // A report has its findings unless told not to.
  expect(await exportDialog(page).getByRole('checkbox', { name: 'Include the findings' }).isChecked()).toBe(true);
  const html = await download(page, () => exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click());
  expect(html.name).toBe(`University-CRM-demo-report-${today()}.html`);
  const page1 = html.bytes.toString('utf8');
  expect(page1).toContain('Alumni relations: graduate to engaged alumnus');
  expect(page1).not.toContain('Admissions: enquiry to offer</h');

  await format(page, /^Report \(\.docx\)/).check();
  await exportDialog(page).getByRole('radio', { name: /^Choose maps/ }).check();
  await exportDialog(page).getByRole('checkbox', { name: 'Admissions: enquiry to offer' }).check();
  const docx = await download(page, () => exportDialog(page).getByRole('button', { name: 'Export', exact: true }).click());
  expect(docx.name).toBe(`University-CRM-demo-report-${today()}.docx`);
  const zip = await JSZip.loadAsync(docx.bytes);
  const body = await zip.file('word/document.xml')!.async('string');
  expect(body).toContain('Alumni relations: graduate to engaged alumnus');
  expect(body).toContain('Admissions: enquiry to offer');
  // Each picture (a wide map is cut into parts) as SVG, and the PNG drawn in the browser for readers without SVG.
  const pictures = Object.keys(zip.files).filter((n) => /^word\/media\/.*\.png$/.test(n));
  const vectors = Object.keys(zip.files).filter((n) => /^word\/media\/.*\.svg$/.test(n));
  expect(vectors.length).toBeGreaterThanOrEqual(2);
  expect(pictures).toHaveLength(vectors.length);
  expect(await zip.file(vectors[0]!)!.async('string')).toMatch(/^<svg [^>]*role="img"/);
  // The pictures and the document, all done.
  const bar = exportDialog(page).getByRole('progressbar', { name: 'Export progress' });
  await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe(String(vectors.length + 1));
  expect(await bar.getAttribute('aria-valuemax')).toBe(String(vectors.length + 1));
  expect(errors).toEqual([]);
  await context.close();
});
