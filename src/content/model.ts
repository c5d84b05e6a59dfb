// The typed lesson model the content pipeline produces and the app renders.
// Markdown fields arrive as sanitized, highlighted HTML (suffix `Html`).
import type { Check, LabSpec, LessonFrontmatter, Phase, StepFrontmatter } from './schema';

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
  /** Where the first starter block, the first solution block and each check are written ("content/…/02-x.md:14"), for the lesson proof's messages. */
  where?: { starter: string; solution: string; checks: string[] };
}

interface QuizQuestionBase {
  id: string;
  prompt: string;
  /** The prompt as inline HTML (backticks render as code). */
  promptHtml: string;
  explanationHtml: string;
  xp: number;
}

/** One right option among several (radio buttons). */
export interface SingleChoiceQuestion extends QuizQuestionBase {
  kind: 'single';
  /** Option texts: the learner's choice and `answer` are these plain strings. */
  options: string[];
  /** Each option as inline HTML, in the same order as `options`. */
  optionsHtml: string[];
  answer: string;
  /** Why a wrong option is wrong, by option text; shown after that wrong try. */
  feedbackHtml: Record<string, string>;
}

/** "Choose all that apply" (checkboxes): right only when exactly `answers` are chosen. */
export interface MultipleChoiceQuestion extends QuizQuestionBase {
  kind: 'multiple';
  options: string[];
  optionsHtml: string[];
  /** The right options, in the order of `options`. */
  answers: string[];
  /** By option text: for a wrong option, why it is wrong (shown when picked); for a right one, a hint shown when it is left out. */
  feedbackHtml: Record<string, string>;
}

/** A number typed by the learner, right within `tolerance` (absolute) of `answer`. */
export interface NumericQuestion extends QuizQuestionBase {
  kind: 'numeric';
  answer: number;
  tolerance: number;
  unit?: string;
  /** Shown after a wrong number (why it is out of range, without giving the answer away). */
  feedbackHtml?: string;
}

export type QuizQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | NumericQuestion;

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

/** One phase of the lesson's loop (lesson.md `phases:`). */
export interface LessonPhase {
  id: string;
  label: string;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** The skill's id: saved XP is keyed by it. */
  skill: string;
  /** The skill's name as the header shows it (the id when lesson.md gives none). */
  skillName: string;
  /** The lifecycle hub's text. */
  hub: { title: string; caption?: string; intro: string };
  /** The loop's phases in order; every step's `phase` is one of their ids. */
  phases: LessonPhase[];
  /** How the lab's start project is made from the lesson's lab/ folder (its files are loaded apart, per lesson). */
  lab: LabSpec;
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

export type { LabSpec, Phase };
