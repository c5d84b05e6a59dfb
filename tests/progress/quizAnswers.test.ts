import { describe, expect, it } from 'vitest';
import { mergeQuiz } from '../../src/progress/merge';
import { formatNumber, isRightAnswer, readNumberInput, reviewMultiple, sameAnswer, wrongTriesOf } from '../../src/progress/quizAnswers';
import { createProgressStore } from '../../src/progress/store';
import { quizXpFor } from '../../src/progress/xp';

const multi = { kind: 'multiple' as const, options: ['a', 'b', 'c', 'd'], answers: ['a', 'c'] };
const numeric = { kind: 'numeric' as const, answer: 0.25, tolerance: 0.01 };

describe('grading', () => {
  it('single choice: the option text, as before', () => {
    expect(isRightAnswer({ answer: 'MLflow' }, 'MLflow')).toBe(true);
    expect(isRightAnswer({ kind: 'single', answer: 'MLflow' }, 'DVC')).toBe(false);
  });
  it('multiple: exactly the right set, in any order', () => {
    expect(isRightAnswer(multi, ['c', 'a'])).toBe(true);
    expect(isRightAnswer(multi, ['a'])).toBe(false);
    expect(isRightAnswer(multi, ['a', 'c', 'd'])).toBe(false);
    expect(isRightAnswer(multi, 'a')).toBe(false);
    expect(reviewMultiple(multi, ['a', 'b'])).toEqual({ wrongPicks: ['b'], missed: ['c'] });
  });
  it('numeric: within the absolute tolerance, edges included despite binary fractions', () => {
    expect(isRightAnswer(numeric, 0.26)).toBe(true); // 0.26 - 0.25 is 0.010000000000000009 in binary
    expect(isRightAnswer(numeric, 0.24)).toBe(true);
    expect(isRightAnswer(numeric, 0.261)).toBe(false);
    expect(isRightAnswer({ ...numeric, tolerance: 0 }, 0.25)).toBe(true);
    expect(isRightAnswer({ ...numeric, tolerance: 0 }, 0.251)).toBe(false);
    expect(isRightAnswer(numeric, Number.NaN)).toBe(false);
  });
  it('tries compare by value; wrong tries are counted per question kind', () => {
    expect(sameAnswer(['a', 'c'], ['c', 'a'])).toBe(true);
    expect(sameAnswer(['a'], 'a')).toBe(false);
    expect(sameAnswer(0.1, 0.1)).toBe(true);
    expect(wrongTriesOf(multi, [['a'], ['a', 'b'], ['a', 'c']])).toEqual([['a'], ['a', 'b']]);
  });
});

describe('reading a typed number', () => {
  it.each([
    ['0.25', 0.25],
    [' .25 ', 0.25],
    ['-3', -3],
    ['7.', 7],
  ])('reads %j', (text, value) => expect(readNumberInput(text)).toEqual({ ok: true, value }));
  it('takes the question\'s unit after the number, and no other text', () => {
    expect(readNumberInput('25%', '%')).toEqual({ ok: true, value: 25 });
    expect(readNumberInput('25 %', '%')).toEqual({ ok: true, value: 25 });
    expect(readNumberInput('120 MS', 'ms')).toEqual({ ok: true, value: 120 });
    expect(readNumberInput('25%')).toMatchObject({ ok: false, message: expect.stringMatching(/is not a number/) });
    expect(readNumberInput('1e-3')).toMatchObject({ ok: false });
    expect(readNumberInput('')).toEqual({ ok: false, message: 'Type a number first.' });
  });
  it('refuses a comma rather than guessing what it means', () => {
    expect(readNumberInput('0,25')).toMatchObject({ ok: false, message: expect.stringMatching(/decimal point/) });
    expect(readNumberInput('1,000')).toMatchObject({ ok: false });
  });
  it('formats answers with their unit', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(25, '%')).toBe('25%');
    expect(formatNumber(120, 'ms')).toBe('120 ms');
  });
});

describe('the store plays the new kinds by the single-choice XP rules', () => {
  const q = { id: 'signals', xp: 20, ...multi };
  // Each store reads what the last one saved: start each from empty storage.
  const fresh = () => {
    localStorage.clear();
    return createProgressStore();
  };
  it('20 on the first try, 12 on the second, nothing after two wrong sets', () => {
    const a = fresh();
    expect(a.getState().answerQuestion('l', 's', q, ['c', 'a'])).toEqual({ correct: true, xp: quizXpFor(20, 0) });
    const b = fresh();
    b.getState().answerQuestion('l', 's', q, ['a']);
    expect(b.getState().answerQuestion('l', 's', q, ['a'])).toEqual({ correct: false, xp: 0 }); // a repeat is not recorded
    expect(b.getState().quiz['l/signals']?.answers).toEqual([['a']]);
    expect(b.getState().answerQuestion('l', 's', q, ['a', 'c'])).toEqual({ correct: true, xp: 12 });
    const c = fresh();
    c.getState().answerQuestion('l', 's', q, ['a']);
    c.getState().answerQuestion('l', 's', q, ['b']);
    expect(c.getState().answerQuestion('l', 's', q, ['a', 'c'])).toEqual({ correct: true, xp: 0 });
    expect(c.getState().quiz['l/signals']).toEqual({ answers: [['a'], ['b']], correct: false });
  });
  it('a numeric answer is saved as the number', () => {
    const s = fresh();
    s.getState().answerQuestion('l', 's', { id: 'psi', xp: 20, ...numeric }, 0.3);
    expect(s.getState().answerQuestion('l', 's', { id: 'psi', xp: 20, ...numeric }, 0.25)).toEqual({ correct: true, xp: 12 });
    expect(s.getState().quiz['l/psi']).toEqual({ answers: [0.3, 0.25], correct: true });
  });
});

describe('merging tabs compares tries by value', () => {
  it('a list try made in both tabs is one try', () => {
    expect(mergeQuiz({ answers: [['a']], correct: false }, { answers: [['a'], ['a', 'c']], correct: true })).toEqual({ answers: [['a'], ['a', 'c']], correct: true });
    expect(mergeQuiz({ answers: [['a'], ['b']], correct: false }, { answers: [['a'], ['a', 'c']], correct: true })).toEqual({
      answers: [['a'], ['b'], ['a', 'c']],
      correct: true,
    });
  });
});
