/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { contentPlugin } from './scripts/vite-plugin-content.ts';
import { pyodidePlugin } from './scripts/vite-plugin-pyodide.ts';
import { worldPlugin } from './scripts/vite-plugin-world.ts';
import { pwaPlugin } from './scripts/pwa.ts';
import { authorPlugin } from './scripts/vite-plugin-author.ts';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, netlifyHeaders, netlifyRedirects } from './deploy/headers.ts';

// The headers' one source is deploy/headers.ts (with the host configurations written from it).
export { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS };

/**
 * `npm run dev` uses the same policy, loosened only where Vite's dev server
 * needs it: React's fast-refresh preamble is an inline script (HMR's websocket
 * is same-origin, so connect-src 'self' allows it). Remote media fail in dev
 * as in production.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/**
 * The build fails closed on a host that sends no headers: the page carries its
 * policy in a <meta> (first in <head>, so it governs every script after it), and
 * dist/ gets `_headers` and `_redirects` for hosts that read them (Netlify, Cloudflare Pages).
 */
function deployPlugin(): Plugin {
  return {
    name: 'lifecycle-deploy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: netlifyHeaders() });
      this.emitFile({ type: 'asset', fileName: '_redirects', source: netlifyRedirects() });
    },
  };
}

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
    deployPlugin(),
    authorPlugin({ dir: process.env.LIFECYCLE_CONTENT_DIR }),
  ],
  // Pyodide loads its runtime from /pyodide/ at run time; pre-bundling it would break that.
  // Every dependency is found up front by scanning all of src, workers and lazy chunks included: one found
  // only at run time (just-bash in the worker's shell chunk, isomorphic-git) makes Vite re-optimise and
  // reload the page mid-session, which cut /author's Prove short on a fresh machine.
  optimizeDeps: { exclude: ['pyodide'], entries: ['index.html', 'src/**/*.{ts,tsx}'] },
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
