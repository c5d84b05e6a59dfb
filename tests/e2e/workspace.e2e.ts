// The step page as a workspace (issue 9): split panes on wide screens, Run and
// the verdict always in view, keyboard ways out of the editor, and no sideways
// scrolling on phones.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openEditor, seriousViolations, sharedPage } from './browser';
import { loadCourse } from '../../scripts/content-files';

const baseURL = inject('baseURL');
const session = sharedPage(baseURL);
const STEP = `${baseURL}/lessons/ml-lifecycle/steps/track-experiments`;
// The step's title as its file says it.
const TRACK = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle')!.steps.find((s) => s.slug === 'track-experiments')!;
const STEP_TITLE = TRACK.title;
const CHECKS = TRACK.checks.length;

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const verdict = (page: Page) => page.getByRole('group', { name: 'Verdict of the last run' });
const columns = (page: Page) => page.getByRole('separator', { name: 'Resize the step text and the workspace' });
const rows = (page: Page) => page.getByRole('separator', { name: 'Resize the editor and the preview' });
const previewStatus = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('status').first();
const valueNow = async (separator: Locator) => Number(await separator.getAttribute('aria-valuenow'));

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

/** The page's own scroll extents: the panes scroll, the page must not. */
const pageExtent = (page: Page) =>
  page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    innerWidth,
    innerHeight,
    scrollY,
  }));

