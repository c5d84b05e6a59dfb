import { describe, expect, it } from 'vitest';
import { lessonProgress, nextStep, skillNodeStatuses, stepStatuses } from '../../src/progress/selectors';
import { loadCourse } from '../../scripts/content-files';

const lesson = loadCourse('tests/fixtures/content').course.lessons[0];
if (!lesson) throw new Error('fixture lesson missing');
const none = { learned: {}, completedSteps: {}, quiz: {} };

describe('skill nodes', () => {
  it('are locked until their terms are learned', () => {
    expect(skillNodeStatuses(lesson, none)).toEqual({ basics: 'locked', advanced: 'locked' });
  });
  it('unlock with their terms and open prerequisites', () => {
    expect(skillNodeStatuses(lesson, { ...none, learned: { 'hello-lab/fixture': 1 } })).toEqual({ basics: 'unlocked', advanced: 'unlocked' });
  });
  it('are mastered when their step is completed', () => {
    expect(skillNodeStatuses(lesson, { ...none, completedSteps: { 'hello-lab/first-step': 1 } })).toEqual({
      basics: 'mastered',
      advanced: 'locked',
    });
  });
});

describe('steps and percent done', () => {
  it('the hub marks done, current and not started', () => {
    const facts = { completedSteps: { 'hello-lab/first-step': 1 } };
    expect(stepStatuses(lesson, facts)).toEqual({ 'first-step': 'done', 'second-step': 'current' });
    expect(stepStatuses(lesson, { completedSteps: {} })).toEqual({ 'first-step': 'current', 'second-step': 'not-started' });
    expect(nextStep(lesson, facts)?.slug).toBe('second-step');
  });
  it('counts steps, right answers and learned terms', () => {
    const p = lessonProgress(lesson, {
      completedSteps: { 'hello-lab/first-step': 1 },
      quiz: { 'hello-lab/first': { answers: ['1'], correct: false } },
      learned: { 'hello-lab/fixture': 1 },
    });
    expect(p).toEqual({ stepsDone: 1, questionsCorrect: 0, termsLearned: 1, done: 2, total: 4, percent: 50 });
  });
});
