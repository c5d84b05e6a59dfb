// The lab in a real browser: the learner's Python runs in Pyodide in a worker.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations, sharedPage } from './browser';

const baseURL = inject('baseURL');
const session = sharedPage(baseURL);

const previewStatus = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('status').first();

/** Replace the editor's text by typing, as a learner would. */
async function typeIntoEditor(page: Page, text: string) {
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) {
      await page.keyboard.press('Enter');
      // Monaco indents after a colon by itself: clear that, then type the line's own indentation.
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
    }
    await page.keyboard.type(line);
  }
}

describe('running Python in the lab', () => {
  it('typed code at track-experiments runs, and the runs table shows the typed values', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/track-experiments`);
    await typeIntoEditor(
      page,
      [
        'import mlflow',
        'mlflow.set_experiment("typed-experiment")',
        'mlflow.start_run(run_name="typed-run")',
        'mlflow.log_param("learning_rate", 0.25)',
        'mlflow.log_metric("accuracy", 0.875)',
        'mlflow.end_run()',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toMatch(/Ran in \d+ ms · finished/);

    const runs = page.getByRole('region', { name: 'Runs' });
    await runs.waitFor({ timeout: 15_000 });
    const headers = await runs.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.replace(/[↓↑]/g, '').trim())).toEqual(['Select', 'Run Name', 'Created', 'Duration', 'Source', 'Models', 'learning_rate', 'accuracy']);
    const row = runs.getByRole('row', { name: /typed-run/ });
    await expect.poll(() => row.innerText()).toMatch(/typed-run[\s\S]*track\.py[\s\S]*0\.25[\s\S]*0\.875/);
    expect(await page.getByRole('button', { name: 'typed-experiment' }).getAttribute('aria-current')).toBe('page');

    // The address bar follows the tracking UI's pages.
    await row.getByRole('button', { name: 'typed-run' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Address' }).inputValue()).toMatch(/^localhost:5000\/#\/experiments\/\d+\/runs\/[0-9a-f]{32}$/);
    await page.getByRole('article', { name: 'Run typed-run' }).getByText('FINISHED').waitFor();

    // Only some checks pass: no model was logged.
    expect(await page.getByRole('region', { name: 'Checks' }).getByRole('status').innerText()).toMatch(/^[12] of 4 passed/);
  });

  it('a ZeroDivisionError on line 2 is reported on line 2 and marked in the editor', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    await typeIntoEditor(page, 'x = 1\ny = x / 0');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toMatch(/raised ZeroDivisionError on line 2/);
    const console = await page.getByRole('log', { name: 'Console' }).innerText();
    expect(console).toContain('File "train.py", line 2, in <module>');
    expect(console).toContain('ZeroDivisionError: division by zero');
    expect(console).not.toContain('lab_runner');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 5_000 });
  });

  it('an infinite loop stops on Stop, and on the time limit, with the page responsive', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await typeIntoEditor(page, 'n = 0\nwhile True:\n    n += 1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toBe('Running…');

    // The page still answers while Python spins in the worker.
    const tick = await page.evaluate(() => new Promise<number>((resolve) => { const t = performance.now(); setTimeout(() => resolve(performance.now() - t), 10); }));
    expect(tick).toBeLessThan(200);
    await page.getByRole('button', { name: 'Show hint 1 of 3' }).click();

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 5_000 }).toMatch(/· stopped$/);
    expect(await page.getByRole('log', { name: 'Console' }).innerText()).toContain('KeyboardInterrupt');

    // Run again and let the 10 s limit end it.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 30_000 }).toMatch(/stopped at the 10 s time limit$/);
    // The engine is still usable afterwards.
    await typeIntoEditor(page, 'print("still alive")');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByRole('log', { name: 'Console' }).innerText(), { timeout: 30_000 }).toContain('still alive');
  });

  it('huge output is capped and summarised, and the page stays fast', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    await typeIntoEditor(page, 'for i in range(20000):\n    print("line", i)');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => previewStatus(page).innerText(), { timeout: 60_000 }).toMatch(/finished$/);
    const text = await page.getByRole('log', { name: 'Console' }).innerText();
    expect(text).toContain('line 4999');
    expect(text).not.toContain('line 5000');
    expect(text).toContain('… 15000 more lines of output not shown');
  });

  it('the lesson’s solution completes the training step: XP, hub and node', async () => {
    const { page } = session();
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/the-training-loop`);
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('button', { name: 'Use the solution' }).click();
    const before = await page.getByRole('group', { name: 'Your progress' }).getByText(/^Total XP: \d+$/).innerText();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Checks' }).getByRole('status').innerText(), { timeout: 60_000 }).toBe('4 of 4 passed on your last run.');
    await page.getByRole('img', { name: /Loss falls from/ }).waitFor();
    const after = await page.getByRole('group', { name: 'Your progress' }).getByText(/^Total XP: \d+$/).innerText();
    // Completed with the solution: a third of the step's 60 XP (src/progress/xp.ts solutionStepXp).
    expect(Number(after.split(': ')[1]) - Number(before.split(': ')[1])).toBe(20);

    await page.goto(`${baseURL}/lessons/ml-lifecycle`);
    await page.getByRole('list', { name: /Lifecycle phases/ }).getByRole('link', { name: /Training.*Done/ }).waitFor();
    await page.getByRole('listitem', { name: 'Model training: Mastered' }).waitFor();
    expect(session().errors).toEqual([]);
    expect(session().offOrigin).toEqual([]);
  });
});

