// The "choose all that apply" and numeric question cards. They play by the
// single-choice rules (Quiz.tsx, xp.ts): wrong tries cost XP, the answer is shown
// after QUIZ_REVEAL_AFTER of them or on "Show answer"; grading is in quizAnswers.ts.
import { useId, useState, type FormEvent } from 'react';
import type { Lesson, MultipleChoiceQuestion, NumericQuestion } from '../content';
import { formatNumber, readNumberInput, reviewMultiple, sameAnswer, wrongTriesOf, type QuizRecord, quizKey, isRevealed, quizXpFor } from '../progress';
import { useProgress } from './useProgress';
import { Prose } from './Prose';
import { QuizActions, QuizOption, QuizStatus } from './QuizParts';

interface CardProps<Q> {
  lesson: Lesson;
  question: Q;
  /** Its place in the quiz; a step's prediction has none. */
  number?: number | undefined;
}

function useQuestionState(lesson: Lesson, question: MultipleChoiceQuestion | NumericQuestion) {
  const record: QuizRecord | undefined = useProgress((s) => s.quiz[quizKey(lesson.id, question.id)]);
  const answers = record?.answers ?? [];
  const solved = record?.correct ?? false;
  const wrong = wrongTriesOf(question, answers);
  const revealed = isRevealed(record ?? { correct: false }, wrong.length);
  return { answers, solved, wrong, revealed, settled: solved || revealed, worth: quizXpFor(question.xp, wrong.length) };
}

