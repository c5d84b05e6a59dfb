// Everything derived from the stored facts: node states, the
// lifecycle hub's phase states, percent done (weighed by XP). Pure functions of (lesson, facts).
import type { CourseIndex, Lesson, LessonSummary } from '../content';
import type { ProgressFacts } from './restore';
import { quizKey, stepKey, termKey } from './store';
import { isRevealed, quizAwardId, reviewAwardId, reviewDueAt, reviewXpFor, stepAwardId, termAwardId, totalXp } from './xp';
import { wrongTriesOf } from './quizAnswers';

export type NodeStatus = 'locked' | 'unlocked' | 'mastered';
export type PhaseStatus = 'done' | 'current' | 'not-started';

type Facts = Pick<ProgressFacts, 'learned' | 'completedSteps' | 'quiz'>;

export const isStepDone = (facts: Pick<Facts, 'completedSteps'>, lessonId: string, slug: string) =>
  Boolean(facts.completedSteps[stepKey(lessonId, slug)]);

export const isTermLearned = (facts: Pick<Facts, 'learned'>, lessonId: string, termId: string) =>
  Boolean(facts.learned[termKey(lessonId, termId)]);

/**
 * A node is unlocked by learning: when every glossary term it lists is learned
 * and every prerequisite is unlocked (or mastered). An unlocked node is
 * mastered once its step is completed; a completed step does not master a node
 * still locked (issue 23: finishing the steps skipped the "unlock by learning"
 * stage), so learning its terms afterwards masters it at once.
 */
export function skillNodeStatuses(lesson: Lesson, facts: Facts): Record<string, NodeStatus> {
  const byId = new Map(lesson.skills.map((n) => [n.id, n]));
  const memo: Record<string, NodeStatus> = {};
  const statusOf = (id: string, seen: Set<string>): NodeStatus => {
    const cached = memo[id];
    if (cached) return cached;
    const node = byId.get(id);
    if (!node || seen.has(id)) return 'locked';
    seen.add(id);
    const termsLearned = node.terms.every((t) => isTermLearned(facts, lesson.id, t));
    const prereqsOpen = node.requires.every((r) => statusOf(r, seen) !== 'locked');
    const status: NodeStatus = !(termsLearned && prereqsOpen) ? 'locked' : isStepDone(facts, lesson.id, node.masteredBy) ? 'mastered' : 'unlocked';
    memo[id] = status;
    return status;
  };
  for (const node of lesson.skills) statusOf(node.id, new Set());
  return memo;
}

/**
 * Skill nodes ordered from foundations to advanced: by the depth of their
 * prerequisites (a node without any is 0, else one more than its deepest
 * prerequisite), the lesson's order kept within a depth. A cycle or an unknown
 * prerequisite counts as depth 0 rather than looping.
 */
export function skillsByDepth(lesson: Lesson): Lesson['skills'] {
  const byId = new Map(lesson.skills.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    if (!node || seen.has(id)) return 0;
    seen.add(id);
    const d = node.requires.length ? 1 + Math.max(...node.requires.map((r) => depthOf(r, seen))) : 0;
    depth.set(id, d);
    return d;
  };
  return [...lesson.skills].sort((a, b) => depthOf(a.id, new Set()) - depthOf(b.id, new Set()));
}

/** Which skill nodes list a term: shown on its glossary card. */
export function nodesUnlockedBy(lesson: Lesson, termId: string): { id: string; label: string }[] {
  return lesson.skills.filter((n) => n.terms.includes(termId)).map((n) => ({ id: n.id, label: n.label }));
}

/** The first step not yet completed, or undefined when all are done. */
export function nextStep(lesson: Lesson, facts: Pick<Facts, 'completedSteps'>) {
  return lesson.steps.find((s) => !isStepDone(facts, lesson.id, s.slug));
}

/** Hub states: done steps, the one the learner is on (or should do next), the rest. */
export function stepStatuses(lesson: Lesson, facts: Pick<Facts, 'completedSteps'>, openSlug?: string): Record<string, PhaseStatus> {
  const current = openSlug && !isStepDone(facts, lesson.id, openSlug) ? openSlug : nextStep(lesson, facts)?.slug;
  return Object.fromEntries(
    lesson.steps.map((s) => [
      s.slug,
      isStepDone(facts, lesson.id, s.slug) ? 'done' : s.slug === current ? 'current' : 'not-started',
    ]),
  );
}

