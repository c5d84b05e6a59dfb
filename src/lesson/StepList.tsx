import { Link } from 'react-router-dom';
import type { Lesson } from '../content';
import type { PhaseStatus } from '../progress';
import { phaseLabel, PHASE_STATUS_LABEL, stepPath } from './phases';

export function StepList({ lesson, statuses }: { lesson: Lesson; statuses: Record<string, PhaseStatus> }) {
  return (
    <ol className="grid gap-3">
      {lesson.steps.map((step) => {
        const status = statuses[step.slug] ?? 'not-started';
        return (
          <li key={step.slug} className="flex items-start gap-4 rounded-xl border border-line bg-surface p-4">
            <span
              aria-hidden="true"
              className={`grid h-9 w-9 shrink-0 place-items-center rounded-full border-2 font-mono font-bold ${
                status === 'done' ? 'border-ok text-ok' : status === 'current' ? 'border-accent text-accent' : 'border-line text-muted'
              }`}
            >
              {status === 'done' ? '✓' : step.order}
            </span>
            <div className="min-w-0 flex-1">
              <h3 className="font-semibold">
                <Link to={stepPath(lesson.id, step.slug)} className="text-accent hover:underline">
                  Step {step.order}: {step.title}
                </Link>
              </h3>
              <p className="text-sm text-muted">{step.summary}</p>
              <p className="mt-1 font-mono text-xs text-muted">
                {phaseLabel(lesson, step.phase)} · {step.runtime} · {step.preview.address} · {step.xp} XP · {PHASE_STATUS_LABEL[status]}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
