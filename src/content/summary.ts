// The course index the entry chunk carries (issue 9 §4): each lesson cut down
// to what every page needs. Used by the content plugin at build time.
import type { CourseIndex, Lesson, LessonSummary } from './model';

export function summarizeLesson(lesson: Lesson): LessonSummary {
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    skill: lesson.skill,
    skillName: lesson.skillName,
    ...(lesson.minutes === undefined ? {} : { minutes: lesson.minutes }),
    steps: lesson.steps.map(({ slug, title, xp }) => ({ slug, title, xp })),
    quiz: lesson.quiz.map(({ id, xp }) => ({ id, xp })),
    glossary: lesson.glossary.map(({ id, xp }) => ({ id, xp })),
    predictions: lesson.steps.flatMap((s) => (s.prediction ? [{ id: s.prediction.id, xp: s.prediction.xp }] : [])),
  };
}

export function courseIndex(lessons: Lesson[]): CourseIndex {
  return { lessons: lessons.map(summarizeLesson) };
}
