// Two tabs, full storage and forged awards (issue 11): two stores on one
// localStorage stand for two tabs; a StorageEvent is what the browser sends
// to the other tab after a save.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../scripts/content-files';
import { PROGRESS_VERSION } from '../../src/progress/restore';
import { createProgressStore, STORAGE_KEY } from '../../src/progress/store';
import { solutionStepXp, totalXp } from '../../src/progress/xp';

const L = 'ml-lifecycle';
const SKILL = 'artificialintelligence';
const lesson = loadCourse('content').course.lessons.find((l) => l.id === L)!;
const courseXp = [...lesson.steps, ...lesson.quiz, ...lesson.glossary].reduce((n, i) => n + i.xp, 0);

/** Finish the whole lesson in one tab: every step, every question right first time, every term. */
function completeLesson(tab: ReturnType<typeof createProgressStore>) {
  for (const s of lesson.steps) tab.getState().completeStep(L, SKILL, s);
  for (const q of lesson.quiz) tab.getState().answerQuestion(L, SKILL, q, q.kind === 'multiple' ? q.answers : q.answer);
  for (const t of lesson.glossary) tab.getState().learnTerm(L, SKILL, t);
}

/** What the browser does in every other tab after a save. */
const deliverStorageEvent = () =>
  window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: localStorage.getItem(STORAGE_KEY) }));

let clock = 1_000_000;
const tick = () => vi.spyOn(Date, 'now').mockReturnValue((clock += 1000));

afterEach(() => vi.restoreAllMocks());

describe('two tabs', () => {
  it('a stale tab answering one question does not erase the lesson the other tab completed', () => {
    const a = createProgressStore();
    const b = createProgressStore(); // opened before A did anything, and never told
    completeLesson(a);
    a.getState().saveDraft(L, 'the-training-loop', 'train.py', 'print("A")\n');
    expect(totalXp(a.getState().awards)).toBe(courseXp);

    const [q] = lesson.quiz;
    b.getState().answerQuestion(L, SKILL, q!, 'not the answer');

    const reloaded = createProgressStore();
    expect(totalXp(reloaded.getState().awards)).toBe(courseXp);
    expect(Object.keys(reloaded.getState().completedSteps)).toHaveLength(lesson.steps.length);
    expect(Object.keys(reloaded.getState().learned)).toHaveLength(lesson.glossary.length);
    expect(reloaded.getState().drafts[`${L}/the-training-loop`]).toEqual({ 'train.py': 'print("A")\n' });
    expect(reloaded.getState().notice).toBeNull();
  });

  it('a save in one tab shows in the other at once', () => {
    const a = createProgressStore();
    const b = createProgressStore();
    a.getState().learnTerm(L, SKILL, lesson.glossary[0]!);
    deliverStorageEvent();
    expect(b.getState().learned[`${L}/${lesson.glossary[0]!.id}`]).toBeDefined();
    expect(totalXp(b.getState().awards)).toBe(lesson.glossary[0]!.xp);
  });

  it('un-learning in one tab is not undone by the other tab’s older "learned"', () => {
    const term = lesson.glossary[0]!;
    const a = createProgressStore();
    tick();
    a.getState().learnTerm(L, SKILL, term);
    const b = createProgressStore(); // both tabs know the term as learned
    tick();
    a.getState().unlearnTerm(L, term.id);
    tick();
    b.getState().learnTerm(L, SKILL, lesson.glossary[1]!); // B still thinks the first term is learned
    const reloaded = createProgressStore();
    expect(reloaded.getState().learned).toEqual({ [`${L}/${lesson.glossary[1]!.id}`]: expect.any(Number) });
    expect(totalXp(reloaded.getState().awards)).toBe(lesson.glossary[1]!.xp);
  });

  it('a draft edited in both tabs keeps the newer and shows the other copy', () => {
    const a = createProgressStore();
    const b = createProgressStore();
    tick();
    a.getState().saveDraft(L, 'the-training-loop', 'train.py', 'from A\n');
    tick();
    b.getState().saveDraft(L, 'the-training-loop', 'train.py', 'from B\n'); // before A's save reached B
    expect(b.getState().drafts[`${L}/the-training-loop`]).toEqual({ 'train.py': 'from B\n' });
    expect(b.getState().draftConflicts).toEqual([{ key: `${L}/the-training-loop`, file: 'train.py', other: 'from A\n' }]);
    expect(createProgressStore().getState().drafts[`${L}/the-training-loop`]).toEqual({ 'train.py': 'from B\n' });
  });

  it('a reset in one tab is not undone by the other tab', () => {
    const a = createProgressStore();
    completeLesson(a);
    const b = createProgressStore();
    tick();
    a.getState().resetProgress();
    deliverStorageEvent();
    expect(totalXp(b.getState().awards)).toBe(0);
    expect(b.getState().notice).toMatch(/reset or imported in another tab/);
    b.getState().learnTerm(L, SKILL, lesson.glossary[0]!);
    expect(totalXp(createProgressStore().getState().awards)).toBe(lesson.glossary[0]!.xp);
  });
});

