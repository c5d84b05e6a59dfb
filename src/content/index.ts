// The content room's face: what other rooms read of the course — the lesson
// model's types and the built course as the app loads it. The parser has its own
// door (./parse.ts: the author view, the CLI), so zod and unified never reach the
// app's bundle through this file.

export { currentCourse, findLesson, findStep, lessonState, preloadCourse, requestLesson, showLesson, subscribeCourse, type LessonState } from './course';
export type { CodeFile, CodeLanguage, Course, CourseIndex, Lesson, LessonSummary, MultipleChoiceQuestion, NumericQuestion, Phase, RecapFact, SingleChoiceQuestion, Step } from './model';
export type { Check, Service } from './schema';
