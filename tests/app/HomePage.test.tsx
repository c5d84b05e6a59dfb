// The home page lists every lesson of content/ with its own progress: the second
// lesson arrives by its files alone, and work in one lesson moves only its bar.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProgress } from '../../src/lesson/stores';
import { renderApp } from '../lesson/renderApp';

const bar = (title: string) => screen.getByRole('progressbar', { name: `${title} progress` });

describe('the home page', () => {
  it('lists both lessons, each with its own progress', async () => {
    renderApp('/');
    const lessons = within(screen.getByRole('heading', { level: 2, name: 'Lessons' }).nextElementSibling as HTMLElement);
    expect(lessons.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      // The course's order (lesson.md `order`): the first lesson is the one the second builds on.
      ['The ML Lifecycle', '/lessons/ml-lifecycle'],
      ['Evaluating a Classifier Beyond Accuracy', '/lessons/beyond-accuracy'],
    ]);
    expect(lessons.getByText(/4 steps · 7 quiz questions · 6 terms/)).toBeInTheDocument();
    expect(bar('Evaluating a Classifier Beyond Accuracy')).toHaveAttribute('aria-valuenow', '0');
    expect(bar('The ML Lifecycle')).toHaveAttribute('aria-valuenow', '0');

    // Completing the second lesson's first step moves its bar, and only its bar.
    act(() => useProgress.getState().completeStep('beyond-accuracy', 'modelevaluation', { slug: 'count-the-classes', title: 'Count the classes', xp: 40 }));
    expect(Number(bar('Evaluating a Classifier Beyond Accuracy').getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(screen.getByText(/1\/4 steps/)).toBeInTheDocument();
    expect(bar('The ML Lifecycle')).toHaveAttribute('aria-valuenow', '0');
  });
});
