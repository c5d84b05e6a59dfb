// Predict before you run (issue 23; futurecoder's strongest habit): a step may
// ask what its code will do before the learner first runs it. The prediction is
// a question of the step (content `predict:`), judged and scored as the quiz's
// are, its answer kept; a missed one comes back in the review queue.
import type { Lesson, Step } from '../content/model';
import { quizKey, useProgress } from '../progress/store';
import { AnyQuestionCard } from './Quiz';

/** Whether the step's prediction still waits for an answer (none given yet). */
export function usePredictionOpen(lesson: Lesson, step: Step): boolean {
  return useProgress((s) => step.prediction !== undefined && s.quiz[quizKey(lesson.id, step.prediction.id)] === undefined);
}

export function Prediction({ lesson, step }: { lesson: Lesson; step: Step }) {
  const open = usePredictionOpen(lesson, step);
  if (!step.prediction) return null;
  return (
    <section aria-labelledby="prediction-title" className="rounded-lg border border-accent bg-surface p-3">
      <h2 id="prediction-title" className="text-sm font-semibold">
        Predict before you run
      </h2>
      <p className="text-xs text-muted" aria-live="polite">
        {open ? 'What will the code do? Answer before you press Run, then see.' : 'Your prediction is kept; Run shows what really happens.'}
      </p>
      <div className="mt-2">
        <AnyQuestionCard lesson={lesson} question={step.prediction} />
      </div>
    </section>
  );
}
