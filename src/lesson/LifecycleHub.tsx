import { Link } from 'react-router-dom';
import type { Lesson } from '../content/model';
import type { PhaseStatus } from '../progress/selectors';
import { PHASE_LABEL, PHASE_STATUS_LABEL, stepPath } from './phases';

const STATUS_STYLE: Record<PhaseStatus, string> = {
  done: 'border-ok bg-surface text-ink',
  current: 'border-accent bg-surface text-ink ring-2 ring-accent',
  'not-started': 'border-line bg-surface text-ink',
};
const STATUS_ICON: Record<PhaseStatus, string> = { done: '✓', current: '●', 'not-started': '○' };

/** The loop Ingestion → … → Monitoring → back to Ingestion, one node per step. */
export function LifecycleHub({ lesson, statuses }: { lesson: Lesson; statuses: Record<string, PhaseStatus> }) {
  const n = lesson.steps.length;
  // Node centres on a circle, in percent of the square box, starting at the top.
  const points = lesson.steps.map((_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: 50 + 38 * Math.cos(angle), y: 50 + 38 * Math.sin(angle) };
  });

  return (
    <div className="relative mx-auto w-full max-w-xl">
      <svg viewBox="0 0 100 100" className="hidden aspect-square w-full sm:block" aria-hidden="true">
        <defs>
          <marker id="hub-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" fill="var(--accent)" />
          </marker>
        </defs>
        <circle cx="50" cy="50" r="38" fill="none" stroke="var(--border)" strokeWidth="0.6" strokeDasharray="1.5 1.5" />
        {points.map((p, i) => {
          const q = points[(i + 1) % n] ?? p;
          // Arc from just after this node to just before the next, along the circle.
          const a0 = -Math.PI / 2 + (2 * Math.PI * (i + 0.3)) / n;
          const a1 = -Math.PI / 2 + (2 * Math.PI * (i + 0.7)) / n;
          const from = { x: 50 + 38 * Math.cos(a0), y: 50 + 38 * Math.sin(a0) };
          const to = { x: 50 + 38 * Math.cos(a1), y: 50 + 38 * Math.sin(a1) };
          return (
            <path
              key={`${p.x}-${q.x}`}
              d={`M ${from.x} ${from.y} A 38 38 0 0 1 ${to.x} ${to.y}`}
              fill="none"
              stroke="var(--accent)"
              strokeWidth="0.8"
              markerEnd="url(#hub-arrow)"
            />
          );
        })}
        <text x="50" y="48" textAnchor="middle" fontSize="4.2" fill="var(--text)" fontWeight="600">
          ML lifecycle
        </text>
        <text x="50" y="54" textAnchor="middle" fontSize="3" fill="var(--muted)">
          monitoring feeds back into ingestion
        </text>
      </svg>
      <ol className="grid gap-2 sm:absolute sm:inset-0 sm:block" aria-label="Lifecycle phases, in order; after Monitoring the loop returns to Ingestion">
        {lesson.steps.map((step, i) => {
          const status = statuses[step.slug] ?? 'not-started';
          const p = points[i] ?? { x: 50, y: 50 };
          return (
            <li
              key={step.slug}
              className="sm:absolute sm:w-36 sm:-translate-x-1/2 sm:-translate-y-1/2"
              style={{ left: `${p.x}%`, top: `${p.y}%` }}
            >
              <Link
                to={stepPath(lesson.id, step.slug)}
                aria-current={status === 'current' ? 'step' : undefined}
                className={`block rounded-xl border-2 px-3 py-2 text-center shadow-sm hover:bg-surface-2 ${STATUS_STYLE[status]}`}
              >
                <span className="block text-sm font-semibold">
                  <span aria-hidden="true" className={status === 'done' ? 'text-ok' : status === 'current' ? 'text-accent' : 'text-muted'}>
                    {STATUS_ICON[status]}{' '}
                  </span>
                  {PHASE_LABEL[step.phase]}
                </span>
                <span className="block text-xs text-muted">{step.title}</span>
                <span className="block font-mono text-[11px] uppercase tracking-wide">{PHASE_STATUS_LABEL[status]}</span>
              </Link>
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-center text-sm text-muted sm:hidden">↺ After Monitoring, the loop returns to Ingestion.</p>
    </div>
  );
}
