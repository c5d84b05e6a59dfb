import { describe, expect, inject, it } from 'vitest';
import { loadCourse } from '../../scripts/content-files';
import { openEditor, openPage, seriousViolations, sharedBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = sharedBrowser();

// What the learner sees of the lesson, read from its files (never copied here).
const lesson = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle')!;
const title = `${lesson.title} · Lifecycle Lab`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The first single-choice question, answered right: its XP goes to the lesson's skill.
const question = lesson.quiz.find((q) => q.kind === 'single')!;
if (question.kind !== 'single') throw new Error('the lesson has no single-choice question');
const firstOption = question.options[0]!;
const rightIndex = question.options.indexOf(question.answer);
const term = lesson.glossary[0]!;
// Each step's first starter file and its first line of code.
const STEPS = lesson.steps.map((s) => {
  const file = s.starter[0]!;
  return [s.slug, file.file, file.code.split('\n').find((l) => l.trim() && !l.trim().startsWith('#'))!.trim()] as const;
});

describe('a learner’s journey', () => {
  it('home → lesson → answers the quiz → XP rises → reload → XP kept', async () => {
    const { page, errors, offOrigin, context } = await openPage(browser(), baseURL);
    await page.goto(`${baseURL}/`);
    await page.getByRole('link', { name: lesson.title }).click();
    await expect.poll(() => page.title()).toBe(title);
    expect(page.url()).toBe(`${baseURL}/lessons/ml-lifecycle`);
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();

    const header = page.getByRole('group', { name: 'Your progress' });
    await header.getByText('Total XP: 0').waitFor();

    const quiz = page.locator('form', { has: page.getByRole('radiogroup', { name: new RegExp(escape(question.prompt.replace(/`/g, ''))) }) });
    await quiz.getByRole('radio', { name: question.answer }).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await quiz.getByText('Correct.').waitFor();
    await header.getByText(`Total XP: ${question.xp}`).waitFor();
    await header.getByText(`${lesson.skillName} XP: ${question.xp}`).waitFor();

    await page.reload();
    await header.getByText(`Total XP: ${question.xp}`).waitFor();
    await expect.poll(() => quiz.getByText('Correct.').isVisible()).toBe(true);

    // Back and forward follow the history, and the title follows the route.
    await page.goBack();
    await expect.poll(() => page.title()).toBe('Course · Lifecycle Lab');
    await page.goForward();
    await expect.poll(() => page.title()).toBe(title);

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
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
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
    const first = page.getByRole('radio', { name: firstOption, exact: true }).first();
    for (let i = 0; i < 200 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    for (let i = 0; i < rightIndex; i++) await page.keyboard.press('ArrowDown'); // from the first option to the right one
    await page.keyboard.press('Enter');
    await header.getByText(`Total XP: ${question.xp}`).waitFor();

    // On to the glossary's first "Mark as learned" button, pressed with Space.
    const learn = page.getByRole('article', { name: term.term }).getByRole('button', { name: 'Mark as learned' });
    for (let i = 0; i < 300 && !(await learn.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await learn.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await header.getByText(`Total XP: ${question.xp + term.xp}`).waitFor();
    expect(await page.getByRole('article', { name: term.term }).getByRole('button', { name: /Learned/ }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
