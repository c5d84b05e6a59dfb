import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { SECURITY_HEADERS } from '../../vite.config';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first (npm run test:e2e does).');
  // Port 0: a free port from the system, so runs in other checkouts on the same machine do not collide.
  server = await preview({ preview: { port: 0, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report its port');
  const baseURL = `http://127.0.0.1:${address.port}`;
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
