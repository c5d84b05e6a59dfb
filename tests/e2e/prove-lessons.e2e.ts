// /author's Prove on the real lessons (content/), as an instructor uses it under `npm run dev`:
// every step of every lesson proves in the browser's lab, from the lesson's start project and
// modules with the earlier steps' solutions run first — the plan `content:check --run` follows.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, sharedBrowser } from './browser';

const DEV_PORT = 4320;
const base = `http://127.0.0.1:${DEV_PORT}`;
const browser = sharedBrowser();
let server: ViteDevServer;

beforeAll(async () => {
  delete process.env.LIFECYCLE_CONTENT_DIR; // the real content folder
  server = await createServer({ server: { port: DEV_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
});

afterAll(async () => {
  await server?.close();
});

const lessons = readdirSync('content', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('/author proves the real lessons', () => {
  it('finds the lessons to prove', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(2);
  });

  for (const lesson of lessons) {
    it(`proves every step of ${lesson}`, async () => {
      const steps = readdirSync(join('content', lesson, 'steps')).filter((f) => f.endsWith('.md')).sort();
      const { page, errors, context } = await openPage(browser(), base);
      for (const file of steps) {
        const path = `${lesson}/steps/${file}`;
        await page.goto(`${base}/author/${path}`);
        await page.getByRole('button', { name: 'Prove' }).click();
        const status = page.getByRole('status').filter({ hasText: /^(Proved|Prove failed|\d+ of \d+ attempts)/ });
        await status.waitFor({ timeout: 900_000 });
        const verdicts = await page.getByRole('list', { name: 'Verdicts' }).getByRole('listitem').allInnerTexts();
        // What failed, named, if anything did: the starter, each wrong attempt, its recovery, each valid alternative, the solution twice.
        expect({ path, status: await status.innerText(), failed: verdicts.filter((v) => !v.startsWith('✓')) }).toEqual({
          path,
          status: 'Proved: every attempt did what the step says.',
          failed: [],
        });
        expect(verdicts.length, `${path}: at least the starter, three valid alternatives and the solution twice`).toBeGreaterThanOrEqual(6);
      }
      expect(errors).toEqual([]);
      await context.close();
      // A lesson's proof runs every attempt and its recovery, and the checks' reruns on other data: on a busy
      // two-core machine ml-lifecycle's took over 600 s (2026-12-08), so the bound is generous, not a budget.
    }, 1_800_000);
  }
});
