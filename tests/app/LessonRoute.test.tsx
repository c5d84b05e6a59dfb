// While a lesson's own chunk loads, its page already shows what the course
// index knows (title, summary, steps), then the rest when the lesson arrives.
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../src/app/App';
import { preloadRoute } from '../../src/app/routes';
import { setCourse } from '../../src/content/course';
import type { Lesson, LessonSummary } from '../../src/content/model';
import { index as builtIndex, loadLesson as builtLoad } from 'virtual:lifecycle-content';

afterEach(() => setCourse(builtIndex, builtLoad));

describe('a lesson page opening', () => {
  it('paints the lesson’s title and summary from the course index while the lesson loads, then the lesson', async () => {
    let arrive: (lesson: Lesson | undefined) => void = () => {};
    const asked: string[] = [];
    setCourse(builtIndex, (id) => {
      asked.push(id);
      return id === 'ml-lifecycle' ? new Promise((resolve) => (arrive = resolve)) : builtLoad(id);
    });
    const summary = builtIndex.lessons.find((l: LessonSummary) => l.id === 'ml-lifecycle')!;
    // The entry starts the lesson's download before React renders anything.
    preloadRoute('/lessons/ml-lifecycle');
    expect(asked).toEqual(['ml-lifecycle']);

    render(
      <MemoryRouter initialEntries={['/lessons/ml-lifecycle']}>
        <AppRoutes />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: summary.title })).toBeInTheDocument();
    expect(screen.getByText(summary.summary)).toBeInTheDocument();
    expect(screen.getByText(`Lesson · ${summary.steps.length} steps${summary.minutes ? ` · ~${summary.minutes} min` : ''}`)).toBeInTheDocument();
    expect(screen.getByText(`Opening ${summary.title}…`)).toHaveAttribute('role', 'status');

    arrive(await builtLoad('ml-lifecycle'));
    expect(await screen.findByRole('complementary', { name: 'Callout' })).toBeInTheDocument();
    expect(screen.queryByText(`Opening ${summary.title}…`)).toBeNull();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(asked).toEqual(['ml-lifecycle']);
  });
});
