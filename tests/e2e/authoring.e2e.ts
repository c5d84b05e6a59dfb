// The instructor's side in `npm run dev`: editing a lesson file updates the
// open page without a reload, and a mistake shows in Vite's error overlay with
// its file and line. Runs on a scratch copy of the fixture lesson.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, pasteIntoEditor, sharedBrowser, type Watched } from './browser';

const DEV_PORT = 4318;
const browser = sharedBrowser();
let server: ViteDevServer;
let contentDir: string;

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'lifecycle-content-'));
  cpSync('tests/fixtures/content', contentDir, { recursive: true });
  process.env.LIFECYCLE_CONTENT_DIR = contentDir;
  server = await createServer({ server: { port: DEV_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
});

afterAll(async () => {
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
    const { page, context } = await openPage(browser(), `http://127.0.0.1:${DEV_PORT}`);
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

const STEP = 'hello-lab/steps/01-first-step.md';

describe('the author view (/author, npm run dev only)', () => {
  const base = `http://127.0.0.1:${DEV_PORT}`;
  /** The first test's page, left open on the step for Prove: loading the author view in dev is slow. */
  let authorPage: Watched | undefined;
  afterAll(async () => {
    await authorPage?.context.close();
  });

  it('edits a step beside its page: live preview, markers at the line, save, and the conflict choice', async () => {
    authorPage = await openPage(browser(), base);
    const { page, errors } = authorPage;
    await page.goto(`${base}/author`);
    await page.getByRole('link', { name: STEP }).click();
    const preview = page.getByRole('region', { name: 'Lesson preview' });
    await preview.getByRole('heading', { level: 1, name: 'First step' }).waitFor({ timeout: 180_000 });
    const problems = page.getByRole('list', { name: 'Problems' });
    const squiggles = page.locator('.monaco-editor .squiggly-error');
    // The step preview has an editor of its own: wait for the author's (the first on the page) before typing.
    await page.getByRole('region', { name: 'Lesson file editor' }).locator('.monaco-editor').waitFor({ timeout: 180_000 });

    const original = readFileSync(join(contentDir, STEP), 'utf8').trimEnd();
    const authored = original.replace('title: First step', 'title: First step, authored');
    await pasteIntoEditor(page, authored);
    await preview.getByRole('heading', { level: 1, name: 'First step, authored' }).waitFor({ timeout: 15_000 });
    expect(readFileSync(join(contentDir, STEP), 'utf8').trimEnd(), 'nothing is written before Save').toBe(original);

    // A value of the wrong type on line 9: marked there, listed, and the preview keeps the last good page.
    await pasteIntoEditor(page, authored.replace('xp: 10', 'xp: ten'));
    await expect.poll(() => problems.innerText(), { timeout: 15_000 }).toContain('Line 9, column 5 — xp: expected number, got "ten"');
    await expect.poll(() => squiggles.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator('.monaco-editor .view-overlays .squiggly-error').first().waitFor();
    const markedLine = await page.evaluate(() => {
      // The squiggle is drawn in the overlay row of its line: compare its top with the line numbers' rows.
      const squiggle = document.querySelector('.monaco-editor .squiggly-error')?.getBoundingClientRect();
      const numbers = [...document.querySelectorAll('.monaco-editor .line-numbers')].map((el) => ({ n: el.textContent?.trim(), top: el.getBoundingClientRect().top }));
      return numbers.find((row) => squiggle && Math.abs(row.top - squiggle.top) < 4)?.n;
    });
    expect(markedLine).toBe('9');
    await preview.getByText('Showing the last version that parsed').waitFor();
    expect(await preview.getByRole('heading', { level: 1, name: 'First step, authored' }).count()).toBe(1);

    // Saving a file that does not parse asks first: "Keep editing" writes nothing.
    await page.getByRole('button', { name: 'Save' }).click();
    const askFirst = page.getByRole('alert').filter({ hasText: 'Saved as it is, the lesson stops building' });
    await askFirst.waitFor({ timeout: 15_000 });
    expect(await askFirst.innerText()).toContain(`${STEP} has 1 problem (listed under the editor)`);
    await askFirst.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => askFirst.count(), { timeout: 15_000 }).toBe(0);
    expect(readFileSync(join(contentDir, STEP), 'utf8').trimEnd()).toBe(original);
    // "Save anyway" writes it; reloaded while the lesson is broken, /author still shows the file and its problems, never a blank page or Vite's overlay.
    await page.getByRole('button', { name: 'Save' }).click();
    await askFirst.getByRole('button', { name: 'Save anyway' }).click();
    await expect.poll(() => readFileSync(join(contentDir, STEP), 'utf8'), { timeout: 15_000 }).toContain('xp: ten');
    await page.reload();
    await page.getByRole('region', { name: 'Lesson file editor' }).locator('.monaco-editor').waitFor({ timeout: 180_000 });
    await expect.poll(() => problems.innerText(), { timeout: 30_000 }).toContain('Line 9, column 5 — xp: expected number, got "ten"');
    await preview.getByText('The preview appears once the lesson parses without errors.').waitFor({ timeout: 15_000 });
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    await pasteIntoEditor(page, authored);
    await page.getByText('No problems: the lesson parses.').waitFor({ timeout: 15_000 });
    await expect.poll(() => squiggles.count(), { timeout: 15_000 }).toBe(0);

    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => readFileSync(join(contentDir, STEP), 'utf8'), { timeout: 15_000 }).toBe(authored);
    await page.getByText('Saved', { exact: true }).waitFor();

    // Someone changes the file on disk under the editor: Save (Ctrl+S) offers the choice instead of overwriting.
    edit(STEP, 'summary: Run one command.', 'summary: Changed on disk.');
    const mine = authored.replace('Write a file.', 'Write a file, please.');
    await pasteIntoEditor(page, mine);
    await page.keyboard.press('ControlOrMeta+S');
    const conflict = page.getByRole('alert').filter({ hasText: 'changed on disk since you opened it' });
    await conflict.waitFor({ timeout: 15_000 });
    expect(readFileSync(join(contentDir, STEP), 'utf8')).toContain('summary: Changed on disk.');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => readFileSync(join(contentDir, STEP), 'utf8'), { timeout: 15_000 }).toBe(mine);
    await expect.poll(() => conflict.count(), { timeout: 15_000 }).toBe(0);

    edit(STEP, 'title: First step, authored', 'title: First step, from disk');
    await page.keyboard.press('ControlOrMeta+S');
    await conflict.waitFor({ timeout: 15_000 });
    await conflict.getByRole('button', { name: 'Take disk' }).click();
    await preview.getByRole('heading', { level: 1, name: 'First step, from disk' }).waitFor({ timeout: 15_000 });
    expect(readFileSync(join(contentDir, STEP), 'utf8')).toContain('title: First step, from disk');

    // Chromium logs every 4xx answer to the console: the two conflicts' 409s are expected, nothing else.
    const conflict409 = 'Failed to load resource: the server responded with a status of 409 (Conflict)';
    expect(errors.filter((e) => e === conflict409)).toHaveLength(2);
    expect(errors.filter((e) => e !== conflict409)).toEqual([]);
  });

  it('proves a step in a scratch lab: the starter fails its check, the solution passes', async () => {
    // On the page the test before left open on the step, or (run alone) a new one.
    authorPage ??= await openPage(browser(), base);
    const { page, errors } = authorPage;
    const seen = errors.length;
    if (page.url() !== `${base}/author/${STEP}`) await page.goto(`${base}/author/${STEP}`);
    await page.getByRole('button', { name: 'Prove' }).click();
    const verdicts = page.getByRole('list', { name: 'Verdicts' }).getByRole('listitem');
    await expect.poll(() => verdicts.allInnerTexts(), { timeout: 300_000, interval: 1000 }).toEqual([
      '✓ Starter — fails check 1 “The file exists.”: There is no file hello.txt.',
      '✓ Solution — passes every check',
      '✓ The solution run a second time — passes every check',
    ]);
    await page.getByText('Proved: every attempt did what the step says.').waitFor();
    // The learner's lab was not touched: nothing is stored under the lesson's own key.
    const stored = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('lifecycle-lab');
          open.onsuccess = () => {
            const get = open.result.transaction('worlds').objectStore('worlds').get('lifecycle-lab:lab:hello-lab');
            get.onsuccess = () => resolve(get.result ?? null);
          };
        }),
    );
    expect(stored).toBeNull();
    expect(errors.slice(seen)).toEqual([]);
  });
});

describe('the production build', () => {
  it('has no author view: /author is not found, and no built file carries its code', async () => {
    const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => /__author|Author view/.test(readFileSync(join('dist', f), 'utf8')))).toEqual([]);

    const { page, context, errors } = await openPage(browser(), inject('baseURL'));
    await page.goto(`${inject('baseURL')}/author/${STEP}`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
