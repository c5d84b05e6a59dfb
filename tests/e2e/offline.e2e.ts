// Offline after one visit: the service worker (scripts/pwa.ts) serves the app,
// the lessons and the Python runtime from its cache. This file starts its own
// `vite preview` and shuts it down before going offline, so nothing can come
// from the network afterwards, whatever the browser's offline emulation covers.
import type { PreviewServer } from 'vite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, sharedBrowser, typeIntoEditor } from './browser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview } from './previewServer';
import { launchWithProfile } from './chromium';
import { PYODIDE_BASE } from '../../scripts/vite-plugin-pyodide';

const LOADS_PYTHON = 180_000;
let server: PreviewServer | undefined;
let baseURL = '';

const browser = sharedBrowser();

/** What the server sent: each request's path and status. */
const served: { path: string; status: number }[] = [];

beforeAll(async () => {
  ({ server, baseURL } = await startPreview([
    {
      name: 'watch-requests',
      configurePreviewServer(preview) {
        preview.middlewares.use((req, res, next) => {
          res.on('finish', () => served.push({ path: (req.url ?? '').split('?')[0]!, status: res.statusCode }));
          next();
        });
      },
    },
  ]));
});

afterAll(async () => {
  await server?.close();
});

const previewStatus = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('status').first();
const pythonReady = (page: Page) => page.getByText(/^Python ready/).waitFor({ timeout: LOADS_PYTHON });

describe('offline after one visit', () => {
  it('a first visit downloads Python’s runtime once, even when Python starts before the service worker installs', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'lab-profile-'));
    const context = await launchWithProfile(profile);
    try {
      const page = await context.newPage();
      // As for a learner who presses Run at once on a slow network: the lab downloads the
      // runtime before the service worker registers; its install then finds it in the HTTP cache.
      await page.addInitScript(() => {
        const container = navigator.serviceWorker;
        const register = container.register.bind(container);
        container.register = (...args: Parameters<ServiceWorkerContainer['register']>) =>
          new Promise((resolve, reject) => {
            const wait = setInterval(() => {
              if (!document.body?.innerText.includes('Python ready')) return;
              clearInterval(wait);
              register(...args).then(resolve, reject);
            }, 100);
          });
      });
      served.length = 0;
      await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
      await pythonReady(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LOADS_PYTHON, polling: 500 });
      // Sent in full once each; any later request for them is a revalidation (304, no body).
      for (const file of ['pyodide.asm.wasm', 'python_stdlib.zip']) {
        expect(served.filter((r) => r.path === `${PYODIDE_BASE}${file}` && r.status === 200)).toHaveLength(1);
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    // Two waits of up to LOADS_PYTHON each (Python, then the worker's install), on a busy machine.
  }, 3 * LOADS_PYTHON);

  it('a Python step loads, runs the learner’s code and moves to another step with the server gone', async () => {
    const { page, context, errors } = await openPage(browser(), baseURL);
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    await pythonReady(page);
    // The worker registers after load; the first install precaches all of dist and then takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LOADS_PYTHON, polling: 500 });
    const cached = await page.evaluate(async () => {
      const keys = await Promise.all((await caches.keys()).map(async (name) => (await caches.open(name)).keys()));
      return keys.flat().map((request) => new URL(request.url).pathname);
    });
    expect(cached).toEqual(expect.arrayContaining(['/index.html', `${PYODIDE_BASE}pyodide.asm.wasm`, `${PYODIDE_BASE}python_stdlib.zip`, '/manifest.webmanifest']));

    // No server at all from here on.
    await server!.close();
    server = undefined;
    await context.setOffline(true);
    await page.reload();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await pythonReady(page);

    // The learner's own program, computed now: a cached answer could not know it.
    const a = 1000 + Math.floor(Math.random() * 9000);
    await typeIntoEditor(page, `import sys\nprint("offline", ${a} * 7, sys.version_info.major)`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toMatch(/Ran in \d+ ms · finished/);
    expect(await page.getByRole('log', { name: 'Console' }).innerText()).toContain(`offline ${a * 7} 3`);

    // Another step, by address (a navigation the worker answers with index.html).
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/track-experiments`);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await pythonReady(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
