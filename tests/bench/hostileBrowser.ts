// In the browser, how long until Import refuses each hostile archive, and how long is the
// page's longest task meanwhile (a frozen tab)? Serves a build (dist/, or --dist DIR for an
// older one, to compare), picks each file of tests/unit/fixtures/hostileFiles.ts and waits,
// up to --limit seconds, for "Cannot import". Long tasks come from a PerformanceObserver.
// Run after `vite build`: `npx tsx tests/bench/hostileBrowser.ts [--dist DIR] [--limit 240]
// [--only name.vsdx]`. Writes tests/bench/results/hostile-browser-latest.json unless --dist
// is given. Reported, never asserted.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_ARCHIVES, HUGE_DRAWINGS } from '../unit/fixtures/hostileFiles';
import { launch } from '../browser/support/browser';
import { serveStatic } from '../browser/support/staticServer';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

interface Row {
  file: string;
  refusedAfterMs: number | null;
  longestTaskMs: number;
  said: string;
}

async function main(): Promise<void> {
  const dist = flag('--dist') ?? 'dist';
  const limitS = Number(flag('--limit') ?? 240);
  const only = flag('--only');
  const dir = mkdtempSync(join(tmpdir(), 'lanemap-hostile-browser-'));
  const server = await serveStatic(dist);
  const browser = await launch();
  const rows: Row[] = [];
  try {
    for (const f of [...HOSTILE_ARCHIVES, ...HUGE_DRAWINGS].filter((h) => !only || h.name === only)) {
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes());
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`http://localhost:${server.port}/`);
      await page.locator('.react-flow__nodes').waitFor({ timeout: 60_000 });
      await page.evaluate(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: false });
      });
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: /^Import( workspace)?$/ }).click();
      const started = Date.now();
      await (await chooser).setFiles(path);
      const refused = page.getByRole('dialog', { name: /^Cannot import/ });
      let refusedAfterMs: number | null = null;
      let said = '';
      try {
        await refused.waitFor({ timeout: limitS * 1000 });
        refusedAfterMs = Date.now() - started;
        said = ((await refused.locator('li').first().textContent()) ?? '').slice(0, 160);
      } catch {
        said = `no answer within ${limitS} s`;
      }
      // A frozen page answers this only once it thaws; the long tasks are read after.
      const longestTaskMs = Math.round(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
      rows.push({ file: f.name, refusedAfterMs, longestTaskMs, said });
      console.log(`${f.name.padEnd(22)} ${refusedAfterMs === null ? `>${limitS * 1000}` : String(refusedAfterMs).padStart(7)} ms to refuse, longest task ${String(longestTaskMs).padStart(7)} ms  ${said}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (flag('--dist')) return;
  mkdirSync('tests/bench/results', { recursive: true });
  const result = { benchmark: 'hostile-browser', date: new Date().toISOString(), machine: { cpus: cpus().length, loadAverage1m: loadavg()[0] }, limitS, rows };
  writeFileSync('tests/bench/results/hostile-browser-latest.json', `${JSON.stringify(result, null, 2)}\n`);
}

void main();
