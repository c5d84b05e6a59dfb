// Lessons own their knowledge (issue 20): every page of every real lesson — its lesson page, each
// step, and the last step's recap once all are done — shows none of another lesson's own words
// (its title, hub, phases, glossary terms, recap), unless this lesson's files use them too. What
// generic code would leak, such as one lesson's recap or registry alias on every lesson, fails here.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCourse, readContentFiles } from '../../scripts/content-files';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from './renderApp';

const { course } = loadCourse('content');
const files = readContentFiles('content');
const sourceOf = (id: string) =>
  files
    .filter((f) => f.path.startsWith(`${id}/`))
    .map((f) => f.text)
    .join('\n')
    .toLowerCase();

/** A lesson's own words: what only it is about. */
const ownWords = (id: string) => {
  const lesson = course.lessons.find((l) => l.id === id)!;
  return [
    lesson.title,
    lesson.hub.title,
    ...(lesson.hub.caption ? [lesson.hub.caption] : []),
    ...lesson.phases.map((p) => p.label),
    ...lesson.glossary.map((t) => t.term),
    ...(lesson.recap ? [lesson.recap.title, ...lesson.recap.facts.flatMap((f) => (f.fact === 'alias' ? [f.label, f.alias] : []))] : []),
  ];
};

beforeEach(() => {
  localStorage.clear();
  useProgress.getState().resetProgress();
});

describe('every page of every lesson carries nothing of another lesson', () => {
  it('has at least two lessons to compare', () => expect(course.lessons.length).toBeGreaterThanOrEqual(2));

  for (const lesson of course.lessons) {
    const own = sourceOf(lesson.id);
    const foreign = course.lessons
      .filter((other) => other.id !== lesson.id)
      .flatMap((other) => ownWords(other.id))
      .filter((word) => word.length > 3 && !own.includes(word.toLowerCase()));
    const pages = [`/lessons/${lesson.id}`, ...lesson.steps.map((s) => `/lessons/${lesson.id}/steps/${s.slug}`)];

    it(`${lesson.id}: ${pages.length} pages, none with another lesson’s words`, async () => {
      expect(foreign.length, 'the other lessons have words of their own to look for').toBeGreaterThan(0);
      // All steps done: the last step shows the recap, the lesson page its completion.
      for (const step of lesson.steps) useProgress.getState().completeStep(lesson.id, lesson.skill, step);
      for (const path of pages) {
        const { unmount } = renderApp(path);
        await screen.findByRole('heading', { level: 1 });
        // The page's own content: the header's course menu and the lessons `next:` suggests name other lessons by design.
        const main = screen.getByRole('main').cloneNode(true) as HTMLElement;
        main.querySelectorAll('a[href^="/lessons/"]').forEach((a) => {
          if (!a.getAttribute('href')?.startsWith(`/lessons/${lesson.id}`)) a.remove();
        });
        const text = main.textContent?.toLowerCase() ?? '';
        expect({ path, found: foreign.filter((w) => text.includes(w.toLowerCase())) }).toEqual({ path, found: [] });
        unmount();
      }
    });
  }
});
