import { useId, useState, type FormEvent } from 'react';
import type { Lesson, SingleChoiceQuestion } from '../content/model';
import { quizKey, useProgress } from '../progress/store';
import { isRevealed, quizXpFor } from '../progress/xp';
import { Prose } from './Prose';
import { MultipleChoiceCard, NumericCard } from './QuizKinds';

export function Quiz({ lesson }: { lesson: Lesson }) {
  return (
    <ol className="grid gap-4">
      {lesson.quiz.map((q, i) => (
        <li key={q.id}>
          {q.kind === 'single' ? (
            <QuestionCard lesson={lesson} question={q} number={i + 1} />
          ) : q.kind === 'multiple' ? (
            <MultipleChoiceCard lesson={lesson} question={q} number={i + 1} />
          ) : (
            <NumericCard lesson={lesson} question={q} number={i + 1} />
          )}
        </li>
      ))}
    </ol>
  );
}

// A question (issue 7): a wrong try says why that choice is wrong without
// giving the answer away, and the learner tries again. The answer is shown
// after QUIZ_REVEAL_AFTER wrong tries or on "Show answer"; then it earns nothing.
function QuestionCard({ lesson, question, number }: { lesson: Lesson; question: SingleChoiceQuestion; number: number }) {
  const id = useId();
  const record = useProgress((s) => s.quiz[quizKey(lesson.id, question.id)]);
  const answerQuestion = useProgress((s) => s.answerQuestion);
  const revealAnswer = useProgress((s) => s.revealAnswer);
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A single choice try is an option's text (other kinds save lists or numbers).
  const answers = (record?.answers ?? []).filter((a): a is string => typeof a === 'string');
  const solved = record?.correct ?? false;
  const tried = answers.filter((a) => a !== question.answer);
  const wrongTries = tried.length;
  const revealed = isRevealed(record ?? { correct: false }, wrongTries);
  const settled = solved || revealed;
  const lastWrong = !solved && answers.length > 0 ? answers[answers.length - 1] : undefined;
  const worth = quizXpFor(question.xp, wrongTries);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError('Choose an answer first.');
      return;
    }
    setError(null);
    if (!answerQuestion(lesson.id, lesson.skill, question, choice).correct) setChoice(null);
  };

  return (
    <form onSubmit={submit} className="rounded-xl border border-line bg-surface p-4">
      <fieldset disabled={settled}>
        <legend id={`${id}-legend`} className="font-semibold">
          <span className="text-muted">{number}. </span>
          <Prose inline html={question.promptHtml} />
        </legend>
        <div role="radiogroup" aria-labelledby={`${id}-legend`} className="mt-3 grid gap-2">
          {question.options.map((option, i) => {
            const isAnswer = settled && option === question.answer;
            const wasTried = tried.includes(option);
            return (
              <label
                key={option}
                // Accent marks only the current, unchecked choice; a tried wrong
                // option wears the theme's "bad" colour and the right one "ok",
                // each with a text cue too (issue 9: not colour alone).
                className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${
                  isAnswer ? 'border-ok bg-ok/10' : wasTried ? 'border-bad bg-bad/10' : 'border-line has-[:checked]:border-accent'
                } ${wasTried || settled ? 'cursor-default' : 'cursor-pointer'}`}
              >
                <input
                  type="radio"
                  name={`${id}-option`}
                  value={option}
                  checked={solved ? option === question.answer : choice === option}
                  // A wrong option already tried cannot be chosen again.
                  disabled={wasTried}
                  onChange={() => setChoice(option)}
                  className="mt-1 accent-[var(--accent)]"
                />
                <span>
                  <Prose inline html={question.optionsHtml[i] ?? ''} />
                  {isAnswer && <span className="ml-2 font-semibold text-ok">✓ right answer</span>}
                  {wasTried && <span className="ml-2 font-semibold text-bad">✗ your answer, not this one</span>}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {!settled && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
            {wrongTries > 0 ? 'Try again' : 'Check answer'}
          </button>
          <span className="text-sm text-muted">Worth {worth} XP</span>
          <button
            type="button"
            onClick={() => revealAnswer(lesson.id, question.id)}
            className="rounded-md border border-line px-2.5 py-1 text-sm hover:bg-surface-2"
          >
            Show answer (no XP)
          </button>
          {error && (
            <span role="alert" className="text-sm text-bad">
              {error}
            </span>
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {(answers.length > 0 || settled) && (
          <div className="mt-3 rounded-lg bg-surface-2 p-3 text-sm">
            {solved ? (
              <p className="font-semibold text-ok">{`Correct${answers.length > 1 ? ` after ${answers.length} tries` : ''}.`}</p>
            ) : (
              lastWrong !== undefined && <WrongTry option={lastWrong} feedbackHtml={question.feedbackHtml[lastWrong]} />
            )}
            {revealed ? (
              <>
                <p className="mt-1 font-semibold">The right answer is “{question.answer}”.</p>
                <Prose html={question.explanationHtml} className="mt-1" />
                <p className="mt-1 text-muted">A shown answer earns no XP.</p>
              </>
            ) : solved ? (
              <Prose html={question.explanationHtml} className="mt-1" />
            ) : (
              <p className="mt-1">Try again: a right answer now earns {worth} XP.</p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}

function WrongTry({ option, feedbackHtml }: { option: string; feedbackHtml: string | undefined }) {
  return (
    <>
      <p className="font-semibold text-bad">Not quite: “{option}” is not it.</p>
      {feedbackHtml && <Prose html={feedbackHtml} className="mt-1" />}
    </>
  );
}
