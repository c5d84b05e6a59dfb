// Serves CPython (the pyodide npm package's runtime files) from the app's own
// origin: straight from node_modules in `npm run dev`, copied into
// dist/pyodide/ by `npm run build`. Nothing is committed twice and nothing
// comes from a CDN (docs/tool-facts.md).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const PYODIDE_BASE = '/pyodide/';
const FILES: Record<string, string> = {
  'pyodide.asm.mjs': 'text/javascript',
  'pyodide.asm.wasm': 'application/wasm',
  'python_stdlib.zip': 'application/zip',
  'pyodide-lock.json': 'application/json',
};

const pyodideDir = () => dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

export function pyodidePlugin(): Plugin {
  return {
    name: 'lifecycle-lab:pyodide',
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
        this.emitFile({ type: 'asset', fileName: `pyodide/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}
