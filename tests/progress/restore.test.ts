import { describe, expect, it } from 'vitest';
import { migrateFacts, PROGRESS_VERSION, readExport, readPersisted, restoreFacts, toExport } from '../../src/progress/restore';

const good = {
  awards: { 'quiz:ml-lifecycle/tracking-tool': { xp: 20, skill: 'artificialintelligence', at: 1 } },
  quiz: { 'ml-lifecycle/tracking-tool': { answers: ['MLflow'], correct: true } },
  learned: { 'ml-lifecycle/dvc': 5 },
  unlearned: {},
  completedSteps: {},
  solutionUsed: {},
  drafts: { 'ml-lifecycle/the-training-loop': { 'train.py': 'print(1)\n' } },
  draftsAt: { 'ml-lifecycle/the-training-loop': { 'train.py': 5 } },
  reviews: { 'ml-lifecycle/ct-level': { since: 3, attempts: [{ at: 700_000, right: true }] } },
};
/** A version 2 save: no review queue yet. */
const { reviews: _none, ...goodV2 } = good;

describe('restoreFacts', () => {
  it('keeps good state as it is', () => {
    expect(restoreFacts(good)).toEqual({ ok: true, facts: good, dropped: 0, unsafe: 0 });
  });
  it('keeps a revealed answer and when the solution was used', () => {
    const state = {
      ...good,
      quiz: { 'ml-lifecycle/ct-level': { answers: [], correct: false, revealed: true } },
      solutionUsed: { 'ml-lifecycle/the-training-loop': 7 },
    };
    expect(restoreFacts(state)).toEqual({ ok: true, facts: state, dropped: 0, unsafe: 0 });
    expect(restoreFacts({ ...good, solutionUsed: { 'ml-lifecycle/the-training-loop': 'yes' } })).toMatchObject({ ok: true, dropped: 1 });
  });
  it('drops damaged entries one by one and counts them', () => {
    const result = restoreFacts({
      ...good,
      awards: { ...good.awards, 'quiz:x/y': { xp: 'lots', skill: 'ai', at: 1 } },
      learned: 'everything',
    });
    expect(result).toEqual({ ok: true, facts: { ...good, learned: {} }, dropped: 2, unsafe: 0 });
  });
  it('fills missing sections with defaults', () => {
    expect(restoreFacts({ awards: {} })).toEqual({
      ok: true,
      facts: { awards: {}, quiz: {}, learned: {}, unlearned: {}, completedSteps: {}, solutionUsed: {}, drafts: {}, draftsAt: {}, reviews: {} },
      dropped: 0,
      unsafe: 0,
    });
  });
  it.each([[null], [[1, 2]], ['text'], [{ theme: 'dark' }]])('refuses %j', (value) => {
    expect(restoreFacts(value).ok).toBe(false);
  });
});

describe('migrations', () => {
  it('the current version passes through restore', () => {
    expect(migrateFacts(good, PROGRESS_VERSION)).toEqual({ ok: true, facts: good, dropped: 0, unsafe: 0 });
  });
  it('a newer version is refused with a reason, not guessed at', () => {
    const result = migrateFacts(good, PROGRESS_VERSION + 1);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/newer version of Lifecycle Lab/), newer: true });
  });
  it('version 1 saves (every try an option\'s text) load unchanged, with an empty review queue', () => {
    const v1 = JSON.stringify({ state: { ...goodV2, quiz: { 'ml-lifecycle/tracking-tool': { answers: ['DVC', 'MLflow'], correct: true } } }, version: 1, epoch: 3 });
    expect(readPersisted(v1)).toEqual({
      ok: true,
      facts: { ...goodV2, reviews: {}, quiz: { 'ml-lifecycle/tracking-tool': { answers: ['DVC', 'MLflow'], correct: true } } },
      dropped: 0,
      unsafe: 0,
      epoch: 3,
    });
    expect(readExport(JSON.stringify({ app: 'lifecycle-lab', version: 1, progress: goodV2 }))).toEqual({ ok: true, facts: { ...goodV2, reviews: {} }, dropped: 0, unsafe: 0 });
  });
  it('version 2 saves gain the review queue (issue 23), empty: what they missed is due at once', () => {
    expect(PROGRESS_VERSION).toBe(3);
    expect(readPersisted(JSON.stringify({ state: goodV2, version: 2, epoch: 4 }))).toEqual({ ok: true, facts: { ...goodV2, reviews: {} }, dropped: 0, unsafe: 0, epoch: 4 });
    // A v2 save that somehow holds a reviews section is not trusted with it: v2 had none.
    expect(migrateFacts({ ...goodV2, reviews: good.reviews }, 2)).toEqual({ ok: true, facts: { ...goodV2, reviews: {} }, dropped: 0, unsafe: 0 });
  });
  it('damaged review records are dropped one by one', () => {
    expect(restoreFacts({ ...good, reviews: { a: { since: 'now', attempts: [] }, b: { since: 1, attempts: [{ at: 2 }] } } })).toMatchObject({ ok: true, dropped: 2 });
  });
  it('version 2 keeps tries of the new kinds: a list of options, a number; other shapes are dropped', () => {
    const quiz = {
      'ml-lifecycle/retrain-signals': { answers: [['a'], ['a', 'b']], correct: true },
      'ml-lifecycle/psi-major': { answers: [0.1], correct: false },
    };
    expect(restoreFacts({ ...good, quiz })).toEqual({ ok: true, facts: { ...good, quiz }, dropped: 0, unsafe: 0 });
    expect(restoreFacts({ ...good, quiz: { x: { answers: [{ a: 1 }], correct: false }, y: { answers: [[1]], correct: false } } })).toMatchObject({ ok: true, dropped: 2 });
  });
  it('a version with no migration path is refused', () => {
    expect(migrateFacts(good, 0)).toEqual({ ok: false, reason: 'saved progress in format 0 cannot be upgraded' });
    expect(migrateFacts(good, -1).ok).toBe(false);
  });
});

