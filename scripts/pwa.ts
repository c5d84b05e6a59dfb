// The service worker (Workbox via vite-plugin-pwa): after one visit the whole
// app — lessons, lab, Monaco and the Python runtime in dist/pyodide/ — works
// with the network off. Precaching is glob-based over all of dist, so chunks
// that other changes split out are cached without a hand-kept list.
//
// Updates are prompt-style: a new deploy's worker installs and waits until the
// learner presses Reload (src/app/serviceWorker.ts), so a page never mixes old
// and new files. Responses are cached as the server sent them, headers
// included, so pages served offline keep COOP/COEP and the CSP.
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/** pyodide.asm.wasm is ~9.6 MB; Workbox skips files over 2 MB unless told otherwise. */
export const MAX_PRECACHE_BYTES = 32 * 1024 * 1024;

/** What goes into the precache manifest (also read by tests/app/precache.test.ts). */
export const PRECACHE_GLOBS = {
  globPatterns: ['**/*'],
  // Vite's build manifest is for scripts/budget.mjs, not the browser; _headers and
  // _redirects are the host's (deploy/headers.ts), which does not serve them.
  globIgnores: ['.vite/**', 'sw.js', 'workbox-*.js', '_headers', '_redirects'],
  maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
  // Hashed names change with their content, and Python's runtime sits under its version
  // (scripts/vite-plugin-pyodide.ts): no revision query, so the install may take them from
  // the HTTP cache (a first visit would otherwise download the ~12 MB runtime twice).
  dontCacheBustURLsMatching: /^(assets|pyodide)\//,
};

export function pwaPlugin(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    // Registration is ours: after load, from a lazy chunk (src/main.tsx).
    injectRegister: false,
    // public/manifest.webmanifest is linked from index.html by hand.
    manifest: false,
    filename: 'sw.js',
    devOptions: { enabled: false }, // `npm run dev` runs without a service worker
    workbox: {
      ...PRECACHE_GLOBS,
      // SPA routes (/lessons/…) get index.html from the cache.
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/(assets|pyodide)\//],
      cleanupOutdatedCaches: true,
      // The first install controls the open page at once; an update still waits (no skipWaiting).
      clientsClaim: true,
      skipWaiting: false,
      sourcemap: false,
    },
  });
}
