// Awards are checked against what the course knows (issue 11): saved or
// imported data could otherwise carry any id and any XP. Every award must name
// a step, question or term of the course, be backed by its fact (step done,
// question answered correctly, term learned), and is capped at the item's XP —
// for a step whose solution was used before it was completed, at the reduced XP;
// for an imported question, at what its saved answers earn by the quiz rules (xp.ts).
import type { CourseIndex } from '../content';
import { isRightAnswer, wrongTriesOf, type GradableQuestion } from './quizAnswers';
import type { ProgressFacts, QuizRecord } from './restore';
import { quizAwardId, quizXpFor, reviewAwardId, reviewXpFor, solutionStepXp, stepAwardId, termAwardId, type Ledger } from './xp';

interface Item {
  /** The most this award can be, given the facts. */
  xp: (facts: ProgressFacts) => number;
  skill: string;
  backed: (facts: ProgressFacts) => boolean;
}

/**
 * Every award id the course can give, with its XP and the fact that earns it.
 * `course` may be the index (the entry's) or the full lessons (an import loads them).
 */
function catalog(course: CourseIndex, gradeQuiz: boolean): Map<string, Item> {
  const items = new Map<string, Item>();
  for (const lesson of course.lessons) {
    const skill = lesson.skill;
    for (const s of lesson.steps) {
      const key = `${lesson.id}/${s.slug}`;
      const withSolution = (f: ProgressFacts) => {
        const used = f.solutionUsed[key];
        const done = f.completedSteps[key];
        return used !== undefined && done !== undefined && used <= done;
      };
      items.set(stepAwardId(lesson.id, s.slug), {
        xp: (f) => (withSolution(f) ? solutionStepXp(s.xp) : s.xp),
        skill,
        backed: (f) => Boolean(f.completedSteps[key]),
      });
    }
    // Predictions are scored as questions are (their ids are "predict-<step>").
    for (const q of [...lesson.quiz, ...(lesson.predictions ?? [])]) {
      const key = `${lesson.id}/${q.id}`;
      if (gradeQuiz) {
        const earned = (f: ProgressFacts) => quizEarned(q, f.quiz[key]);
        items.set(quizAwardId(lesson.id, q.id), { xp: earned, skill, backed: (f) => earned(f) > 0 });
      } else items.set(quizAwardId(lesson.id, q.id), { xp: () => q.xp, skill, backed: (f) => Boolean(f.quiz[key]?.correct) });
      // A review earns part of what the quiz try lost, once a review try was right (xp.ts).
      items.set(reviewAwardId(lesson.id, q.id), {
        xp: (f) => reviewXpFor(q.xp, Math.min(q.xp, f.awards[quizAwardId(lesson.id, q.id)]?.xp ?? 0)),
        skill,
        backed: (f) => Boolean(f.reviews[key]?.attempts.some((a) => a.right)),
      });
    }
    for (const t of lesson.glossary) {
      const key = `${lesson.id}/${t.id}`;
      items.set(termAwardId(lesson.id, t.id), { xp: () => t.xp, skill, backed: (f) => Boolean(f.learned[key]) });
    }
  }
  return items;
}

/**
 * What a question's saved answers earn by the quiz rules: the tries before the
 * right one lower it, a revealed answer earns nothing. The store records each
 * wrong try once and nothing after the right one, so all tries but the last are
 * wrong; with the full lesson (its answer key), the tries are graded again.
 */
function quizEarned(question: { xp: number }, record: QuizRecord | undefined): number {
  if (!record?.correct || record.answers.length === 0) return 0;
  const key = 'answer' in question || 'answers' in question ? (question as GradableQuestion) : null;
  const last = record.answers[record.answers.length - 1];
  if (key && (last === undefined || !isRightAnswer(key, last))) return 0;
  const wrongTries = key ? wrongTriesOf(key, record.answers).length : record.answers.length - 1;
  return quizXpFor(question.xp, wrongTries, Boolean(record.revealed));
}

export interface AuditResult {
  facts: ProgressFacts;
  /** Award ids the course does not know, or whose step/answer/term is not in the facts. */
  unknown: string[];
  /** Award ids whose XP (or skill) was more than the course gives, brought down to it. */
  capped: string[];
}

/**
 * `gradeQuiz` (an import): quiz awards are recomputed from the answers. Not for
 * this browser's own saves: two tabs' answers merge with the right one last
 * (merge.ts), so the order of tries no longer says what was earned when.
 */
export function auditAwards(facts: ProgressFacts, course: CourseIndex, { gradeQuiz = false } = {}): AuditResult {
  const items = catalog(course, gradeQuiz);
  const awards: Ledger = {};
  const unknown: string[] = [];
  const capped: string[] = [];
  for (const [id, award] of Object.entries(facts.awards)) {
    const item = items.get(id);
    if (!item || !item.backed(facts)) {
      unknown.push(id);
      continue;
    }
    const cap = item.xp(facts);
    if (award.xp > cap || award.skill !== item.skill) {
      capped.push(id);
      awards[id] = { ...award, xp: Math.min(award.xp, cap), skill: item.skill };
    } else awards[id] = award;
  }
  return { facts: { ...facts, awards }, unknown, capped };
}

/** The sentence a notice shows for an audit, or null when nothing changed. */
export function auditNotice(result: Pick<AuditResult, 'unknown' | 'capped'>, unsafe = 0): string | null {
  const parts: string[] = [];
  if (result.unknown.length) {
    const list = result.unknown.slice(0, 3).map((id) => `“${id}”`).join(', ');
    const more = result.unknown.length > 3 ? ` and ${result.unknown.length - 3} more` : '';
    parts.push(
      `${result.unknown.length} award${result.unknown.length === 1 ? '' : 's'} not earned in this course ${result.unknown.length === 1 ? 'was' : 'were'} dropped (${list}${more})`,
    );
  }
  if (result.capped.length) {
    parts.push(`${result.capped.length} award${result.capped.length === 1 ? ' was' : 's were'} capped at the XP the course gives`);
  }
  if (unsafe) {
    parts.push(`${unsafe} key${unsafe === 1 ? '' : 's'} named __proto__, constructor or prototype ${unsafe === 1 ? 'was' : 'were'} ignored`);
  }
  return parts.length ? `Saved progress was checked against the course: ${parts.join('; ')}.` : null;
}