describe('the lab carries over from step to step', () => {
  async function runSolution(page: Page, slug: string, checks: number) {
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/${slug}`);
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('button', { name: 'Use the solution' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Checks' }).getByRole('status').innerText(), { timeout: 60_000 })
      .toBe(`${checks} of ${checks} passed on your last run.`);
  }

  it('the model registered in step 3 is served in step 4 and retrained in step 5', async () => {
    const { page } = session();
    await runSolution(page, 'track-experiments', 4);
    await page.getByRole('button', { name: 'Models' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Address' }).inputValue()).toBe('localhost:5000/#/models');
    await page.getByRole('button', { name: 'failure-classifier' }).click();
    await page.getByRole('article', { name: 'Registered model failure-classifier' }).getByText('@champion').first().waitFor();
    expect(await seriousViolations(page), 'tracking UI').toEqual([]);

    await runSolution(page, 'serving-at-scale', 3);
    const api = page.getByRole('region', { name: 'Preview' });
    await api.getByRole('list', { name: 'Routes' }).getByRole('button', { name: /POST\s*\/predict/ }).waitFor();
    await api.getByLabel('JSON body').fill('{"temperature": 71.5, "vibration": 0.42, "pressure": 101.3}');
    await api.getByRole('button', { name: 'Send' }).click();
    const response = api.getByRole('region', { name: 'Response' });
    await expect.poll(() => response.innerText()).toContain('422');
    expect(await seriousViolations(page), 'model API console').toEqual([]);
    expect(await response.innerText()).toMatch(/"type": "missing",\s*"loc": \[\s*"body",\s*"rpm"\s*\],\s*"msg": "Field required"/);

    await runSolution(page, 'the-feedback-loop', 3);
    await page.getByRole('img', { name: /temperature PSI [\d.]+ \(major\)/ }).waitFor();
    await page.getByText(/Retrained: failure-classifier version \d+ is now the champion\./).waitFor();
    expect(await seriousViolations(page), 'drift monitor').toEqual([]);

    // The project survives a reload; Reset lab (after confirming) starts it afresh.
    await page.goto(`${baseURL}/lessons/ml-lifecycle/steps/track-experiments`);
    await typeIntoEditor(page, 'import mlflow\nprint(len(mlflow.search_runs(experiment_names=["failure-prediction"])))');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByRole('log', { name: 'Console' }).innerText(), { timeout: 60_000 }).toMatch(/^[1-9]\d*\s*$/m);
    await page.getByRole('button', { name: 'Reset lab…' }).click();
    await page.getByRole('dialog', { name: 'Reset the lab?' }).getByRole('button', { name: 'Reset lab' }).click();
    await page.getByText('Python ready').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByRole('log', { name: 'Console' }).innerText(), { timeout: 60_000 }).toMatch(/^0\s*$/m);
    expect(session().errors).toEqual([]);
    expect(session().offOrigin).toEqual([]);
  });
});
