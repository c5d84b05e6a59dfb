/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { contentPlugin } from './scripts/vite-plugin-content.ts';
import { pyodidePlugin } from './scripts/vite-plugin-pyodide.ts';
import { worldPlugin } from './scripts/vite-plugin-world.ts';
import { pwaPlugin } from './scripts/pwa.ts';
import { authorPlugin } from './scripts/vite-plugin-author.ts';

/**
 * The production Content-Security-Policy: everything comes from the page's own
 * origin, and no script runs that is not a file from it. Why each exception
 * exists (the browser tests fail on any violation, tests/e2e/browser.ts):
 * - 'wasm-unsafe-eval': Python (Pyodide) compiles WebAssembly; JS eval stays off.
 * - style-src 'unsafe-inline': Monaco adds <style> elements and writes its
 *   lines as HTML with style="" attributes, and takes no nonce.
 * - img-src data: Monaco's CSS draws squiggles and some icons as data: images.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `npm run dev` uses the same policy, loosened only where Vite's dev server
 * needs it: React's fast-refresh preamble is an inline script (HMR's websocket
 * is same-origin, so connect-src 'self' allows it). Remote media fail in dev
 * as in production.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

// COOP + COEP make the page cross-origin isolated, which the lab's Python
// engine uses to interrupt runaway code (docs/tool-facts.md). Static hosts must send all
// of these (README.md, "Deploy").
export const SECURITY_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export default defineConfig({
  // LIFECYCLE_CONTENT_DIR points the dev server at another content folder (the
  // browser tests use it to edit a scratch copy of a fixture lesson).
  plugins: [
    react(),
    tailwindcss(),
    contentPlugin({ dir: process.env.LIFECYCLE_CONTENT_DIR }),
    worldPlugin({ dir: process.env.LIFECYCLE_CONTENT_DIR }),
    pyodidePlugin(),
    pwaPlugin(),
    authorPlugin({ dir: process.env.LIFECYCLE_CONTENT_DIR }),
  ],
  // Pyodide loads its runtime from /pyodide/ at run time; pre-bundling it would break that.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  server: { headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  preview: { headers: SECURITY_HEADERS },
  build: {
    target: 'es2022',
    manifest: true, // read by scripts/budget.mjs
    chunkSizeWarningLimit: 4096, // Monaco is one large lazy chunk by design
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // The suite must pass on a busy two-core machine: a training run in
    // Python or a git commit can take many times its idle duration there.
    // Tests that load Python or start a process set larger limits themselves.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
