import { Link } from 'react-router-dom';
import type { Lesson } from '../content';
import type { PhaseStatus } from '../progress';
import { PHASE_STATUS_LABEL, stepPath } from './phases';

const STATUS_STYLE: Record<PhaseStatus, string> = {
  done: 'border-ok bg-surface text-ink',
  current: 'border-accent bg-surface text-ink ring-2 ring-accent',
  'not-started': 'border-line bg-surface text-ink',
};
const STATUS_ICON: Record<PhaseStatus, string> = { done: '✓', current: '●', 'not-started': '○' };

interface HubNode {
  id: string;
  label: string;
  steps: Lesson['steps'];
  status: PhaseStatus;
  /** Where the node leads: the phase's step the learner is on, else its first step not done, else its first. */
  target: Lesson['steps'][number] | undefined;
}

/** One node per phase of the lesson: done when all its steps are, current when it holds the current step. */
function hubNodes(lesson: Lesson, statuses: Record<string, PhaseStatus>): HubNode[] {
  return lesson.phases.map((phase) => {
    const steps = lesson.steps.filter((s) => s.phase === phase.id);
    const state = (s: Lesson['steps'][number]) => statuses[s.slug] ?? 'not-started';
    const status: PhaseStatus = steps.some((s) => state(s) === 'current')
      ? 'current'
      : steps.length > 0 && steps.every((s) => state(s) === 'done')
        ? 'done'
        : 'not-started';
    const target = steps.find((s) => state(s) === 'current') ?? steps.find((s) => state(s) !== 'done') ?? steps[0];
    return { id: phase.id, label: phase.label, steps, status, target };
  });
}

/** The lesson's phases as a loop (the last leads back to the first), each linking to its step. */
export function LifecycleHub({ lesson, statuses }: { lesson: Lesson; statuses: Record<string, PhaseStatus> }) {
  const nodes = hubNodes(lesson, statuses);
  const n = nodes.length;
  const first = nodes[0]?.label ?? '';
  const last = nodes.at(-1)?.label ?? '';
  // Node centres on a circle, in percent of the square box, starting at the top.
  const points = nodes.map((_, i) => {
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
        {points.map((_, i) => {
          // Arc from just after this node to just before the next, along the circle.
          const a0 = -Math.PI / 2 + (2 * Math.PI * (i + 0.3)) / n;
          const a1 = -Math.PI / 2 + (2 * Math.PI * (i + 0.7)) / n;
          const from = { x: 50 + 38 * Math.cos(a0), y: 50 + 38 * Math.sin(a0) };
          const to = { x: 50 + 38 * Math.cos(a1), y: 50 + 38 * Math.sin(a1) };
          return (
            <path
              key={i}
              d={`M ${from.x} ${from.y} A 38 38 0 0 1 ${to.x} ${to.y}`}
              fill="none"
              stroke="var(--accent)"
              strokeWidth="0.8"
              markerEnd="url(#hub-arrow)"
            />
          );
        })}
        <text x="50" y="48" textAnchor="middle" fontSize="4.2" fill="var(--text)" fontWeight="600">
          {lesson.hub.title}
        </text>
        {lesson.hub.caption && (
          <text x="50" y="54" textAnchor="middle" fontSize="3" fill="var(--muted)">
            {lesson.hub.caption}
          </text>
        )}
      </svg>
      {/* The drawing is hidden from assistive tech, so its title and caption are said here. */}
      <p className="sr-only">
        {lesson.hub.title}
        {lesson.hub.caption ? `: ${lesson.hub.caption}` : ''}
      </p>
      <ol className="grid gap-2 sm:absolute sm:inset-0 sm:block" aria-label={`Lifecycle phases, in order; after ${last} the loop returns to ${first}`}>
        {nodes.map((node, i) => {
          const p = points[i] ?? { x: 50, y: 50 };
          const body = (
            <>
              <span className="block text-sm font-semibold">
                <span aria-hidden="true" className={node.status === 'done' ? 'text-ok' : node.status === 'current' ? 'text-accent' : 'text-muted'}>
                  {STATUS_ICON[node.status]}{' '}
                </span>
                {node.label}
              </span>
              <span className="block text-xs text-muted">{node.steps.map((s) => s.title).join(' · ') || 'No step yet'}</span>
              <span className="block font-mono text-[11px] uppercase tracking-wide">{PHASE_STATUS_LABEL[node.status]}</span>
            </>
          );
          const box = `block rounded-xl border-2 px-3 py-2 text-center shadow-sm ${STATUS_STYLE[node.status]}`;
          return (
            <li key={node.id} className="sm:absolute sm:w-36 sm:-translate-x-1/2 sm:-translate-y-1/2" style={{ left: `${p.x}%`, top: `${p.y}%` }}>
              {node.target ? (
                <Link to={stepPath(lesson.id, node.target.slug)} aria-current={node.status === 'current' ? 'step' : undefined} className={`${box} hover:bg-surface-2`}>
                  {body}
                </Link>
              ) : (
                <span className={box}>{body}</span>
              )}
            </li>
          );
        })}
      </ol>
      {n > 1 && (
        <p className="mt-2 text-center text-sm text-muted sm:hidden">
          ↺ After {last}, the loop returns to {first}.
        </p>
      )}
    </div>
  );
}
