import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ARGS, CHROMIUM } from './browser';

// A Chromium with a profile on disk that can be killed as a crash or a power cut would kill it
// (SIGKILL, no unload, no pagehide), then started again on the same profile. Playwright's own
// launch keeps the process to itself, so Chromium is started here and driven over its DevTools
// port. Used by tests/browser/kill-browser.test.ts and tests/bench/killBrowser.ts.

export interface KillableBrowser {
  browser: Browser;
  /** A page in the profile's own browser context, sized as the other tests' pages. */
  newPage: () => Promise<Page>;
  /** SIGKILL the browser process and everything it started; resolves once it is gone. */
  kill: () => Promise<void>;
}

export async function launchWithProfile(profileDir: string): Promise<KillableBrowser> {
  const child = spawn(CHROMIUM, [...ARGS, '--headless=new', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port: ${text}`)), 60_000);
    // Read stderr to the end, so Chromium never blocks on a full pipe.
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    void exited.then(() => reject(new Error(`Chromium ended before it started: ${text}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    newPage: async () => {
      const page = await browser.contexts()[0]!.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      return page;
    },
    kill: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}
