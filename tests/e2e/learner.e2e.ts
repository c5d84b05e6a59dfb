// The learner's day (issue 23) in a real browser, one journey on one page:
// predictions asked before Run and judged after it, the lesson summary and its
// download, then the review queue bringing a missed question and a missed
// prediction back later (the page's clock moved on) for part of their XP, until
// the progress figure reads 100%. Answers are given with the keyboard alone,
// axe checks each of these views, and at 390×844 none of them scrolls sideways.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { seriousViolations, sharedPage } from './browser';

const baseURL = inject('baseURL');
const session = sharedPage(baseURL);
const LESSON = `${baseURL}/lessons/ml-lifecycle`;

interface QuizItem {
  id: string;
  prompt: string;
  options?: string[];
  answer?: string | number;
  answers?: string[];
}
const QUIZ = (parse(readFileSync('content/ml-lifecycle/quiz.md', 'utf8').split('---')[1] ?? '') as { questions: QuizItem[] }).questions;
/** An option's accessible name: its markdown's backticks render as code. */
const label = (option: string) => option.replace(/`/g, '');

const STEPS = ['ingest-and-version', 'the-training-loop', 'track-experiments', 'serving-at-scale', 'the-feedback-loop'];

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Tab (as a keyboard user does) from where the focus navigation starts until `target` has the focus. */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let i = 0; i < most; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * Choose the `index`th option of a radio group and submit, keys only: Tab into the
 * group (starting from `from`, clicked as a plain place on the page), the arrows
 * to the option, Space to choose it, Tab to the card's button, Enter.
 */
async function answerByKeyboard(page: Page, from: Locator, card: Locator, index: number, button: string) {
  await from.click(); // sets where sequential focus navigation starts; nothing there is interactive
  const radios = card.getByRole('radio');
  await tabTo(page, radios.first());
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  expect(await radios.nth(index).isChecked()).toBe(true);
  await tabTo(page, card.getByRole('button', { name: button }), 5);
  await page.keyboard.press('Enter');
}

const pageWidth = (page: Page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));

async function fitsThePhone(page: Page, what: string, locator: Locator) {
  const { scroll, inner } = await pageWidth(page);
  expect(scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(inner);
  const b = await locator.boundingBox();
  expect(b, `${what} is laid out`).not.toBeNull();
  if (b) expect(b.x + b.width, `${what} fits across the screen`).toBeLessThanOrEqual(inner + 1);
}

async function runSolution(page: Page, order: number) {
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('button', { name: 'Use the solution' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('region', { name: `Step ${order} complete` }).waitFor({ timeout: 120_000 });
}

const progressNow = (page: Page) => page.getByRole('group', { name: 'Your progress' }).getByRole('progressbar').getAttribute('aria-valuenow');

describe('the learner’s day', () => {
  it('predicts before Run, keeps a summary of the lesson, and wins lost XP back in review until progress reads 100%', async () => {
    const { page, errors, offOrigin } = session();
    await page.clock.install(); // time runs as usual, until the test moves it on to when reviews fall due
    await page.goto(`${LESSON}/steps/${STEPS[0]}`);
    await runSolution(page, 1);

    // Step 2 asks its prediction above Run; a wrong one is judged at once, and again after the run.
    await page.goto(`${LESSON}/steps/${STEPS[1]}`);
    const ask = page.getByRole('region', { name: 'Predict before you run' });
    await expect.poll(() => ask.innerText(), { timeout: 60_000 }).toContain('Answer before you press Run');
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(true);
    expect(await seriousViolations(page), 'step 2 with its prediction').toEqual([]);
    await answerByKeyboard(page, ask.getByRole('heading'), ask, 0, 'Check answer'); // “It falls steadily…”: wrong
    await expect.poll(() => ask.getByRole('status').innerText()).toMatch(/^Not quite: “It falls steadily and ends well below 0\.35” is not it\./);
    expect(await ask.innerText()).toContain('Your prediction is kept');
    await runSolution(page, 2);
    const judged = page.getByRole('region', { name: 'Your prediction' });
    await expect.poll(() => judged.innerText()).toContain('The right answer is “It barely moves, staying close to 0.69 — the loss of a model that answers 50/50”.');
    expect(await ask.count()).toBe(0);

    await page.goto(`${LESSON}/steps/${STEPS[2]}`);
    await runSolution(page, 3);

    // Step 4's prediction on a phone: right under the sticky bar, which keeps Run on the first screen, and answered right with the keys.
    await page.goto(`${LESSON}/steps/${STEPS[3]}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => ask.innerText(), { timeout: 60_000 }).toContain('Answer before you press Run');
    await fitsThePhone(page, 'the prediction', ask);
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await fitsThePhone(page, 'Run', run);
    await ask.scrollIntoViewIfNeeded();
    const runBox = await run.boundingBox();
    expect(runBox && runBox.y >= 0 && runBox.y + runBox.height <= 844, 'Run stays on screen beside the prediction').toBe(true);
    await answerByKeyboard(page, ask.getByRole('heading'), ask, 2, 'Check answer'); // 422 Unprocessable Content: right
    await expect.poll(() => ask.getByRole('status').innerText()).toMatch(/^Correct\./);
    expect(await seriousViolations(page), 'the prediction at 390 px').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await runSolution(page, 4);
    await expect.poll(() => judged.innerText()).toMatch(/Correct\./);

    // The last step: the summary of what this learner did, on the page and as a file.
    await page.goto(`${LESSON}/steps/${STEPS[4]}`);
    await runSolution(page, 5);
    const recap = page.getByRole('region', { name: 'Recap: the whole loop' });
    const today = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
    await expect.poll(() => recap.innerText()).toContain(`finished ${today}`);
    const text = await recap.innerText();
    const commit = /Data commit\s+([0-9a-f]{7}) on (main|master)/.exec(text)?.[1];
    expect(commit, text).toBeDefined();
    expect(text).toMatch(/DVC tracks data\/raw_data\.csv \(md5 [0-9a-f]{8}…\)/);
    const runs = /(\d+) runs tracked/.exec(text)?.[1];
    expect(Number(runs)).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/failure-classifier: versions 1, 2 · @champion → version 2/);
    expect(text).toMatch(/Drift found\s+PSI above 0\.25 on .*temperature \(\d\.\d\d\)/);
    const phases = await recap.getByRole('table', { name: 'XP by phase' }).locator('tbody tr').allInnerTexts();
    expect(phases).toHaveLength(5);
    for (const row of phases) expect(row).toMatch(/\t\d+ of \d+$/);
    expect(await seriousViolations(page), 'the lesson summary').toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), recap.getByRole('button', { name: 'Download summary (HTML)' }).click()]);
    expect(download.suggestedFilename()).toBe('ml-lifecycle-summary.html');
    const path = await download.path();
    const file = await readFile(path, 'utf8');
    const fileText = file.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(file).toMatch(/^<!DOCTYPE html>/);
    expect(file).not.toContain('<button');
    for (const fact of [`finished ${today}`, commit ?? '', `${runs} runs tracked`, 'failure-classifier', 'version 2', 'temperature', 'XP by phase']) {
      expect(fileText, fact).toContain(fact);
    }
    for (const row of phases) expect(fileText).toContain(row.replace(/\t/g, ' '));

    // The lesson page: every term learned, every question answered, the first one missed twice (its answer shown).
    await page.goto(LESSON);
    const glossary = page.getByRole('region', { name: 'Lesson Glossary' });
    const learn = glossary.getByRole('button', { name: 'Mark as learned' });
    await learn.first().waitFor({ timeout: 60_000 });
    while ((await learn.count()) > 0) await learn.first().click();
    const quiz = page.getByRole('region', { name: 'Quick Quiz' });
    const [missed] = QUIZ;
    if (!missed?.options) throw new Error('the first quiz question is expected to be a single choice');
    for (const [i, q] of QUIZ.entries()) {
      const card = quiz.locator('ol > li').nth(i);
      const tries = i === 0 ? missed.options.filter((o) => o !== missed.answer).slice(0, 2) : [q.answer];
      for (const answer of tries) {
        if (typeof answer === 'number') await card.getByLabel(/^Your answer/).fill(String(answer));
        else if (q.answers) for (const a of q.answers) await card.getByRole('checkbox', { name: label(a), exact: true }).check();
        else await card.getByRole('radio', { name: label(String(answer)), exact: true }).check();
        await card.getByRole('button', { name: /^(Check answer|Try again)$/ }).click();
      }
      await expect.poll(() => card.getByRole('status').innerText()).toMatch(i === 0 ? /The right answer is/ : /^Correct\./);
    }
    expect(Number(await progressNow(page))).toBeLessThan(100);

    // Both misses wait in Review, then fall due ten minutes on.
    const review = page.getByRole('region', { name: 'Review', exact: true });
    const later = review.getByRole('list', { name: 'Coming back later' });
    await expect.poll(() => later.innerText()).toContain(missed.prompt);
    expect(await later.innerText()).toMatch(/The starter trains with learning_rate=0\.0001 .* — in \d+ min/);
    await page.clock.fastForward(11 * 60_000);
    const due = review.getByRole('list', { name: 'Due for review' });
    await expect.poll(() => due.getByRole('listitem').count(), { timeout: 60_000 }).toBe(2);
    expect(await seriousViolations(page), 'the review queue').toEqual([]);

    // On a phone the due cards fit across the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsThePhone(page, 'the review queue', due);
    await page.setViewportSize({ width: 1280, height: 900 });

    const intro = review.getByText('What you missed comes back here');
    const said = review.getByRole('status').first();
    const quizCard = review.getByRole('form', { name: missed.prompt });
    await answerByKeyboard(page, intro, quizCard, missed.options.indexOf(String(missed.answer)), 'Check');
    await expect.poll(() => said.innerText()).toMatch(/^Right: \+\d+ XP\. It comes back later, after a longer wait\./);
    const predictionCard = review.getByRole('form', { name: /^The starter trains with learning_rate=0\.0001/ });
    expect(await predictionCard.innerText()).toMatch(/Prediction · Training · worth 5 XP/i); // shown in capitals
    await answerByKeyboard(page, intro, predictionCard, 1, 'Check'); // “It barely moves…”
    await expect.poll(() => said.innerText()).toMatch(/^Right: \+5 XP\./);
    await expect.poll(() => progressNow(page)).toBe('100');
    expect(await due.count()).toBe(0);
    expect(await later.innerText()).toContain(missed.prompt); // back again, after a longer wait

    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });
});
