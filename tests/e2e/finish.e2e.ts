// Finishing the lesson in a real browser (issue 7 §4): each step's solution
// passes, the completion panel leads on, the last step shows the recap, and
// re-running an earlier step asks first.
import { describe, expect, inject, it } from 'vitest';
import { loadCourse } from '../../scripts/content-files';
import { seriousViolations, sharedPage } from './browser';

const baseURL = inject('baseURL');
const session = sharedPage(baseURL);

// The lesson's steps and recap as its files say (never copied here).
const lesson = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle')!;
const STEPS = lesson.steps.map((s, i) => [s.slug, lesson.steps[i + 1] ? `Step ${i + 2}, ${lesson.steps[i + 1]!.title}` : null] as const);
const third = lesson.steps[2]!;
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

describe('finishing the lesson', () => {
  it('runs every step’s solution, follows the completion panel to the recap, and asks before re-running step 3', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/${lesson.steps[0]!.slug}`);
    for (const [i, [slug, next]] of STEPS.entries()) {
      expect(page.url()).toBe(`${baseURL}/lessons/ml-lifecycle/steps/${slug}`);
      await page.getByRole('button', { name: 'Show solution' }).click();
      await page.getByRole('button', { name: 'Use the solution' }).click();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const panel = page.getByRole('region', { name: `Step ${i + 1} complete` });
      await panel.waitFor({ timeout: 120_000 });
      await expect.poll(() => panel.innerText()).toMatch(/Every check passed: \+\d+ XP \(\d+ without the solution\)\./);
      if (next) await panel.getByRole('link', { name: `Next: ${next} →` }).click();
    }

    const recap = page.getByRole('region', { name: lesson.recap!.title });
    await page.getByRole('link', { name: 'See the recap of the loop ↓' }).click();
    await expect.poll(() => recap.innerText()).toMatch(/Data commit\s+[0-9a-f]{7} on (main|master)( — “[^”]*”)?; DVC tracks data\/raw_data\.csv/);
    expect(await recap.innerText()).toMatch(/failure-classifier: versions 1, 2 · @champion → version 2/);
    expect(await recap.innerText()).toMatch(/Drift found\s+PSI above 0\.25 on .*temperature/);
    expect(await recap.innerText()).toMatch(/models:\/failure-classifier@champion is version 2/);
    expect(await recap.getByRole('table', { name: 'XP by phase' }).getByRole('row').count()).toBe(6);
    expect(await seriousViolations(page), 'completion panel and recap').toEqual([]);

    // After a reload the recap still has the lab's facts, and says which one needs a run.
    await page.reload();
    await expect.poll(() => recap.innerText(), { timeout: 60_000 }).toMatch(/@champion → version 2/);
    expect(await recap.innerText()).toContain('Run step 5 again to see which features drifted');

    // Step 3 again: the later steps are completed, so Run asks first (Escape closes the dialog).
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/${third.slug}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Run step 3 again?' });
    const later = lesson.steps.slice(3).map((s) => `step ${s.order}, ${s.title}`).join('; ');
    await expect.poll(() => confirm.innerText()).toContain(`Later steps are done (${later}).`);
    expect((await confirm.innerText()).replace(/\s+/g, ' ')).toContain(plain(third.rerunHtml!).slice(0, 60));
    expect(await seriousViolations(page), 're-run confirm').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(session().errors).toEqual([]);
    expect(session().offOrigin).toEqual([]);
  });
});
