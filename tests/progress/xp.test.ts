import { describe, expect, it } from 'vitest';
import { isRevealed, QUIZ_REVEAL_AFTER, quizXpFor, skillXp, solutionStepXp, totalXp, xpBySkill, type Ledger } from '../../src/progress/xp';

describe('quiz XP', () => {
  it('is full on the first try, 60% on the second, and nothing once the answer is revealed', () => {
    expect([0, 1, 2, 3].map((wrong) => quizXpFor(20, wrong))).toEqual([20, 12, 0, 0]);
    expect(quizXpFor(20, 0, true)).toBe(0);
  });
  it('a right answer still on offer is worth at least 1', () => {
    expect(quizXpFor(1, 1)).toBe(1);
  });
  it('the answer is revealed by Show answer or by two wrong tries, never after a right one', () => {
    expect(isRevealed({ correct: false }, 1)).toBe(false);
    expect(isRevealed({ correct: false }, QUIZ_REVEAL_AFTER)).toBe(true);
    expect(isRevealed({ correct: false, revealed: true }, 0)).toBe(true);
    expect(isRevealed({ correct: true, revealed: true }, 0)).toBe(false);
  });
});

describe('solution XP', () => {
  it('is a third of the step’s XP, rounded, at least 1', () => {
    expect([60, 50, 100, 2, 1].map(solutionStepXp)).toEqual([20, 17, 33, 1, 1]);
  });
});

describe('totals are sums of the ledger', () => {
  const ledger: Ledger = {
    'quiz:l/a': { xp: 20, skill: 'artificialintelligence', at: 1 },
    'term:l/b': { xp: 5, skill: 'artificialintelligence', at: 2 },
    'step:m/c': { xp: 50, skill: 'devops', at: 3 },
  };
  it('total and per skill', () => {
    expect(totalXp(ledger)).toBe(75);
    expect(skillXp(ledger, 'artificialintelligence')).toBe(25);
    expect(skillXp(ledger, 'nothing')).toBe(0);
  });
  it('lists every earning skill plus the lesson skills, sorted', () => {
    expect(xpBySkill(ledger, ['artificialintelligence', 'zeta'])).toEqual([
      ['artificialintelligence', 25],
      ['devops', 50],
      ['zeta', 0],
    ]);
  });
});
