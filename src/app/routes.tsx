// Route elements that look up the lesson and step named in the URL, so the
// lesson pages receive real objects and unknown addresses get the 404 page.
// A lesson's content is its own chunk (src/content/course.ts): the routes
// load it, and say so while it loads.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { isChunkLoadError } from '../lib';
import { matchPath, useParams } from 'react-router-dom';
import { findLesson, findStep, requestLesson, type Lesson } from '../content';
import { useCourse, useLesson } from './courseHooks';
import { lazyChunk, useDocumentTitle } from '../lib/react';
import { splitWorkspace } from '../lesson/splitWorkspaceChunk';
import { wideScreen } from '../lesson/wideScreen';

// A step page brings the lab and its previews: loaded when a step is opened,
// so the lesson page's first paint carries none of it. The lesson page is a
// chunk too, so the home page's carries neither. On wide screens the step page
// is a split view whose panels library is a chunk of its own (phones never
// load it), fetched side by side with the step page's.
const lessonPage = lazyChunk(() => import('../lesson/LessonPage').then((m) => m.LessonPage));
const stepPage = lazyChunk(() =>
  Promise.all([import('../lesson/StepPage'), wideScreen() ? splitWorkspace.preload() : null]).then(([m]) => m.StepPage),
);
const LessonPage = lessonPage.Component;
const StepPage = stepPage.Component;
const loadLessonPage = lessonPage.preload;
const loadStepPage = stepPage.preload;

/** Load both pages' code now, the split view's too (tests render the pages as a learner sees them once it is in). */
export const preloadPages = () => Promise.all([loadLessonPage(), loadStepPage(), splitWorkspace.preload()]).then(() => undefined);

/**
 * Start fetching what the page at `pathname` needs (its page's code and its
 * lesson's content) before the first render: the entry calls this as it runs,
 * so those requests leave while React builds the shell rather than after it has
 * committed and run its effects (issue 9 §2: the step's text paints sooner).
 * Failures are left to the routes, which show them.
 */
export function preloadRoute(pathname: string) {
  const step = matchPath('/lessons/:lessonId/steps/:slug', pathname);
  const lesson = step ?? matchPath('/lessons/:lessonId', pathname);
  const lessonId = lesson?.params.lessonId;
  if (!lessonId) return;
  void requestLesson(lessonId);
  (step ? loadStepPage() : loadLessonPage()).catch(() => undefined);
}
import { LessonHeader } from '../lesson/LessonHeader';
import { NotFoundPage } from './NotFoundPage';

// The author view (src/author/) exists under `npm run dev` only: in a build
// import.meta.env.DEV is false, so Rollup drops this branch and the import with it.
export const AuthorRoute = import.meta.env.DEV ? lazy(() => import('../author/AuthorPage').then((m) => ({ default: m.AuthorPage }))) : undefined;

const noLesson = (lessonId: string | undefined) => <NotFoundPage what={`There is no lesson called “${lessonId ?? ''}”.`} />;

/** The lesson's content once loaded; a loading line, or the reason it failed, until then. */
function WithLesson({ lessonId, title, opening, children }: { lessonId: string | undefined; title: string; opening?: ReactNode; children: (lesson: Lesson) => ReactNode }) {
  const state = useLesson(lessonId);
  if (state.status === 'ready') return children(state.lesson);
  if (state.status === 'missing') return noLesson(lessonId);
  if (state.status === 'failed') {
    // A chunk gone after a deploy: the page's error boundary reloads onto the new version (chunkRecovery.ts).
    if (isChunkLoadError(state.reason)) throw new Error(state.reason);
    return (
      <p role="alert" className="text-bad">
        {title} could not be loaded ({state.reason}). Check the connection and reload the page.
      </p>
    );
  }
  return (
    opening ?? (
      <p role="status" className="text-muted">
        Opening {title}…
      </p>
    )
  );
}

export function LessonRoute() {
  const course = useCourse();
  const { lessonId } = useParams();
  const summary = findLesson(course, lessonId);
  useDocumentTitle(summary?.title ?? '');
  // The page's code and the lesson's content load side by side, not one after the other.
  useEffect(() => {
    if (summary) loadLessonPage().catch(() => undefined); // a failure shows when the page renders it
  }, [summary]);
  if (!summary) return noLesson(lessonId);
  // What the course index knows paints at once (the title and summary, the page's largest text), the rest as it arrives.
  const opening = (
    <article className="mx-auto max-w-5xl">
      <LessonHeader lesson={summary} />
      <p role="status" className="mt-6 text-muted">
        Opening {summary.title}…
      </p>
    </article>
  );
  return (
    <WithLesson lessonId={lessonId} title={summary.title} opening={opening}>
      {(lesson) => (
        <Suspense fallback={opening}>
          <LessonPage lesson={lesson} course={course} />
        </Suspense>
      )}
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
