/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { contentPlugin } from './scripts/vite-plugin-content.ts';
import { pyodidePlugin } from './scripts/vite-plugin-pyodide.ts';

// COOP + COEP make the page cross-origin isolated, which the lab's Python
// engine uses to interrupt runaway code (FACTS.md). Static hosts need the same
// two headers (README.md, "Deploy").
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // LIFECYCLE_CONTENT_DIR points the dev server at another content folder (the
  // browser tests use it to edit a scratch copy of a fixture lesson).
  plugins: [react(), tailwindcss(), contentPlugin({ dir: process.env.LIFECYCLE_CONTENT_DIR }), pyodidePlugin()],
  // Pyodide loads its runtime from /pyodide/ at run time; pre-bundling it would break that.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
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
  },
});
