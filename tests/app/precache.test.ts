// The service worker's precache list comes from globbing dist (scripts/pwa.ts):
// a build shaped like ours must yield every file a lesson needs offline, the
// ~10 MB Python runtime included, and nothing that is for the build tools only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getManifest } from 'workbox-build';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PRECACHE_BYTES, PRECACHE_GLOBS } from '../../scripts/pwa';
import { PYODIDE_BASE } from '../../scripts/vite-plugin-pyodide';

/** dist/pyodide/<version>/ (the runtime's address carries its version). */
const py = PYODIDE_BASE.slice(1);

const dist = mkdtempSync(join(tmpdir(), 'lab-dist-'));
const put = (path: string, data: string | Buffer) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), data);
};
put('index.html', '<!doctype html>');
put('manifest.webmanifest', '{}');
put('icons/icon-512.png', 'png');
put('assets/index-AbC123.js', 'entry');
put('assets/StepPage-XyZ789.js', 'step');
put('assets/lesson-ml-lifecycle-Q1w2E3.js', 'lesson content (a lazy chunk)');
put('assets/editor.worker-Zz9.js', 'monaco worker');
put('assets/codicon-F0.ttf', 'font');
put('assets/index-C55.css', 'css');
put(`${py}pyodide.asm.wasm`, Buffer.alloc(9_800_000)); // as large as the real one, over Workbox's 2 MB default
put(`${py}python_stdlib.zip`, Buffer.alloc(2_500_000));
put(`${py}pyodide.asm.mjs`, 'runtime');
put(`${py}pyodide-lock.json`, '{}');
put('.vite/manifest.json', '{}');
put('sw.js', 'the worker itself');
put('workbox-1a2b.js', 'its runtime');

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the precache manifest', () => {
  it('holds every file of the app, the Python runtime included, revisioned where the address does not name the content', async () => {
    const { manifestEntries, warnings } = await getManifest({ globDirectory: dist, ...PRECACHE_GLOBS });
    expect(warnings).toEqual([]);
    const byUrl = Object.fromEntries((manifestEntries ?? []).map((e) => (typeof e === 'string' ? [e, null] : [e.url, e.revision])));
    expect(Object.keys(byUrl).sort()).toEqual([
      'assets/StepPage-XyZ789.js',
      'assets/codicon-F0.ttf',
      'assets/editor.worker-Zz9.js',
      'assets/index-AbC123.js',
      'assets/index-C55.css',
      'assets/lesson-ml-lifecycle-Q1w2E3.js',
      'icons/icon-512.png',
      'index.html',
      'manifest.webmanifest',
      `${py}pyodide-lock.json`,
      `${py}pyodide.asm.mjs`,
      `${py}pyodide.asm.wasm`,
      `${py}python_stdlib.zip`,
    ]);
    // A new deploy re-fetches what changed under the same name (index.html, the manifest)…
    for (const url of ['index.html', 'manifest.webmanifest']) expect(byUrl[url]).toMatch(/^[0-9a-f]{32}$/);
    // …while hashed chunks and the runtime under its version need no revision, so the install
    // may take them from the HTTP cache rather than download them again.
    expect(PYODIDE_BASE).toMatch(/^\/pyodide\/\d+\.\d+\.\d+\/$/);
    for (const url of ['assets/StepPage-XyZ789.js', `${py}pyodide.asm.wasm`, `${py}python_stdlib.zip`]) expect(byUrl[url]).toBeNull();
  });

  it('the size limit leaves room for the WebAssembly runtime', () => {
    expect(MAX_PRECACHE_BYTES).toBeGreaterThan(9_800_000 * 2);
  });
});
