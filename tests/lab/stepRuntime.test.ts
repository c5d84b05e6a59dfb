// The step runtime without React (src/lab/page/stepRuntime.ts): what the learner would
// see after a Run — the verdicts, the step completed and its XP awarded once, the
// session's state — with a stand-in engine, the real checks, session and progress store.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCourse } from '../../src/content/parse';
import { emptyOutcome } from '../../src/lab/outcome';
import { labSession } from '../../src/lab/page/session';
import { createStepRuntime, stepEditing, type RuntimeEngine } from '../../src/lab/page/stepRuntime';
import type { RunRequest } from '../../src/lab/page/runMachine';
import type { RunResult } from '../../src/lab/types';
import { createProgressStore, stepKey, type ProgressStorage } from '../../src/progress/store';
import { solutionStepXp, totalXp } from '../../src/progress/xp';

const { course, errors } = parseCourse([
  {
    path: 'x/lesson.md',
    text: '---\nid: x\ntitle: X\nsummary: S.\nskill: testing\ninstructor: { name: A, role: B }\ncallout: { title: T, text: C. }\nphases: [{ id: training, label: Training }]\n---\n\nIntro.\n',
  },
  {
    path: 'x/steps/01-only.md',
    text:
      '---\ntitle: Only\nphase: training\nsummary: S.\npreview: { address: "localhost:3000", service: training-report }\nruntime: python\nxp: 30\nchecks:\n' +
      '  - says: The accuracy is high enough.\n    expect: { kind: variable, name: accuracy, atLeast: 0.8 }\n' +
      '---\n\nDo it.\n\n```python starter\naccuracy = 0.5\n```\n\n```python solution\naccuracy = 0.9\n```\n',
  },
]);
const lesson = course.lessons[0]!;
const step = lesson.steps[0]!;
const KEY = stepKey(lesson.id, step.slug);

/** A lab whose program leaves `accuracy` at the number its code names, streaming one line first. */
class FakeEngine implements RuntimeEngine {
  requests: RunRequest[] = [];
  resets = 0;
  files = { 'train.py': '' };
  answer: (request: RunRequest) => Promise<RunResult> = async (request) => {
    request.onOutput?.([{ stream: 'stdout', text: 'training…\n' }]);
    const accuracy = Number(/accuracy = ([\d.]+)/.exec(request.code)?.[1]);
    return { outcome: emptyOutcome({ variables: { accuracy } }), output: [], truncatedLines: 0, durationMs: 1 };
  };
  run(request: RunRequest) {
    this.requests.push(request);
    return this.answer(request);
  }
  async resetLab() {
    this.resets++;
  }
}

const memoryStorage = (): ProgressStorage => {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), subscribe: () => () => undefined };
};

let engine: FakeEngine;
let progress: ReturnType<typeof createProgressStore>;
let remembered: Record<string, { verdicts: { pass: boolean }[]; fromStarter: boolean }>;
let forgotten: string[];
const runtime = () =>
  createStepRuntime({
    engine,
    session: labSession,
    progress,
    memory: { remember: (key, v) => void (remembered[key] = v), forget: (id) => void forgotten.push(id) },
  });

beforeEach(() => {
  expect(errors).toEqual([]);
  labSession.getState().clear();
  engine = new FakeEngine();
  progress = createProgressStore(undefined, memoryStorage());
  remembered = {};
  forgotten = [];
});

