// The course component tests render: a frozen copy of the ML Lifecycle lesson
// (tests/fixtures/lesson-pages), so the tests that read its text keep passing
// while authors edit content/ — whose lessons are proved on their own
// (tests/content, tests/lab/lesson-proof.test.ts). A test file uses it with
//   vi.mock('virtual:lifecycle-content', () => import('./fixtureCourse'));
import { loadCourse } from '../../scripts/content-files';

export const FIXTURE_CONTENT = 'tests/fixtures/lesson-pages';
export const { course } = loadCourse(FIXTURE_CONTENT);
