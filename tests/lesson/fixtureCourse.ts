// The course component tests render: a frozen copy of the ML Lifecycle lesson
// (tests/fixtures/lesson-pages), so the tests that read its text keep passing
// while authors edit content/ — whose lessons are proved on their own
// (tests/content, tests/lab/lesson-proof.test.ts). A test file uses it with
//   vi.mock('virtual:lifecycle-content', () => import('./fixtureCourse'));
// It stands in for the whole module: the index, and each lesson as if from its chunk.
import { loadCourse } from '../../scripts/content-files';
import { courseIndex } from '../../src/content/summary';
import type { Lesson } from '../../src/content/model';

export const FIXTURE_CONTENT = 'tests/fixtures/lesson-pages';
export const { course } = loadCourse(FIXTURE_CONTENT);
export const index = courseIndex(course.lessons);
export const loadLesson = (id: string): Promise<Lesson | undefined> => Promise.resolve(course.lessons.find((l) => l.id === id));
