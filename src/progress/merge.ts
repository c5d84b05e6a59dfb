// How two copies of progress (this tab's and what another tab saved) become
// one (issue 11). Rules, per fact:
// - awards: union by id; the same id on both sides keeps the earlier award.
// - completed steps: union; the earlier time.
// - quiz answers: union of attempts per question: the shared beginning, then
//   the wrong tries of both sides, then the correct answer if either side has
//   one, so "correct" ends the list and a wrong try is never lost. A reveal on
//   either side stays revealed (it takes no XP earned on the other side).
// - solution used: union; the earlier time (audit.ts compares it with completion).
// - terms: learned and un-learned both carry times; the later one wins (a tie
//   counts as learned). An un-learned term loses its award.
// - drafts: per file, the newer save (or clear) wins. When both sides changed
//   a file since this tab last saw storage and the texts differ, it is a
//   conflict: the newer is kept and the other copy is handed back to show.
import { sameAnswer, type QuizAnswer } from './quizAnswers';
import type { ProgressFacts, QuizRecord } from './restore';
import type { Ledger } from './xp';

export interface DraftConflict {
  /** stepKey of the draft. */
  key: string;
  file: string;
  /** The copy that was not kept; null when the other side had cleared the draft. */
  other: string | null;
}

export type DraftTimes = ProgressFacts['draftsAt'];

function mergeAwards(a: Ledger, b: Ledger): Ledger {
  const out: Ledger = { ...a };
  for (const [id, award] of Object.entries(b)) {
    const mine = out[id];
    if (!mine || award.at < mine.at) out[id] = award;
  }
  return out;
}

function mergeEarliest(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, t] of Object.entries(b)) out[k] = Math.min(t, out[k] ?? t);
  return out;
}

export function mergeQuiz(a: QuizRecord, b: QuizRecord): QuizRecord {
  const revealed = a.revealed || b.revealed ? { revealed: true } : {};
  const prefix = (x: QuizAnswer[], y: QuizAnswer[]) => x.length <= y.length && x.every((v, i) => y[i] !== undefined && sameAnswer(v, y[i]));
  if (prefix(a.answers, b.answers)) return { answers: [...b.answers], correct: a.correct || b.correct, ...revealed };
  if (prefix(b.answers, a.answers)) return { answers: [...a.answers], correct: a.correct || b.correct, ...revealed };
  let shared = 0;
  const at = (r: QuizRecord, i: number) => r.answers[i];
  for (let x = at(a, shared), y = at(b, shared); x !== undefined && y !== undefined && sameAnswer(x, y); x = at(a, shared), y = at(b, shared)) shared++;
  const wrong = (r: QuizRecord) => r.answers.slice(shared, r.correct ? -1 : undefined);
  const right = a.correct ? a.answers.at(-1) : b.correct ? b.answers.at(-1) : undefined;
  const answers = [...a.answers.slice(0, shared), ...wrong(a), ...wrong(b), ...(right === undefined ? [] : [right])];
  return { answers, correct: right !== undefined, ...revealed };
}

/** Review tries: the union of both sides' attempts (by time), from the earlier miss. */
function mergeReviews(a: ProgressFacts['reviews'], b: ProgressFacts['reviews']): ProgressFacts['reviews'] {
  const out = { ...a };
  for (const [k, theirs] of Object.entries(b)) {
    const mine = out[k];
    if (!mine) {
      out[k] = theirs;
      continue;
    }
    const attempts = [...mine.attempts, ...theirs.attempts.filter((t) => !mine.attempts.some((m) => m.at === t.at && m.right === t.right))];
    out[k] = { since: Math.min(mine.since, theirs.since), attempts: attempts.sort((x, y) => x.at - y.at) };
  }
  return out;
}

export function mergeFacts(mine: ProgressFacts, theirs: ProgressFacts, seen: DraftTimes = {}): { facts: ProgressFacts; conflicts: DraftConflict[] } {
  const quiz = { ...mine.quiz };
  for (const [k, r] of Object.entries(theirs.quiz)) {
    const m = quiz[k];
    quiz[k] = m ? mergeQuiz(m, r) : r;
  }

  const learned: Record<string, number> = {};
  const unlearned: Record<string, number> = {};
  const termKeys = new Set([...Object.keys(mine.learned), ...Object.keys(theirs.learned), ...Object.keys(mine.unlearned), ...Object.keys(theirs.unlearned)]);
  for (const k of termKeys) {
    const l = Math.max(mine.learned[k] ?? -Infinity, theirs.learned[k] ?? -Infinity);
    const u = Math.max(mine.unlearned[k] ?? -Infinity, theirs.unlearned[k] ?? -Infinity);
    if (l >= u) learned[k] = l;
    else unlearned[k] = u;
  }

  const awards = mergeAwards(mine.awards, theirs.awards);
  for (const k of Object.keys(unlearned)) delete awards[`term:${k}`];

  const drafts: ProgressFacts['drafts'] = {};
  const draftsAt: DraftTimes = {};
  const conflicts: DraftConflict[] = [];
  const stepKeys = new Set([...Object.keys(mine.drafts), ...Object.keys(theirs.drafts), ...Object.keys(mine.draftsAt), ...Object.keys(theirs.draftsAt)]);
  for (const key of stepKeys) {
    const files = new Set([
      ...Object.keys(mine.drafts[key] ?? {}),
      ...Object.keys(theirs.drafts[key] ?? {}),
      ...Object.keys(mine.draftsAt[key] ?? {}),
      ...Object.keys(theirs.draftsAt[key] ?? {}),
    ]);
    for (const file of files) {
      const mCode = mine.drafts[key]?.[file];
      const tCode = theirs.drafts[key]?.[file];
      // Drafts saved before times were kept count as time 0.
      const mAt = mine.draftsAt[key]?.[file] ?? (mCode === undefined ? -1 : 0);
      const tAt = theirs.draftsAt[key]?.[file] ?? (tCode === undefined ? -1 : 0);
      const mineWins = mAt >= tAt;
      const code = mineWins ? mCode : tCode;
      const at = Math.max(mAt, tAt);
      if (code !== undefined) (drafts[key] ??= {})[file] = code;
      if (at >= 0 && (mine.draftsAt[key]?.[file] !== undefined || theirs.draftsAt[key]?.[file] !== undefined)) (draftsAt[key] ??= {})[file] = at;
      const base = seen[key]?.[file] ?? -1;
      if (mCode !== tCode && mAt > base && tAt > base) {
        const other = mineWins ? tCode : mCode;
        if (other !== undefined || code !== undefined) conflicts.push({ key, file, other: other ?? null });
      }
    }
  }

  return {
    facts: {
      awards,
      quiz,
      learned,
      unlearned,
      completedSteps: mergeEarliest(mine.completedSteps, theirs.completedSteps),
      solutionUsed: mergeEarliest(mine.solutionUsed, theirs.solutionUsed),
      drafts,
      draftsAt,
      reviews: mergeReviews(mine.reviews, theirs.reviews),
    },
    conflicts,
  };
}
