// The second lesson (content/beyond-accuracy) in a real browser: its steps preview
// the `results` service, which draws what the learner's program showed with
// lab.show_table and lab.show_chart. A wrong attempt from the step file fails its
// check with the step's message; the solution's table and chart are read as a
// learner (or a screen reader) reads them, and checked against the run's own printout
// and the lesson's data, so no number here is written down in advance.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { loadCourse } from '../../scripts/content-files';
import { sharedPage, typeIntoEditor } from './browser';

const baseURL = inject('baseURL');
const session = sharedPage(baseURL);
const LOADS_PYTHON = 180_000;

const lesson = loadCourse('content').course.lessons.find((l) => l.id === 'beyond-accuracy');
const stepOf = (slug: string) => {
  const step = lesson?.steps.find((s) => s.slug === slug);
  if (!step) throw new Error(`content/beyond-accuracy has no step ${slug}`);
  return step;
};

const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });
const checksStatus = (page: Page) => page.getByRole('region', { name: 'Checks' }).getByRole('status');
const consoleText = (page: Page) => page.getByRole('log', { name: 'Console' }).innerText();

async function runSolution(page: Page, checks: number) {
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('button', { name: 'Use the solution' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => checksStatus(page).innerText(), { timeout: LOADS_PYTHON }).toBe(`${checks} of ${checks} passed on your last run.`);
}

describe('beyond accuracy: the results preview', () => {
  it('the accuracy trap: a wrong attempt fails with its message; the solution’s confusion matrix is shown and passes', async () => {
    const { page, errors, offOrigin } = session();
    const step = stepOf('the-accuracy-trap');
    await page.goto(`${baseURL}/lessons/beyond-accuracy/steps/the-accuracy-trap`);

    // The step file's own wrong attempt: false positives and false negatives swapped.
    const wrong = step.wrong.find((w) => w.mistake === 'false positives and false negatives swapped');
    if (!wrong) throw new Error('the accuracy trap has no wrong attempt that swaps fp and fn');
    const checkIndex = wrong.fails;
    await typeIntoEditor(page, wrong.file.code);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => checksStatus(page).innerText(), { timeout: LOADS_PYTHON }).toMatch(new RegExp(`^\\d of ${step.checks.length} passed`));
    const failed = page.getByRole('region', { name: 'Checks' }).getByRole('listitem').nth(checkIndex);
    expect(await failed.getAttribute('data-state')).toBe('failed');
    expect(await failed.innerText()).toContain('fp and fn are swapped.');
    // Nothing was shown, and the preview says how to show something.
    await preview(page).getByText('Nothing was shown in this run').waitFor();

    await runSolution(page, step.checks.length);
    await page.getByRole('region', { name: `Step ${step.order} complete` }).waitFor();
    const table = preview(page).getByRole('table', { name: 'Confusion matrix (test set)' });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['predicted honest', 'predicted fraud']);
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual(['actual honest', 'actual fraud']);
    // The body's rows, each after its heading: [[tn, fp], [fn, tp]].
    const body = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    const cells = async (i: number) => (await body.nth(i).getByRole('cell').allInnerTexts()).map(Number);
    const [[tn, fp], [fn, tp]] = [await cells(0), await cells(1)];

    // The cells agree with what the same run printed…
    const printed = await consoleText(page);
    expect(printed).toContain(`caught ${tp} of ${tp! + fn!} frauds, with ${fp} false alarms`);
    // …and with the data: the test set is the quarter of data/payments.csv that lab.split holds back.
    const rows = readFileSync('content/beyond-accuracy/lab/data/payments.csv', 'utf8').trim().split('\n').length - 1;
    const total = tn! + fp! + fn! + tp!;
    expect(total).toBe(rows - Math.round(rows * 0.75));
    expect(printed).toContain(`model accuracy:    ${((tn! + tp!) / total).toFixed(3)}`);
    expect(printed).toContain(`baseline accuracy: ${((tn! + fp!) / total).toFixed(3)}`);
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  }, 600_000);

  it('the judge is out of the program’s reach: wrong work that patches the runner and the model still fails, in its own words', async () => {
    const { page, errors, offOrigin } = session();
    const step = stepOf('the-accuracy-trap');
    await page.goto(`${baseURL}/lessons/beyond-accuracy/steps/the-accuracy-trap`);
    const wrong = step.wrong.find((w) => w.mistake === 'false positives and false negatives swapped');
    if (!wrong) throw new Error('the accuracy trap has no wrong attempt that swaps fp and fn');
    // What a learner who read the lab's source might add: every verdict "passed", and a model that answers what suits the counts.
    const tampering = [
      'import sys, lab_runner',
      'lab_runner._judge_asserts = lambda asserts, *args, **kwargs: {code: None for code in asserts}',
      'sys.modules["lab"].LogisticRegression.predict = lambda self, X: [0] * len(X)',
      '',
    ].join('\n');
    await typeIntoEditor(page, `${wrong.file.code.trimEnd()}\n${tampering}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The step was passed before (the last test): this run must not pass every check.
    await expect.poll(() => checksStatus(page).innerText(), { timeout: LOADS_PYTHON }).toMatch(new RegExp(`^[0-${step.checks.length - 1}] of ${step.checks.length} passed`));
    const failed = page.getByRole('region', { name: 'Checks' }).getByRole('listitem').nth(wrong.fails);
    expect(await failed.getAttribute('data-state')).toBe('failed');
    expect(await failed.innerText()).toContain('fp and fn are swapped.');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  }, 600_000);

  it('choose the threshold: the solution’s chart has a text alternative that matches its data', async () => {
    const { page, errors } = session();
    const step = stepOf('choose-the-threshold');
    // Through the step links, in the page: the lesson's engine is already running.
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('link', { name: /^Step 3: .* →$/ }).click();
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('link', { name: `Step 4: ${step.title} →` }).click();
    await expect.poll(() => page.url()).toBe(`${baseURL}/lessons/beyond-accuracy/steps/choose-the-threshold`);

    await runSolution(page, step.checks.length);
    const title = 'Precision and recall by threshold (validation rows)';
    const figure = preview(page).getByRole('figure', { name: title });
    const alt = await figure.getByRole('img', { name: /^Line chart/ }).getAttribute('aria-label');

    // The chart's data, as the figure's own table gives it: threshold, precision, recall.
    await figure.getByText('The data as a table').click();
    const data = (await figure.getByRole('table').getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t').map(Number));
    expect(data).toHaveLength(19);
    const series = (j: number) => data.map((r) => r[j]!);
    // The words give four significant digits, the table six.
    const r4 = (n: number | undefined) => Number(n!.toPrecision(4));
    const words = (name: string, v: number[]) => `${name} from ${r4(v[0])} to ${r4(v.at(-1))} (lowest ${r4(Math.min(...v))}, highest ${r4(Math.max(...v))})`;
    expect(alt).toBe(`Line chart “${title}”, 19 points over x 0.05 to 0.95: ${words('precision', series(1))}; ${words('recall', series(2))}. Marked: target recall at y = 0.8.`);

    // The threshold the run chose is the highest whose validation recall is at least 0.8.
    const chosen = Number(/threshold ([\d.]+):/.exec(await consoleText(page))?.[1]);
    expect(chosen).toBe(Math.max(...data.filter((r) => r[2]! >= 0.8).map((r) => r[0]!)));
    expect(errors).toEqual([]);
  }, 600_000);
});
