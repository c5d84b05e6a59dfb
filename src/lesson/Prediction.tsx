// Predict before you run (issue 23; futurecoder's strongest habit): a step may
// ask what its code will do before the learner first runs it. The prediction is
// a question of the step (content `predict:`), judged and scored as the quiz's
// are, its answer kept; a missed one comes back in the review queue.
import { forwardRef } from 'react';
import type { Lesson, Step } from '../content/model';
import { quizKey, useProgress } from '../progress/store';
import { AnyQuestionCard } from './Quiz';

/** Whether the step's prediction still waits for an answer (none given yet). */
export function usePredictionOpen(lesson: Lesson, step: Step): boolean {
  return useProgress((s) => step.prediction !== undefined && s.quiz[quizKey(lesson.id, step.prediction.id)] === undefined);
}

export const Prediction = forwardRef<HTMLElement, { lesson: Lesson; step: Step; asked: boolean }>(function Prediction({ lesson, step, asked }, ref) {
  const open = usePredictionOpen(lesson, step);
  if (!step.prediction) return null;
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="prediction-title" className="rounded-lg border border-accent bg-surface p-3 outline-none">
      <h2 id="prediction-title" className="text-sm font-semibold">
        Predict before you run
      </h2>
      <p className="text-xs text-muted" aria-live="polite">
        {open && asked ? 'Make your prediction first — or press Run again to skip it.' : open ? 'What will your code do? Answer, then Run and see.' : 'Your prediction is kept; Run shows what really happens.'}
      </p>
      <div className="mt-2">
        <AnyQuestionCard lesson={lesson} question={step.prediction} />
      </div>
    </section>
  );
});
