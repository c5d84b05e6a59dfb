// Grading the three quiz kinds (content/README.md, "quiz.md") as pure functions,
// shared by the store (what is recorded and earned) and the quiz view.

/** One try as saved: an option's text (single), the chosen options (multiple), or a number (numeric). */
export type QuizAnswer = string | string[] | number;

/** What grading needs of a question; a question without `kind` is single choice (older callers). */
export type GradableQuestion =
  | { kind?: 'single'; answer: string }
  | { kind: 'multiple'; answers: string[] }
  | { kind: 'numeric'; answer: number; tolerance: number };

// Decimal fractions are not exact in binary (0.26 - 0.25 > 0.01), so a distance
// on the tolerance's edge must still count as inside it.
const EPSILON = 1e-9;

export function isRightAnswer(question: GradableQuestion, answer: QuizAnswer): boolean {
  if (question.kind === 'multiple') {
    if (!Array.isArray(answer)) return false;
    const picked = new Set(answer);
    return picked.size === question.answers.length && question.answers.every((a) => picked.has(a));
  }
  if (question.kind === 'numeric') {
    if (typeof answer !== 'number' || !Number.isFinite(answer)) return false;
    return Math.abs(answer - question.answer) <= question.tolerance + EPSILON * Math.max(1, Math.abs(question.answer));
  }
  return answer === question.answer;
}

/** Two tries are the same when they chose the same options (in any order) or the same number. */
export function sameAnswer(a: QuizAnswer, b: QuizAnswer): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const set = new Set(a);
    return b.every((x) => set.has(x));
  }
  return a === b;
}

/** The wrong tries among a question's saved answers (each is recorded once). */
export function wrongTriesOf(question: GradableQuestion, answers: QuizAnswer[]): QuizAnswer[] {
  return answers.filter((a) => !isRightAnswer(question, a));
}

/** For a wrong multiple-choice try: the options picked that are wrong, and how many right ones were left out. */
export function reviewMultiple(question: { options: string[]; answers: string[] }, picked: string[]): { wrongPicks: string[]; missed: string[] } {
  return {
    wrongPicks: question.options.filter((o) => picked.includes(o) && !question.answers.includes(o)),
    missed: question.options.filter((o) => !picked.includes(o) && question.answers.includes(o)),
  };
}

export type NumberInput = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Read what the learner typed into a numeric question: a plain decimal with a
 * point ("0.25", ".25", "-3", "1e-3" is not accepted). A comma is refused with
 * a message rather than guessed at ("1,000" or "0,25"?). The question's unit
 * may follow the number ("25%" or "25 %" when the unit is "%"); no other text may.
 */
export function readNumberInput(text: string, unit?: string): NumberInput {
  let s = text.trim();
  if (s === '') return { ok: false, message: 'Type a number first.' };
  if (unit && s.toLowerCase().endsWith(unit.toLowerCase())) s = s.slice(0, s.length - unit.length).trim();
  if (s.includes(',')) return { ok: false, message: 'Write the number with a decimal point, such as 0.25 (a comma is not read as one).' };
  if (!DECIMAL.test(s)) {
    return { ok: false, message: `“${text.trim()}” is not a number: write digits with an optional decimal point${unit ? ` and, if you like, “${unit}”` : ''}, such as 0.25.` };
  }
  return { ok: true, value: Number(s) };
}

/** A number as the learner reads it, with its unit: "0.25", "25%", "120 ms". */
export function formatNumber(value: number, unit?: string): string {
  const number = String(Number(value.toPrecision(12)));
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
