/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { flushEdits } from '../persistence/flushEdits';
import { announceOfflineReady, announceUpdate } from './updateStore';

// The service worker precaches the whole app (the layout worker too), so after the first
// visit Lanemap opens with no network. Only in a build: the dev server has none.

export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const update = registerSW({
    onOfflineReady: announceOfflineReady,
    onNeedRefresh: () => announceUpdate(() => update()),
    // The new version has taken over (asked here or in another tab): write edits, then reload into it.
    onNeedReload: () => void flushEdits().finally(() => window.location.reload()),
    onRegisterError: (e: unknown) => console.warn('Lanemap: offline use is not available:', e),
  });
}
