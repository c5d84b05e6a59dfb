// The typed lesson model the content pipeline produces and the app renders.
// Markdown fields arrive as sanitized, highlighted HTML (suffix `Html`).
import type { Check, LessonFrontmatter, Phase, StepFrontmatter } from './schema';

export type CodeLanguage = 'python' | 'shell' | 'dockerfile' | 'yaml' | 'json' | 'text';

export interface CodeFile {
  /** File name shown on the editor tab, e.g. "train.py" or "commands.sh". */
  file: string;
  language: CodeLanguage;
  code: string;
}

export interface StepCheck {
  /** The sentence the learner sees, as inline HTML. */
  saysHtml: string;
  expect: Check;
}

/** A known wrong attempt (a ```python wrong … block): one file that replaces the solution's file of that name. */
export interface WrongAttempt {
  file: CodeFile;
  /** Index into the step's checks of the check it must fail. */
  fails: number;
  /** The mistake it shows, in a few words. */
  mistake: string;
  /** Where it is written, for messages ("content/…/02-x.md:88"). */
  where: string;
}

export interface Step extends Omit<StepFrontmatter, 'hints' | 'checks'> {
  slug: string;
  /** 1-based position in the lesson, from the file name's number. */
  order: number;
  /** Where the step came from, for messages ("content/ml-lifecycle/steps/01-x.md"). */
  source: string;
  html: string;
  checks: StepCheck[];
  hintsHtml: string[];
  starter: CodeFile[];
  solution: CodeFile[];
  wrong: WrongAttempt[];
}

export interface QuizQuestion {
  id: string;
  prompt: string;
  /** The prompt as inline HTML (backticks render as code). */
  promptHtml: string;
  /** Option texts: the learner's choice and `answer` are these plain strings. */
  options: string[];
  /** Each option as inline HTML, in the same order as `options`. */
  optionsHtml: string[];
  answer: string;
  explanationHtml: string;
  /** Why a wrong option is wrong, by option text; shown after that wrong try. */
  feedbackHtml: Record<string, string>;
  xp: number;
}

export interface GlossaryTerm {
  id: string;
  term: string;
  definitionHtml: string;
  code: { language: string; source: string; caption: string; html: string };
  xp: number;
}

export interface FaqItem {
  question: string;
  /** The question as inline HTML. */
  questionHtml: string;
  answerHtml: string;
}

export interface SkillNode {
  id: string;
  label: string;
  description: string;
  requires: string[];
  terms: string[];
  masteredBy: string;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  skill: string;
  minutes?: number;
  instructor: { name: string; role: string; bioHtml?: string };
  callout: { title: string; html: string };
  next: LessonFrontmatter['next'];
  introHtml: string;
  steps: Step[];
  quiz: QuizQuestion[];
  glossary: GlossaryTerm[];
  faq: FaqItem[];
  skills: SkillNode[];
}

export interface Course {
  lessons: Lesson[];
}

export type { Phase };

/**
 * What the entry chunk knows of a lesson (issue 9 §4): enough for the home
 * page, the header's XP and percent done, and the progress audit. The full
 * lesson is a chunk of its own, loaded by its pages (src/content/course.ts).
 * A `Lesson` is a `LessonSummary`, so selectors take either.
 */
export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
  skill: string;
  minutes?: number;
  steps: Pick<Step, 'slug' | 'title' | 'xp'>[];
  quiz: Pick<QuizQuestion, 'id' | 'xp'>[];
  glossary: Pick<GlossaryTerm, 'id' | 'xp'>[];
}

export interface CourseIndex {
  lessons: LessonSummary[];
}
