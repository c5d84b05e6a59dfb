import type { Lesson } from '../content';
import { skillsByDepth, type NodeStatus } from '../progress';
import { NODE_STATUS_LABEL } from './phases';

const STYLE: Record<NodeStatus, string> = {
  locked: 'border-dashed border-line text-muted',
  unlocked: 'border-accent',
  mastered: 'border-ok bg-surface-2',
};
const ICON: Record<NodeStatus, string> = { locked: '·', unlocked: '○', mastered: '★' };

/** Nodes ordered by depth of their prerequisites; state in text and in style. */
export function SkillMatrix({ lesson, statuses, stepsDone }: { lesson: Lesson; statuses: Record<string, NodeStatus>; stepsDone?: ReadonlySet<string> }) {
  const ordered = skillsByDepth(lesson);
  const label = (id: string) => lesson.skills.find((s) => s.id === id)?.label ?? id;
  const termName = (id: string) => lesson.glossary.find((t) => t.id === id)?.term ?? id;

  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Skill nodes, from foundations to advanced">
      {ordered.map((node) => {
        const status = statuses[node.id] ?? 'locked';
        return (
          <li
            key={`${node.id}-${status}`}
            data-status={status}
            aria-label={`${node.label}: ${NODE_STATUS_LABEL[status]}`}
            className={`${status === 'locked' ? '' : 'node-pop '}rounded-xl border-2 bg-surface p-3 ${STYLE[status]}`}
          >
            <p className="flex items-center justify-between gap-2">
              <span className="font-semibold text-ink">{node.label}</span>
              <span className="font-mono text-xs uppercase">
                <span aria-hidden="true">{ICON[status]} </span>
                {NODE_STATUS_LABEL[status]}
              </span>
            </p>
            <p className="mt-1 text-sm">{node.description}</p>
            <p className="mt-2 text-xs text-muted">
              {status === 'locked' ? 'Learn: ' : 'Terms: '}
              {node.terms.map(termName).join(', ')}
              {node.requires.length > 0 && <> · Requires: {node.requires.map(label).join(', ')}</>}
              {/* Mastery waits for learning (selectors.ts): say why a done step has not mastered its node. */}
              {status === 'locked' && stepsDone?.has(node.masteredBy) && <> · Its step is done: unlock it to master it.</>}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
