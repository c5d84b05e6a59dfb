// The audit of saved and imported progress (src/progress/audit.ts): a quiz award
// is worth what its saved answers earn by the quiz rules (src/progress/xp.ts),
// whatever XP the file claims.
import { describe, expect, it } from 'vitest';
import type { CourseIndex } from '../../src/content/model';
import { auditAwards } from '../../src/progress/audit';
import { emptyFacts, type ProgressFacts, type QuizRecord } from '../../src/progress/restore';
import { quizXpFor } from '../../src/progress/xp';

const SKILL = 'artificialintelligence';
const summary = (quiz: CourseIndex['lessons'][number]['quiz']): CourseIndex => ({
  lessons: [{ id: 'l', title: 'L', summary: '', skill: SKILL, skillName: 'AI', minutes: 1, steps: [], quiz, glossary: [] }],
});
/** The index (the entry's: no answer key) and the full lessons (an import's: with it). */
const index = summary([{ id: 'q', xp: 20 }]);
const full = summary([{ id: 'q', xp: 20, kind: 'single', answer: 'MLflow' } as never]);

const claim = (record: QuizRecord, xp = 20): ProgressFacts => ({
  ...emptyFacts(),
  awards: { 'quiz:l/q': { xp, skill: SKILL, at: 1 } },
  quiz: { 'l/q': record },
});
const audit = (facts: ProgressFacts, course: CourseIndex) => auditAwards(facts, course, { gradeQuiz: true });
const xpAfterAudit = (facts: ProgressFacts, course: CourseIndex) => audit(facts, course).facts.awards['quiz:l/q']?.xp;

describe('the audit of imported quiz awards', () => {
  it('a right first answer keeps its full XP', () => {
    expect(xpAfterAudit(claim({ answers: ['MLflow'], correct: true }), index)).toBe(20);
    expect(xpAfterAudit(claim({ answers: ['MLflow'], correct: true }), full)).toBe(20);
  });

  it('full XP claimed after a wrong try is brought down to what the second try earns', () => {
    const facts = claim({ answers: ['DVC', 'MLflow'], correct: true });
    expect(xpAfterAudit(facts, index)).toBe(quizXpFor(20, 1));
    expect(xpAfterAudit(facts, full)).toBe(12);
    expect(audit(facts, full).capped).toEqual(['quiz:l/q']);
  });

  it('right after the answer was shown (two wrong tries, or "Show answer") earns nothing: the award is dropped', () => {
    for (const record of [
      { answers: ['DVC', 'Docker', 'MLflow'], correct: true },
      { answers: ['MLflow'], correct: true, revealed: true },
    ]) {
      const audited = audit(claim(record), full);
      expect(audited.facts.awards).toEqual({});
      expect(audited.unknown).toEqual(['quiz:l/q']);
    }
  });

  it('with the answer key, a "correct" record whose answer is wrong earns nothing', () => {
    expect(audit(claim({ answers: ['Docker'], correct: true }), full).facts.awards).toEqual({});
    expect(audit(claim({ answers: [], correct: true }), index).facts.awards).toEqual({});
  });

  it('less XP than the rules give is kept as it is (never raised)', () => {
    expect(xpAfterAudit(claim({ answers: ['MLflow'], correct: true }, 5), full)).toBe(5);
  });

  it('this browser’s own saves are not regraded: a merge of two tabs puts the right answer last', () => {
    expect(auditAwards(claim({ answers: ['DVC', 'MLflow'], correct: true }), full).facts.awards['quiz:l/q']?.xp).toBe(20);
  });
});
