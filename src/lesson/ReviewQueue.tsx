// The review queue (issue 23): questions and predictions the learner missed come
// back here, spaced out (xp.ts: due ten minutes after the miss, twice as long
// after each right review), the due ones first and mixed across phases
// (selectors.ts). Retrieval practice and spacing are the two techniques
// Dunlosky et al. (2013) rate most useful; a right review gives back part of the lost XP.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Lesson } from '../content';
import { reviewQueue, type ReviewItem, formatNumber, readNumberInput, type QuizAnswer, REVIEW_FIRST_MS } from '../progress';
import { useProgress } from './useProgress';
import { phaseLabel } from './phases';
import { Prose } from './Prose';

/** The clock the queue is judged against, ticking every half minute so an item falls due on screen. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export function ReviewQueue({ lesson }: { lesson: Lesson }) {
  const quiz = useProgress((s) => s.quiz);
  const reviews = useProgress((s) => s.reviews);
  const awards = useProgress((s) => s.awards);
  const now = useNow();
  // What the last review try was told; it stays after its item leaves the due list.
  const [told, setTold] = useState<{ right: boolean; text: string } | null>(null);
  // The ticking clock, or the time of a review fact newer than its last tick (a miss or a try just recorded).
  const clock = Math.max(now, ...Object.values(reviews).flatMap((r) => [r.since, ...r.attempts.map((a) => a.at)]));
  const items = useMemo(() => reviewQueue(lesson, { quiz, reviews, awards }, clock), [lesson, quiz, reviews, awards, clock]);
  const due = items.filter((i) => i.due);
  const later = items.filter((i) => !i.due);

  return (
    <div className="grid gap-3">
      <p role="status" aria-live="polite" className={told ? `rounded-lg bg-surface-2 p-3 text-sm ${told.right ? 'text-ok' : 'text-bad'}` : 'sr-only'}>
        {told?.text ?? ''}
      </p>
      {items.length === 0 && <p className="text-sm text-muted">Nothing to review. A question or prediction you miss comes back here later, for part of the XP it lost.</p>}
      {due.length > 0 && (
        <ol aria-label="Due for review" className="grid gap-3">
          {due.map((item) => (
            <li key={item.question.id}>
              <ReviewCard lesson={lesson} item={item} onAnswered={setTold} />
            </li>
          ))}
        </ol>
      )}
      {later.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Coming back later</h3>
          <ul aria-label="Coming back later" className="mt-1 grid gap-1 text-sm text-muted">
            {later.map((item) => (
              <li key={item.question.id}>
                <Prose inline html={item.question.promptHtml} /> — in {minutes(item.dueAt - clock)} min
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function ReviewCard({ lesson, item, onAnswered }: { lesson: Lesson; item: ReviewItem; onAnswered: (told: { right: boolean; text: string }) => void }) {
  const id = useId();
  const answerReview = useProgress((s) => s.answerReview);
  const q = item.question;
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let answer: QuizAnswer;
    if (q.kind === 'numeric') {
      const read = readNumberInput(text, q.unit);
      if (!read.ok) return setError(read.message);
      answer = read.value;
    } else {
      if (picked.length === 0) return setError('Choose an answer first.');
      answer = q.kind === 'single' ? (picked[0] ?? '') : q.options.filter((o) => picked.includes(o));
    }
    setError(null);
    const { right, xp } = answerReview(lesson.id, lesson.skill, q, answer);
    const rightAnswer = q.kind === 'numeric' ? formatNumber(q.answer, q.unit) : q.kind === 'single' ? `“${q.answer}”` : q.answers.map((a) => `“${a}”`).join(', ');
    onAnswered(
      right
        ? { right, text: `Right${xp ? `: +${xp} XP` : ''}. It comes back later, after a longer wait.` }
        : { right, text: `Not this time: the answer is ${rightAnswer}. It comes back in ${minutes(REVIEW_FIRST_MS)} minutes.` },
    );
  };

  const where = item.phase ? `Prediction · ${phaseLabel(lesson, item.phase)}` : 'Quiz';
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-prompt`} className="rounded-xl border border-accent bg-surface p-4">
      <p className="font-mono text-xs uppercase tracking-widest text-muted">
        {where} · {item.xp > 0 ? `worth ${item.xp} XP` : 'practice'}
      </p>
      <fieldset className="mt-1">
        <legend id={`${id}-prompt`} className="font-semibold">
          <Prose inline html={q.promptHtml} />
        </legend>
        {q.kind === 'numeric' ? (
          <div className="mt-2 flex items-center gap-2 text-sm">
            <label htmlFor={`${id}-input`}>Your answer{q.unit ? ` (${q.unit})` : ''}</label>
            <input id={`${id}-input`} type="text" inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} className="w-32 rounded-md border border-line bg-surface-2 px-2 py-1 font-mono" />
          </div>
        ) : (
          <div role={q.kind === 'single' ? 'radiogroup' : 'group'} aria-labelledby={`${id}-prompt`} className="mt-2 grid gap-2">
            {q.options.map((option, i) => (
              <label key={option} className="flex items-start gap-2 rounded-lg border border-line px-3 py-2 text-sm has-[:checked]:border-accent">
                <input
                  type={q.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`${id}-option`}
                  value={option}
                  checked={picked.includes(option)}
                  onChange={(e) => setPicked((p) => (q.kind === 'single' ? [option] : e.target.checked ? [...p, option] : p.filter((o) => o !== option)))}
                  className="mt-1 accent-[var(--accent)]"
                />
                <Prose inline html={q.optionsHtml[i] ?? ''} />
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
          Check
        </button>
        {error && (
          <span role="alert" className="text-sm text-bad">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
