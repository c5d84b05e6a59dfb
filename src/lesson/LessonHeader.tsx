import type { ReactNode } from 'react';
import type { LessonSummary } from '../content';

/**
 * The top of a lesson page: what the course index already knows (title,
 * summary, steps, minutes), so the route can paint it at once while the
 * lesson's own chunk loads (issue 9 §2), and the page fills in the rest.
 */
export function LessonHeader({ lesson, children }: { lesson: LessonSummary; children?: ReactNode }) {
  return (
    <header className="rounded-2xl border border-line bg-surface p-6 sm:p-8">
      <p className="font-mono text-xs uppercase tracking-widest text-muted">Lesson · {lesson.steps.length} steps{lesson.minutes ? ` · ~${lesson.minutes} min` : ''}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
      <p className="mt-3 max-w-3xl text-lg text-muted">{lesson.summary}</p>
      {children}
    </header>
  );
}
