// Offline after one visit: the service worker (scripts/pwa.ts) serves the app,
// the lessons and the Python runtime from its cache. This file starts its own
// `vite preview` and shuts it down before going offline, so nothing can come
// from the network afterwards, whatever the browser's offline emulation covers.
import type { PreviewServer } from 'vite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, sharedBrowser, typeIntoEditor } from './browser';
import { startPreview } from './previewServer';

const LOADS_PYTHON = 180_000;
let server: PreviewServer | undefined;
let baseURL = '';

const browser = sharedBrowser();

beforeAll(async () => {
  ({ server, baseURL } = await startPreview());
});

afterAll(async () => {
  await server?.close();
});

const previewStatus = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('status').first();
const pythonReady = (page: Page) => page.getByText(/^Python ready/).waitFor({ timeout: LOADS_PYTHON });

describe('offline after one visit', () => {
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
    expect(cached).toEqual(expect.arrayContaining(['/index.html', '/pyodide/pyodide.asm.wasm', '/pyodide/python_stdlib.zip', '/manifest.webmanifest']));

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
