import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { START_MOMENTS, startMarkName } from '../../../src/state/startMarks';

// What the editor benchmark reads from a page, the same way for Lanemap and the bare peer.

export { median } from '../report';

/** Wait until `ok` holds, reading every 50 ms; a benchmark step that never settles is an error, not a figure. */
export async function until(ok: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Two animation frames: whatever the last input caused has been drawn. */
export const painted = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** What a page's watchers print once they have seen what they wait for (see `navigateUntil`). */
export const SHOWN_SIGNAL = 'lanemap-bench:shown';

/**
 * From now on, every page load of `page` notes when the first element matching `selector` is
 * shown (in the DOM, and no element around it hidden by an inline style, as React Flow hides a
 * node until it has measured it), on this process's clock, at the frame that draws it, and then
 * prints SHOWN_SIGNAL. Taken in the page: Playwright's wait looks again only every 100 to 500 ms
 * once a page is slow, which added up to half a second to a start-up time.
 */
export async function noteFirstShown(page: Page, selector: string): Promise<void> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  // Inline styles only, not getComputedStyle: that makes the page work out its styles afresh at
  // each change it watches. On Lanemap's reloads onto the 1,000-step map it added about 70 ms
  // (medians of 8: 695 against 624 ms; the peer's cost was not measured apart).
  await page.addInitScript(
    ([sel, signal]) => {
      new MutationObserver((_, watch) => {
        const el = document.querySelector(sel);
        if (el === null) return;
        for (let at: Element | null = el; at; at = at.parentElement) if ((at as HTMLElement).style?.visibility === 'hidden') return;
        watch.disconnect();
        requestAnimationFrame(() => {
          (window as unknown as { __shownAt: number }).__shownAt = Date.now();
          console.log(signal);
        });
      }).observe(document, { childList: true, subtree: true, attributes: true });
    },
    [selector, SHOWN_SIGNAL] as const,
  );
}

/**
 * Run `navigate` (a goto or a reload) and wait until the page prints `signal`: when it started,
 * on this process's clock, and how long the line took to reach this process. Waiting on the
 * console puts nothing into the page. A locator or waitForFunction during a start first
 * evaluates Playwright's own script in the new page, about 18 to 30 ms on its main thread (seen
 * in a trace of a reload), which then lands in the start being timed.
 */
export async function navigateUntil(page: Page, signal: string, navigate: () => Promise<unknown>): Promise<{ t0: number; heardMs: number }> {
  // Listening before the navigation starts, so a fast page's line is not missed.
  const heard = page.waitForEvent('console', { predicate: (m) => m.text() === signal, timeout: 120_000 });
  const t0 = Date.now();
  await Promise.all([heard, navigate()]);
  return { t0, heardMs: Date.now() - t0 };
}

/** The moment `noteFirstShown` took on this page load (once `navigateUntil(page, SHOWN_SIGNAL, …)` has resolved). */
export async function firstShownAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
}

/** Where a start's time went, from the app's start marks (src/state/startMarks.ts) and `noteFirstShown`: ms per phase, in order. */
export const START_PHASES = ['code loaded and run', 'storage read', 'editor rendered', 'steps measured and drawn'] as const;

/** The page load's START_PHASES (call after `firstShownAt`); null where a mark is missing (the peer has none). */
export async function startPhases(page: Page): Promise<number[] | null> {
  const names = START_MOMENTS.map(startMarkName);
  const at = await page.evaluate((marks) => {
    const w = window as unknown as { __shownAt?: number };
    const times = marks.map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null);
    return [...times, w.__shownAt === undefined ? null : w.__shownAt - performance.timeOrigin];
  }, names);
  if (at.some((t) => t === null)) return null;
  const points = [0, ...(at as number[])];
  return points.slice(1).map((t, i) => t - points[i]!);
}

const sessions = new WeakMap<Page, CDPSession>();

/** Main-thread task time of the page so far, in ms (Chromium's own count, which idle time does not add to; kept per CDP session, so one per page). */
export async function mainThreadMs(page: Page): Promise<number> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    sessions.set(page, cdp);
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** JS heap in use after a full garbage collection, in MB. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
}

/** The scripts a built page loads before anything else (its module entries and their preloads): gzipped KB, and how many files. */
export function initialJs(dist: string): { kb: number; files: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1]!);
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(dist, f.replace(/^\.?\//, '')))).length;
  return { kb: bytes / 1024, files: files.size };
}

/** The node nearest the middle of the canvas that is wholly on screen: its label and centre. */
export async function middleNode(page: Page, labelSelector: string): Promise<{ label: string; x: number; y: number }> {
  const found = await page.evaluate((sel) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { label: string; x: number; y: number; d: number } | null = null;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const label = el.querySelector(sel)?.textContent ?? '';
      if (!label || r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom) continue;
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (!best || d < best.d) best = { label, x: r.left + r.width / 2, y: r.top + r.height / 2, d };
    }
    return best;
  }, labelSelector);
  if (!found) throw new Error('no node wholly on screen');
  return found;
}

/**
 * Drag a node by `moves` small steps and count the frames drawn meanwhile: frames per second
 * while dragging (60 is smooth). Each step waits until the page has taken the mouse event in.
 */
export async function dragFps(page: Page, at: { x: number; y: number }, moves = 40): Promise<number> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 1; i <= moves; i++) await page.mouse.move(at.x + i * 6, at.y + (i % 2) * 3);
  await painted(page);
  const ms = Date.now() - t0;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  await page.mouse.up();
  return (frames / ms) * 1000;
}

/** The canvas's viewport transform as React Flow writes it. */
export async function viewportOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const style = (await page.locator('.react-flow__viewport').first().getAttribute('style')) ?? '';
  const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(style);
  if (!m) throw new Error(`no viewport transform in "${style}"`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** A reading once it has stayed the same for `quietMs` (a fit or a glide has ended): support/browser.ts's `steady` without Vitest's expect.poll, which this script runs outside. */
export async function steadyValue<T>(read: () => Promise<T>, quietMs = 700): Promise<T> {
  let last = JSON.stringify(await read());
  let since = Date.now();
  let value = await read();
  await until(async () => {
    value = await read();
    const now = JSON.stringify(value);
    if (now !== last) [last, since] = [now, Date.now()];
    return Date.now() - since >= quietMs;
  }, 'a still view');
  return value;
}

