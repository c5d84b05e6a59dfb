// Finishing a step, finishing the lesson, and coming back (issue 7 §4).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyOutcome } from '../../src/lab/outcome';
import { useLabSession } from '../../src/lesson/useLabSession';
import { LessonRecap, summaryDocument } from '../../src/lesson/LessonRecap';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from './renderApp';
import { course } from './fixtureCourse';

// The fixture course (fixtureCourse.ts): its own small lesson, not content/ as authors change it.
vi.mock('virtual:lifecycle-content', () => import('./fixtureCourse'));

const LESSON = 'garden-lab';
// The same lesson the app renders here.
const lesson = course.lessons.find((l) => l.id === LESSON)!;
const STEPS = lesson.steps.map((s) => ({ slug: s.slug, title: s.title, xp: s.xp }));

/** What useStepLab.ts does after a run whose checks all pass. */
function passStep(slug: string) {
  const step = lesson.steps.find((s) => s.slug === slug)!;
  act(() => {
    useLabSession.getState().complete(
      `${LESSON}/${slug}`,
      { outcome: emptyOutcome(), output: [], truncatedLines: 0, durationMs: 5 },
      step.checks.map(() => ({ pass: true, detail: '' })),
    );
    useProgress.getState().completeStep(LESSON, lesson.skill, step);
  });
}

