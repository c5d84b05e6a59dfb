// Predict before you run (issue 23; futurecoder's strongest habit): a step may
// ask what its code will do before the learner first runs it. The prediction is
// a question of the step (content `predict:`), judged and scored as the quiz's
// are, its answer kept; a missed one comes back in the review queue.
import { useEffect } from 'react';
import type { Lesson, Step } from '../content';
import { quizKey } from '../progress';
import { useProgress } from './useProgress';
import { AnyQuestionCard } from './Quiz';

/** Whether the step's prediction still waits for an answer (none given yet). */
export function usePredictionOpen(lesson: Lesson, step: Step): boolean {
  return useProgress((s) => step.prediction !== undefined && s.quiz[quizKey(lesson.id, step.prediction.id)] === undefined);
}

/**
 * Once the step has run, a prediction not yet answered right can no longer be
 * made (the learner has seen what happens): its answer is shown, as "Show
 * answer" does, so it joins the review queue and the progress figure counts
 * only what its review can still give — else a prediction skipped or missed
 * once before Run would keep the lesson below 100% for good.
 */
export function useSettlePredictionOnRun(lesson: Lesson, step: Step, ran: boolean) {
  const revealAnswer = useProgress((s) => s.revealAnswer);
  const id = step.prediction?.id;
  useEffect(() => {
    if (ran && id) revealAnswer(lesson.id, id); // a no-op once answered right or shown
  }, [ran, id, lesson.id, revealAnswer]);
}

/** The prediction above Run before the step has run (`ran` false); after it, judged, beside the checks. */
export function Prediction({ lesson, step, ran }: { lesson: Lesson; step: Step; ran: boolean }) {
  const open = usePredictionOpen(lesson, step);
  if (!step.prediction) return null;
  return (
    <section aria-labelledby="prediction-title" className={`rounded-lg border border-accent bg-surface p-3${ran ? ' mt-6' : ''}`}>
      <h2 id="prediction-title" className="text-sm font-semibold">
        {ran ? 'Your prediction' : 'Predict before you run'}
      </h2>
      <p className="text-xs text-muted" aria-live="polite">
        {ran
          ? 'Judged against what the run did. A missed prediction comes back in Review, for part of its XP.'
          : open
            ? 'What will the code do? Answer before you press Run, then see.'
            : 'Your prediction is kept; Run shows what really happens.'}
      </p>
      <div className="mt-2">
        <AnyQuestionCard lesson={lesson} question={step.prediction} />
      </div>
    </section>
  );
}
