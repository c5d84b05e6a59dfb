// Route elements that look up the lesson and step named in the URL, so the
// lesson pages receive real objects and unknown addresses get the 404 page.
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { findLesson, findStep, useCourse } from '../content/course';
import { LessonPage } from '../lesson/LessonPage';

// A step page brings the lab and its previews: loaded when a step is opened,
// so the lesson page's first paint carries none of it.
const StepPage = lazy(() => import('../lesson/StepPage').then((m) => ({ default: m.StepPage })));
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotFoundPage } from './NotFoundPage';

// The author view (src/author/) exists under `npm run dev` only: in a build
// import.meta.env.DEV is false, so Rollup drops this branch and the import with it.
export const AuthorRoute = import.meta.env.DEV ? lazy(() => import('../author/AuthorPage').then((m) => ({ default: m.AuthorPage }))) : undefined;

export function LessonRoute() {
  const course = useCourse();
  const { lessonId } = useParams();
  const lesson = findLesson(course, lessonId);
  useDocumentTitle(lesson?.title ?? '');
  if (!lesson) return <NotFoundPage what={`There is no lesson called “${lessonId ?? ''}”.`} />;
  return <LessonPage lesson={lesson} course={course} />;
}

export function StepRoute() {
  const course = useCourse();
  const { lessonId, slug } = useParams();
  const lesson = findLesson(course, lessonId);
  const step = lesson && findStep(lesson, slug);
  if (!lesson || !step) {
    return (
      <NotFoundPage
        what={lesson ? `The lesson “${lesson.title}” has no step called “${slug ?? ''}”.` : `There is no lesson called “${lessonId ?? ''}”.`}
      />
    );
  }
  return (
    <Suspense fallback={<p className="text-muted">Opening {step.title}…</p>}>
      <StepPage key={step.slug} lesson={lesson} step={step} />
    </Suspense>
  );
}
