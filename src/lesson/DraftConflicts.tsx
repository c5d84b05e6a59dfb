// A draft edited in two tabs at once: the newer copy is in the editor, and the
// other one is shown here so it is never dropped without a word (issue 11).
import type { Lesson, Step } from '../content';
import { stepKey } from '../progress';
import { useProgress } from './useProgress';

export function DraftConflicts({ lesson, step }: { lesson: Lesson; step: Step }) {
  const key = stepKey(lesson.id, step.slug);
  const conflicts = useProgress((s) => s.draftConflicts).filter((c) => c.key === key);
  const dismiss = useProgress((s) => s.dismissDraftConflict);
  const saveDraft = useProgress((s) => s.saveDraft);
  if (conflicts.length === 0) return null;
  return (
    <div className="grid gap-2">
      {conflicts.map((c, i) => (
        <div key={`${c.file}-${i}`} role="alert" className="rounded-xl border border-warn bg-surface-2 p-3 text-sm">
          <p>
            This draft of <code className="font-mono">{c.file}</code> was also edited in another tab; kept the newer, the other copy is{' '}
            {c.other === null ? 'the starter code (the other tab reset it).' : 'below.'}
          </p>
          {c.other !== null && (
            <details className="mt-2">
              <summary className="cursor-pointer">The other copy of {c.file}</summary>
              <pre className="mt-1 max-h-48 overflow-auto rounded bg-surface p-2 font-mono text-xs">{c.other}</pre>
            </details>
          )}
          <div className="mt-2 flex gap-2">
            {c.other !== null && (
              <button
                type="button"
                className="rounded border border-line px-2 py-1 hover:bg-surface"
                onClick={() => {
                  saveDraft(lesson.id, step.slug, c.file, c.other ?? '');
                  dismiss(c);
                }}
              >
                Use the other copy
              </button>
            )}
            <button type="button" className="rounded border border-line px-2 py-1 hover:bg-surface" onClick={() => dismiss(c)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
