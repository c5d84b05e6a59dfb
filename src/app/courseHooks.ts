// The React side of the course store (src/content/course.ts, framework-free):
// pages read the course index and a lesson's state through these hooks.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { currentCourse, lessonState, showLesson, subscribeCourse, type LessonState, type CourseIndex } from '../content';
import { useStoreInTransition } from '../lib/react';

export function useCourse(): CourseIndex {
  return useSyncExternalStore(subscribeCourse, currentCourse, currentCourse);
}

/**
 * A lesson's full content, loading it on first use. Its arrival re-renders the
 * page as a transition, so React renders a whole lesson or step page in slices
 * rather than in one long task (issue 9 §2).
 */
export function useLesson(id: string | undefined): LessonState {
  const read = useCallback(() => lessonState(id), [id]);
  const state = useStoreInTransition(subscribeCourse, read);
  useEffect(() => {
    showLesson(id);
  }, [id]);
  return state;
}
