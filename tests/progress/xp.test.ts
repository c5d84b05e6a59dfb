import { describe, expect, it } from 'vitest';
import { quizXpFor, skillXp, totalXp, xpBySkill, type Ledger } from '../../src/progress/xp';

describe('quiz XP', () => {
  it('is full on the first try and shrinks with each wrong try, to a floor', () => {
    expect([0, 1, 2, 3, 9].map((wrong) => quizXpFor(20, wrong))).toEqual([20, 12, 7, 4, 4]);
  });
  it('never drops to zero', () => {
    expect(quizXpFor(1, 5)).toBe(1);
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
