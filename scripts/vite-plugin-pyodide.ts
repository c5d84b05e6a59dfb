// Serves CPython (the pyodide npm package's runtime files) from the app's own
// origin: straight from node_modules in `npm run dev`, copied into
// dist/pyodide/<version>/ by `npm run build`. Nothing is committed twice and
// nothing comes from a CDN (docs/tool-facts.md). The page reads the address
// from `virtual:pyodide-url`.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const pyodideDir = () => dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const { version } = JSON.parse(readFileSync(join(pyodideDir(), 'package.json'), 'utf8')) as { version: string };

/**
 * Where the runtime is served. Its version is in the path, so a file's address
 * names its content: the service worker precaches these files without a
 * revision query (scripts/pwa.ts) and so can take them from the HTTP cache,
 * where the lab's first start has just put them, instead of downloading the
 * ~12 MB a second time.
 */
export const PYODIDE_BASE = `/pyodide/${version}/`;
const VIRTUAL = 'virtual:pyodide-url';
const FILES: Record<string, string> = {
  'pyodide.asm.mjs': 'text/javascript',
  'pyodide.asm.wasm': 'application/wasm',
  'python_stdlib.zip': 'application/zip',
  'pyodide-lock.json': 'application/json',
};

export function pyodidePlugin(): Plugin {
  return {
    name: 'lifecycle-lab:pyodide',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load: (id) => (id === `\0${VIRTUAL}` ? `export const PYODIDE_URL = ${JSON.stringify(PYODIDE_BASE)};\n` : undefined),
    configureServer(server) {
      const dir = pyodideDir();
      server.middlewares.use((req, res, next) => {
        const name = req.url?.split('?')[0]?.slice(PYODIDE_BASE.length);
        if (!req.url?.startsWith(PYODIDE_BASE) || !name || !(name in FILES)) return next();
        const path = join(dir, name);
        res.setHeader('Content-Type', FILES[name]!);
        res.setHeader('Content-Length', statSync(path).size);
        res.setHeader('Cache-Control', 'public, max-age=3600');
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        createReadStream(path).pipe(res);
      });
    },
    generateBundle() {
      const dir = pyodideDir();
      for (const name of Object.keys(FILES)) {
        this.emitFile({ type: 'asset', fileName: `${PYODIDE_BASE.slice(1)}${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}