describe('the step workspace at 1280×800', () => {
  it('puts text and work side by side, and after a run keeps Run, the verdict and the preview in view', async () => {
    const { page, errors } = session();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(STEP);
    await page.getByRole('heading', { level: 1, name: STEP_TITLE }).waitFor();

    const text = page.getByRole('heading', { level: 1, name: STEP_TITLE });
    const work = page.getByRole('region', { name: 'Workspace' });
    const [t, w] = [await box(text), await box(work)];
    expect(t.x + t.width).toBeLessThanOrEqual(w.x);
    expect(w.y).toBeLessThan(t.y + t.height); // side by side, not stacked

    expect(await verdict(page).innerText()).toMatch(new RegExp(`${CHECKS} checks · not run yet`));
    await page.getByText(/Python ready/).waitFor({ timeout: 150_000 });
    await runButton(page).click();
    await expect.poll(() => verdict(page).innerText(), { timeout: 120_000 }).toMatch(new RegExp(`^(\\d+ of ${CHECKS} checks passed|Starter code run · \\d+ of ${CHECKS} checks to pass)`));
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 15_000 }).toMatch(/^Ran in \d+ ms/);
    // The first failing check is named beside Run (the starter logs no loss per epoch, so at least one fails).
    expect(await verdict(page).innerText()).toMatch(/✗ .+/);

    const extent = await pageExtent(page);
    expect(extent.scrollY).toBe(0);
    expect(extent.height).toBeLessThanOrEqual(extent.innerHeight);
    const preview = page.getByRole('region', { name: 'Preview' });
    for (const [what, locator] of [['Run', runButton(page)], ['verdict', verdict(page)], ['preview', preview]] as const) {
      const b = await box(locator);
      expect(b.y, `${what} top`).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height, `${what} bottom`).toBeLessThanOrEqual(800);
    }
    expect((await box(preview)).height).toBeGreaterThan(200);

    // "All checks" takes the learner to the full list.
    await verdict(page).getByRole('button', { name: 'All checks' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('checks-title');

    expect(await seriousViolations(page), 'workspace after a run').toEqual([]);

    // The same page at a phone's width: the workspace stacks, and nothing (the run's preview included) scrolls the page sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await columns(page).waitFor({ state: 'detached' });
    await expect.poll(() => previewStatus(page).innerText()).toMatch(/^Ran in \d+ ms/);
    const narrow = await pageExtent(page);
    expect(narrow.width).toBeLessThanOrEqual(narrow.innerWidth);
    expect(await seriousViolations(page), 'workspace after a run at 360 px').toEqual([]);
    expect(errors).toEqual([]);
  });

  it('dividers resize by mouse and keyboard, and the sizes survive a reload; corrupt saved sizes are ignored', async () => {
    const { page, errors } = session();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(STEP);
    await columns(page).waitFor();
    expect(await valueNow(columns(page))).toBe(42);
    expect(await valueNow(rows(page))).toBe(55);

    // Drag the text | work divider 200 px to the right: the text pane grows.
    const c = await box(columns(page));
    await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
    await page.mouse.down();
    await page.mouse.move(c.x + c.width / 2 + 100, c.y + c.height / 2, { steps: 5 });
    await page.mouse.move(c.x + c.width / 2 + 200, c.y + c.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = await valueNow(columns(page));
    expect(dragged).toBeGreaterThan(52);
    const textWidth = (await box(page.getByRole('heading', { level: 1, name: STEP_TITLE }))).width;

    // The editor / preview divider by keyboard: each ArrowUp gives the preview 5 % more.
    await rows(page).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => valueNow(rows(page))).toBe(45);

    await page.reload();
    await columns(page).waitFor();
    expect(await valueNow(columns(page))).toBeCloseTo(dragged, 0);
    expect(await valueNow(rows(page))).toBe(45);
    expect((await box(page.getByRole('heading', { level: 1, name: STEP_TITLE }))).width).toBeCloseTo(textWidth, -1);

    // Sizes a learner's storage should never hold fall back to the defaults.
    await page.evaluate(() => {
      localStorage.setItem('lifecycle-lab:layout:step-columns', '{"step-text":0,"step-work":100}');
      localStorage.setItem('lifecycle-lab:layout:step-rows', 'not json');
    });
    await page.reload();
    await columns(page).waitFor();
    expect(await valueNow(columns(page))).toBe(42);
    expect(await valueNow(rows(page))).toBe(55);
    await page.evaluate(() => localStorage.clear());
    expect(errors).toEqual([]);
  });

  it('Ctrl+M lets Tab leave the editor, and ? opens the keyboard shortcuts', async () => {
    const { page, errors } = session();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(STEP);
    const editor = await openEditor(page);
    const hint = page.getByRole('region', { name: 'Code editor' }).getByText(/Ctrl\+M/);
    expect(await hint.innerText()).toBe('Tab inserts spaces · Ctrl+M: Tab moves focus');

    await editor.click();
    const inEditor = () => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);
    expect(await inEditor()).toBe(true);
    // Without the mode, Tab stays in the editor (it indents).
    await page.keyboard.press('Tab');
    expect(await inEditor()).toBe(true);
    await page.keyboard.press('Control+Z');

    await page.keyboard.press('Control+M');
    await expect.poll(() => hint.innerText()).toBe('Tab moves focus out of the editor · Ctrl+M: Tab inserts spaces');
    expect(await hint.getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('Tab');
    expect(await inEditor()).toBe(false);
    // The next controls after the editor: its screen-reader mode, then the divider below it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Screen reader mode');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Resize the editor and the preview');

    // ? opens the shortcuts from anywhere but a text field or the editor; Escape closes them.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const listed = await dialog.innerText();
    for (const keys of ['Ctrl + Enter', 'Ctrl + M', '?', 'Escape']) expect(listed).toContain(keys);
    expect(await seriousViolations(page), 'shortcuts dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // In the editor, ? is a character to type, not the shortcut.
    await editor.click();
    await page.keyboard.press('Control+M'); // back to Tab indenting
    await page.keyboard.press('?');
    expect(await dialog.isVisible()).toBe(false);

    // The visible button opens the same dialog.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('the step workspace on phones', () => {
  for (const [width, height] of [
    [390, 844],
    [360, 740],
  ] as const) {
    it(`at ${width} px: no sideways scrolling, and the verdict sits right under Run`, async () => {
      const { page, errors } = session();
      await page.setViewportSize({ width, height });
      await page.goto(STEP);
      await openEditor(page);
      expect(await columns(page).count()).toBe(0);

      const extent = await pageExtent(page);
      expect(extent.width).toBeLessThanOrEqual(extent.innerWidth);

      const run = await box(runButton(page));
      const v = await box(verdict(page));
      const code = await box(page.getByRole('region', { name: 'Code editor' }));
      // The verdict is the next thing below Run's row (only the run's status line between), and the editor follows it.
      expect(v.y).toBeGreaterThan(run.y);
      expect(v.y - (run.y + run.height)).toBeLessThan(72);
      expect((await box(page.getByRole('button', { name: 'Keyboard shortcuts' }))).y).toBeGreaterThan(v.y);
      expect(code.y).toBeGreaterThan(v.y);
      expect(await seriousViolations(page), `step at ${width} px`).toEqual([]);
      expect(errors).toEqual([]);
    });

    // Issue 23: the header took 143 px and Run sat 2.7 screens down the step.
    it(`at ${width} px: a header of one row, and Run on the first screen and still there after scrolling to the code`, async () => {
      const { page, errors } = session();
      await page.setViewportSize({ width, height });
      await page.goto(STEP);
      await runButton(page).waitFor();
      expect((await box(page.locator('header').first())).height).toBeLessThanOrEqual(64);
      const first = await box(runButton(page));
      expect(first.y + first.height).toBeLessThanOrEqual(height);
      await page.getByRole('region', { name: 'Code editor' }).scrollIntoViewIfNeeded();
      const scrolled = await box(runButton(page));
      expect(scrolled.y).toBeGreaterThanOrEqual(0);
      expect(scrolled.y + scrolled.height).toBeLessThanOrEqual(height);
      expect(errors).toEqual([]);
    });
  }
});