export interface LessonProgress {
  stepsDone: number;
  questionsCorrect: number;
  termsLearned: number;
  /** XP earned in this lesson: its steps', questions' and terms' awards. */
  xpEarned: number;
  /** XP the lesson can give: every step, question and term at full XP. */
  xpAvailable: number;
  /** `xpEarned` of `xpAvailable`, so each item weighs what it is worth (see `percentOf`). */
  percent: number;
}

/**
 * A share as a whole percent for a progress bar: 0 only when nothing is earned
 * and 100 only when everything is, so a little progress never reads as none
 * and almost all never reads as done.
 */
export function percentOf(earned: number, available: number): number {
  if (available <= 0 || earned <= 0) return 0;
  if (earned >= available) return 100;
  return Math.min(99, Math.max(1, Math.round((earned / available) * 100)));
}

/**
 * Percent done weighs each item by its XP (issue 7), over what is still
 * attainable (issue 23: after everything a lesson read 91%, the XP lost to
 * wrong tries gone for good). A step counts for what it earned once completed
 * (with the solution, a third); a question or prediction answered after wrong
 * tries, or whose answer was shown, counts for what its try earned plus what
 * its review can still give (xp.ts), so doing the reviews reaches 100%.
 */
export function lessonProgress(lesson: LessonSummary, facts: Facts & Pick<ProgressFacts, 'awards'>): LessonProgress {
  const stepsDone = lesson.steps.filter((s) => isStepDone(facts, lesson.id, s.slug)).length;
  const questionsCorrect = lesson.quiz.filter((q) => facts.quiz[quizKey(lesson.id, q.id)]?.correct).length;
  const termsLearned = lesson.glossary.filter((t) => isTermLearned(facts, lesson.id, t.id)).length;
  const earnedBy = (id: string, most: number) => Math.min(most, facts.awards[id]?.xp ?? 0);
  let xpEarned = 0;
  let xpAvailable = 0;
  for (const s of lesson.steps) {
    const earned = earnedBy(stepAwardId(lesson.id, s.slug), s.xp);
    xpEarned += earned;
    xpAvailable += isStepDone(facts, lesson.id, s.slug) && earned > 0 ? earned : s.xp;
  }
  for (const q of [...lesson.quiz, ...(lesson.predictions ?? [])]) {
    const record = facts.quiz[quizKey(lesson.id, q.id)];
    const earned = earnedBy(quizAwardId(lesson.id, q.id), q.xp);
    const reviewXp = reviewXpFor(q.xp, earned);
    const settled = record !== undefined && (record.correct || Boolean(record.revealed) || isRevealed(record, record.answers.length));
    xpEarned += earned + earnedBy(reviewAwardId(lesson.id, q.id), reviewXp);
    xpAvailable += settled ? earned + reviewXp : q.xp;
  }
  for (const t of lesson.glossary) {
    xpEarned += earnedBy(termAwardId(lesson.id, t.id), t.xp);
    xpAvailable += t.xp;
  }
  return { stepsDone, questionsCorrect, termsLearned, xpEarned, xpAvailable, percent: percentOf(xpEarned, xpAvailable) };
}

/** A question or prediction of the review queue. */
export interface ReviewItem {
  question: Lesson['quiz'][number];
  /** The phase it belongs to (a prediction's step's), or null for a quiz question. */
  phase: string | null;
  dueAt: number;
  due: boolean;
  /** What a right answer earns now (0 once a review earned it). */
  xp: number;
}

/**
 * The review queue (issue 23): every question and prediction that was missed
 * (a wrong try, or its answer shown) and is settled, with when it is due
 * (xp.ts's spacing). Due items come first, earliest first, interleaved across
 * phases so that one phase's items are never all in a row; then the rest by due time.
 */
export function reviewQueue(lesson: Lesson, facts: Pick<ProgressFacts, 'quiz' | 'reviews' | 'awards'>, now: number): ReviewItem[] {
  const candidates: { question: ReviewItem['question']; phase: string | null }[] = [
    ...lesson.quiz.map((question) => ({ question, phase: null })),
    ...lesson.steps.flatMap((s) => (s.prediction ? [{ question: s.prediction, phase: s.phase }] : [])),
  ];
  const items: ReviewItem[] = [];
  for (const { question, phase } of candidates) {
    const key = quizKey(lesson.id, question.id);
    const record = facts.quiz[key];
    const review = facts.reviews[key];
    if (!record || !review) continue;
    const wrong = wrongTriesOf(question, record.answers).length;
    if (!(record.correct ? wrong > 0 : isRevealed(record, wrong))) continue; // not missed, or still open in the quiz
    const dueAt = reviewDueAt(review);
    const earned = Math.min(question.xp, facts.awards[quizAwardId(lesson.id, question.id)]?.xp ?? 0);
    const xp = facts.awards[reviewAwardId(lesson.id, question.id)] ? 0 : reviewXpFor(question.xp, earned);
    items.push({ question, phase, dueAt, due: dueAt <= now, xp });
  }
  const due = interleave(items.filter((i) => i.due).sort((a, b) => a.dueAt - b.dueAt));
  return [...due, ...items.filter((i) => !i.due).sort((a, b) => a.dueAt - b.dueAt)];
}

