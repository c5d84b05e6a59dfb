// Shared browser plumbing for the e2e tests: launch Debian chromium, and watch
// each page for console errors, requests that leave the page's origin, and
// Content-Security-Policy violations. Every page opened here is checked for CSP
// violations after each test (the afterEach below), so every e2e file runs
// under the production policy (vite.config.ts) without asking.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS, launch } from './chromium';

export { CHROMIUM_ARGS, launch };

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Requests to any origin other than the page's own. */
  offOrigin: string[];
  /** Content-Security-Policy violations seen so far (checked after each test). */
  cspViolations: string[];
}

/** Every page opened in this test file: the afterEach below checks them all. */
const opened: Watched[] = [];

const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;
const REPORT_BINDING = '__labReportCspViolation';

/**
 * Runs in the page before its own scripts: collect `securitypolicyviolation`
 * events into window.__cspViolations, and report each one to the test at once
 * (so a page closed inside a test still counts).
 */
function watchCspViolations(binding: string) {
  const w = window as unknown as { __cspViolations?: string[] } & Record<string, ((text: string) => void) | undefined>;
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const where = e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : '';
    const text = `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}${where}`;
    w.__cspViolations?.push(text);
    w[binding]?.(text);
  });
}

/** Same listener inside a dedicated worker; added as the worker starts, so it sees what the worker loads later (Python). */
function watchWorkerCspViolations() {
  self.addEventListener('securitypolicyviolation', (e) => {
    console.error(`Content Security Policy violation in a worker: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`);
  });
}

export async function openPage(browser: Browser, baseURL: string, options: { reducedMotion?: 'reduce' } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: options.reducedMotion ?? 'no-preference' });
  const page = await context.newPage();
  const errors: string[] = [];
  const offOrigin: string[] = [];
  const cspViolations: string[] = [];
  const origin = new URL(baseURL).origin;
  await context.exposeBinding(REPORT_BINDING, (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(watchCspViolations, REPORT_BINDING);
  // Chromium also logs each violation to the console, including ones the
  // event listener cannot see (a worker's own, before its listener is added).
  const onConsole = (msg: ConsoleMessage) => {
    if (CSP_MESSAGE.test(msg.text())) cspViolations.push(`console: ${msg.text()}`);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
    onConsole(msg);
  });
  page.on('worker', (worker) => {
    worker.evaluate(watchWorkerCspViolations).catch(() => undefined); // the worker may already be gone
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) offOrigin.push(url);
  });
  const watched = { page, context, errors, offOrigin, cspViolations };
  opened.push(watched);
  return watched;
}

/** The violations of every page opened so far, read and cleared, so each test answers for its own. */
async function takeCspViolations(): Promise<string[]> {
  const found = new Set<string>();
  for (const watched of opened) {
    if (!watched.page.isClosed()) {
      const inPage = await watched.page
        .evaluate(() => {
          const w = window as unknown as { __cspViolations?: string[] };
          const seen = w.__cspViolations ?? [];
          w.__cspViolations = [];
          return seen;
        })
        .catch(() => [] as string[]); // mid-navigation: the binding has reported them already
      for (const text of inPage) found.add(text);
    }
    for (const text of watched.cspViolations.splice(0)) found.add(text);
  }
  opened.splice(0, opened.length, ...opened.filter((w) => !w.page.isClosed()));
  return [...found];
}

afterEach(async () => {
  expect(await takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core in the page; returns violations of serious or critical impact. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, which the page's CSP does not govern;
  // a <script> tag would be an inline script the CSP rightly blocks.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** One browser for a whole test file, launched before its first test and closed after its last. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser did not start');
    return browser;
  };
}

/** One browser and one watched page for a whole test file, closed afterwards. */
export function sharedPage(baseURL: string): () => Watched {
  const browser = sharedBrowser();
  let watched: Watched | undefined;
  beforeAll(async () => {
    watched = await openPage(browser(), baseURL);
  });
  afterAll(async () => {
    await watched?.context.close();
  });
  return () => {
    if (!watched) throw new Error('the browser did not start');
    return watched;
  };
}

/**
 * What the editor shows, as one string without line breaks: the editor wraps long
 * lines on screen, so its rows are not the text's lines (and Monaco renders spaces as U+00A0).
 */
async function editorChars(page: Page): Promise<string> {
  const rows = await page.locator('.monaco-editor .view-lines').first().innerText();
  return rows.replace(/\u00a0/g, ' ').replace(/\n/g, '');
}

/**
 * Reach for the step's code as a learner does, with a pointer over it (Monaco
 * never loads by itself), and wait for Monaco to take over from the static view.
 */
export async function openEditor(page: Page): Promise<Locator> {
  const editor = page.locator('.monaco-editor').first();
  const code = page.locator('[data-static-code]').first();
  await page.locator('[data-static-code], .monaco-editor').first().waitFor({ timeout: 60_000 });
  if ((await editor.count()) === 0) {
    await page.mouse.move(0, 0); // from elsewhere, so pointing at the code is a move onto it
    await code.hover();
  }
  await editor.waitFor({ timeout: 60_000 });
  await code.waitFor({ state: 'detached', timeout: 60_000 });
  return editor;
}

/**
 * Clear the focused editor and enter `text` a line at a time with `put`. Line
 * breaks go in as a learner makes them: Escape first (closing any completion
 * list, or Enter would accept a suggestion), Enter, then clear the indentation
 * Monaco adds by itself, as each line brings its own.
 */
async function enterLines(page: Page, editor: Locator, text: string, put: (line: string) => Promise<void>) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
    }
    if (line) await put(line);
  }
  await page.keyboard.press('Escape');
}

/**
 * Replace the editor's text by typing, as a learner would. On a busy machine
 * Monaco's completion list can open after Escape and accept a suggestion on
 * Enter, so the characters are checked afterwards and typed again (up to three
 * times) if they differ.
 */
export async function typeIntoEditor(page: Page, text: string) {
  const editor = await openEditor(page);
  for (let attempt = 0; attempt < 3; attempt++) {
    await enterLines(page, editor, text, (line) => page.keyboard.type(line));
    if ((await editorChars(page)) === text.replace(/\n/g, '')) return;
  }
  // Still different after three tries (the screen may show what the comparison cannot): the test's own checks judge the run.
}

/**
 * Replace the editor's text a line at a time (each line one input, as a paste or
 * an IME gives it): for tests whose subject is what follows an edit (the author
 * view), not typing, where keying in a whole lesson file character by character
 * takes most of the test.
 */
export async function pasteIntoEditor(page: Page, text: string) {
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 60_000 });
  await enterLines(page, editor, text, (line) => page.keyboard.insertText(line));
}
