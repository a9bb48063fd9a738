import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { PORT } from './server';

// Debian's Chromium driven by playwright-core: no browser download is possible here.

export const APP_URL = `http://localhost:${PORT}/`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** `extraArgs`: more Chromium switches, such as --host-resolver-rules to give a test its own host name. */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function sharedBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A fresh profile (empty IndexedDB) with the app open and its canvas drawn. `canvas: false`
 * is for screens without one (#/catalogue, #/landscape): the caller waits for its own content.
 */
export async function openApp(browser: Browser, opts: { acceptDownloads?: boolean; path?: string; canvas?: boolean; url?: string } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: opts.acceptDownloads ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto((opts.url ?? APP_URL) + (opts.path ?? ''));
  if (opts.canvas !== false) await waitForCanvas(page);
  return { context, page, errors };
}

export async function waitForCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__nodes').waitFor({ state: 'visible', timeout: 20_000 });
}

/** Wait until the app says every edit is stored. */
export async function waitSaved(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __lanemapFlush?: () => Promise<void> }).__lanemapFlush?.());
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
}

/**
 * Close every message. Information messages also go by themselves after a few seconds, so one
 * may be gone between counting and clicking: count again each time rather than click a stale one.
 */
export async function dismissToasts(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss message' });
  await expect
    .poll(async () => {
      if ((await close.count()) > 0) await close.first().click({ timeout: 2000 }).catch(() => undefined);
      return close.count();
    })
    .toBe(0);
}

/**
 * Click a node where a person sees it. Focus first, as Tab would: the canvas brings a focused step
 * into view. Playwright clicks an element's centre, and for a node half under the side panel or
 * the minimap that centre is someone else's (2 of 101 tests failed so at load 15): so click a
 * point of it that is really on top, found by asking the page, until it is selected.
 */
export async function clickNode(node: Locator): Promise<void> {
  await node.focus();
  const spot = async () =>
    node.evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (const fy of [0.5, 0.3, 0.7, 0.15, 0.85])
        for (const fx of [0.5, 0.3, 0.15, 0.7, 0.85, 0.05]) {
          const x = r.left + r.width * fx;
          const y = r.top + r.height * fy;
          if (el.contains(document.elementFromPoint(x, y))) return { x: x - r.left, y: y - r.top };
        }
      return null;
    });
  // The view may still be moving (a pan to the focused node): click again until it is selected.
  await expect
    .poll(async () => {
      const at = await spot();
      if (at) await node.click({ position: at, timeout: 5000 }).catch(() => undefined);
      return (await node.getAttribute('class'))?.split(' ').includes('selected') ?? false;
    })
    .toBe(true);
}

/** Select a node, F2, type the new label, Enter; wait until it shows (not until it is stored). */
export async function relabelNode(page: Page, from: string, to: string): Promise<void> {
  await clickNode(nodeByLabel(page, from));
  await page.keyboard.press('F2');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeByLabel(page, to).count()).toBe(1);
}

/**
 * Key presses "in a row" as the app means it (nudges and sizes by key within a second merge into
 * one undo step): all sent in one task, so a busy machine cannot space them out. Each is the
 * keydown and keyup the focused element would get, e.g. 'Control+Shift+ArrowRight'.
 */
export async function pressInARow(page: Page, keys: string[]): Promise<void> {
  await page.evaluate((list) => {
    for (const combo of list) {
      const parts = combo.split('+');
      const init = { key: parts.at(-1)!, ctrlKey: parts.includes('Control'), shiftKey: parts.includes('Shift'), altKey: parts.includes('Alt'), bubbles: true, cancelable: true };
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', init));
      target.dispatchEvent(new KeyboardEvent('keyup', init));
    }
  }, keys);
}

/** relabelNode, then wait until it is stored. */
export async function renameNode(page: Page, from: string, to: string): Promise<void> {
  await relabelNode(page, from, to);
  await waitSaved(page);
}

/** Every IndexedDB write fails as Chromium fails it when the disk is full. */
export const fillDisk = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put };
    w.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });

/** Writes work again after fillDisk. */
export const freeDisk = (page: Page) =>
  page.evaluate(() => {
    IDBObjectStore.prototype.put = (window as unknown as { __put: typeof IDBObjectStore.prototype.put }).__put;
  });

/** axe-core on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  // A sandboxed frame runs no script, so axe cannot be put in it and waits for it for ever (the
  // report preview hung the report test for 180 s): such frames are left out of the check.
  const result = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary).toEqual([]);
}

export const nodeByLabel = (page: Page, label: string) => page.locator('.react-flow__node-shape', { has: page.locator('.shape-text', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
export const laneHeader = (page: Page, name: string) => page.getByRole('button', { name: `Lane ${name}`, exact: true });

/**
 * A reading (a viewport transform, a box on screen) once it has stopped changing: the same for
 * longer than any animation of ours (fit view 250 ms, layout glide 350 ms). Two equal reads in a
 * row are not enough on a busy machine, where a frame can come later than the next read. This
 * waits for a condition, not for a time: a still screen returns after `quietMs`.
 */
export async function steady<T>(read: () => Promise<T>, quietMs = 700): Promise<T> {
  let last = JSON.stringify(await read());
  let value: T | undefined;
  let since = Date.now();
  await expect
    .poll(
      async () => {
        value = await read();
        const now = JSON.stringify(value);
        if (now !== last) [last, since] = [now, Date.now()];
        return Date.now() - since >= quietMs;
      },
      { timeout: 20_000, message: 'still moving' },
    )
    .toBe(true);
  return value as T;
}

/**
 * Wait until the map canvas stops panning or zooming (starting to type in a node pans it into
 * view; zoom to fit glides): read positions for a mouse drag only after this.
 */
export async function waitForStillView(page: Page): Promise<void> {
  await steady(() => page.locator('.canvas .react-flow__viewport').getAttribute('style'));
}

/** Centre of an element on screen. */
export async function centre(selector: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  const b = await selector.boundingBox();
  if (!b) throw new Error('element not on screen');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Click a map tool by name: its toolbar button, or its item in the toolbar's "More" menu when the bar has no room for it. */
export async function clickTool(page: Page, name: string): Promise<void> {
  const button = page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name, exact: true });
  if ((await button.count()) > 0) return button.click();
  await page.getByRole('button', { name: 'More ▾' }).click();
  await page.getByRole('menu', { name: 'More tools' }).getByRole('menuitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

/** Drag the empty canvas sideways by `dx` screen pixels, as someone reading along a long map does. */
export async function dragPane(page: Page, dx: number): Promise<void> {
  await waitForStillView(page);
  const spot = await page.locator('.canvas').evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (let y = r.top + 40; y < r.bottom - 40; y += 13) {
      for (let x = r.right - 260; x > r.left + 200; x -= 17) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    }
    return null;
  });
  expect(spot, 'no empty spot of canvas to drag').not.toBeNull();
  await page.mouse.move(spot!.x, spot!.y);
  await page.mouse.down();
  await page.mouse.move(spot!.x + dx, spot!.y, { steps: 8 });
  await page.mouse.up();
}
