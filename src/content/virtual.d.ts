declare module 'virtual:lifecycle-content' {
  import type { CourseIndex, Lesson } from './model';
  /** Every lesson, cut down to what the header and home need (summary.ts). */
  export const index: CourseIndex;
  /** A lesson's full content, from its own chunk; undefined for an unknown id. */
  export function loadLesson(id: string): Promise<Lesson | undefined>;
}

declare module 'virtual:lifecycle-lesson/*' {
  import type { Lesson } from './model';
  export const lesson: Lesson;
}
