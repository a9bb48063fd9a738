import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import type { ChunkingContext, CodeSplittingNameFunction } from 'rolldown';

// Only the app's own scripts and workers run. Styles may be inline: React Flow positions
// nodes with style attributes and html-to-image copies computed styles into its clone.
// Images may be data:/blob: URLs (exports are drawn through them).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The policy as a meta tag in the built page, so it holds wherever the files are served.
 * Not in dev: the dev server's React refresh preamble is an inline script.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'lanemap-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/**
 * Builds for the browser tests and benchmarks (`vite build --mode e2e`) load one more script,
 * tests/browser/support/pageHooks.ts, which puts test hooks on window (flush the saves, open
 * two versions side by side, time the export). The production page has no such script.
 */
function testHooks(): Plugin {
  return {
    name: 'lanemap-test-hooks',
    apply: (_config, env) => env.command === 'build' && env.mode === 'e2e',
    // 'pre', so the page's scripts are bundled with it as any other entry.
    transformIndexHtml: { order: 'pre', handler: () => [{ tag: 'script', attrs: { type: 'module', src: '/tests/browser/support/pageHooks.ts' }, injectTo: 'body' }] },
  };
}

/**
 * Every module the page runs at start, in one chunk. Left to itself the bundler splits out each
 * module that a lazily loaded screen shares with the start-up code: 26 files fetched before the
 * first map is drawn, each through the service worker once the app is installed.
 */
function startupChunk(entry: string): CodeSplittingNameFunction {
  let atStart: Set<string> | null = null;
  const walk = (ctx: ChunkingContext, id: string) => {
    if (atStart!.has(id)) return;
    atStart!.add(id);
    for (const dep of ctx.getModuleInfo(id)?.importedIds ?? []) walk(ctx, dep);
  };
  return (id, ctx) => {
    if (!atStart) {
      atStart = new Set();
      walk(ctx, entry);
    }
    return atStart.has(id) ? 'startup' : null;
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    testHooks(),
    VitePWA({
      // A new version waits until the user says "Reload" (after unsaved edits are written).
      registerType: 'prompt',
      // Registered from src/pwa/registerServiceWorker.ts, not by an injected script.
      injectRegister: null,
      includeManifestIcons: false,
      manifest: {
        name: 'Lanemap',
        short_name: 'Lanemap',
        description: 'Swimlane maps of how your organisation treats its customers, kept in your browser.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f3a5f',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app needs to open and work with no network, the layout worker included
        // (the manifest and its icons are added by the plugin).
        globPatterns: ['**/*.{js,css,html,svg,png,ico,wasm}'],
        // The layout worker carries ELK (about 1.5 MB).
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { port: 5173 },
  // The dev server pre-bundles what the page imports before serving it. The layout worker is
  // started through new URL(...), which the dependency scan does not follow, so elkjs was found
  // only when the worker first ran: the first `npm start` then re-optimised and reloaded the
  // page about 30 s in. Scanning the worker as an entry too gives a working page at once.
  optimizeDeps: { entries: ['index.html', 'src/workers/layout.worker.ts'] },
  // The same policy as a header, plus what only a header can say (no framing).
  preview: { headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` } },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
    // charset 'ascii': the app's text has characters such as '…' and '’', and one of them is
    // enough for V8 to hold and scan a whole file as two-byte text. Escaped, every script is
    // plain ASCII (cold starts, medians side by side: 1,030 to 917 ms, then 1,211 to 1,145 ms).
    rolldownOptions: { output: { charset: 'ascii', codeSplitting: { groups: [{ name: startupChunk(fileURLToPath(new URL('./src/main.tsx', import.meta.url))) }] } } },
  },
  // The workers are bundled on their own; ELK alone has over a thousand non-ASCII characters.
  worker: { rolldownOptions: { output: { charset: 'ascii' } } },
});
