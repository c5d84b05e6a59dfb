// Route elements that look up the lesson and step named in the URL, so the
// lesson pages receive real objects and unknown addresses get the 404 page.
// A lesson's content is its own chunk (src/content/course.ts): the routes
// load it, and say so while it loads.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { findLesson, findStep, useCourse, useLesson } from '../content/course';
import type { Lesson } from '../content/model';
import { LessonPage } from '../lesson/LessonPage';

// A step page brings the lab and its previews: loaded when a step is opened,
// so the lesson page's first paint carries none of it.
const loadStepPage = () => import('../lesson/StepPage');
const StepPage = lazy(() => loadStepPage().then((m) => ({ default: m.StepPage })));
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotFoundPage } from './NotFoundPage';

const noLesson = (lessonId: string | undefined) => <NotFoundPage what={`There is no lesson called “${lessonId ?? ''}”.`} />;

/** The lesson's content once loaded; a loading line, or the reason it failed, until then. */
function WithLesson({ lessonId, title, children }: { lessonId: string | undefined; title: string; children: (lesson: Lesson) => ReactNode }) {
  const state = useLesson(lessonId);
  if (state.status === 'ready') return children(state.lesson);
  if (state.status === 'missing') return noLesson(lessonId);
  if (state.status === 'failed') {
    return (
      <p role="alert" className="text-bad">
        {title} could not be loaded ({state.reason}). Check the connection and reload the page.
      </p>
    );
  }
  return (
    <p role="status" className="text-muted">
      Opening {title}…
    </p>
  );
}

export function LessonRoute() {
  const course = useCourse();
  const { lessonId } = useParams();
  const summary = findLesson(course, lessonId);
  useDocumentTitle(summary?.title ?? '');
  if (!summary) return noLesson(lessonId);
  return (
    <WithLesson lessonId={lessonId} title={summary.title}>
      {(lesson) => <LessonPage lesson={lesson} course={course} />}
    </WithLesson>
  );
}

export function StepRoute() {
  const course = useCourse();
  const { lessonId, slug } = useParams();
  const summary = findLesson(course, lessonId);
  const stepTitle = summary?.steps.find((s) => s.slug === slug)?.title;
  // The page's code and the lesson's content load side by side, not one after the other.
  useEffect(() => {
    if (stepTitle) loadStepPage().catch(() => undefined); // a failure shows when the page renders it
  }, [stepTitle]);
  if (!summary) return noLesson(lessonId);
  if (!stepTitle) return <NotFoundPage what={`The lesson “${summary.title}” has no step called “${slug ?? ''}”.`} />;
  return (
    <WithLesson lessonId={lessonId} title={stepTitle}>
      {(lesson) => {
        const step = findStep(lesson, slug);
        if (!step) return <NotFoundPage what={`The lesson “${lesson.title}” has no step called “${slug ?? ''}”.`} />;
        return (
          <Suspense fallback={<p className="text-muted">Opening {step.title}…</p>}>
            <StepPage key={step.slug} lesson={lesson} step={step} />
          </Suspense>
        );
      }}
    </WithLesson>
  );
}
