// The home page lists every lesson of content/ with its own progress: the second
// lesson arrives by its files alone, and work in one lesson moves only its bar.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from '../lesson/renderApp';
import { loadCourse } from '../../scripts/content-files';

// The lessons as the app parses them: their words are read from there, never copied.
const lessonOf = (id: string) => loadCourse('content').course.lessons.find((l) => l.id === id)!;
const ML = lessonOf('ml-lifecycle');
const BEYOND = lessonOf('beyond-accuracy');

const bar = (title: string) => screen.getByRole('progressbar', { name: `${title} progress` });

describe('the home page', () => {
  it('lists both lessons, each with its own progress', async () => {
    renderApp('/');
    const lessons = within(screen.getByRole('heading', { level: 2, name: 'Lessons' }).nextElementSibling as HTMLElement);
    expect(lessons.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      // The course's order (lesson.md `order`): the first lesson is the one the second builds on.
      [ML.title, '/lessons/ml-lifecycle'],
      [BEYOND.title, '/lessons/beyond-accuracy'],
    ]);
    expect(lessons.getByText(`${BEYOND.steps.length} steps · ${BEYOND.quiz.length} quiz questions · ${BEYOND.glossary.length} terms`, { exact: false })).toBeInTheDocument();
    expect(bar(BEYOND.title)).toHaveAttribute('aria-valuenow', '0');
    expect(bar(ML.title)).toHaveAttribute('aria-valuenow', '0');

    // Completing the second lesson's first step moves its bar, and only its bar.
    act(() => useProgress.getState().completeStep('beyond-accuracy', BEYOND.skill, BEYOND.steps[0]!));
    expect(Number(bar(BEYOND.title).getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(screen.getByText(`1/${BEYOND.steps.length} steps`, { exact: false })).toBeInTheDocument();
    expect(bar(ML.title)).toHaveAttribute('aria-valuenow', '0');
  });
});