describe('a step’s Run', () => {
  it('runs the starter, shows its failing verdict and awards nothing', async () => {
    await runtime().run(lesson, step);
    const state = labSession.getState().steps[KEY]!;
    expect(state.running).toBe(false);
    expect(state.verdicts?.map((v) => v.pass)).toEqual([false]);
    expect(state.verdicts?.[0]?.detail).not.toBe('');
    expect(remembered[KEY]?.fromStarter).toBe(true);
    expect(progress.getState().completedSteps[KEY]).toBeUndefined();
    expect(totalXp(progress.getState().awards)).toBe(0);
  });

  it('runs the learner’s draft, completes the step and awards its XP once, however often it runs', async () => {
    progress.getState().saveDraft(lesson.id, step.slug, step.starter[0]!.file, 'accuracy = 0.9');
    await runtime().run(lesson, step);
    expect(engine.requests[0]?.code).toBe('accuracy = 0.9');
    expect(labSession.getState().steps[KEY]?.verdicts).toEqual([{ pass: true, detail: '' }]);
    expect(remembered[KEY]).toEqual({ verdicts: [{ pass: true, detail: '' }], fromStarter: false });
    expect(progress.getState().completedSteps[KEY]).toBeDefined();
    expect(totalXp(progress.getState().awards)).toBe(30);
    await runtime().run(lesson, step);
    expect(engine.requests).toHaveLength(2);
    expect(totalXp(progress.getState().awards)).toBe(30);
  });

  it('shows the output while the program runs, and a second Run meanwhile does nothing', async () => {
    let finish: (r: RunResult) => void = () => {};
    engine.answer = (request) => {
      request.onOutput?.([{ stream: 'stdout', text: 'epoch 1\n' }]);
      return new Promise((resolve) => (finish = resolve));
    };
    const first = runtime().run(lesson, step);
    expect(labSession.getState().steps[KEY]).toMatchObject({ running: true, live: [{ stream: 'stdout', text: 'epoch 1\n' }] });
    await runtime().run(lesson, step);
    expect(engine.requests).toHaveLength(1);
    finish({ outcome: emptyOutcome({ variables: { accuracy: 0.95 } }), output: [{ stream: 'stdout', text: 'epoch 1\n' }], truncatedLines: 0, durationMs: 1 });
    await first;
    expect(labSession.getState().steps[KEY]).toMatchObject({ running: false, live: [], verdicts: [{ pass: true }] });
  });

  it('judges nothing on an answer the lab refused: every check fails, with why, and no XP', async () => {
    engine.answer = async () => ({ outcome: emptyOutcome({ variables: { accuracy: 1 } }), output: [], truncatedLines: 0, durationMs: 1, ended: 'refused' });
    await runtime().run(lesson, step);
    expect(labSession.getState().steps[KEY]?.verdicts).toEqual([{ pass: false, detail: 'The lab refused the engine’s answer, so this was not judged. Run again.' }]);
    expect(totalXp(progress.getState().awards)).toBe(0);
  });

  it('says why when the lab could not run the code at all', async () => {
    engine.answer = () => Promise.reject(new Error('Python did not start: the download failed.'));
    await runtime().run(lesson, step);
    expect(labSession.getState().steps[KEY]).toMatchObject({ running: false, failure: 'Python did not start: the download failed.', verdicts: null });
  });

  it('Reset lab forgets this visit’s results and the kept verdicts of the lesson, and starts the lab afresh', async () => {
    await runtime().run(lesson, step);
    await runtime().resetLab(lesson.id);
    expect(labSession.getState().steps).toEqual({});
    expect(forgotten).toEqual([lesson.id]);
    expect(engine.resets).toBe(1);
  });
});

describe('editing a step’s files', () => {
  it('Use the solution puts it in the drafts, keeps the learner’s code for Undo, and the step then earns the reduced XP', async () => {
    const file = step.starter[0]!.file;
    progress.getState().saveDraft(lesson.id, step.slug, file, 'accuracy = 0.7');
    const editing = stepEditing(progress, lesson.id, step);
    const replaced = editing.useSolution();
    expect(replaced).toEqual({ [file]: 'accuracy = 0.7' });
    expect(progress.getState().drafts[KEY]).toEqual({ [file]: step.solution[0]!.code });
    await runtime().run(lesson, step);
    expect(totalXp(progress.getState().awards)).toBe(solutionStepXp(step.xp));
    editing.restore(replaced!);
    expect(progress.getState().drafts[KEY]).toEqual({ [file]: 'accuracy = 0.7' });
  });

  it('Reset to starter clears the drafts and hands back what it replaced; only seeing the solution costs', async () => {
    const file = step.starter[0]!.file;
    progress.getState().saveDraft(lesson.id, step.slug, file, 'accuracy = 0.9');
    const editing = stepEditing(progress, lesson.id, step);
    expect(editing.resetToStarter()).toEqual({ [file]: 'accuracy = 0.9' });
    expect(progress.getState().drafts[KEY] ?? {}).toEqual({});
    editing.restore({ [file]: 'accuracy = 0.9' });
    await runtime().run(lesson, step);
    expect(totalXp(progress.getState().awards)).toBe(step.xp);
  });
});
