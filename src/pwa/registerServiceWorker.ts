/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { flushEdits } from '../persistence/flushEdits';
import { afterStart } from '../state/afterStart';
import { announceNoOfflineInstall, announceOfflineReady, announceUpdate } from './updateStore';

// The service worker precaches the whole app (the layout and import workers too), so after
// the first visit Lanemap opens with no network. Only in a build: the dev server has none.
// A tab left open all week still hears of a new version: it asks every hour, and when the
// window comes back into focus. Served over plain http (an intranet name) there is no service
// worker at all: the app works, it just cannot be installed for offline use, and says so.

const HOUR_MS = 60 * 60 * 1000;
/** Focus comes and goes all day: ask at most this often on focus. */
const FOCUS_GAP_MS = 60 * 1000;

export function startServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  // The first install fetches and stores the whole app: not while the first map is drawn.
  afterStart(register);
}

function register(): void {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    announceNoOfflineInstall();
    return;
  }
  const update = registerSW({
    onOfflineReady: announceOfflineReady,
    onNeedRefresh: () => announceUpdate(() => update()),
    // The new version has taken over (asked here or in another tab): write edits, then reload into it.
    onNeedReload: () => void flushEdits().finally(() => window.location.reload()),
    onRegisteredSW: (_url: string, reg: ServiceWorkerRegistration | undefined) => {
      if (reg) checkForUpdates(reg);
    },
    onRegisterError: (e: unknown) => console.warn('Lanemap: offline use is not available:', e),
  });
}

function checkForUpdates(reg: ServiceWorkerRegistration): void {
  // Registering has just looked for a new version; the first return to the tab looks again.
  let last = 0;
  const check = () => {
    // Offline, or the server is down for a deploy: try again at the next turn.
    if (!navigator.onLine || reg.installing) return;
    last = Date.now();
    reg.update().catch(() => undefined);
  };
  setInterval(check, HOUR_MS);
  window.addEventListener('focus', () => {
    if (Date.now() - last >= FOCUS_GAP_MS) check();
  });
}
