import { existsSync } from 'node:fs';
import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { SECURITY_HEADERS } from '../../vite.config';
import { startPreview } from './previewServer';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first (npm run test:e2e does).');
  const started = await startPreview();
  server = started.server;
  const { baseURL } = started;
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
