import type { Lesson } from '../content';
import { nodesUnlockedBy, termKey } from '../progress';
import { useProgress } from './useProgress';
import { Prose } from './Prose';

export function Glossary({ lesson }: { lesson: Lesson }) {
  const learned = useProgress((s) => s.learned);
  const learnTerm = useProgress((s) => s.learnTerm);
  const unlearnTerm = useProgress((s) => s.unlearnTerm);

  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {lesson.glossary.map((term) => {
        const isLearned = Boolean(learned[termKey(lesson.id, term.id)]);
        const unlocks = nodesUnlockedBy(lesson, term.id);
        const headingId = `term-${term.id}`;
        return (
          <li key={term.id} className="min-w-0">
            <article aria-labelledby={headingId} className={`h-full rounded-xl border bg-surface p-4 ${isLearned ? 'border-ok' : 'border-line'}`}>
              <div className="flex items-start justify-between gap-3">
                <h3 id={headingId} className="text-lg font-semibold">
                  {term.term}
                </h3>
                <button
                  type="button"
                  aria-pressed={isLearned}
                  aria-describedby={headingId}
                  onClick={() => (isLearned ? unlearnTerm(lesson.id, term.id) : learnTerm(lesson.id, lesson.skill, term))}
                  className={`shrink-0 rounded-md border px-2.5 py-1 text-sm font-medium ${
                    isLearned ? 'border-ok text-ok' : 'border-accent text-accent hover:bg-surface-2'
                  }`}
                >
                  {isLearned ? '✓ Learned' : 'Mark as learned'}
                </button>
              </div>
              <Prose html={term.definitionHtml} className="mt-2 text-sm" />
              <figure className="mt-3">
                <Prose html={term.code.html} className="glossary-code max-w-none text-sm" />
                <figcaption className="mt-1 text-xs text-muted">{term.code.caption}</figcaption>
              </figure>
              {unlocks.length > 0 && (
                <p className="mt-3 text-xs text-muted">
                  Unlocks: {unlocks.map((n) => n.label).join(', ')} · +{term.xp} XP
                </p>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
