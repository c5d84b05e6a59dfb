// XP rules as pure functions (DESIGN.md §5). The store keeps a ledger of awards
// keyed by a unique id; every total is a sum over that ledger, so awarding the
// same thing twice can never count twice.

export interface Award {
  xp: number;
  skill: string;
  /** Epoch milliseconds when it was earned. */
  at: number;
}

export type Ledger = Record<string, Award>;

export const stepAwardId = (lessonId: string, slug: string) => `step:${lessonId}/${slug}`;
export const quizAwardId = (lessonId: string, questionId: string) => `quiz:${lessonId}/${questionId}`;
export const termAwardId = (lessonId: string, termId: string) => `term:${lessonId}/${termId}`;

/** Share of a question's XP still on offer after `wrongTries` wrong answers. */
const QUIZ_SCALE = [1, 0.6, 0.35] as const;
const QUIZ_FLOOR = 0.2;

export function quizXpFor(baseXp: number, wrongTries: number): number {
  const factor = QUIZ_SCALE[wrongTries] ?? QUIZ_FLOOR;
  return Math.max(1, Math.round(baseXp * factor));
}

export function totalXp(ledger: Ledger): number {
  let sum = 0;
  for (const award of Object.values(ledger)) sum += award.xp;
  return sum;
}

export function skillXp(ledger: Ledger, skill: string): number {
  let sum = 0;
  for (const award of Object.values(ledger)) if (award.skill === skill) sum += award.xp;
  return sum;
}

/** The XP shown in the header: every skill that has earned anything, plus `always`. */
export function xpBySkill(ledger: Ledger, always: string[]): [string, number][] {
  const skills = new Set(always);
  for (const award of Object.values(ledger)) skills.add(award.skill);
  return [...skills].sort().map((s) => [s, skillXp(ledger, s)]);
}
