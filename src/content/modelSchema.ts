// The lesson model the content pipeline builds and the app renders, as zod
// schemas: the single source of its types (model.ts exports them with
// z.infer, under the names the app imports). The app imports only those
// types, so no schema here reaches its bundle; the content CLI and tests run
// the schemas on what the parser built. Markdown fields arrive as sanitized,
// highlighted HTML (suffix `Html`).
import { z } from 'zod';
import { checkSchema, labSpecSchema, lessonFrontmatterSchema, recapFactSchema, stepFrontmatterSchema } from './schema';

export const codeLanguageSchema = z.enum(['python', 'shell', 'dockerfile', 'yaml', 'json', 'text']);

export const codeFileSchema = z.object({
  /** File name shown on the editor tab, e.g. "train.py" or "commands.sh". */
  file: z.string(),
  language: codeLanguageSchema,
  code: z.string(),
});

export const stepCheckModelSchema = z.object({
  /** The sentence the learner sees, as inline HTML. */
  saysHtml: z.string(),
  expect: checkSchema,
});

/** A known wrong attempt (a ```python wrong … block): one file that replaces the solution's file of that name. */
export const wrongAttemptSchema = z.object({
  file: codeFileSchema,
  /** Index into the step's checks of the check it must fail. */
  fails: z.number().int().nonnegative(),
  /** The mistake it shows, in a few words. */
  mistake: z.string(),
  /** Where it is written, for messages ("content/…/02-x.md:88"). */
  where: z.string(),
});

/** Correct work written differently from the solution (a ```python valid … block): it must pass every check. */
export const validAlternativeSchema = z.object({
  file: codeFileSchema,
  /** How it differs from the solution, in a few words. */
  note: z.string(),
  /** Where it is written, for messages ("content/…/02-x.md:88"). */
  where: z.string(),
});

const quizQuestionBase = {
  id: z.string(),
  prompt: z.string(),
  /** The prompt as inline HTML (backticks render as code). */
  promptHtml: z.string(),
  explanationHtml: z.string(),
  xp: z.number(),
};

/** One right option among several (radio buttons). */
export const singleChoiceQuestionSchema = z.object({
  ...quizQuestionBase,
  kind: z.literal('single'),
  /** Option texts: the learner's choice and `answer` are these plain strings. */
  options: z.array(z.string()),
  /** Each option as inline HTML, in the same order as `options`. */
  optionsHtml: z.array(z.string()),
  answer: z.string(),
  /** Why a wrong option is wrong, by option text; shown after that wrong try. */
  feedbackHtml: z.record(z.string(), z.string()),
});

/** "Choose all that apply" (checkboxes): right only when exactly `answers` are chosen. */
export const multipleChoiceQuestionSchema = z.object({
  ...quizQuestionBase,
  kind: z.literal('multiple'),
  options: z.array(z.string()),
  optionsHtml: z.array(z.string()),
  /** The right options, in the order of `options`. */
  answers: z.array(z.string()),
  /** By option text: for a wrong option, why it is wrong (shown when picked); for a right one, a hint shown when it is left out. */
  feedbackHtml: z.record(z.string(), z.string()),
});

/** A number typed by the learner, right within `tolerance` (absolute) of `answer`. */
export const numericQuestionSchema = z.object({
  ...quizQuestionBase,
  kind: z.literal('numeric'),
  answer: z.number(),
  tolerance: z.number().nonnegative(),
  unit: z.string().optional(),
  /** Shown after a wrong number (why it is out of range, without giving the answer away). */
  feedbackHtml: z.string().optional(),
});

export const quizQuestionSchema = z.discriminatedUnion('kind', [singleChoiceQuestionSchema, multipleChoiceQuestionSchema, numericQuestionSchema]);

export const stepSchema = stepFrontmatterSchema.omit({ hints: true, checks: true, rerun: true, predict: true, takeaways: true }).extend({
  slug: z.string(),
  /** 1-based position in the lesson, from the file name's number. */
  order: z.number().int().positive(),
  /** Where the step came from, for messages ("content/ml-lifecycle/steps/01-x.md"). */
  source: z.string(),
  html: z.string(),
  checks: z.array(stepCheckModelSchema),
  hintsHtml: z.array(z.string()),
  /** What running the step again changes that later steps use (step `rerun:`); without it a re-run asks nothing. */
  rerunHtml: z.string().optional(),
  /** The question asked before the first Run (step `predict:`); its id is the step's slug. */
  prediction: quizQuestionSchema.optional(),
  /** The step's key points, each inline HTML (step `takeaways:`). */
  takeawaysHtml: z.array(z.string()),
  starter: z.array(codeFileSchema),
  solution: z.array(codeFileSchema),
  wrong: z.array(wrongAttemptSchema),
  valid: z.array(validAlternativeSchema),
  /** Where the first starter block, the first solution block and each check are written ("content/…/02-x.md:14"), for the lesson proof's messages. */
  where: z.object({ starter: z.string(), solution: z.string(), checks: z.array(z.string()) }).optional(),
});

export const glossaryTermSchema = z.object({
  id: z.string(),
  term: z.string(),
  definitionHtml: z.string(),
  code: z.object({ language: z.string(), source: z.string(), caption: z.string(), html: z.string() }),
  xp: z.number(),
});

export const faqItemSchema = z.object({
  question: z.string(),
  /** The question as inline HTML. */
  questionHtml: z.string(),
  answerHtml: z.string(),
});

export const skillNodeSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  requires: z.array(z.string()),
  terms: z.array(z.string()),
  masteredBy: z.string(),
});

/** One phase of the lesson's loop (lesson.md `phases:`). */
export const lessonPhaseSchema = z.object({ id: z.string(), label: z.string() });

export const lessonSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  /** The skill's id: saved XP is keyed by it. */
  skill: z.string(),
  /** The skill's name as the header shows it (the id when lesson.md gives none). */
  skillName: z.string(),
  /** The lifecycle hub's text. */
  hub: z.object({ title: z.string(), caption: z.string().optional(), intro: z.string() }),
  /** The loop's phases in order; every step's `phase` is one of their ids. */
  phases: z.array(lessonPhaseSchema),
  /** How the lab's start project is made from the lesson's lab/ folder (its files are loaded apart, per lesson). */
  lab: labSpecSchema,
  /** What the last step shows once every step is done (lesson.md `recap`), its intro rendered. */
  recap: z.object({ title: z.string(), introHtml: z.string(), facts: z.array(recapFactSchema) }).optional(),
  minutes: z.number().optional(),
  /** The lesson's place in the course (lesson.md `order`); the course lists lessons by it. */
  order: z.number().optional(),
  instructor: z.object({ name: z.string(), role: z.string(), bioHtml: z.string().optional() }),
  callout: z.object({ title: z.string(), html: z.string() }),
  next: lessonFrontmatterSchema.shape.next,
  introHtml: z.string(),
  steps: z.array(stepSchema),
  quiz: z.array(quizQuestionSchema),
  glossary: z.array(glossaryTermSchema),
  faq: z.array(faqItemSchema),
  skills: z.array(skillNodeSchema),
});

export const courseSchema = z.object({
  lessons: z.array(lessonSchema),
});
