import type { Browser, Page } from 'playwright-core';
import { openApp, waitForCanvas } from './browser';

// Sharing as a person does it, for the live-workspace tests and benchmark (which runs outside
// Vitest, so these wait with Playwright's own means, not expect.poll).

export async function giveName(page: Page, name: string): Promise<void> {
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await ask.getByRole('textbox', { name: 'Name' }).fill(name);
  await ask.getByRole('button', { name: 'Save name' }).click();
}

/** Share the open workspace; returns the edit link and the view-only link. */
export async function share(page: Page, name: string): Promise<{ edit: string; view: string }> {
  await page.getByRole('button', { name: /^Share/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this workspace' });
  await dialog.getByRole('button', { name: 'Start sharing' }).click();
  await giveName(page, name);
  const link = dialog.getByRole('textbox', { name: 'Link', exact: true });
  await dialog.getByRole('status').filter({ hasText: /^Connected/ }).waitFor({ timeout: 30_000 });
  if (!(await link.inputValue()).includes('#/join/')) throw new Error(`the share dialog shows no link: ${await link.inputValue()}`);
  const urls = { edit: await link.inputValue(), view: await dialog.getByRole('textbox', { name: 'View-only link' }).inputValue() };
  await dialog.getByRole('button', { name: 'Close' }).click();
  return urls;
}

/** A new laptop (a fresh context) opens a share link and gives its person's name; resolved once the map is drawn. */
export async function joinShared(browser: Browser, link: string, name: string) {
  const person = await openApp(browser, { url: link, canvas: false });
  await giveName(person.page, name);
  await waitForCanvas(person.page);
  return person;
}

export const openMap = (page: Page, name: string) => page.getByRole('complementary', { name: 'Maps' }).getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click();
export const peopleHere = (page: Page) => page.getByRole('list', { name: /^People here/ });

/** The Share button's text: "Share", or "Share (live)", "(offline, 2 unsent)"... once shared. */
export const shareState = (page: Page) => page.getByRole('button', { name: /^Share/ }).textContent();