describe('finishing a step', () => {
  it('a passing run shows beside Run what was achieved, the XP earned and the way to the next step', async () => {
    renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    await screen.findByRole('heading', { level: 1, name: 'Water the beds' });
    expect(screen.queryByRole('region', { name: 'Step 2 complete' })).not.toBeInTheDocument();

    passStep('water-the-beds');
    const panel = screen.getByRole('region', { name: 'Step 2 complete' });
    expect(panel).toHaveTextContent('Every check passed: +60 XP.');
    const achieved = within(panel).getByRole('list', { name: 'What you achieved' });
    expect(within(achieved).getAllByRole('listitem')).toHaveLength(lesson.steps[1]!.checks.length);
    expect(within(panel).getByRole('link', { name: 'Next: Step 3, Keep a log →' })).toHaveAttribute('href', `/lessons/${LESSON}/steps/keep-a-log`);
    // The step's own key takeaways (its `takeaways:`), once it is complete.
    expect(within(within(panel).getByRole('list', { name: 'Key takeaways' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('a step done with the solution says what it earned and what it was worth', async () => {
    useProgress.getState().markSolutionUsed(LESSON, 'water-the-beds');
    renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    await screen.findByRole('heading', { level: 1, name: 'Water the beds' });
    passStep('water-the-beds');
    expect(screen.getByRole('region', { name: 'Step 2 complete' })).toHaveTextContent('Every check passed: +20 XP (60 without the solution).');
  });
});

describe('running an earlier step again', () => {
  beforeEach(() => useLabSession.getState().clear()); // the runs of the tests above, on step 2 too
  it('asks first, naming the later steps that changed the lab; Cancel runs nothing', async () => {
    const user = userEvent.setup();
    useProgress.getState().completeStep(LESSON, lesson.skill, STEPS[2]!);
    useProgress.getState().completeStep(LESSON, lesson.skill, STEPS[3]!);
    renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    await user.click(await screen.findByRole('button', { name: 'Run' }));

    const dialog = screen.getByRole('dialog', { name: 'Run step 2 again?' });
    expect(dialog).toHaveAccessibleDescription(/^Later steps are done \(step 3, Keep a log; step 4, Bring in the harvest\)\./);
    // The step's own words (its `rerun:`), not a warning written for every step.
    expect(dialog).toHaveAccessibleDescription(/writes a new entry in garden-log, and latest moves to it .* Your XP and completed steps are kept\.$/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useLabSession.getState().steps[`${LESSON}/water-the-beds`]).toBeUndefined();

    // Ctrl + Enter, the keyboard's Run, asks too.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.getByRole('dialog', { name: 'Run step 2 again?' })).toBeInTheDocument();
  });

  it('"Don’t ask again" is remembered for that step: the next Run runs', async () => {
    const user = userEvent.setup();
    useProgress.getState().completeStep(LESSON, lesson.skill, STEPS[2]!);
    const view = renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    const dialog = screen.getByRole('dialog', { name: 'Run step 2 again?' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Don’t ask again for this step' }));
    await user.click(within(dialog).getByRole('button', { name: 'Run anyway' }));
    expect(useLabSession.getState().steps[`${LESSON}/water-the-beds`]).toBeDefined();

    // After a reload, too.
    view.unmount();
    act(() => useLabSession.getState().clear());
    renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    expect(screen.queryByRole('dialog', { name: 'Run step 2 again?' })).not.toBeInTheDocument();
    expect(useLabSession.getState().steps[`${LESSON}/water-the-beds`]).toBeDefined();
  });

  it('a step whose re-run changes nothing later steps use does not ask (it has no `rerun:`)', async () => {
    const user = userEvent.setup();
    for (const s of STEPS.slice(3)) useProgress.getState().completeStep(LESSON, lesson.skill, s);
    renderApp(`/lessons/${LESSON}/steps/keep-a-log`);
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useLabSession.getState().steps[`${LESSON}/keep-a-log`]).toBeDefined();
  });

  it('does not ask when only earlier steps are completed: Run runs', async () => {
    const user = userEvent.setup();
    useProgress.getState().completeStep(LESSON, lesson.skill, STEPS[0]!);
    renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The run began (jsdom has no worker, so it cannot get further): useStepLab.ts recorded it.
    expect(useLabSession.getState().steps[`${LESSON}/water-the-beds`]).toBeDefined();
  });
});

const OID = 'a3f1c2d4e5b6a7980112233445566778899aabbc';
const files = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/refs/heads/main': `${OID}\n`,
  // The shape `dvc add` writes (DVC 3 docs, "dvc.yaml and .dvc files": outs with md5, size, hash, path).
  'data/raw_data.csv.dvc': 'outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  size: 14445\n  hash: md5\n  path: raw_data.csv\n',
  // The lab's store: a file per run and store.json for the registry (src/lab/python/mlflow/_store.py).
  '.lab/tracking/runs/r1.json': JSON.stringify({ run_id: 'r1aaaaaaaaaa', run_name: 'first', experiment_id: '1', status: 'FINISHED', start_time: 1 }),
  '.lab/tracking/runs/r2.json': JSON.stringify({ run_id: 'r2bbbbbbbbbb', run_name: 'retrain', experiment_id: '1', status: 'FINISHED', start_time: 2 }),
  '.lab/tracking/store.json': JSON.stringify({
    registered_models: {
      'garden-log': {
        name: 'garden-log',
        aliases: { latest: '2' },
        versions: {
          '1': { version: '1', run_id: 'r1aaaaaaaaaa', model_id: 'm-1', creation_timestamp: 1 },
          '2': { version: '2', run_id: 'r2bbbbbbbbbb', model_id: 'm-2', creation_timestamp: 2 },
        },
      },
    },
  }),
};

describe('the lesson recap', () => {
  const renderRecap = (f: Record<string, string> | null, onGoAgain: () => void = () => undefined) =>
    render(
      <MemoryRouter>
        <LessonRecap lesson={lesson} files={f} onGoAgain={onGoAgain} readOnly={false} />
      </MemoryRouter>,
    );

  it('recaps the loop from the lab’s files and the XP by phase', () => {
    useProgress.getState().completeStep(LESSON, lesson.skill, STEPS[0]!);
    useProgress.getState().markSolutionUsed(LESSON, STEPS[2]!.slug);
    useProgress.getState().completeStep(LESSON, lesson.skill, STEPS[2]!);
    renderRecap(files);
    const recap = screen.getByRole('region', { name: 'Recap: the garden year' });
    const fact = (term: string) => within(recap).getByText(term).nextElementSibling;
    expect(fact('Data commit')).toHaveTextContent('a3f1c2d on main; DVC tracks data/raw_data.csv (md5 22a1a293…)');
    expect(fact('Runs and registered versions')).toHaveTextContent('2 runs tracked.garden-log: versions 1, 2 · @latest → version 2');
    expect(fact('Drift found')).toHaveTextContent('Run step 4 again to see which features drifted');
    expect(fact('Latest entry kept')).toHaveTextContent('models:/garden-log@latest is version 2, from run r2bbbbbb');

    const table = within(recap).getByRole('table', { name: 'XP by phase' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['Sowing40 of 40', 'Growing0 of 60', 'Logging23 of 70', 'Harvest0 of 80']);
  });

  // Issue 23: a summary the learner can keep — printed, or saved as a page of its own — with the steps' takeaways.
  it('is a summary to keep: the date, the key takeaways, Print, and a download of the same page without its buttons', async () => {
    const user = userEvent.setup();
    for (const s of STEPS) useProgress.getState().completeStep(LESSON, lesson.skill, s);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderRecap(files);
    const recap = screen.getByRole('region', { name: 'Recap: the garden year' });
    expect(recap).toHaveTextContent(new RegExp(`The Garden Lab · finished .*${new Date().getFullYear()}\\.`));
    const takeaways = within(recap).getByRole('heading', { name: 'Key takeaways' }).nextElementSibling as HTMLElement;
    expect(within(takeaways).getAllByRole('listitem')[0]).toHaveTextContent(/^Water the soil, not the leaves\..*\(step 2\)$/);

    await user.click(within(recap).getByRole('button', { name: 'Print this summary' }));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();

    const page = summaryDocument(recap, lesson.title);
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<title>The Garden Lab — summary · Lifecycle Lab</title>');
    for (const text of ['Recap: the garden year', 'XP by phase', 'Key takeaways', 'models:/garden-log@latest is version 2']) expect(page).toContain(text);
    expect(page).not.toContain('<button');
    expect(page).not.toContain('Go round the loop again');
  });

  it('shows the drift the last run measured, when this visit ran it', () => {
    useLabSession.getState().complete(
      `${LESSON}/bring-in-the-harvest`,
      {
        outcome: emptyOutcome({
          drift: [
            { column: 'temperature', psi: 1.234, bins: 10, reference: [], current: [] },
            { column: 'rpm', psi: 0.02, bins: 10, reference: [], current: [] },
          ],
        }),
        output: [],
        truncatedLines: 0,
        durationMs: 5,
      },
      [],
    );
    renderRecap(files);
    expect(screen.getByText('Drift found').nextElementSibling).toHaveTextContent('PSI above 0.25 on temperature (1.23).');
  });

  it('says plainly when the lab holds nothing (after a reset)', () => {
    renderRecap({});
    expect(screen.getByText('Data commit').nextElementSibling).toHaveTextContent('No commit in the lab’s repository');
    expect(screen.getByText('Runs and registered versions').nextElementSibling).toHaveTextContent('The lab has no tracking store');
    expect(screen.getByText('Latest entry kept').nextElementSibling).toHaveTextContent('No model has a latest alias.');
  });

  // Issue 20: the recap is the lesson's own. Its facts and their parameters come from lesson.md's `recap`.
  it('shows the facts the lesson names, with its own alias and threshold', () => {
    const own = { ...lesson, recap: { title: 'What you shipped', introHtml: '<p>Your staging model.</p>', facts: [{ fact: 'alias' as const, alias: 'staging', label: 'In staging' }] } };
    render(
      <MemoryRouter>
        <LessonRecap lesson={own} files={files} onGoAgain={() => undefined} readOnly={false} />
      </MemoryRouter>,
    );
    const recap = screen.getByRole('region', { name: 'What you shipped' });
    expect(recap).toHaveTextContent('Your staging model.');
    expect(within(recap).getByText('In staging').nextElementSibling).toHaveTextContent('No model has a staging alias.');
    for (const other of ['Data commit', 'Drift found', 'Latest entry', 'latest', 'garden']) expect(recap).not.toHaveTextContent(other);
  });

  it('a lesson without a recap gets only its summary: XP by phase and the takeaways, nothing of another lesson', () => {
    const { recap: _lifecycle, ...bare } = lesson;
    for (const s of STEPS) useProgress.getState().completeStep(LESSON, lesson.skill, s);
    render(
      <MemoryRouter>
        <LessonRecap lesson={bare} files={files} onGoAgain={() => undefined} readOnly={false} />
      </MemoryRouter>,
    );
    const summary = screen.getByRole('region', { name: 'Summary: The Garden Lab' });
    expect(within(summary).getByRole('table', { name: 'XP by phase' })).toBeInTheDocument();
    expect(within(summary).getByRole('heading', { name: 'Key takeaways' })).toBeInTheDocument();
    expect(within(summary).queryByRole('term')).toBeNull();
    for (const other of ['Data commit', 'Runs and registered', 'Drift found', 'latest', 'garden year']) expect(summary).not.toHaveTextContent(other);
  });

  it('going round again asks, then resets the lab', async () => {
    const user = userEvent.setup();
    let resets = 0;
    renderRecap(files, () => {
      resets += 1;
    });
    await user.click(screen.getByRole('button', { name: 'Go round the loop again…' }));
    const dialog = screen.getByRole('dialog', { name: 'Go round the loop again?' });
    expect(dialog).toHaveTextContent('Your XP, completed steps and code in the editors are kept.');
    await user.click(within(dialog).getByRole('button', { name: 'Reset the lab and start again' }));
    expect(resets).toBe(1);
  });

  it('appears on the last step once every step is completed', async () => {
    for (const step of STEPS.slice(0, 3)) useProgress.getState().completeStep(LESSON, lesson.skill, step);
    renderApp(`/lessons/${LESSON}/steps/bring-in-the-harvest`);
    await screen.findByRole('heading', { level: 1, name: 'Bring in the harvest' });
    expect(screen.queryByRole('region', { name: 'Recap: the garden year' })).not.toBeInTheDocument();
    passStep('bring-in-the-harvest');
    expect(screen.getByRole('region', { name: 'Step 4 complete' })).toHaveTextContent('+80 XP');
    expect(screen.getByRole('link', { name: 'See the recap of the loop ↓' })).toHaveAttribute('href', '#recap');
    expect(screen.getByRole('region', { name: 'Recap: the garden year' })).toBeInTheDocument();
  });
});

describe('predict before you run', () => {
  beforeEach(() => useLabSession.getState().clear()); // runs of earlier tests on this step
  it('is asked above Run until the step is run, judged as the quiz does, and its answer kept', async () => {
    const user = userEvent.setup();
    renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    const panel = await screen.findByRole('region', { name: 'Predict before you run' });
    expect(panel).toHaveTextContent('What will the code do? Answer before you press Run, then see.');
    const group = within(panel).getByRole('radiogroup', { name: /what will it print\?/ });
    await user.click(within(group).getByRole('radio', { name: /Nothing but dots/ }));
    await user.click(within(panel).getByRole('button', { name: 'Check answer' }));
    expect(within(panel).getByRole('status')).toHaveTextContent(/^Correct\./);
    expect(useProgress.getState().awards[`quiz:${LESSON}/predict-water-the-beds`]).toMatchObject({ xp: 10 });
    expect(panel).toHaveTextContent('Your prediction is kept');
  });

  it('never holds Run back, and is gone once the step has run', async () => {
    const user = userEvent.setup();
    renderApp(`/lessons/${LESSON}/steps/water-the-beds`);
    await screen.findByRole('region', { name: 'Predict before you run' });
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(useLabSession.getState().steps[`${LESSON}/water-the-beds`]).toBeDefined();
    passStep('water-the-beds');
    expect(screen.queryByRole('region', { name: 'Predict before you run' })).not.toBeInTheDocument();
  });
});