describe('saves that fail', () => {
  it('storage full: the header says what was not saved; the next good save clears it', () => {
    const store = createProgressStore();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    store.getState().learnTerm(L, SKILL, lesson.glossary[0]!);
    expect(store.getState().saveError).toMatch(
      /^Your progress could not be saved \(browser storage is full: \d+ KB to save\)\. Your latest changes will be lost on reload/,
    );
    setItem.mockRestore();
    store.getState().saveDraft(L, 'the-training-loop', 'train.py', 'x');
    expect(store.getState().saveError).toBeNull();
    expect(totalXp(createProgressStore().getState().awards)).toBe(lesson.glossary[0]!.xp);
  });

  it('an import that cannot be saved is refused and changes nothing', () => {
    const store = createProgressStore();
    store.getState().learnTerm(L, SKILL, lesson.glossary[0]!);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = store.getState().replaceProgress({ ...store.getState(), learned: {}, awards: {} });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^it could not be saved \(browser storage is full: /) });
    expect(totalXp(store.getState().awards)).toBe(lesson.glossary[0]!.xp);
  });
});

describe('forged awards', () => {
  it('unknown ids are dropped, XP is capped at the item’s, and both are reported', () => {
    const step = lesson.steps[0]!;
    const state = {
      awards: {
        [`step:${L}/${step.slug}`]: { xp: 10_000, skill: SKILL, at: 1 },
        'quiz:ml-lifecycle/no-such-question': { xp: 10_000, skill: SKILL, at: 1 },
        'bonus:1': { xp: 10_000, skill: SKILL, at: 1 },
        [`term:${L}/${lesson.glossary[0]!.id}`]: { xp: 5, skill: SKILL, at: 1 }, // not learned
      },
      completedSteps: { [`${L}/${step.slug}`]: 1 },
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ state, version: PROGRESS_VERSION }));
    const store = createProgressStore();
    expect(store.getState().awards).toEqual({ [`step:${L}/${step.slug}`]: { xp: step.xp, skill: SKILL, at: 1 } });
    expect(store.getState().notice).toBe(
      `Saved progress was checked against the course: 3 awards not earned in this course were dropped (“quiz:ml-lifecycle/no-such-question”, “bonus:1”, “term:${L}/${lesson.glossary[0]!.id}”); 1 award was capped at the XP the course gives.`,
    );
  });

  it('a step completed after its solution was used is capped at the reduced XP; used after completion, at full XP', () => {
    const [first, second] = lesson.steps;
    const state = {
      awards: {
        [`step:${L}/${first!.slug}`]: { xp: first!.xp, skill: SKILL, at: 2 },
        [`step:${L}/${second!.slug}`]: { xp: second!.xp, skill: SKILL, at: 2 },
      },
      completedSteps: { [`${L}/${first!.slug}`]: 2, [`${L}/${second!.slug}`]: 2 },
      solutionUsed: { [`${L}/${first!.slug}`]: 1, [`${L}/${second!.slug}`]: 3 },
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ state, version: PROGRESS_VERSION }));
    const store = createProgressStore();
    expect(store.getState().awards).toEqual({
      [`step:${L}/${first!.slug}`]: { xp: solutionStepXp(first!.xp), skill: SKILL, at: 2 },
      [`step:${L}/${second!.slug}`]: { xp: second!.xp, skill: SKILL, at: 2 },
    });
    expect(store.getState().notice).toBe('Saved progress was checked against the course: 1 award was capped at the XP the course gives.');
  });

  it('__proto__ in saved progress is dropped and reported, and changes no prototype', () => {
    const raw = `{"state":{"awards":{"__proto__":{"xp":10000,"skill":"x","at":1}},"learned":{}},"version":${PROGRESS_VERSION}}`;
    localStorage.setItem(STORAGE_KEY, raw);
    const store = createProgressStore();
    expect(Object.getPrototypeOf(store.getState().awards)).toBe(Object.prototype);
    expect(totalXp(store.getState().awards)).toBe(0);
    expect(store.getState().notice).toMatch(/1 key named __proto__, constructor or prototype was ignored/);
  });
});
