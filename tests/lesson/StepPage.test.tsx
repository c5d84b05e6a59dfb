import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { labFor } from '../../src/lab/page/engine';
import { emptyOutcome } from '../../src/lab/outcome';
import { useLabSession } from '../../src/lesson/useLabSession';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from './renderApp';
import { loadCourse } from '../../scripts/content-files';
import { solutionStepXp } from '../../src/progress/xp';

// The real lesson, read as the app parses it: these tests use its kinds of step (a shell step whose
// starter passes a check, a step of several files, a Python step with a solution), never copies of its words.
const lesson = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle')!;
const stepOf = (slug: string) => lesson.steps.find((s) => s.slug === slug)!;
const INGEST = stepOf('ingest-and-version');
const TRAIN = stepOf('the-training-loop');
const TRACK = stepOf('track-experiments');
const SERVE = stepOf('serving-at-scale');
const TRAIN_FILE = TRAIN.starter[0]!.file;
const TRACK_FILE = TRACK.starter[0]!.file;
const THIRD = solutionStepXp(TRAIN.xp);
const TRAIN_AWARD = { slug: TRAIN.slug, title: TRAIN.title, xp: TRAIN.xp };
const SHOW_SOLUTION = `Show solution (step then worth ${THIRD} XP instead of ${TRAIN.xp})`;
/** What a learner reads of some HTML of the lesson. */
const text = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
const exactly = (t: string) => new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const trainLine = (rest: string) =>
  new RegExp(`Step ${TRAIN.order} of ${lesson.steps.length} · ${lesson.phases.find((p) => p.id === TRAIN.phase)!.label} · ${rest.replace(/[()]/g, '\\$&')}`);

// The editor is the textarea stand-in from tests/stubs (Monaco needs a browser). It loads
// when the learner reaches for the code: until then the code shows in a static view.
const editor = async (file: string) => {
  const name = file.replace('.', '\\.');
  const box = await screen.findByRole('textbox', { name: new RegExp(`^(Code of )?${name}`) });
  if (box.tagName !== 'TEXTAREA') fireEvent.focus(box);
  return (await screen.findByRole('textbox', { name: new RegExp(`^${name}`) })) as HTMLTextAreaElement;
};

