// When a step page starts the lab's Python: not at once (it would compete with
// the page's first paint), but once the page has settled or at the learner's
// first touch, whichever comes first.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labFor } from '../../src/lab/page/engine';
import { renderApp } from './renderApp';
import { loadCourse } from '../../scripts/content-files';
import { settling } from '../stubs/whenSettled';

const settled: (() => void)[] = [];
// The page settles when the test says so: each start waiting for it is kept here.
beforeEach(() => {
  settling.schedule = (load) => {
    settled.push(load);
    return () => settled.splice(settled.indexOf(load), 1);
  };
});
afterEach(() => settling.reset());

// The step's title, read from the lesson as the app parses it (not a copy of its words).
const TRACK_TITLE = loadCourse('content').course.lessons.find((l) => l.id === 'ml-lifecycle')!.steps.find((s) => s.slug === 'track-experiments')!.title;

// jsdom has no Worker: a start shows as the engine's "cannot start" error, and a Run would try again.
const started = (lessonId: string) => labFor(lessonId).getState().error !== null;

describe('a step page starts the lab', () => {
  it('once the page has settled, not while it paints', async () => {
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    await screen.findByRole('heading', { level: 1, name: TRACK_TITLE });
    expect(started('ml-lifecycle')).toBe(false);
    expect(settled).toHaveLength(1);
    settled[0]!();
    expect(started('ml-lifecycle')).toBe(true);
    expect(labFor('ml-lifecycle').getState().error).toMatch(/cannot start the engine/);
  });

  it('at the learner’s first touch, if that comes before the page has settled', async () => {
    renderApp('/lessons/beyond-accuracy/steps/count-the-classes');
    await screen.findByRole('heading', { level: 1 });
    expect(started('beyond-accuracy')).toBe(false);
    fireEvent.pointerDown(document.body);
    expect(started('beyond-accuracy')).toBe(true);
    expect(settled).toHaveLength(0); // the settled start was called off
  });
});
