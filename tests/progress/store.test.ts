import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION } from '../../src/progress/restore';
import { createProgressStore, progressStore, STORAGE_KEY } from '../../src/progress/store';
import { totalXp } from '../../src/progress/xp';

const question = { id: 'tracking-tool', answer: 'MLflow', xp: 20 };
const term = { id: 'dvc', term: 'DVC', xp: 5 };
const step = { slug: 'ingest-and-version', title: 'Ingest', xp: 50 };
const L = 'ml-lifecycle';
const SKILL = 'artificialintelligence';

describe('awards', () => {
  it('awarding the same id twice is a no-op', () => {
    const s = progressStore.getState();
    expect(s.award('x', 10, SKILL, 'X')).toBe(true);
    expect(progressStore.getState().award('x', 10, SKILL, 'X')).toBe(false);
    expect(totalXp(progressStore.getState().awards)).toBe(10);
    expect(progressStore.getState().toasts.map((t) => t.text)).toEqual(['+10 XP · X']);
  });
});

describe('quiz', () => {
  it('a right first answer earns full XP, once', () => {
    expect(progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow')).toEqual({ correct: true, xp: 20 });
    expect(progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow')).toEqual({ correct: true, xp: 0 });
    expect(totalXp(progressStore.getState().awards)).toBe(20);
  });
  it('a wrong try lowers the XP; the second wrong try reveals the answer, which then earns nothing', () => {
    const { answerQuestion } = progressStore.getState();
    expect(answerQuestion(L, SKILL, question, 'DVC')).toEqual({ correct: false, xp: 0 });
    expect(progressStore.getState().answerQuestion(L, SKILL, question, 'Docker')).toEqual({ correct: false, xp: 0 });
    expect(progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow')).toEqual({ correct: true, xp: 0 });
    // Every answer until the reveal is kept; nothing after it is recorded.
    expect(progressStore.getState().quiz[`${L}/tracking-tool`]).toEqual({ answers: ['DVC', 'Docker'], correct: false });
    expect(totalXp(progressStore.getState().awards)).toBe(0);
  });
  it('right on the second try earns 60%', () => {
    progressStore.getState().answerQuestion(L, SKILL, question, 'DVC');
    expect(progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow')).toEqual({ correct: true, xp: 12 });
    expect(totalXp(progressStore.getState().awards)).toBe(12);
  });
  it('choosing the same wrong option again costs nothing more', () => {
    progressStore.getState().answerQuestion(L, SKILL, question, 'DVC');
    progressStore.getState().answerQuestion(L, SKILL, question, 'DVC');
    expect(progressStore.getState().quiz[`${L}/tracking-tool`]).toEqual({ answers: ['DVC'], correct: false });
    expect(progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow')).toEqual({ correct: true, xp: 12 });
  });
  it('Show answer settles the question: a right answer afterwards earns nothing', () => {
    progressStore.getState().revealAnswer(L, 'tracking-tool');
    expect(progressStore.getState().quiz[`${L}/tracking-tool`]).toEqual({ answers: [], correct: false, revealed: true });
    expect(progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow')).toEqual({ correct: true, xp: 0 });
    expect(progressStore.getState().awards).toEqual({});
  });
  it('Show answer after a right answer changes nothing', () => {
    progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow');
    progressStore.getState().revealAnswer(L, 'tracking-tool');
    expect(progressStore.getState().quiz[`${L}/tracking-tool`]).toEqual({ answers: ['MLflow'], correct: true });
    expect(totalXp(progressStore.getState().awards)).toBe(20);
  });
});

describe('glossary', () => {
  it('learning awards once; un-learning takes the XP back; re-learning re-awards once', () => {
    progressStore.getState().learnTerm(L, SKILL, term);
    progressStore.getState().learnTerm(L, SKILL, term);
    expect(totalXp(progressStore.getState().awards)).toBe(5);
    progressStore.getState().unlearnTerm(L, 'dvc');
    expect(progressStore.getState().learned).toEqual({});
    expect(totalXp(progressStore.getState().awards)).toBe(0);
    progressStore.getState().learnTerm(L, SKILL, term);
    expect(totalXp(progressStore.getState().awards)).toBe(5);
  });
});

describe('steps and drafts', () => {
  it('completing a step awards its XP once', () => {
    progressStore.getState().completeStep(L, SKILL, step);
    progressStore.getState().completeStep(L, SKILL, step);
    expect(totalXp(progressStore.getState().awards)).toBe(50);
    expect(Object.keys(progressStore.getState().completedSteps)).toEqual([`${L}/ingest-and-version`]);
  });
  it('a step completed after "Use the solution" earns a third of its XP, once', () => {
    progressStore.getState().markSolutionUsed(L, step.slug);
    progressStore.getState().completeStep(L, SKILL, step);
    progressStore.getState().completeStep(L, SKILL, step);
    expect(totalXp(progressStore.getState().awards)).toBe(17);
    expect(progressStore.getState().toasts.map((t) => t.text)).toEqual(['+17 XP · Step “Ingest” (with the solution)']);
  });
  it('using the solution after the step is completed takes nothing away', () => {
    progressStore.getState().completeStep(L, SKILL, step);
    progressStore.getState().markSolutionUsed(L, step.slug);
    expect(progressStore.getState().solutionUsed).toEqual({});
    expect(totalXp(progressStore.getState().awards)).toBe(50);
  });
  it('drafts are kept per step and file, and cleared together', () => {
    progressStore.getState().saveDraft(L, 'serving-at-scale', 'app.py', 'a');
    progressStore.getState().saveDraft(L, 'serving-at-scale', 'Dockerfile', 'b');
    expect(progressStore.getState().drafts).toEqual({ [`${L}/serving-at-scale`]: { 'app.py': 'a', Dockerfile: 'b' } });
    progressStore.getState().clearDrafts(L, 'serving-at-scale');
    expect(progressStore.getState().drafts).toEqual({});
  });
});

describe('persistence', () => {
  it('persists facts only, with a version, and a new store reads them back', () => {
    progressStore.getState().learnTerm(L, SKILL, term);
    progressStore.getState().saveDraft(L, 'the-training-loop', 'train.py', 'print(2)\n');
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(Object.keys(saved.state).sort()).toEqual(['awards', 'completedSteps', 'drafts', 'draftsAt', 'learned', 'quiz', 'reviews', 'solutionUsed', 'unlearned']);

    const reloaded = createProgressStore();
    expect(totalXp(reloaded.getState().awards)).toBe(5);
    expect(reloaded.getState().drafts[`${L}/the-training-loop`]).toEqual({ 'train.py': 'print(2)\n' });
    expect(reloaded.getState().notice).toBeNull();
  });

  const backups = () => Object.keys(localStorage).filter((k) => k.startsWith(`${STORAGE_KEY}:unreadable:`));

  it.each([
    ['corrupt JSON', '{"state": {"awards": '],
    ['a foreign value', '"hello"'],
  ])('%s: starts fresh with a notice and keeps the bad data aside, once however often it loads', (_name, raw) => {
    localStorage.setItem(STORAGE_KEY, raw);
    const store = createProgressStore();
    expect(store.getState().awards).toEqual({});
    expect(store.getState().notice).toMatch(/could not be read .* started fresh/);
    for (let i = 0; i < 3; i++) createProgressStore();
    expect(backups()).toHaveLength(1);
    expect(localStorage.getItem(backups()[0] ?? '')).toBe(raw);
  });

  it('progress nested 5,000 levels deep is refused with a reason, not a stack overflow, and kept aside once', () => {
    for (const deep of ['['.repeat(5000) + ']'.repeat(5000), '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)]) {
      localStorage.clear();
      const raw = `{"state":{"awards":${deep}},"version":${PROGRESS_VERSION}}`;
      localStorage.setItem(STORAGE_KEY, raw);
      expect(createProgressStore().getState().notice).toMatch(/could not be read \(it is nested more than 32 levels deep, deeper than any progress Lifecycle Lab writes\), so this page started fresh/);
      createProgressStore();
      expect(backups()).toHaveLength(1);
      expect(localStorage.getItem(backups()[0] ?? '')).toBe(raw);
    }
  });

  describe('progress saved by a newer version', () => {
    const newer = JSON.stringify({ state: { awards: {}, future: { x: 1 } }, version: PROGRESS_VERSION + 1, epoch: 5 });

    it('is kept aside once, and never written over: the tab is read-only until the learner chooses', () => {
      localStorage.setItem(STORAGE_KEY, newer);
      const store = createProgressStore();
      for (let i = 0; i < 3; i++) createProgressStore();
      expect(backups()).toHaveLength(1);
      expect(store.getState().newerSave).toMatchObject({ reason: expect.stringMatching(/newer version of Lifecycle Lab/), kept: false });
      store.getState().learnTerm(L, SKILL, term);
      store.getState().saveDraft(L, 'the-training-loop', 'train.py', 'print(1)\n');
      expect(localStorage.getItem(STORAGE_KEY)).toBe(newer);
      store.getState().keepNewerSave();
      store.getState().unlearnTerm(L, term.id);
      expect(store.getState().newerSave?.kept).toBe(true);
      expect(localStorage.getItem(STORAGE_KEY)).toBe(newer);
    });

    it('"Start fresh here" replaces it with this tab’s progress, in this format', () => {
      localStorage.setItem(STORAGE_KEY, newer);
      const store = createProgressStore();
      store.getState().learnTerm(L, SKILL, term);
      store.getState().replaceNewerSave();
      expect(store.getState().newerSave).toBeNull();
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
      expect(saved.version).toBe(PROGRESS_VERSION);
      expect(Object.keys(saved.state.learned)).toEqual([`${L}/dvc`]);
      expect(localStorage.getItem(backups()[0] ?? '')).toBe(newer); // the copy stays
      store.getState().learnTerm(L, SKILL, { ...term, id: 'mlflow' });
      expect(Object.keys(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null').state.learned)).toHaveLength(2);
    });

    it('a reset is a choice too; written by another tab later, it is not overwritten by this one', () => {
      const store = createProgressStore();
      localStorage.setItem(STORAGE_KEY, newer); // a newer tab saved meanwhile
      store.getState().learnTerm(L, SKILL, term);
      expect(localStorage.getItem(STORAGE_KEY)).toBe(newer);
      expect(store.getState().newerSave).not.toBeNull();
      store.getState().resetProgress();
      expect(store.getState().newerSave).toBeNull();
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null').version).toBe(PROGRESS_VERSION);
    });
  });

  it('damaged entries are dropped with a notice, the rest kept', () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        state: { awards: { 'term:ml-lifecycle/dvc': { xp: 5, skill: SKILL, at: 1 }, bad: { xp: -1 } }, learned: { 'ml-lifecycle/dvc': 1 } },
        version: PROGRESS_VERSION,
      }),
    );
    const store = createProgressStore();
    expect(Object.keys(store.getState().awards)).toEqual(['term:ml-lifecycle/dvc']);
    expect(store.getState().notice).toMatch(/1 unreadable entry was dropped/);
  });

  it('reset empties every fact', () => {
    progressStore.getState().learnTerm(L, SKILL, term);
    progressStore.getState().answerQuestion(L, SKILL, question, 'MLflow');
    progressStore.getState().resetProgress();
    const s = progressStore.getState();
    expect([s.awards, s.learned, s.quiz, s.completedSteps, s.drafts]).toEqual([{}, {}, {}, {}, {}]);
  });
});

describe('review (issue 23)', () => {
  it('a missed question enters the queue; its first right review earns half of what it lost, once', () => {
    const { answerQuestion, answerReview } = progressStore.getState();
    expect(answerReview(L, SKILL, question, 'MLflow')).toEqual({ right: false, xp: 0 }); // not in the queue: nothing
    expect(progressStore.getState().reviews).toEqual({});
    answerQuestion(L, SKILL, question, 'DVC');
    expect(progressStore.getState().reviews[`${L}/tracking-tool`]).toEqual({ since: expect.any(Number), attempts: [] });
    answerQuestion(L, SKILL, question, 'MLflow'); // 12 of 20
    expect(answerReview(L, SKILL, question, 'DVC')).toEqual({ right: false, xp: 0 });
    expect(answerReview(L, SKILL, question, 'MLflow')).toEqual({ right: true, xp: 4 });
    expect(answerReview(L, SKILL, question, 'MLflow')).toEqual({ right: true, xp: 0 });
    expect(progressStore.getState().reviews[`${L}/tracking-tool`]?.attempts.map((a) => a.right)).toEqual([false, true, true]);
    expect(totalXp(progressStore.getState().awards)).toBe(16);
  });
  it('a shown answer enters the queue too', () => {
    progressStore.getState().revealAnswer(L, 'tracking-tool');
    expect(progressStore.getState().reviews[`${L}/tracking-tool`]).toBeDefined();
  });
});

describe('review awards after a reload', () => {
  it('are kept by the audit when a right review backs them, and dropped when none does', () => {
    const { answerQuestion, answerReview } = progressStore.getState();
    answerQuestion(L, SKILL, question, 'DVC');
    answerQuestion(L, SKILL, question, 'MLflow');
    answerReview(L, SKILL, question, 'MLflow');
    const again = createProgressStore();
    expect(again.getState().awards[`review:${L}/tracking-tool`]).toMatchObject({ xp: 4 });
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY)!) as { state: { reviews: object } };
    saved.state.reviews = {};
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    expect(createProgressStore().getState().awards[`review:${L}/tracking-tool`]).toBeUndefined();
  });
});