describe('a step page', () => {
  it('shows the prose, the starter code, the checks and a preview that has not run', async () => {
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    expect(await screen.findByRole('heading', { level: 1, name: TRACK.title })).toBeInTheDocument();
    // The title is set in an effect after the lazily loaded page commits.
    await waitFor(() => expect(document.title).toBe(`${TRACK.title} — ${lesson.title} · Lifecycle Lab`));
    expect((await editor(TRACK_FILE)).value).toBe(TRACK.starter[0]!.code);

    const preview = within(screen.getByRole('region', { name: 'Preview' }));
    expect(preview.getByRole('textbox', { name: 'Address' })).toHaveValue(TRACK.preview.address);
    expect(preview.getByText(/This step has not been run yet\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();
    expect(screen.getByRole('region', { name: 'Checks' })).toHaveTextContent(text(TRACK.checks[0]!.saysHtml));
  });

  it('keeps edits as a draft that survives a remount', async () => {
    const user = userEvent.setup();
    const first = renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    const box = await editor(TRAIN_FILE);
    await user.clear(box);
    await user.type(box, 'print(42)');
    first.unmount();

    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    expect((await editor(TRAIN_FILE)).value).toBe('print(42)');
    expect(JSON.parse(localStorage.getItem('lifecycle-lab:progress') ?? '{}').state.drafts).toEqual({
      'ml-lifecycle/the-training-loop': { [TRAIN_FILE]: 'print(42)' },
    });
  });

  it('Show solution keeps the learner’s code one click away', async () => {
    const user = userEvent.setup();
    useProgress.getState().saveDraft('ml-lifecycle', 'the-training-loop', TRAIN_FILE, 'my own attempt\n');
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    expect((await editor(TRAIN_FILE)).value).toBe('my own attempt\n');

    await user.click(await screen.findByRole('button', { name: SHOW_SOLUTION }));
    const solution = await editor(TRAIN_FILE);
    expect(solution.value).toBe(TRAIN.solution[0]!.code);
    expect(solution).toHaveAttribute('readonly');

    await user.click(screen.getByRole('button', { name: 'Back to my code' }));
    expect((await editor(TRAIN_FILE)).value).toBe('my own attempt\n');
  });

  // Issue 23: "Show solution", "Back to my code" and retyping it earned the full XP the button had promised a third of.
  it('seeing the solution is what costs: back to my code, retyped, the step still earns a third', async () => {
    const user = userEvent.setup();
    const view = renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    await user.click(await screen.findByRole('button', { name: SHOW_SOLUTION }));
    expect(screen.getByText(new RegExp(`Seen, so completing this step earns ${THIRD} XP\\.`))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to my code' }));
    // Remembered per step, across a reload.
    view.unmount();
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    expect(await screen.findByText(trainLine(`${THIRD} XP with the solution (${TRAIN.xp} without)`))).toBeInTheDocument();
    act(() => useProgress.getState().completeStep('ml-lifecycle', lesson.skill, TRAIN_AWARD));
    expect(await screen.findByText(`Total XP: ${THIRD}`)).toBeInTheDocument();
  });

  it('"Show solution" says what the step is then worth, and completing it earns that, once', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    expect(await screen.findByText(trainLine(`${TRAIN.xp} XP`))).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: SHOW_SOLUTION }));
    await user.click(screen.getByRole('button', { name: 'Use the solution' }));

    expect((await editor(TRAIN_FILE)).value).toBe(TRAIN.solution[0]!.code);
    expect(screen.getByText(`The solution is in the editor: run it to complete the step for ${THIRD} XP.`)).toBeInTheDocument();
    expect(screen.getByText(trainLine(`${THIRD} XP with the solution (${TRAIN.xp} without)`))).toBeInTheDocument();
    // Pressing it again costs nothing more, so the button no longer names a price.
    await user.click(screen.getByRole('button', { name: 'Show solution' }));
    expect(screen.getByRole('button', { name: 'Use the solution' })).toBeInTheDocument();

    // What a run whose checks all pass does (useStepLab.ts): the step is completed for the reduced XP.
    useProgress.getState().completeStep('ml-lifecycle', lesson.skill, TRAIN_AWARD);
    useProgress.getState().completeStep('ml-lifecycle', lesson.skill, TRAIN_AWARD);
    expect(await screen.findByText(`Total XP: ${THIRD}`)).toBeInTheDocument();
    expect(screen.getByText(`+${THIRD} XP · Step “${TRAIN.title}” (with the solution)`)).toBeInTheDocument();
  });

  it('"Use the solution" on a completed step takes nothing away', async () => {
    const user = userEvent.setup();
    useProgress.getState().completeStep('ml-lifecycle', lesson.skill, TRAIN_AWARD);
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    await user.click(await screen.findByRole('button', { name: 'Show solution' }));
    await user.click(screen.getByRole('button', { name: 'Use the solution' }));
    expect(screen.getByText(`Total XP: ${TRAIN.xp}`)).toBeInTheDocument();
    expect(screen.getByText(trainLine(`${TRAIN.xp} XP · completed`))).toBeInTheDocument();
    expect(useProgress.getState().solutionUsed).toEqual({});
  });

  it('Reset to starter can be undone', async () => {
    const user = userEvent.setup();
    useProgress.getState().saveDraft('ml-lifecycle', 'the-training-loop', TRAIN_FILE, 'my own attempt\n');
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    await user.click(await screen.findByRole('button', { name: 'Reset to starter' }));
    expect((await editor(TRAIN_FILE)).value).toContain('learning_rate=0.0001');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect((await editor(TRAIN_FILE)).value).toBe('my own attempt\n');
  });

  it('a step with several files has a tab per file', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle/steps/serving-at-scale');
    const tabs = await screen.findAllByRole('tab');
    expect(SERVE.starter.length).toBeGreaterThan(1);
    expect(tabs.map((t) => t.textContent)).toEqual(SERVE.starter.map((f) => f.file));
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    const second = SERVE.starter[1]!;
    await user.click(screen.getByRole('tab', { name: second.file }));
    expect((await editor(second.file)).value).toBe(second.code);
  });

  it('hints are revealed one at a time', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle/steps/ingest-and-version');
    const [first, second] = INGEST.hintsHtml.map(text);
    await user.click(await screen.findByRole('button', { name: `Show hint 1 of ${INGEST.hintsHtml.length}` }));
    expect(screen.getByRole('main')).toHaveTextContent(first!);
    expect(screen.getByRole('main')).not.toHaveTextContent(second!);
    expect(screen.getByRole('button', { name: `Show hint 2 of ${INGEST.hintsHtml.length}` })).toBeInTheDocument();
  });
});

