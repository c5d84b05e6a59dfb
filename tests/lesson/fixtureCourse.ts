// The course the page tests render: tests/fixtures/course, one small lesson
// (The Garden Lab) written for what they check — every quiz kind, a glossary and
// skill tree, a prediction, takeaways, a step's `rerun:` and a recap — and about
// nothing a real lesson is, so the tests assert what a learner sees of it, never
// a real lesson's prose (content/ is proved on its own: tests/content,
// tests/lab/lesson-proof.test.ts). A test file uses it with
//   vi.mock('virtual:lifecycle-content', () => import('./fixtureCourse'));
// It stands in for the whole module: the index, and each lesson as if from its chunk.
import { loadCourse } from '../../scripts/content-files';
import { courseIndex } from '../../src/content/summary';
import type { Lesson } from '../../src/content/model';

export const FIXTURE_CONTENT = 'tests/fixtures/course';
export const { course } = loadCourse(FIXTURE_CONTENT);
export const index = courseIndex(course.lessons);
export const loadLesson = (id: string): Promise<Lesson | undefined> => Promise.resolve(course.lessons.find((l) => l.id === id));
