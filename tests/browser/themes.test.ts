import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, openApp, sharedBrowser, waitForCanvas } from './support/browser';

// Themes at 1366x768: the system's dark, the chooser's light, dark and high contrast, each on the
// panels and on the canvas (lanes, nodes, flows, minimap, zoom buttons), readable (axe's colour
// contrast) in the editor and in presentation mode; the choice survives a reload; pictures
// taken from the page keep the print colours.

const browser = sharedBrowser();

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
const luminance = (css: string) => {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** The colours a person sees: the page, a panel, the canvas and its parts. */
const colours = (page: Page) =>
  page.evaluate(() => {
    const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    const step = document.querySelector('.react-flow__node-shape .shape-step .shape-svg path')!;
    const flow = document.querySelector('.react-flow__edge-path')!;
    return {
      theme: document.documentElement.dataset.theme,
      topbar: style('.topbar').backgroundColor,
      side: style('.side').backgroundColor,
      canvas: style('.canvas .react-flow').backgroundColor,
      lane: style('.lane').backgroundColor,
      laneName: style('.lane-name').color,
      stepFill: getComputedStyle(step).fill,
      stepStroke: getComputedStyle(step).stroke,
      stepText: style('.shape-step .shape-text').color,
      flow: getComputedStyle(flow).stroke,
      minimap: style('.react-flow__minimap').backgroundColor,
      zoomButton: style('.react-flow__controls-button').backgroundColor,
    };
  });

async function open(colorScheme: 'light' | 'dark') {
  const session = await openApp(browser());
  await session.page.setViewportSize({ width: 1366, height: 768 });
  await session.page.emulateMedia({ colorScheme });
  return session;
}

const chooser = (page: Page) => page.getByRole('combobox', { name: 'Theme' });

test('System follows the computer: dark when it asks for dark, light when it asks for light, on the panels and the canvas', async () => {
  const { page, context, errors } = await open('dark');
  await expect.poll(async () => (await colours(page)).theme).toBe('dark');
  const dark = await colours(page);
  expect(await chooser(page).inputValue()).toBe('system');
  for (const surface of [dark.topbar, dark.side, dark.canvas, dark.lane, dark.stepFill, dark.minimap, dark.zoomButton]) expect(luminance(surface)).toBeLessThan(0.05);
  for (const ink of [dark.laneName, dark.stepText, dark.stepStroke, dark.flow]) expect(luminance(ink)).toBeGreaterThan(0.35);
  await page.screenshot({ path: 'tests/browser/artifacts/theme-dark.png' });
  await expectAccessible(page);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => (await colours(page)).theme).toBe('light');
  const light = await colours(page);
  for (const surface of [light.topbar, light.canvas, light.lane, light.stepFill, light.minimap, light.zoomButton]) expect(luminance(surface)).toBeGreaterThan(0.8);
  expect(luminance(light.stepText)).toBeLessThan(0.05);
  expect(errors).toEqual([]);
  await context.close();
});

test('the chooser: High contrast and Dark by the select, kept after a reload, readable in presentation mode; the key steps on', async () => {
  const { page, context, errors } = await open('light');
  // Reached by the keyboard like any control: focus, then pick.
  await chooser(page).focus();
  await chooser(page).selectOption({ label: 'High contrast' });
  await expect.poll(async () => (await colours(page)).theme).toBe('contrast');
  const contrast = await colours(page);
  expect(contrast.stepStroke).toBe('rgb(0, 0, 0)');
  expect(contrast.stepText).toBe('rgb(0, 0, 0)');
  expect(luminance(contrast.flow)).toBeLessThan(0.05);
  expect(luminance(contrast.canvas)).toBe(1);
  await page.screenshot({ path: 'tests/browser/artifacts/theme-contrast.png' });
  await expectAccessible(page);

  await page.reload();
  await waitForCanvas(page);
  await expect.poll(async () => (await colours(page)).theme).toBe('contrast');
  expect(await chooser(page).inputValue()).toBe('contrast');

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(false);
  await page.screenshot({ path: 'tests/browser/artifacts/theme-contrast-present.png' });
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(true);

  // The system asks for light, but Dark is chosen: dark it is, before and after a reload.
  await chooser(page).selectOption({ label: 'Dark' });
  await expect.poll(async () => (await colours(page)).theme).toBe('dark');
  await page.reload();
  await waitForCanvas(page);
  await expect.poll(async () => (await colours(page)).theme).toBe('dark');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(false);
  await page.screenshot({ path: 'tests/browser/artifacts/theme-dark-present.png' });
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(true);

  // Shift+T steps to the next choice: after Dark comes High contrast, then System (light here).
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 20 } });
  await page.keyboard.press('Shift+T');
  await expect.poll(async () => (await colours(page)).theme).toBe('contrast');
  await page.keyboard.press('Shift+T');
  await expect.poll(async () => (await colours(page)).theme).toBe('light');
  expect(await chooser(page).inputValue()).toBe('system');
  await expectAccessible(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('a picture of the view is drawn in the print colours in the dark theme, and the screen stays dark', async () => {
  const { page, context, errors } = await open('dark');
  await expect.poll(async () => (await colours(page)).theme).toBe('dark');
  const svg = await page.evaluate(() => (window as unknown as { __lanemapExport: { viewSvgText(): Promise<string> } }).__lanemapExport.viewSvgText());
  // The step's outline as core/model/shapes gives it (#35506e), not the dark theme's (#9db7d5).
  expect(svg).toContain('stroke: rgb(53, 80, 110)');
  expect(svg).not.toContain('rgb(157, 183, 213)');
  const after = await colours(page);
  expect(luminance(after.canvas)).toBeLessThan(0.05);
  expect(after.stepStroke).toBe('rgb(157, 183, 213)');
  expect(errors).toEqual([]);
  await context.close();
});