describe('the workspace', () => {
  it('keeps the verdict with Run: not run yet, then how many passed and the first check to fix, with a way to the full list', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    const work = within(await screen.findByRole('region', { name: 'Workspace' }));
    expect(work.getByRole('button', { name: 'Run' })).toBeInTheDocument();
    expect(work.getByRole('group', { name: 'Verdict of the last run' })).toHaveTextContent(`${TRACK.checks.length} checks · not run yet`);

    // What useStepLab.ts records after a run: here the first two checks pass and the third fails.
    act(() => {
      useLabSession.getState().complete(
        'ml-lifecycle/track-experiments',
        { outcome: emptyOutcome(), output: [], truncatedLines: 0, durationMs: 5 },
        TRACK.checks.map((_, i) => (i < 2 ? { pass: true, detail: '' } : { pass: false, detail: `reason ${i}` })),
      );
    });
    const verdict = work.getByRole('group', { name: 'Verdict of the last run' });
    expect(verdict).toHaveTextContent(exactly(`2 of ${TRACK.checks.length} checks passed✗ ${text(TRACK.checks[2]!.saysHtml)} — reason 2All checks`));

    await user.click(work.getByRole('button', { name: 'All checks' }));
    expect(screen.getByRole('region', { name: 'Checks' })).toHaveFocus();
  });

  it('counts the seconds of a run in progress beside Run', async () => {
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    const work = within(await screen.findByRole('region', { name: 'Workspace' }));
    act(() => useLabSession.getState().begin('ml-lifecycle/track-experiments'));
    expect(work.getByRole('button', { name: 'Stop' })).toBeEnabled();
    // The bar's line (the preview's status says "Running…" too, without the seconds).
    const barLine = () => work.getAllByText('Running…').map((el) => el.parentElement?.textContent);
    expect(barLine()).toContain('Running… 0 s');
    await waitFor(() => expect(barLine()).toContain('Running… 1 s'), { timeout: 20_000 });
  });

  it('says how to leave the editor by keyboard', async () => {
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    const code = within(await screen.findByRole('region', { name: 'Code editor' }));
    expect(code.getByText('Tab inserts spaces · Ctrl+M: Tab moves focus')).toBeInTheDocument();
  });

  it('lists the keyboard shortcuts from a button, and from ? outside the editor only', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    await user.click(await screen.findByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const keys of ['Ctrl + Enter (⌘ + Enter on a Mac)', 'Ctrl + M (Ctrl + Shift + M on a Mac)', '?', 'Escape']) {
      expect(within(dialog).getByText(keys)).toBeInTheDocument();
    }
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Typed in the editor, ? is a character of the code.
    const box = await editor(TRACK_FILE);
    await user.type(box, '?');
    expect(box.value).toMatch(/\?$/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('heading', { level: 1, name: TRACK.title }));
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});