describe('readPersisted', () => {
  it('reads what persist wrote (epoch 0 when it has none)', () => {
    expect(readPersisted(JSON.stringify({ state: good, version: PROGRESS_VERSION }))).toEqual({ ok: true, facts: good, dropped: 0, unsafe: 0, epoch: 0 });
    expect(readPersisted(JSON.stringify({ state: good, version: PROGRESS_VERSION, epoch: 7 }))).toMatchObject({ ok: true, epoch: 7 });
  });
  it.each([
    ['not JSON', '{oops', 'the saved progress is not valid JSON'],
    ['a foreign object', '{"user":"x"}', 'the saved data is not Lifecycle Lab progress'],
    ['null', 'null', 'the saved data is not Lifecycle Lab progress'],
  ])('refuses %s', (_name, raw, reason) => {
    expect(readPersisted(raw)).toEqual({ ok: false, reason });
  });
});

describe('__proto__, constructor and prototype keys', () => {
  it('are dropped anywhere, counted, and never change a prototype', () => {
    // JSON.parse makes "__proto__" an own key; copying it naively would swap the prototype.
    const text = JSON.stringify({ app: 'lifecycle-lab', version: PROGRESS_VERSION, progress: good }).replace(
      '"awards":{',
      '"awards":{"__proto__":{"xp":10000,"skill":"x","at":1},"constructor":{"xp":1,"skill":"x","at":1},',
    ).replace('"train.py":', '"prototype":"evil","__proto__":{"polluted":"yes"},"train.py":');
    const result = readExport(text);
    expect(result).toEqual({ ok: true, facts: good, dropped: 0, unsafe: 4 });
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.facts.awards)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.facts.drafts['ml-lifecycle/the-training-loop'])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('a top-level __proto__ section is dropped too', () => {
    expect(restoreFacts(JSON.parse('{"awards":{},"__proto__":{"awards":{"x":{"xp":5,"skill":"s","at":1}}}}'))).toMatchObject({ ok: true, unsafe: 1, facts: { awards: {} } });
  });
});

describe('export files', () => {
  it('round-trip', () => {
    const text = JSON.stringify(toExport(good, new Date('2026-11-27T10:00:00Z')));
    expect(JSON.parse(text)).toMatchObject({ app: 'lifecycle-lab', version: PROGRESS_VERSION, exportedAt: '2026-11-27T10:00:00.000Z' });
    expect(readExport(text)).toEqual({ ok: true, facts: good, dropped: 0, unsafe: 0 });
  });
  it.each([
    ['not JSON', 'hello', 'this file is not JSON'],
    ['another app', '{"app":"other","version":1,"progress":{}}', 'this file is not a Lifecycle Lab progress export'],
    ['no version', '{"app":"lifecycle-lab","progress":{}}', 'this export has no format version'],
  ])('refuses %s', (_name, text, reason) => {
    expect(readExport(text)).toEqual({ ok: false, reason });
  });
});

describe('deeply nested data', () => {
  const deepExport = `{"app":"lifecycle-lab","version":${PROGRESS_VERSION},"progress":{"awards":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;

  it('an export nested 5,000 levels deep is refused with a reason, without exhausting the stack', () => {
    expect(readExport(deepExport)).toEqual({ ok: false, reason: 'it is nested more than 32 levels deep, deeper than any progress Lifecycle Lab writes' });
  });

  it('progress as deep as the app writes (a multiple-choice try) is kept', () => {
    const state = { ...good, quiz: { 'ml-lifecycle/q': { answers: [['a', 'b'], 0.5, 'c'], correct: true } } };
    expect(restoreFacts(state)).toEqual({ ok: true, facts: state, dropped: 0, unsafe: 0 });
  });
});
