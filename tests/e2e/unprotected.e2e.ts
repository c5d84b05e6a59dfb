// The build on a plain static host that sends none of the headers (no CSP, no
// COOP/COEP): the lab says so, and learner Python still cannot make JavaScript
// from text or import a module from another origin; Stop still stops (by
// replacing the engine). And an old tab after a deploy: a chunk that is gone
// from the server reloads the page onto the new version instead of an error.
// Both servers here are tiny Node http servers of this file.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, sharedBrowser, typeIntoEditor } from './browser';
import { META_CONTENT_SECURITY_POLICY } from '../../deploy/headers';

const LOADS_PYTHON = 180_000;
const STEP = '/lessons/ml-lifecycle/steps/the-training-loop';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.zip': 'application/zip',
  '.ttf': 'font/ttf',
};

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

/** dist/ as a plain static host serves it: a Content-Type and nothing else; deep links get index.html, as deploy/ configures. */
let failStepChunk = false;
const served: { path: string; status: number }[] = [];
const site = createServer((req: IncomingMessage, res: ServerResponse) => {
  void (async () => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    // An old tab after a deploy: the page's own fetch of the step page's chunk finds it gone,
    // until the page loads again (the service worker's own fetches still get it).
    if (req.headers['sec-fetch-mode'] === 'navigate') failStepChunk = false;
    const send = (status: number, body: Buffer | string, type = 'text/plain') => {
      served.push({ path, status });
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (failStepChunk && req.headers['sec-fetch-dest'] === 'script' && /^\/assets\/StepPage-[^/]+\.js$/.test(path)) return send(404, 'gone');
    const file = join('dist', normalize(path).replace(/^(\.\.[/\\])+/, ''));
    const found = await stat(file).then((s) => s.isFile(), () => false);
    if (found) return send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    if (/^\/(assets|pyodide)\//.test(path)) return send(404, 'not found');
    return send(200, await readFile('dist/index.html'), TYPES['.html']);
  })();
});

/** Another origin, with a module a program would like to import. */
let otherOriginHits = 0;
const other = createServer((_req, res) => {
  otherOriginHits++;
  res.writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' });
  res.end('globalThis.pwned = true;');
});

let baseURL = '';
let otherURL = '';
beforeAll(async () => {
  baseURL = await listen(site);
  otherURL = await listen(other);
});
afterAll(async () => {
  await Promise.all([site, other].map((s) => new Promise((r) => s.close(r))));
});

const browser = sharedBrowser();
const previewStatus = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('status').first();
/** Go to `path` as a link in the app does (no page load). */
const follow = (page: Page, path: string) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

describe('a host that sends no headers', () => {
  it('an old tab whose next chunk is gone reloads onto the new version; the lab says what the host lacks and stays closed', async () => {
    const { page, offOrigin } = await openPage(browser(), baseURL);
    await page.goto(`${baseURL}/`);
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toBe(META_CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });

    // The deploy happened: the step page's chunk this tab knows is gone.
    failStepChunk = true;
    await page.evaluate(() => ((window as unknown as { __marker: boolean }).__marker = true));
    await follow(page, STEP);
    // The page reloads itself (the marker is gone) and opens the step, with no error view.
    await page.waitForFunction(() => !(window as unknown as { __marker?: boolean }).__marker, null, { timeout: 60_000 });
    expect(served.some((r) => r.status === 404 && r.path.startsWith('/assets/StepPage-'))).toBe(true);
    await page.getByText('Python ready').waitFor({ timeout: LOADS_PYTHON });
    expect(await page.getByText(/Something went wrong/).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(STEP);

    // Whoever deployed it is told which headers are missing.
    await page.getByText(/This site is served without the Content-Security-Policy, Cross-Origin-Opener-Policy, Cross-Origin-Embedder-Policy headers/).waitFor({ timeout: 30_000 });

    // No JavaScript from text, so no module from another origin either.
    await typeIntoEditor(
      page,
      [
        'import js',
        'from pyodide.code import run_js',
        `code = "import(" + repr("${otherURL}/x.mjs") + ")"`,
        'def attempt(name, f):',
        '    try:',
        '        f()',
        '        print(name, "OPEN")',
        '    except Exception as e:',
        '        print(name, "closed", "EvalError" in str(e))',
        'attempt("Function", lambda: js.Function("return " + code)())',
        'attempt("eval", lambda: js.eval(code))',
        'attempt("constructor", lambda: js.Object.constructor("return " + code)())',
        'attempt("setTimeout", lambda: js.setTimeout(code, 0))',
        'attempt("run_js", lambda: run_js(code))',
        'attempt("fetch", lambda: js.fetch(' + `"${otherURL}/data"` + '))',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toMatch(/finished$/);
    const output = await page.getByRole('log', { name: 'Console' }).innerText();
    for (const name of ['Function', 'eval', 'constructor', 'setTimeout', 'run_js']) expect(output).toContain(`${name} closed True`);
    expect(output).toContain('fetch closed False'); // the network is cut (lockDown), with its own message
    expect(output).not.toContain('OPEN');
    await page.waitForTimeout(1_000); // an import() that slipped through would arrive about now
    expect(otherOriginHits).toBe(0);
    expect(offOrigin).toEqual([]);

    // Stop still stops a runaway program: without cross-origin isolation, by replacing the engine.
    await typeIntoEditor(page, 'n = 0\nwhile True:\n    n += 1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toBe('Running…');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toMatch(/· stopped$/);
  }, 600_000);
});
