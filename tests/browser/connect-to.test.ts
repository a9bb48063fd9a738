import { expect, test } from 'vitest';
import { clickNode, nodeByLabel, openApp, renameNode, sharedBrowser, waitSaved } from './support/browser';

const browser = sharedBrowser();

// The inspector's "Connect to…" list names every other node as it is now, also when another
// node's name changes while this one stays selected (here by an undo), and connects to the pick.
test('"Connect to…" lists the other nodes by their current names, follows an undone rename, and connects to the pick', async () => {
  const { page, context } = await openApp(browser());
  await waitSaved(page);
  await renameNode(page, 'Sends application', 'Application sent');
  await clickNode(nodeByLabel(page, 'Assess application'));
  const list = page.getByRole('combobox', { name: 'Connect to' });
  const offered = () => list.locator('option').allTextContents();
  await expect.poll(async () => (await offered()).some((t) => t.startsWith('Application sent ('))).toBe(true);

  await page.keyboard.press('Control+z');
  await expect.poll(() => nodeByLabel(page, 'Sends application').count()).toBe(1);
  await expect.poll(async () => (await offered()).filter((t) => /^(Sends application|Application sent) \(/.test(t))).toEqual([expect.stringMatching(/^Sends application \(/)]);

  const pick = (await offered()).find((t) => t.startsWith('Sends application ('))!;
  await list.selectOption({ label: pick });
  await expect.poll(() => page.locator('.flows-summary').textContent()).toMatch(/To:.*Sends application/);
  await context.close();
});
