// Quiz question kinds (content/README.md, "quiz.md"): the frontmatter has one
// shape for all kinds, so what a kind needs and forbids is checked here, with
// messages that the parser (lesson.ts, steps.ts) reports at the field's file:line.
import type { z } from 'zod';
import type { QuizQuestion } from './model.ts';
import type { quizFrontmatterSchema } from './schema.ts';

export type QuizQuestionFrontmatter = z.infer<typeof quizFrontmatterSchema>['questions'][number];
export type QuizKind = QuizQuestion['kind'];
type Path = (string | number)[];

/** The kind a question declares, or the one its fields imply. */
export function quizKindOf(q: QuizQuestionFrontmatter): QuizKind {
  if (q.kind) return q.kind;
  if (q.answers !== undefined) return 'multiple';
  return typeof q.answer === 'number' && q.options === undefined ? 'numeric' : 'single';
}

const listOptions = (options: string[]) => options.map((o) => `"${o}"`).join(', ');

/** Every problem with one question, as [field path under the question, message]. */
export function quizQuestionIssues(q: QuizQuestionFrontmatter): [Path, string][] {
  const issues: [Path, string][] = [];
  const kind = quizKindOf(q);
  const options = q.options ?? [];
  if (kind === 'numeric') {
    if (q.options !== undefined) issues.push([['options'], 'a numeric question has no options (the learner types a number)']);
    if (q.answers !== undefined) issues.push([['answers'], 'a numeric question has one number as its `answer`, not `answers`']);
    if (typeof q.answer !== 'number') {
      issues.push([['answer'], q.answer === undefined ? 'a numeric question needs an `answer` (a number)' : `a numeric answer must be a number, got ${JSON.stringify(q.answer)}`]);
    }
    if (q.feedback !== undefined && typeof q.feedback !== 'string') {
      issues.push([['feedback'], 'a numeric question has one feedback text (shown after a wrong number), not one per option']);
    }
    return issues;
  }
  if (q.tolerance !== undefined) issues.push([['tolerance'], `only a numeric question has a tolerance (this one is ${kind} choice)`]);
  if (q.unit !== undefined) issues.push([['unit'], `only a numeric question has a unit (this one is ${kind} choice)`]);
  if (q.options === undefined) issues.push([['options'], `a ${kind} choice question needs 2 to 6 options`]);
  const dup = options.find((o, j) => options.indexOf(o) !== j);
  if (dup) issues.push([['options'], `option "${dup}" appears twice`]);
  const notOption = (text: string) => `"${text}" is not one of the options (${listOptions(options)})`;

  let right: string[] = [];
  if (kind === 'single') {
    if (q.answers !== undefined) issues.push([['answers'], 'a single choice question has one `answer`; `answers` makes it multiple']);
    if (q.answer === undefined) issues.push([['answer'], 'a single choice question needs an `answer` (the text of the right option)']);
    else if (typeof q.answer === 'number') {
      issues.push([['answer'], `a number answer makes a numeric question, which has no options: quote it ("${q.answer}") if it is an option's text`]);
    } else {
      if (q.options !== undefined && !options.includes(q.answer)) issues.push([['answer'], notOption(q.answer)]);
      right = [q.answer];
    }
  } else {
    if (q.answer !== undefined) issues.push([['answer'], 'a multiple choice question lists its right options under `answers`, not `answer`']);
    if (q.answers === undefined) issues.push([['answers'], 'a multiple choice question needs `answers` (the texts of every right option)']);
    const answers = q.answers ?? [];
    answers.forEach((a, j) => {
      if (q.options !== undefined && !options.includes(a)) issues.push([['answers', j], notOption(a)]);
      if (answers.indexOf(a) !== j) issues.push([['answers', j], `"${a}" is listed twice`]);
    });
    right = answers;
  }

  if (q.feedback === undefined) return issues;
  if (typeof q.feedback === 'string') {
    issues.push([['feedback'], 'a choice question gives feedback per option (a map from option text to why it is wrong)']);
    return issues;
  }
  // Feedback is all or nothing: every wrong option says why. A single answer has the
  // explanation instead; a multiple one may have a hint for when it is left out.
  const feedback = q.feedback;
  for (const key of Object.keys(feedback)) {
    if (kind === 'single' && right.includes(key)) issues.push([['feedback', key], `"${key}" is the answer: it has the explanation, not feedback`]);
    else if (!options.includes(key)) issues.push([['feedback', key], notOption(key)]);
  }
  const missing = options.filter((o) => !right.includes(o) && feedback[o] === undefined);
  if (missing.length) issues.push([['feedback'], `no feedback for the wrong option${missing.length > 1 ? 's' : ''} ${listOptions(missing)}`]);
  return issues;
}

/** The lesson model's question (call only on a question without issues). */
/** `render` turns a markdown field into HTML (inline for prompts and options), checking its links where it was written. */
export function buildQuizQuestion(q: QuizQuestionFrontmatter, render: (markdown: string, inline: boolean) => string): QuizQuestion {
  const base = {
    id: q.id,
    prompt: q.prompt,
    promptHtml: render(q.prompt, true),
    explanationHtml: render(q.explanation, false),
    xp: q.xp,
  };
  const kind = quizKindOf(q);
  if (kind === 'numeric') {
    return {
      ...base,
      kind,
      answer: Number(q.answer),
      tolerance: q.tolerance ?? 0,
      ...(q.unit === undefined ? {} : { unit: q.unit }),
      ...(typeof q.feedback === 'string' ? { feedbackHtml: render(q.feedback, false) } : {}),
    };
  }
  const options = q.options ?? [];
  const choice = {
    ...base,
    options,
    optionsHtml: options.map((o) => render(o, true)),
    feedbackHtml: Object.fromEntries(
      Object.entries(typeof q.feedback === 'object' ? q.feedback : {}).map(([option, text]) => [option, render(text, false)]),
    ),
  };
  if (kind === 'multiple') {
    const answers = new Set(q.answers ?? []);
    return { ...choice, kind, answers: options.filter((o) => answers.has(o)) };
  }
  return { ...choice, kind, answer: String(q.answer) };
}
