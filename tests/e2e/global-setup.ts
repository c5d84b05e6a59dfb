import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

export const PREVIEW_PORT = 4317;
let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first (npm run test:e2e does).');
  server = await preview({ preview: { port: PREVIEW_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  project.provide('baseURL', `http://127.0.0.1:${PREVIEW_PORT}`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
