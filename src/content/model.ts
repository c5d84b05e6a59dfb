// The typed lesson model the content pipeline produces and the app renders.
// The types are inferred from the zod schemas in modelSchema.ts (the single
// source; add a field there). Only types are imported, so zod stays out of the
// app's bundle for them.
import type { z } from 'zod';
import type {
  codeFileSchema,
  codeLanguageSchema,
  courseSchema,
  faqItemSchema,
  glossaryTermSchema,
  lessonPhaseSchema,
  multipleChoiceQuestionSchema,
  numericQuestionSchema,
  singleChoiceQuestionSchema,
  lessonSchema,
  quizQuestionSchema,
  skillNodeSchema,
  stepCheckModelSchema,
  stepSchema,
  validAlternativeSchema,
  wrongAttemptSchema,
} from './modelSchema';
import type { LabSpec, Phase } from './schema';

export type CodeLanguage = z.infer<typeof codeLanguageSchema>;
export type CodeFile = z.infer<typeof codeFileSchema>;
export type StepCheck = z.infer<typeof stepCheckModelSchema>;
export type WrongAttempt = z.infer<typeof wrongAttemptSchema>;
export type ValidAlternative = z.infer<typeof validAlternativeSchema>;
export type Step = z.infer<typeof stepSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type SingleChoiceQuestion = z.infer<typeof singleChoiceQuestionSchema>;
export type MultipleChoiceQuestion = z.infer<typeof multipleChoiceQuestionSchema>;
export type NumericQuestion = z.infer<typeof numericQuestionSchema>;
export type LessonPhase = z.infer<typeof lessonPhaseSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type FaqItem = z.infer<typeof faqItemSchema>;
export type SkillNode = z.infer<typeof skillNodeSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type Course = z.infer<typeof courseSchema>;
export type Recap = NonNullable<Lesson['recap']>;
export type RecapFact = Recap['facts'][number];

export type { LabSpec, Phase };

/**
 * What the entry chunk knows of a lesson (issue 9 §4): enough for the home
 * page, the header's XP and percent done, and the progress audit. The full
 * lesson is a chunk of its own, loaded by its pages (src/content/course.ts).
 * A `Lesson` is a `LessonSummary`, so selectors take either.
 */
export type LessonSummary = Pick<Lesson, 'id' | 'title' | 'summary' | 'skill' | 'skillName' | 'minutes'> & {
  steps: Pick<Step, 'slug' | 'title' | 'xp'>[];
  quiz: Pick<QuizQuestion, 'id' | 'xp'>[];
  glossary: Pick<GlossaryTerm, 'id' | 'xp'>[];
  /** The steps' predictions, scored as questions (ids "predict-<step slug>"). */
  predictions?: Pick<QuizQuestion, 'id' | 'xp'>[];
};

export interface CourseIndex {
  lessons: LessonSummary[];
}
