// Paint at once (issue 9 §2): on a step page the learner's code is on screen
// before Monaco has loaded; a click brings Monaco with the same text in the
// same place, and a key typed at once is not lost.
import { describe, expect, inject, it } from 'vitest';
import { openPage, sharedBrowser } from './browser';
import { loadCourse } from '../../scripts/content-files';

const baseURL = inject('baseURL');
// The step's title as its file says it.
const TRAINING_TITLE = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle')!.steps.find((s) => s.slug === 'the-training-loop')!.title;
const browser = sharedBrowser();

const MONACO_CHUNK = /\/assets\/CodeEditor-[^/]*\.js$/;

describe('the step’s code before the editor', () => {
  it('is visible before Monaco loads, and Monaco takes over with the same text where it was', async () => {
    const { page, errors, offOrigin, context } = await openPage(browser(), baseURL);
    const monacoRequests: string[] = [];
    page.on('request', (req) => {
      if (MONACO_CHUNK.test(req.url())) monacoRequests.push(req.url());
    });
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/track-experiments`);

    const view = page.getByRole('textbox', { name: 'Code of track.py, read-only until the editor has loaded' });
    await view.getByText('mlflow.set_experiment("failure-prediction")').waitFor({ timeout: 60_000 });
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    expect(monacoRequests).toEqual([]);

    const lines = view.locator('[data-line]');
    const text = (await lines.allInnerTexts()).map((l) => l.replace(/\n$/, '')).join('');
    // Measured against the code's own region: the run bar above may change height meanwhile (the engine's
    // loading stage gives way to "Python ready"), which moves the whole panel, not the code within it.
    const region = page.getByRole('region', { name: 'Code editor' });
    const firstLine = await lines.first().boundingBox();
    const regionBefore = await region.boundingBox();
    if (!firstLine || !regionBefore) throw new Error('the static view has no first line');

    // Click at the very start of the first line, then type at once.
    await lines.first().click({ position: { x: 1, y: firstLine.height / 2 } });
    await page.keyboard.type('#');
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor({ timeout: 60_000 });
    expect(monacoRequests.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.monaco-editor .view-lines').first().innerText().then((t) => t.replace(/\u00a0/g, ' ').replace(/\n/g, '')), { timeout: 30_000 }).toBe(`#${text}`);
    await view.waitFor({ state: 'detached' });

    // Monaco's first line sits where the static view's did (the '#' typed shifts it right by one character only).
    // Monaco reuses its line elements, so the first in the DOM is not always the top one: take the topmost drawn line.
    const topLine = () =>
      page
        .locator('.monaco-editor .view-lines')
        .first()
        .evaluate((el) => {
          const drawn = [...el.querySelectorAll('.view-line')].map((l) => l.getBoundingClientRect()).filter((r) => r.height > 0);
          drawn.sort((a, b) => a.top - b.top);
          return drawn[0] ? { x: drawn[0].left, y: drawn[0].top } : null;
        });
    await expect.poll(topLine, { timeout: 30_000 }).not.toBeNull();
    const monacoLine = await topLine();
    const regionAfter = await region.boundingBox();
    expect(Math.abs(monacoLine!.y - regionAfter!.y - (firstLine.y - regionBefore.y))).toBeLessThanOrEqual(1);
    expect(Math.abs(monacoLine!.x - regionAfter!.x - (firstLine.x - regionBefore.x))).toBeLessThanOrEqual(1);

    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await context.close();
  });

  it('Monaco never loads by itself: pointing at the code loads it, and so does reaching it by keyboard', async () => {
    const { page, errors, context } = await openPage(browser(), baseURL);
    const monacoRequests: string[] = [];
    page.on('request', (req) => {
      if (MONACO_CHUNK.test(req.url())) monacoRequests.push(req.url());
    });
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    const view = page.getByRole('textbox', { name: /^Code of train\.py/ });
    await view.waitFor({ timeout: 60_000 });
    // Well past the page's load and idle time: still the static view, and not a byte of Monaco fetched.
    await page.waitForLoadState('load');
    await page.waitForTimeout(6_000);
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    expect(monacoRequests).toEqual([]);
    // A pointer over the code starts the load; the static view hands over to Monaco without a click.
    await view.hover();
    await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
    await view.waitFor({ state: 'detached' });

    // Keyboard: focus reaching the code of another step (as Tab does) brings Monaco, which takes the focus.
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/track-experiments`);
    const track = page.getByRole('textbox', { name: /^Code of track\.py/ });
    await track.waitFor({ timeout: 60_000 });
    await track.focus();
    await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null), { timeout: 30_000 }).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the split view’s own chunk', () => {
  const SPLIT_CHUNK = /\/assets\/SplitWorkspace-[^/]*\.js$/;

  it('a phone never loads it; a wide screen paints the step split at once, never as a column first', async () => {
    const { page, errors, context } = await openPage(browser(), baseURL);
    // Where the step's title first appears, recorded as the DOM changes (before any paint).
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        const title = document.querySelector('main h1');
        if (!title) return;
        (window as unknown as { firstTitleInSplit: boolean }).firstTitleInSplit = title.closest('#step-text') !== null;
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const splitRequests: string[] = [];
    page.on('request', (req) => {
      if (SPLIT_CHUNK.test(req.url())) splitRequests.push(req.url());
    });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    await page.getByRole('heading', { level: 1, name: TRAINING_TITLE }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(splitRequests).toEqual([]);
    expect(await page.locator('#step-text').count()).toBe(0);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TRAINING_TITLE }).waitFor({ timeout: 60_000 });
    expect(splitRequests.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { firstTitleInSplit?: boolean }).firstTitleInSplit)).toBe(true);
    expect(await page.getByRole('separator', { name: 'Resize the step text and the workspace' }).count()).toBe(1);

    expect(errors).toEqual([]);
    await context.close();
  });
});
