// The instructor's side in `npm run dev`: editing a lesson file updates the
// open page without a reload, and a mistake shows in Vite's error overlay with
// its file and line. Runs on a scratch copy of the fixture lesson.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser';

const DEV_PORT = 4318;
let browser: Browser;
let server: ViteDevServer;
let contentDir: string;

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'lifecycle-content-'));
  cpSync('tests/fixtures/content', contentDir, { recursive: true });
  process.env.LIFECYCLE_CONTENT_DIR = contentDir;
  server = await createServer({ server: { port: DEV_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  delete process.env.LIFECYCLE_CONTENT_DIR;
  rmSync(contentDir, { recursive: true, force: true });
});

const edit = (file: string, from: string, to: string) => {
  const path = join(contentDir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
};

describe('editing lessons in npm run dev', () => {
  it('hot-updates the page, and shows content errors in the overlay', async () => {
    const { page, context } = await openPage(browser, `http://127.0.0.1:${DEV_PORT}`);
    await page.goto(`http://127.0.0.1:${DEV_PORT}/lessons/hello-lab`);
    await page.getByRole('heading', { level: 1, name: 'Hello Lab' }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    edit('hello-lab/lesson.md', 'title: Hello Lab', 'title: Hello Lab, Edited');
    await page.getByRole('heading', { level: 1, name: 'Hello Lab, Edited' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    edit('hello-lab/quiz.md', 'answer: "2"', 'answer: "7"');
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => overlay.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 10_000 })
      .toContain('hello-lab/quiz.md:6:13 — questions[0].answer: "7" is not one of the options ("1", "2", "3")');

    edit('hello-lab/quiz.md', 'answer: "7"', 'answer: "2"');
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(0);
    await context.close();
  });
});
