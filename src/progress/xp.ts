// XP rules as pure functions. The store keeps a ledger of awards
// keyed by a unique id; every total is a sum over that ledger, so awarding the
// same thing twice can never count twice.

import type { Award, Ledger } from './restore';

// The ledger's types come from the saved-progress schema (restore.ts); exported here too, where the rules are.
export type { Award, Ledger };

export const stepAwardId = (lessonId: string, slug: string) => `step:${lessonId}/${slug}`;
export const quizAwardId = (lessonId: string, questionId: string) => `quiz:${lessonId}/${questionId}`;
export const termAwardId = (lessonId: string, termId: string) => `term:${lessonId}/${termId}`;
export const reviewAwardId = (lessonId: string, questionId: string) => `review:${lessonId}/${questionId}`;

/**
 * The review queue (issue 23): a question or prediction that lost XP to wrong
 * tries (or whose answer was shown) comes back later; its first right answer
 * in review earns half of what was lost (rounded up), so the loss is only ever
 * partly made up — and the progress figure counts the rest as no longer on offer.
 */
export function reviewXpFor(baseXp: number, earned: number): number {
  const lost = baseXp - earned;
  return lost > 0 ? Math.max(1, Math.ceil(lost / 2)) : 0;
}

/** Spacing: first due this long after the miss; each right review in a row doubles the wait, a wrong one starts it again. */
export const REVIEW_FIRST_MS = 10 * 60_000;

export function reviewDueAt(record: { since: number; attempts: { at: number; right: boolean }[] }): number {
  const last = record.attempts.at(-1);
  if (!last) return record.since + REVIEW_FIRST_MS;
  let streak = 0;
  for (let i = record.attempts.length - 1; i >= 0 && record.attempts[i]?.right; i--) streak++;
  return last.at + REVIEW_FIRST_MS * 2 ** streak;
}

/**
 * Quiz rules (issue 7): full XP on the first try, 60% on the second; after
 * `QUIZ_REVEAL_AFTER` wrong tries, or on "Show answer", the answer is shown and
 * the question earns nothing more.
 */
export const QUIZ_REVEAL_AFTER = 2;
const QUIZ_SCALE = [1, 0.6] as const;

/** XP a right answer earns after `wrongTries` wrong ones; 0 once the answer has been revealed. */
export function quizXpFor(baseXp: number, wrongTries: number, revealed = false): number {
  const factor = revealed ? undefined : QUIZ_SCALE[wrongTries];
  return factor === undefined ? 0 : Math.max(1, Math.round(baseXp * factor));
}

/** Whether a question's answer has been shown: by "Show answer", or after too many wrong tries. */
export const isRevealed = (record: { correct: boolean; revealed?: boolean | undefined }, wrongTries: number) =>
  !record.correct && (Boolean(record.revealed) || wrongTries >= QUIZ_REVEAL_AFTER);

/**
 * A step completed after "Use the solution" earns a third of its XP (at least
 * 1): the learner still runs code that passes the checks, but did not write it.
 */
export function solutionStepXp(stepXp: number): number {
  return Math.max(1, Math.round(stepXp / 3));
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
