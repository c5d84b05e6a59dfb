import { Link } from 'react-router-dom';
import type { Lesson, Step } from '../content';
import { useProgress } from './useProgress';
import { stepAwardId } from '../progress';
import { stepPath } from './phases';
import { Prose } from './Prose';

/**
 * Shown under Run once a run passed every check of the step (issue 7 §4):
 * what the step achieved (its checks), the XP it earned, and the way on.
 */
export function CompletionPanel({ lesson, step }: { lesson: Lesson; step: Step }) {
  const earned = useProgress((s) => s.awards[stepAwardId(lesson.id, step.slug)]?.xp);
  const next = lesson.steps[lesson.steps.indexOf(step) + 1];
  // Compact (issue 9): it sits between Run and the editor, so it must not push the editor out of view.
  return (
    <section aria-labelledby="step-complete-title" className="rounded-lg border border-ok bg-surface px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id="step-complete-title" className="font-semibold text-ok">
          Step {step.order} complete
        </h2>
        <p>
          {earned === undefined
            ? 'Every check passed.'
            : `Every check passed: +${earned} XP${earned < step.xp ? ` (${step.xp} without the solution)` : ''}.`}
        </p>
        {next ? (
          <Link
            to={stepPath(lesson.id, next.slug)}
            className="ml-auto rounded-md bg-accent px-3 py-1 text-sm font-semibold text-accent-ink"
          >
            Next: Step {next.order}, {next.title} →
          </Link>
        ) : (
          <a href="#recap" className="ml-auto rounded-md bg-accent px-3 py-1 text-sm font-semibold text-accent-ink">
            See the recap of the loop ↓
          </a>
        )}
      </div>
      {step.takeawaysHtml.length > 0 && (
        <div className="mt-1">
          <h3 className="text-xs font-semibold">Key takeaways</h3>
          <ul aria-label="Key takeaways" className="mt-0.5 grid list-disc gap-0.5 pl-5 text-xs">
            {step.takeawaysHtml.map((html) => (
              <li key={html}>
                <Prose html={html} inline />
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-muted">What you achieved ({step.checks.length})</summary>
        <ul aria-label="What you achieved" className="mt-1 grid gap-1">
          {step.checks.map((check) => (
            <li key={check.saysHtml} className="flex gap-2">
              <span aria-hidden="true" className="text-ok">
                ✓
              </span>
              <Prose html={check.saysHtml} inline />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
