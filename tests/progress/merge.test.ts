// The rules by which two tabs' progress becomes one (src/progress/merge.ts).
import { describe, expect, it } from 'vitest';
import { mergeFacts, mergeQuiz } from '../../src/progress/merge';
import { emptyFacts, type ProgressFacts } from '../../src/progress/restore';

const facts = (patch: Partial<ProgressFacts>): ProgressFacts => ({ ...emptyFacts(), ...patch });
const award = (xp: number, at: number) => ({ xp, skill: 'ai', at });

describe('awards and steps', () => {
  it('are a union by id; the same id keeps the earlier award', () => {
    const a = facts({ awards: { 'step:l/a': award(50, 1), 'quiz:l/q': award(20, 5) }, completedSteps: { 'l/a': 1 } });
    const b = facts({ awards: { 'quiz:l/q': award(7, 3), 'term:l/t': award(5, 4) }, learned: { 'l/t': 4 }, completedSteps: { 'l/a': 2, 'l/b': 2 } });
    const { facts: m } = mergeFacts(a, b);
    expect(m.awards).toEqual({ 'step:l/a': award(50, 1), 'quiz:l/q': award(7, 3), 'term:l/t': award(5, 4) });
    expect(m.completedSteps).toEqual({ 'l/a': 1, 'l/b': 2 });
  });
  it('"Use the solution" is a union with the earlier time', () => {
    const { facts: m } = mergeFacts(facts({ solutionUsed: { 'l/a': 5 } }), facts({ solutionUsed: { 'l/a': 3, 'l/b': 9 } }));
    expect(m.solutionUsed).toEqual({ 'l/a': 3, 'l/b': 9 });
  });
});

describe('quiz answers', () => {
  it('one side extends the other: the longer list', () => {
    expect(mergeQuiz({ answers: ['DVC'], correct: false }, { answers: ['DVC', 'MLflow'], correct: true })).toEqual({ answers: ['DVC', 'MLflow'], correct: true });
  });
  it('both sides tried: shared start, every wrong try, then the correct answer last', () => {
    expect(mergeQuiz({ answers: ['DVC', 'MLflow'], correct: true }, { answers: ['DVC', 'Docker'], correct: false })).toEqual({
      answers: ['DVC', 'Docker', 'MLflow'],
      correct: true,
    });
    expect(mergeQuiz({ answers: ['Git'], correct: false }, { answers: ['Docker'], correct: false })).toEqual({ answers: ['Git', 'Docker'], correct: false });
  });
  it('a reveal on either side stays; a right answer from the other side stays right', () => {
    expect(mergeQuiz({ answers: [], correct: false, revealed: true }, { answers: ['DVC'], correct: false })).toEqual({
      answers: ['DVC'],
      correct: false,
      revealed: true,
    });
    expect(mergeQuiz({ answers: ['MLflow'], correct: true }, { answers: ['DVC'], correct: false, revealed: true })).toEqual({
      answers: ['DVC', 'MLflow'],
      correct: true,
      revealed: true,
    });
  });
});

describe('terms', () => {
  it('the later of learned and un-learned wins; an un-learned term loses its award', () => {
    const a = facts({ learned: { 'l/t': 10 }, awards: { 'term:l/t': award(5, 10) } });
    const b = facts({ unlearned: { 'l/t': 20 } });
    expect(mergeFacts(a, b).facts).toMatchObject({ learned: {}, unlearned: { 'l/t': 20 }, awards: {} });
    expect(mergeFacts(b, a).facts).toMatchObject({ learned: {}, unlearned: { 'l/t': 20 }, awards: {} });
  });
  it('learned again after un-learning: learned', () => {
    const a = facts({ learned: { 'l/t': 30 }, awards: { 'term:l/t': award(5, 30) } });
    const b = facts({ unlearned: { 'l/t': 20 } });
    expect(mergeFacts(b, a).facts).toMatchObject({ learned: { 'l/t': 30 }, unlearned: {}, awards: { 'term:l/t': award(5, 30) } });
  });
});

describe('drafts', () => {
  const k = 'l/step';
  it('per file, the newer wins; a file changed on one side only is no conflict', () => {
    const seen = { [k]: { 'a.py': 1, 'b.py': 1 } };
    const mine = facts({ drafts: { [k]: { 'a.py': 'mine', 'b.py': 'old' } }, draftsAt: { [k]: { 'a.py': 5, 'b.py': 1 } } });
    const theirs = facts({ drafts: { [k]: { 'a.py': 'old', 'b.py': 'theirs' } }, draftsAt: { [k]: { 'a.py': 1, 'b.py': 6 } } });
    const { facts: m, conflicts } = mergeFacts(mine, theirs, seen);
    expect(m.drafts).toEqual({ [k]: { 'a.py': 'mine', 'b.py': 'theirs' } });
    expect(m.draftsAt).toEqual({ [k]: { 'a.py': 5, 'b.py': 6 } });
    expect(conflicts).toEqual([]);
  });
  it('both sides edited since last seen: the newer is kept and the other copy is handed back', () => {
    const mine = facts({ drafts: { [k]: { 'a.py': 'mine' } }, draftsAt: { [k]: { 'a.py': 5 } } });
    const theirs = facts({ drafts: { [k]: { 'a.py': 'theirs' } }, draftsAt: { [k]: { 'a.py': 7 } } });
    const { facts: m, conflicts } = mergeFacts(mine, theirs, { [k]: { 'a.py': 1 } });
    expect(m.drafts[k]).toEqual({ 'a.py': 'theirs' });
    expect(conflicts).toEqual([{ key: k, file: 'a.py', other: 'mine' }]);
  });
  it('a newer clear (reset to starter) wins over an older text, and is kept as a time', () => {
    const mine = facts({ drafts: {}, draftsAt: { [k]: { 'a.py': 9 } } });
    const theirs = facts({ drafts: { [k]: { 'a.py': 'text' } }, draftsAt: { [k]: { 'a.py': 4 } } });
    const { facts: m, conflicts } = mergeFacts(mine, theirs, { [k]: { 'a.py': 4 } });
    expect(m.drafts).toEqual({});
    expect(m.draftsAt).toEqual({ [k]: { 'a.py': 9 } });
    expect(conflicts).toEqual([]);
  });
});
