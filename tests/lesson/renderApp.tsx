import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeAll } from 'vitest';
import { AppRoutes } from '../../src/app/App';
import { preloadPages } from '../../src/app/routes';
import { preloadCourse } from '../../src/content/course';

// Each lesson, and the lesson and step pages, are chunks the app loads when a page opens
// (src/content/course.ts, src/app/routes.tsx); tests render pages as a learner sees them once those are in.
beforeAll(() => Promise.all([preloadCourse(), preloadPages()]));

export function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  );
}