describe('routes', () => {
  it('an unknown step or lesson gets the not-found page with a way back', () => {
    renderApp('/lessons/ml-lifecycle/steps/nope');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText(`The lesson “${lesson.title}” has no step called “nope”.`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the course' })).toHaveAttribute('href', '/');
  });

  it('the home page lists the lesson with its progress', () => {
    // Weighed by XP: the first step's XP of all the lesson gives (steps, questions, predictions, terms).
    const all = [...lesson.steps.map((s) => s.xp + (s.prediction?.xp ?? 0)), ...lesson.quiz.map((q) => q.xp), ...lesson.glossary.map((t) => t.xp)].reduce((a, b) => a + b, 0);
    const percent = Math.round((100 * INGEST.xp) / all);
    useProgress.getState().completeStep('ml-lifecycle', lesson.skill, { slug: INGEST.slug, title: INGEST.title, xp: INGEST.xp });
    renderApp('/');
    expect(screen.getByRole('link', { name: lesson.title })).toHaveAttribute('href', '/lessons/ml-lifecycle');
    expect(screen.getByRole('progressbar', { name: `${lesson.title} progress` })).toHaveAttribute('aria-valuenow', String(percent));
    expect(screen.getByText(`${percent}% done · 1/${lesson.steps.length} steps`)).toBeInTheDocument();
  });
});

describe('saved progress that cannot be read', () => {
  it('the page still renders, with a notice', async () => {
    useProgress.setState({ notice: 'Your saved progress could not be read (the saved progress is not valid JSON), so this page started fresh.' });
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle');
    expect(screen.getByRole('heading', { level: 1, name: lesson.title })).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('could not be read');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the last verdict', () => {
  afterEach(() => vi.restoreAllMocks());
  const KEY = 'ml-lifecycle/ingest-and-version';
  /** Runs go to a lab that answers at once with an empty outcome (jsdom has no worker): the checks judge that. */
  function fakeRuns() {
    // The start project's repository, as the shell leaves it when nothing was added: the CSV is not committed.
    const shell = { transcript: [], repo: { branch: 'main', log: [{ oid: 'a'.repeat(40), message: lesson.lab.commit, timestamp: 1 }], committed: lesson.lab.committed, ignored: [], dvcTracked: [] } };
    return vi
      .spyOn(labFor('ml-lifecycle'), 'run')
      .mockResolvedValue({ outcome: { ...emptyOutcome(), shell }, output: [], truncatedLines: 0, durationMs: 5 });
  }
  // The check the untouched starter passes: a file that must not be committed, and is not yet.
  const NOT_COMMITTED = text(INGEST.checks.find((c) => c.expect.kind === 'git-not-committed')!.saysHtml);
  const notCommitted = () => within(screen.getByRole('region', { name: 'Checks' })).getByText(NOT_COMMITTED).closest('li')!;

  // Issue 23: the first step's starter showed a green ✓ on a check it passes by doing nothing.
  it('a run of the untouched starter shows the checks it passes as neutral, not as progress; the learner’s own code earns the ✓', async () => {
    const user = userEvent.setup();
    fakeRuns();
    renderApp('/lessons/ml-lifecycle/steps/ingest-and-version');
    await user.click(await screen.findByRole('button', { name: 'Run' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Checks' })).toHaveTextContent('Your last run was of the starter code'));
    expect(notCommitted()).toHaveAttribute('data-state', 'passes on the starter, not counted');
    expect(notCommitted()).not.toHaveTextContent('✓');
    expect(screen.getByRole('group', { name: 'Verdict of the last run' })).toHaveTextContent(new RegExp(`^Starter code run · ${INGEST.checks.length - 1} of ${INGEST.checks.length} checks to pass`));

    const box = await editor(INGEST.starter[0]!.file);
    await user.type(box, '\n# my own line');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(notCommitted()).toHaveAttribute('data-state', 'passed'));
    expect(notCommitted()).toHaveTextContent('✓');
    expect(screen.getByRole('group', { name: 'Verdict of the last run' })).toHaveTextContent(new RegExp(`^1 of ${INGEST.checks.length} checks passed`));
  });

  it('survives a reload', async () => {
    const user = userEvent.setup();
    fakeRuns();
    const first = renderApp('/lessons/ml-lifecycle/steps/ingest-and-version');
    await user.type(await editor(INGEST.starter[0]!.file), '\n# mine');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(notCommitted()).toHaveAttribute('data-state', 'passed'));
    first.unmount();
    act(() => useLabSession.getState().clear()); // a reload: this visit's runs are gone

    renderApp('/lessons/ml-lifecycle/steps/ingest-and-version');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('region', { name: 'Checks' })).toHaveTextContent(`1 of ${INGEST.checks.length} passed on your last run.`);
    expect(JSON.parse(localStorage.getItem('lifecycle-lab:last-verdicts') ?? '{}')[KEY].verdicts).toHaveLength(INGEST.checks.length);
  });

  it('renders `code` in a reason as code, and markup in it as text', async () => {
    renderApp('/lessons/ml-lifecycle/steps/ingest-and-version');
    await screen.findByRole('heading', { level: 1 });
    act(() =>
      useLabSession.getState().complete(KEY, { outcome: emptyOutcome(), output: [], truncatedLines: 0, durationMs: 5 }, [
        { pass: false, detail: 'Run `dvc add data/raw_data.csv` first <img src=x onerror=alert(1)>.' },
        { pass: true, detail: '' },
        { pass: true, detail: '' },
      ]),
    );
    const verdict = screen.getByRole('group', { name: 'Verdict of the last run' });
    expect(within(verdict).getByText('dvc add data/raw_data.csv').tagName).toBe('CODE');
    expect(verdict).not.toHaveTextContent('`');
    expect(verdict.querySelector('img')).toBeNull();
    expect(verdict).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});

describe('finding the way on a step page', () => {
  it('lists every step in a menu, marking this one and the completed ones', async () => {
    const user = userEvent.setup();
    useProgress.getState().completeStep('ml-lifecycle', lesson.skill, { slug: INGEST.slug, title: INGEST.title, xp: INGEST.xp });
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    await user.click(await screen.findByText(`Step ${TRACK.order} of ${lesson.steps.length} · all steps ▾`));
    const menu = within(screen.getByRole('navigation', { name: 'All steps' }));
    const links = menu.getAllByRole('link');
    expect(links).toHaveLength(lesson.steps.length);
    expect(links[TRACK.order - 1]).toHaveAttribute('aria-current', 'step');
    expect(links[TRACK.order - 1]).toHaveAttribute('href', '/lessons/ml-lifecycle/steps/track-experiments');
    expect(links[0]).toHaveAccessibleName(/^Step 1: .*\(completed\)$/);
    expect(links[1]).not.toHaveAccessibleName(/completed/);
  });

  // Issue 23: on a phone Run sat 2.7 screens down the step. In one column it comes first, in a bar that stays on screen.
  it('in one column, Run and its verdict come before the step’s text, in a bar that sticks to the top', async () => {
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    const heading = await screen.findByRole('heading', { level: 1, name: TRACK.title });
    const run = screen.getByRole('button', { name: 'Run' });
    expect(run.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const bar = run.closest('[data-sticky-run-bar]');
    expect(bar).toHaveClass('sticky', 'top-0');
    expect(bar).toContainElement(screen.getByRole('group', { name: 'Verdict of the last run' }));
  });
});

describe('the editor’s screen-reader mode', () => {
  it('is a toggle reachable by keyboard, announced, passed to the editor and remembered', async () => {
    const user = userEvent.setup();
    const view = renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    const box = await editor(TRAIN_FILE);
    expect(box).toHaveAttribute('data-accessibility-support', 'auto');
    const toggle = screen.getByRole('button', { name: 'Screen reader mode' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/^Screen reader mode is on: .*Alt\+F1 opens its accessibility help\.$/).closest('[role=status]')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^train\.py/ })).toHaveAttribute('data-accessibility-support', 'on');
    view.unmount();
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    expect(await screen.findByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');
  });
});
