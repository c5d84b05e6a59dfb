// The lessons, as built by the content plugin (scripts/vite-plugin-content.ts).
// In `npm run dev` an edited lesson file swaps the course in place: no reload,
// no lost state.
import { useSyncExternalStore } from 'react';
import { course as built } from 'virtual:lifecycle-content';
import type { Course, Lesson, Step } from './model';

let current: Course = built;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setCourse(next: Course) {
  current = next;
  listeners.forEach((l) => l());
}

if (import.meta.hot) {
  import.meta.hot.accept('virtual:lifecycle-content', (mod) => {
    if (mod) setCourse((mod as unknown as { course: Course }).course);
  });
}

export function useCourse(): Course {
  return useSyncExternalStore(subscribe, () => current, () => current);
}

export function findLesson(course: Course, id: string | undefined): Lesson | undefined {
  return course.lessons.find((l) => l.id === id);
}

export function findStep(lesson: Lesson, slug: string | undefined): Step | undefined {
  return lesson.steps.find((s) => s.slug === slug);
}
