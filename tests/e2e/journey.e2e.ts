import { describe, expect, inject, it } from 'vitest';
import { openEditor, openPage, seriousViolations, sharedBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = sharedBrowser();

const STEPS = [
  ['ingest-and-version', 'commands.sh', 'git status'],
  ['the-training-loop', 'train.py', 'lab.LogisticRegression(learning_rate=0.0001'],
  ['track-experiments', 'track.py', 'mlflow.set_experiment("failure-prediction")'],
  ['serving-at-scale', 'app.py', 'from fastapi import FastAPI'],
  ['the-feedback-loop', 'monitor.py', 'THRESHOLD = 5.0'],
] as const;

describe('a learner’s journey', () => {
  it('home → lesson → answers the quiz → XP rises → reload → XP kept', async () => {
    const { page, errors, offOrigin, context } = await openPage(browser(), baseURL);
    await page.goto(`${baseURL}/`);
    await page.getByRole('link', { name: 'The ML Lifecycle' }).click();
    await expect.poll(() => page.title()).toBe('The ML Lifecycle · Lifecycle Lab');
    expect(page.url()).toBe(`${baseURL}/lessons/ml-lifecycle`);
    await page.getByRole('heading', { level: 1, name: 'The ML Lifecycle' }).waitFor();

    const header = page.getByRole('group', { name: 'Your progress' });
    await header.getByText('Total XP: 0').waitFor();

    const quiz = page.locator('form', { has: page.getByRole('radiogroup', { name: /Which tool is commonly used to track ML experiments/ }) });
    await quiz.getByRole('radio', { name: 'MLflow' }).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await quiz.getByText('Correct.').waitFor();
    await header.getByText('Total XP: 20').waitFor();
    await header.getByText('ML engineering XP: 20').waitFor();

    await page.reload();
    await header.getByText('Total XP: 20').waitFor();
    await expect.poll(() => quiz.getByText('Correct.').isVisible()).toBe(true);

    // Back and forward follow the history, and the title follows the route.
    await page.goBack();
    await expect.poll(() => page.title()).toBe('Course · Lifecycle Lab');
    await page.goForward();
    await expect.poll(() => page.title()).toBe('The ML Lifecycle · Lifecycle Lab');

    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await context.close();
  });

  it('each step route opens its code in Monaco, self-hosted', async () => {
    const { page, errors, offOrigin, context } = await openPage(browser(), baseURL);
    for (const [slug, file, text] of STEPS) {
      await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/${slug}`);
      await page.getByRole('region', { name: 'Preview' }).getByText('This step has not been run yet.').waitFor();
      const editor = await openEditor(page);
      await expect.poll(async () => (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain(text);
      expect(await page.getByRole('tab', { name: file }).getAttribute('aria-selected')).toBe('true');
    }
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await context.close();
  });

  it('an unknown address shows the not-found page with a way back', async () => {
    const { page, context } = await openPage(browser(), baseURL);
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/no-such-step`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the course' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lifecycle Lab' }).waitFor();
    await context.close();
  });

  it('corrupt saved progress: the lesson still renders, with a notice', async () => {
    const { page, errors, context } = await openPage(browser(), baseURL);
    await page.goto(`${baseURL}/`);
    await page.evaluate(() => localStorage.setItem('lifecycle-lab:progress', '{"state": {"awards": [[[['));
    await page.goto(`${baseURL}/lessons/ml-lifecycle`);
    await page.getByRole('heading', { level: 1, name: 'The ML Lifecycle' }).waitFor();
    await page.getByRole('alert').getByText(/could not be read/).waitFor();
    const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')));
    expect(backups).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const path of ['/', '/lessons/ml-lifecycle', '/lessons/ml-lifecycle/steps/track-experiments']) {
    it(`axe finds no serious or critical violation on ${path}`, async () => {
      for (const theme of ['dark', 'light'] as const) {
        const { page, context } = await openPage(browser(), baseURL, { reducedMotion: 'reduce' });
        await page.addInitScript((t) => localStorage.setItem('lifecycle-lab:theme', t), theme);
        await page.goto(`${baseURL}${path}`);
        await page.locator('main h1').waitFor();
        if (path.includes('/steps/')) await openEditor(page);
        expect(await seriousViolations(page), `${path} in the ${theme} theme`).toEqual([]);
        await context.close();
      }
    });
  }

  it('keyboard only: answer a question and learn a term', async () => {
    const { page, context } = await openPage(browser(), baseURL);
    await page.goto(`${baseURL}/lessons/ml-lifecycle`);
    const header = page.getByRole('group', { name: 'Your progress' });

    // Tab until the first quiz option has focus, choose with the arrow keys, submit with Enter.
    const firstOption = page.getByRole('radio', { name: 'DVC' }).first();
    for (let i = 0; i < 200 && !(await firstOption.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await firstOption.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown'); // DVC → MLflow
    await page.keyboard.press('Enter');
    await header.getByText('Total XP: 20').waitFor();

    // On to the glossary's first "Mark as learned" button, pressed with Space.
    const learn = page.getByRole('article', { name: 'Versioning' }).getByRole('button', { name: 'Mark as learned' });
    for (let i = 0; i < 300 && !(await learn.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await learn.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await header.getByText('Total XP: 25').waitFor();
    expect(await page.getByRole('article', { name: 'Versioning' }).getByRole('button', { name: /Learned/ }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
