// Two tabs of one browser (issue 11): progress made in either is kept in both,
// and the lab has one writer tab at a time, so no tab's commit is lost.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, typeIntoEditor, sharedBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = sharedBrowser();

const header = (page: Page) => page.getByRole('group', { name: 'Your progress' });

async function answer(page: Page, prompt: RegExp, option: string) {
  const quiz = page.locator('form', { has: page.getByRole('radiogroup', { name: prompt }) });
  await quiz.getByRole('radio', { name: option }).check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await quiz.getByText('Correct.').waitFor();
}


const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const consoleText = (page: Page) => page.getByRole('log', { name: 'Console' }).innerText();

describe('two tabs', () => {
  it('progress made in either tab shows in the other at once and survives reloading both', async () => {
    const { page: a, context, errors, offOrigin } = await openPage(browser(), baseURL);
    const b = await context.newPage();
    await a.goto(`${baseURL}/lessons/ml-lifecycle`);
    await b.goto(`${baseURL}/lessons/ml-lifecycle`);
    await header(b).getByText('Total XP: 0').waitFor();

    await answer(a, /Which tool is commonly used to track ML experiments/, 'MLflow');
    await header(a).getByText('Total XP: 20').waitFor();
    await header(b).getByText('Total XP: 20').waitFor(); // B hears A's save

    await answer(b, /what should you commit to git/, 'data/raw_data.csv.dvc and data/.gitignore');
    await b.getByRole('article', { name: 'DVC' }).getByRole('button', { name: 'Mark as learned' }).click();
    await header(b).getByText('Total XP: 45').waitFor();
    await header(a).getByText('Total XP: 45').waitFor();

    await a.reload();
    await header(a).getByText('Total XP: 45').waitFor();
    await b.reload();
    await header(b).getByText('Total XP: 45').waitFor();
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await context.close();
  });

  it('the lab: a second tab is read-only until it takes over; no tab’s commit is lost', async () => {
    const { page: a, context, errors } = await openPage(browser(), baseURL);
    const step = `${baseURL}/lessons/ml-lifecycle/steps/ingest-and-version`;
    await a.goto(step);
    await typeIntoEditor(a, ['dvc init', 'dvc add data/raw_data.csv', 'git add data/.gitignore data/raw_data.csv.dvc', 'git commit -m "Version 1.0 dataset"'].join('\n'));
    await runButton(a).click();
    await expect
      .poll(() => a.getByRole('region', { name: 'Checks' }).getByRole('status').innerText(), { timeout: 120_000 })
      .toBe('3 of 3 passed on your last run.');

    const b = await context.newPage();
    await b.goto(step);
    await b.getByText(/^This lab is open in another tab\. This tab is read-only/).waitFor();
    expect(await runButton(b).isDisabled()).toBe(true);

    await b.getByRole('button', { name: 'Use the lab here' }).click();
    await a.getByText(/^The lab was taken over by another tab\. This tab is read-only now/).waitFor();
    expect(await runButton(a).isDisabled()).toBe(true);
    await expect.poll(() => runButton(b).isDisabled()).toBe(false);

    // B starts from what A saved, and commits on top of it.
    await typeIntoEditor(b, ['echo two > notes.txt', 'git add notes.txt', 'git commit -m "Second commit"', 'git log --oneline'].join('\n'));
    await runButton(b).click();
    await expect
      .poll(() => consoleText(b), { timeout: 120_000 })
      .toMatch(/[0-9a-f]{7} \(HEAD -> main\) Second commit\n[0-9a-f]{7} Version 1\.0 dataset\ndebbe21 Initial project skeleton/);

    // A reloads while B has the lab: read-only; B closes: A gets the lab, with both commits.
    await a.reload();
    await a.getByText(/^This lab is open in another tab\./).waitFor({ timeout: 60_000 });
    await b.close();
    await expect.poll(() => a.getByText(/This lab is open in another tab/).count(), { timeout: 60_000 }).toBe(0);
    await typeIntoEditor(a, ['git log --oneline'].join('\n'));
    await runButton(a).click();
    await expect
      .poll(() => consoleText(a), { timeout: 120_000 })
      .toMatch(/[0-9a-f]{7} \(HEAD -> main\) Second commit\n[0-9a-f]{7} Version 1\.0 dataset\ndebbe21 Initial project skeleton/);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
