import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { toBundle } from '../../src/core/schema/bundle';
import { APP_URL, sharedBrowser, waitForCanvas } from './support/browser';

const browser = sharedBrowser();

// The page's Content-Security-Policy forbids eval. zod probes for it (new Function) when it
// builds its first object schema unless jitless is set first; the probe is caught, but the
// browser still reports a violation. Listened for from before the page's first script.

test('no Content-Security-Policy violation from start-up to a workspace file imported', async () => {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const page = await context.newPage();
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(`${APP_URL}#/map/m-adm`);
  await waitForCanvas(page);
  // Proof that the listener hears violations: an inline script is one.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'void 0';
    document.head.append(s);
  });
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
  const startUp = (await violations()).filter((v) => !v.includes('inline'));
  expect(startUp).toEqual([]);

  // A workspace file read in the import worker (zod validates it there).
  const dir = await mkdtemp(join(tmpdir(), 'lanemap-csp-'));
  const file = join(dir, 'backup.lanemap.json');
  await writeFile(file, JSON.stringify(toBundle(demoWorkspace('2026-11-23T10:00:00Z'), '2026-11-23T10:00:00Z')));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Open as a new workspace' }).waitFor({ timeout: 30_000 });
  expect((await violations()).filter((v) => !v.includes('inline'))).toEqual([]);
  expect(refused.filter((t) => !/inline/i.test(t))).toEqual([]);
  await rm(dir, { recursive: true, force: true });
  await context.close();
});
