// Finishing the lesson in a real browser (issue 7 §4): each step's solution
// passes, the completion panel leads on, the last step shows the recap, and
// re-running an earlier step asks first.
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations, sharedPage } from './browser';

const baseURL = inject('baseURL');
const session = sharedPage(baseURL);

const STEPS = [
  ['ingest-and-version', 'Step 2, The training loop'],
  ['the-training-loop', 'Step 3, Track experiments'],
  ['track-experiments', 'Step 4, Serving at scale'],
  ['serving-at-scale', 'Step 5, The feedback loop'],
  ['the-feedback-loop', null],
] as const;

describe('finishing the lesson', () => {
  it('runs every step’s solution, follows the completion panel to the recap, and asks before re-running step 3', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/${STEPS[0][0]}`);
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

    const recap = page.getByRole('region', { name: 'Recap: the whole loop' });
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
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/track-experiments`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Run step 3 again?' });
    await expect.poll(() => confirm.innerText()).toContain('Later steps are done (step 4, Serving at scale; step 5, The feedback loop).');
    expect(await confirm.innerText()).toContain('registers another version of failure-classifier');
    expect(await seriousViolations(page), 're-run confirm').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(session().errors).toEqual([]);
    expect(session().offOrigin).toEqual([]);
  });
});
