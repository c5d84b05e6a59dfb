declare module 'virtual:lifecycle-content' {
  import type { Course } from './model';
  export const course: Course;
}
