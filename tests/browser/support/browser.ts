import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { PORT } from './server';

// Debian's Chromium driven by playwright-core: no browser download is possible here.

export const APP_URL = `http://localhost:${PORT}/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

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
export async function openApp(browser: Browser, opts: { acceptDownloads?: boolean; path?: string; canvas?: boolean } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: opts.acceptDownloads ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(APP_URL + (opts.path ?? ''));
  if (opts.canvas !== false) await waitForCanvas(page);
  return { context, page, errors };
}

export async function waitForCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__nodes').waitFor({ state: 'visible', timeout: 20_000 });
}

/** Wait until the app says every edit is stored. */
export async function waitSaved(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __lanemapFlush?: () => Promise<void> }).__lanemapFlush?.());
  await expect.poll(() => page.locator('.save-status').textContent(), { timeout: 5000 }).toBe('Saved');
}

/** axe-core on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary).toEqual([]);
}

export const nodeByLabel = (page: Page, label: string) => page.locator('.react-flow__node-shape', { has: page.locator('.shape-text', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
export const laneHeader = (page: Page, name: string) => page.getByRole('button', { name: `Lane ${name}`, exact: true });

/** Centre of an element on screen. */
export async function centre(selector: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  const b = await selector.boundingBox();
  if (!b) throw new Error('element not on screen');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}
