import { expect, test } from 'vitest';
import { expectAccessible, laneHeader, nodeByLabel, openApp, sharedBrowser } from './support/browser';

const browser = sharedBrowser();

test('right-click menus on a node, a lane, a flow and the map offer the table\'s actions, with keys; Shift+F10 opens them from the keyboard', async () => {
  const { page, context, errors } = await openApp(browser());
  await page.setViewportSize({ width: 1366, height: 768 });
  const step = nodeByLabel(page, 'Log enquiry in spreadsheet');

  // A node: its edits, each with its key; Delete deletes it, and Ctrl+Z brings it back.
  await step.click({ button: 'right' });
  const nodeMenu = page.getByRole('menu', { name: 'Actions on the node' });
  await nodeMenu.waitFor();
  const items = await nodeMenu.getByRole('menuitem').allTextContents();
  expect(items).toEqual(expect.arrayContaining(['Add stepS', 'Edit labelF2 / Enter', 'DeleteDelete / Backspace', 'CopyCtrl+C']));
  expect(items.some((t) => t.startsWith('Auto layout'))).toBe(false);
  await expectAccessible(page);
  await nodeMenu.getByRole('menuitem', { name: /^Delete/ }).click();
  await expect.poll(() => step.count()).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => step.count()).toBe(1);

  // A lane: moving it; the arrow keys move through the menu and Escape closes it.
  await laneHeader(page, 'Enquiries officer').click({ button: 'right' });
  const laneMenu = page.getByRole('menu', { name: 'Actions on the lane' });
  await laneMenu.waitFor();
  expect(await laneMenu.getByRole('menuitem').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Move lane down/)]));
  const first = await page.evaluate(() => document.activeElement?.textContent);
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent)).not.toBe(first);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
  await page.keyboard.press('Escape');
  await expect.poll(() => laneMenu.count()).toBe(0);

  // A flow: reversing it.
  const edge = page.locator('.react-flow__edge').first();
  const box = (await edge.locator('path').first().boundingBox())!;
  await page.locator('.react-flow__edge').first().dispatchEvent('contextmenu', { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, button: 2 });
  const flowMenu = page.getByRole('menu', { name: 'Actions on the flow' });
  await flowMenu.waitFor();
  expect(await flowMenu.getByRole('menuitem').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Reverse direction/)]));
  await page.keyboard.press('Escape');

  // The empty map: layout, zoom, paste.
  await page.locator('.react-flow__pane').click({ button: 'right', position: { x: 40, y: 40 } });
  const mapMenu = page.getByRole('menu', { name: 'Actions on the map' });
  await mapMenu.waitFor();
  expect(await mapMenu.getByRole('menuitem').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Auto layout/), expect.stringMatching(/^Zoom to fit/)]));
  await page.mouse.click(5, 300);
  await expect.poll(() => mapMenu.count()).toBe(0);

  // From the keyboard: the selected node's menu, its first item focused.
  await step.click();
  await page.keyboard.press('Shift+F10');
  await nodeMenu.waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
  expect(errors).toEqual([]);
  await context.close();
});
