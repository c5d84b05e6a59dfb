// The parts every question card shares (Quiz.tsx, QuizKinds.tsx): an option's
// label with its "right answer" and "tried, wrong" marks, the Check / Show answer
// row, and the status that answers a try.
import type { ReactNode } from 'react';
import type { Lesson } from '../content';
import { useProgress } from './useProgress';
import { QUIZ_REVEAL_AFTER } from '../progress';
import { Prose } from './Prose';

interface QuizOptionProps {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  /** The option's text as HTML. */
  html: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Whether the question is answered or its answer shown. */
  settled: boolean;
  /** The mark of a right answer once shown, e.g. "✓ right answer". */
  right?: string | undefined;
  /** The mark of a wrong option already tried, which cannot be chosen again. */
  ruledOut?: string | undefined;
}

export function QuizOption({ type, name, value, html, checked, onChange, settled, right, ruledOut }: QuizOptionProps) {
  return (
    <label
      // Accent marks only the current, unchecked choice; a tried wrong
      // option wears the theme's "bad" colour and the right one "ok",
      // each with a text cue too (issue 9: not colour alone).
      className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${
        right ? 'border-ok bg-ok/10' : ruledOut ? 'border-bad bg-bad/10' : 'border-line has-[:checked]:border-accent'
      } ${ruledOut || settled ? 'cursor-default' : 'cursor-pointer'}`}
    >
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        disabled={ruledOut !== undefined}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-1 accent-[var(--accent)]"
      />
      <span>
        <Prose inline html={html} />
        {right && <span className="ml-2 font-semibold text-ok">{right}</span>}
        {ruledOut && !right && <span className="ml-2 font-semibold text-bad">{ruledOut}</span>}
      </span>
    </label>
  );
}

export function QuizActions({ settled, tried, worth, error, lesson, questionId }: { settled: boolean; tried: boolean; worth: number; error: string | null; lesson: Lesson; questionId: string }) {
  const revealAnswer = useProgress((s) => s.revealAnswer);
  if (settled) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
        {tried ? 'Try again' : 'Check answer'}
      </button>
      <span className="text-sm text-muted">Worth {worth} XP</span>
      <button type="button" onClick={() => revealAnswer(lesson.id, questionId)} className="rounded-md border border-line px-2.5 py-1 text-sm hover:bg-surface-2">
        Show answer (no XP)
      </button>
      {error && (
        <span role="alert" className="text-sm text-bad">
          {error}
        </span>
      )}
    </div>
  );
}

interface StatusProps {
  shown: boolean;
  solved: boolean;
  tries: number;
  revealed: boolean;
  rightAnswer: ReactNode;
  explanationHtml: string;
  worth: number;
  /** What the last wrong try gets told. */
  children: ReactNode;
}

export function QuizStatus({ shown, solved, tries, revealed, rightAnswer, explanationHtml, worth, children }: StatusProps) {
  return (
    <div role="status" aria-live="polite">
      {shown && (
        <div className="mt-3 rounded-lg bg-surface-2 p-3 text-sm">
          {solved ? <p className="font-semibold text-ok">{`Correct${tries > 1 ? ` after ${tries} tries` : ''}.`}</p> : children}
          {revealed ? (
            <>
              <p className="mt-1 font-semibold">{rightAnswer}</p>
              <Prose html={explanationHtml} className="mt-1" />
              <p className="mt-1 text-muted">A shown answer earns no XP.</p>
            </>
          ) : solved ? (
            <Prose html={explanationHtml} className="mt-1" />
          ) : (
            <>
              <p className="mt-1">Try again: a right answer now earns {worth} XP.</p>
              {/* Issue 23: the try that reveals the answer must not come as a surprise. Every try here is wrong (none solved it). */}
              {QUIZ_REVEAL_AFTER - tries === 1 && (
                <p className="mt-1 font-semibold text-warn">Careful: one more wrong try shows the answer, and then it earns no XP here (it comes back later in Review, for part of it).</p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