export function MultipleChoiceCard({ lesson, question, number }: CardProps<MultipleChoiceQuestion>) {
  const id = useId();
  const { answers, solved, wrong, revealed, settled, worth } = useQuestionState(lesson, question);
  const answerQuestion = useProgress((s) => s.answerQuestion);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const tries = wrong.filter((a): a is string[] => Array.isArray(a));
  // An option picked in a wrong try and not among the answers is ruled out, as a tried wrong option is in single choice.
  const ruledOut = new Set(tries.flatMap((t) => reviewMultiple(question, t).wrongPicks));
  const lastWrong = !solved ? tries.at(-1) : undefined;
  const review = lastWrong && reviewMultiple(question, lastWrong);

  const toggle = (option: string, on: boolean) => setPicked((p) => (on ? [...p, option] : p.filter((o) => o !== option)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const choice = question.options.filter((o) => picked.includes(o));
    if (choice.length === 0) return setError('Choose at least one option first.');
    if (answers.some((a) => sameAnswer(a, choice))) return setError('You tried exactly these already: change your choice.');
    setError(null);
    const { correct } = answerQuestion(lesson.id, lesson.skill, question, choice);
    if (!correct) setPicked(choice.filter((o) => question.answers.includes(o)));
  };

  return (
    <form onSubmit={submit} className="rounded-xl border border-line bg-surface p-4">
      <fieldset disabled={settled}>
        <legend className="font-semibold">
          {number !== undefined && <span className="text-muted">{number}. </span>}
          <Prose inline html={question.promptHtml} />
          {/* Said once: a prompt that asks for it already needs no second telling (issue 23). */}
          {!/choose all that apply/i.test(question.prompt) && <span className="ml-1 text-sm font-normal text-muted">(choose all that apply)</span>}
        </legend>
        <div className="mt-3 grid gap-2">
          {question.options.map((option, i) => {
            const isAnswer = settled && question.answers.includes(option);
            const out = ruledOut.has(option);
            return (
              <QuizOption
                key={option}
                type="checkbox"
                name={`${id}-option`}
                value={option}
                html={question.optionsHtml[i] ?? ''}
                checked={solved ? question.answers.includes(option) : picked.includes(option)}
                onChange={(on) => toggle(option, on)}
                settled={settled}
                right={isAnswer ? '✓ one of the right answers' : undefined}
                ruledOut={out ? '✗ you picked this, it does not apply' : undefined}
              />
            );
          })}
        </div>
      </fieldset>
      <QuizActions settled={settled} tried={wrong.length > 0} worth={worth} error={error} lesson={lesson} questionId={question.id} />
      <QuizStatus
        shown={answers.length > 0 || settled}
        solved={solved}
        tries={answers.length}
        revealed={revealed}
        rightAnswer={
          <>
            The right answers are{' '}
            {question.answers.map((a, i) => (
              <span key={a}>
                {i > 0 && (i === question.answers.length - 1 ? ' and ' : ', ')}“<Prose inline html={question.optionsHtml[question.options.indexOf(a)] ?? ''} />”
              </span>
            ))}
            .
          </>
        }
        explanationHtml={question.explanationHtml}
        worth={worth}
      >
        {review && (
          <>
            <p className="font-semibold text-bad">Not quite: that is not the right set of options.</p>
            {review.wrongPicks.map((o) => (
              <div key={o} className="mt-1">
                <p>“{o}” does not apply.</p>
                {question.feedbackHtml[o] && <Prose html={question.feedbackHtml[o]} />}
              </div>
            ))}
            {review.missed.length > 0 && (
              <div className="mt-1">
                <p>{review.missed.length === 1 ? 'One option that applies was left out.' : `${review.missed.length} options that apply were left out.`}</p>
                {/* A right option's feedback is a hint written not to name it; the option is not pointed at. */}
                {review.missed.map((o) => question.feedbackHtml[o] && <Prose key={o} html={question.feedbackHtml[o]} />)}
              </div>
            )}
          </>
        )}
      </QuizStatus>
    </form>
  );
}

export function NumericCard({ lesson, question, number }: CardProps<NumericQuestion>) {
  const id = useId();
  const { answers, solved, wrong, revealed, settled, worth } = useQuestionState(lesson, question);
  const answerQuestion = useProgress((s) => s.answerQuestion);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lastWrong = !solved ? wrong.at(-1) : undefined;
  const given = solved ? answers.at(-1) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readNumberInput(text, question.unit);
    if (!read.ok) return setError(read.message);
    if (answers.some((a) => sameAnswer(a, read.value))) return setError(`You tried ${formatNumber(read.value, question.unit)} already: try another number.`);
    setError(null);
    answerQuestion(lesson.id, lesson.skill, question, read.value);
  };
  const within = question.tolerance > 0 ? ` (answers within ± ${formatNumber(question.tolerance, question.unit)} count)` : '';

  return (
    <form onSubmit={submit} className="rounded-xl border border-line bg-surface p-4">
      <fieldset disabled={settled}>
        <legend className="font-semibold">
          {number !== undefined && <span className="text-muted">{number}. </span>}
          <Prose inline html={question.promptHtml} />
        </legend>
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={`${id}-input`}>Your answer{question.unit ? ` (${question.unit})` : ''}</label>
          <input
            id={`${id}-input`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={typeof given === 'number' ? String(given) : text}
            onChange={(e) => setText(e.target.value)}
            className="w-32 rounded-md border border-line bg-surface-2 px-2 py-1 font-mono"
          />
          {question.unit && <span aria-hidden="true">{question.unit}</span>}
        </div>
        {wrong.length > 0 && (
          <p className="mt-2 text-sm text-muted">Tried: {wrong.map((a) => (typeof a === 'number' ? formatNumber(a, question.unit) : '')).join(', ')}</p>
        )}
      </fieldset>
      <QuizActions settled={settled} tried={wrong.length > 0} worth={worth} error={error} lesson={lesson} questionId={question.id} />
      <QuizStatus
        shown={answers.length > 0 || settled}
        solved={solved}
        tries={answers.length}
        revealed={revealed}
        rightAnswer={`The right answer is ${formatNumber(question.answer, question.unit)}${within}.`}
        explanationHtml={question.explanationHtml}
        worth={worth}
      >
        {typeof lastWrong === 'number' && (
          <>
            <p className="font-semibold text-bad">Not quite: {formatNumber(lastWrong, question.unit)} is not it.</p>
            {question.feedbackHtml && <Prose html={question.feedbackHtml} className="mt-1" />}
          </>
        )}
      </QuizStatus>
    </form>
  );
}
