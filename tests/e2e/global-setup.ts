import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { SECURITY_HEADERS } from '../../vite.config';

export const PREVIEW_PORT = 4317;
let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first (npm run test:e2e does).');
  server = await preview({ preview: { port: PREVIEW_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseURL = `http://127.0.0.1:${PREVIEW_PORT}`;
  // The browser tests count on running under the production headers (the CSP
  // check in browser.ts): refuse to start without them.
  const response = await fetch(`${baseURL}/`);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (response.headers.get(name) === value) continue;
    await server.close();
    throw new Error(`vite preview sends ${name}: ${response.headers.get(name)}, expected ${value}`);
  }
  project.provide('baseURL', baseURL);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