/** Round-robin over the groups (phase, or the quiz), each group in its order: mixes phases as interleaved practice does. */
function interleave(items: ReviewItem[]): ReviewItem[] {
  const groups = new Map<string, ReviewItem[]>();
  for (const item of items) {
    const g = item.phase ?? '';
    groups.set(g, [...(groups.get(g) ?? []), item]);
  }
  const out: ReviewItem[] = [];
  for (let round = 0; out.length < items.length; round++) {
    for (const group of groups.values()) {
      const item = group[round];
      if (item) out.push(item);
    }
  }
  return out;
}

export interface PhaseXp {
  phase: Lesson['steps'][number]['phase'];
  earned: number;
  available: number;
}

/**
 * XP by lifecycle phase for the lesson recap: each phase's steps' awards (a
 * step done with the solution counts what it earned). Questions and terms
 * belong to no phase, so they are not in it.
 */
export function xpByPhase(lesson: Lesson, facts: Pick<ProgressFacts, 'awards'>): PhaseXp[] {
  const rows: PhaseXp[] = [];
  for (const step of lesson.steps) {
    let row = rows.find((r) => r.phase === step.phase);
    if (!row) rows.push((row = { phase: step.phase, earned: 0, available: 0 }));
    row.available += step.xp;
    row.earned += Math.min(step.xp, facts.awards[stepAwardId(lesson.id, step.slug)]?.xp ?? 0);
  }
  return rows;
}

/** Completed steps after `slug`: running it again changes the lab they left (issue 7 §4). */
export function laterStepsDone(lesson: Lesson, facts: Pick<Facts, 'completedSteps'>, slug: string) {
  const index = lesson.steps.findIndex((s) => s.slug === slug);
  return index < 0 ? [] : lesson.steps.slice(index + 1).filter((s) => isStepDone(facts, lesson.id, s.slug));
}

/** Every step of the lesson is completed. */
export const lessonComplete = (lesson: Lesson, facts: Pick<Facts, 'completedSteps'>) =>
  lesson.steps.every((s) => isStepDone(facts, lesson.id, s.slug));

/** Questions of the lesson that can still be answered: not answered right, and their answer not shown. */
export function questionsLeft(lesson: Lesson, facts: Pick<Facts, 'quiz'>): number {
  return lesson.quiz.filter((q) => {
    const record = facts.quiz[quizKey(lesson.id, q.id)];
    return !record || !(record.correct || isRevealed(record, wrongTriesOf(q, record.answers).length));
  }).length;
}

/** The other lessons to go on with: the lesson's `next` ones first, in its order, then the rest of the course. */
export function otherLessons(course: CourseIndex, lesson: Lesson): LessonSummary[] {
  return [
    ...lesson.next.map((id) => course.lessons.find((l) => l.id === id)),
    ...course.lessons.filter((l) => l.id !== lesson.id && !lesson.next.includes(l.id)),
  ].filter((l): l is LessonSummary => Boolean(l));
}

/** XP earned of XP on offer over several lessons (the whole course, or one), weighed as `lessonProgress` is. */
export function courseProgress(lessons: LessonSummary[], facts: Facts & Pick<ProgressFacts, 'awards'>): { earned: number; available: number; percent: number } {
  let earned = 0;
  let available = 0;
  for (const lesson of lessons) {
    const p = lessonProgress(lesson, facts);
    earned += p.xpEarned;
    available += p.xpAvailable;
  }
  return { earned, available, percent: percentOf(earned, available) };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a set of progress holds, in one sentence: shown after an import. */
export function describeProgress(facts: Pick<ProgressFacts, 'completedSteps' | 'quiz' | 'learned' | 'awards'>): string {
  const right = Object.values(facts.quiz).filter((q) => q.correct).length;
  return `Now: ${count(Object.keys(facts.completedSteps).length, 'step')} completed, ${count(right, 'quiz question')} answered right, ${count(Object.keys(facts.learned).length, 'term')} learned, ${totalXp(facts.awards)} XP.`;
}
