// The lessons, as built by the content plugin (scripts/vite-plugin-content.ts).
// The entry chunk carries only the course index (issue 9 §4); a lesson's full
// content is its own chunk, loaded by its pages (useLesson) and prefetched from
// home (requestLesson). In `npm run dev` an edited lesson file swaps the index
// and every loaded lesson in place: no reload, no lost state. Framework-free:
// the React hooks that read it are src/app/courseHooks.ts.
import { index as builtIndex, loadLesson as builtLoad } from 'virtual:lifecycle-content';
import type { CourseIndex, Lesson, LessonSummary, Step } from './model';

export type LessonState =
  | { status: 'loading' }
  | { status: 'ready'; lesson: Lesson }
  | { status: 'failed'; reason: string }
  | { status: 'missing' };

const LOADING: LessonState = { status: 'loading' };
const MISSING: LessonState = { status: 'missing' };

let current: CourseIndex = builtIndex;
let load = builtLoad;
const lessons = new Map<string, LessonState>();
const listeners = new Set<() => void>();

/** Listen for a change of the course or of a lesson's state; returns the unsubscribe. */
export function subscribeCourse(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const notify = () => listeners.forEach((l) => l());

function fetchLesson(id: string): Promise<void> {
  const from = load;
  return from(id).then(
    (lesson) => {
      if (from !== load) return; // a hot update started a newer load
      lessons.set(id, lesson ? { status: 'ready', lesson } : MISSING);
      notify();
    },
    (error: unknown) => {
      if (from !== load) return;
      lessons.set(id, { status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      notify();
    },
  );
}

const pending = new Map<string, Promise<void>>();

/** Start loading a lesson's content if it is not loaded or loading (a prefetch; pages use useLesson). */
export function requestLesson(id: string): Promise<void> {
  const started = pending.get(id);
  if (started && lessons.has(id)) return started;
  if (!current.lessons.some((l) => l.id === id)) {
    lessons.set(id, MISSING);
    return Promise.resolve();
  }
  lessons.set(id, LOADING);
  const loading = fetchLesson(id);
  pending.set(id, loading);
  return loading;
}

/** Load every lesson's content (home prefetches them once the page has settled). */
export const preloadCourse = () => Promise.all(current.lessons.map((l) => requestLesson(l.id))).then(() => undefined);

/** Replace the course (hot updates, tests): the index, and lessons loaded from `loader`. */
export function setCourse(next: CourseIndex, loader: typeof builtLoad = load) {
  current = next;
  load = loader;
  // Lessons already shown are loaded again from the new modules; until then the old ones stay on screen.
  pending.clear();
  for (const [id, state] of lessons) {
    if (state.status === 'ready') pending.set(id, fetchLesson(id));
    else lessons.delete(id);
  }
  notify();
}

if (import.meta.hot) {
  import.meta.hot.accept('virtual:lifecycle-content', (mod) => {
    if (mod) setCourse(mod.index as CourseIndex, mod.loadLesson as typeof builtLoad);
  });
}

/** The course index now (the built one, or the latest hot update's). */
export const currentCourse = (): CourseIndex => current;

/** A lesson's state now; "loading" until it is requested and settled. */
export const lessonState = (id: string | undefined): LessonState => (id === undefined ? MISSING : (lessons.get(id) ?? LOADING));

/** A page shows a lesson: start loading it, and settle an unknown id at once, without a load to wait for. */
export function showLesson(id: string | undefined): void {
  if (id === undefined) return;
  void requestLesson(id);
  if (lessons.get(id) === MISSING) notify();
}

export function findLesson<L extends LessonSummary>(course: { lessons: L[] }, id: string | undefined): L | undefined {
  return course.lessons.find((l) => l.id === id);
}

export function findStep(lesson: Lesson, slug: string | undefined): Step | undefined {
  return lesson.steps.find((s) => s.slug === slug);
}
