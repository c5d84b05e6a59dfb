import { useId, useState, type FormEvent } from 'react';
import type { Lesson, QuizQuestion } from '../content/model';
import { quizKey, useProgress } from '../progress/store';
import { quizXpFor } from '../progress/xp';
import { Prose } from './Prose';

export function Quiz({ lesson }: { lesson: Lesson }) {
  return (
    <ol className="grid gap-4">
      {lesson.quiz.map((q, i) => (
        <li key={q.id}>
          <QuestionCard lesson={lesson} question={q} number={i + 1} />
        </li>
      ))}
    </ol>
  );
}

function QuestionCard({ lesson, question, number }: { lesson: Lesson; question: QuizQuestion; number: number }) {
  const id = useId();
  const record = useProgress((s) => s.quiz[quizKey(lesson.id, question.id)]);
  const answerQuestion = useProgress((s) => s.answerQuestion);
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const answers = record?.answers ?? [];
  const last = answers[answers.length - 1];
  const answered = answers.length > 0;
  const solved = record?.correct ?? false;
  const wrongTries = answers.filter((a) => a !== question.answer).length;
  const worth = quizXpFor(question.xp, wrongTries);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError('Choose an answer first.');
      return;
    }
    setError(null);
    answerQuestion(lesson.id, lesson.skill, question, choice);
  };

  return (
    <form onSubmit={submit} className="rounded-xl border border-line bg-surface p-4">
      <fieldset disabled={solved}>
        <legend id={`${id}-legend`} className="font-semibold">
          <span className="text-muted">{number}. </span>
          {question.prompt}
        </legend>
        <div role="radiogroup" aria-labelledby={`${id}-legend`} className="mt-3 grid gap-2">
          {question.options.map((option) => {
            const isAnswer = answered && option === question.answer;
            const isWrongPick = answered && option === last && option !== question.answer;
            return (
              <label
                key={option}
                className={`flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-2 text-sm has-[:checked]:border-accent ${
                  isAnswer ? 'border-ok' : isWrongPick ? 'border-bad' : 'border-line'
                }`}
              >
                <input
                  type="radio"
                  name={`${id}-option`}
                  value={option}
                  checked={solved ? option === question.answer : choice === option}
                  onChange={() => setChoice(option)}
                  className="mt-1 accent-[var(--accent)]"
                />
                <span>
                  {option}
                  {isAnswer && <span className="ml-2 font-semibold text-ok">✓ right answer</span>}
                  {isWrongPick && <span className="ml-2 font-semibold text-bad">✗ your answer</span>}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {!solved && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
            {answered ? 'Try again' : 'Check answer'}
          </button>
          <span className="text-sm text-muted">Worth {worth} XP</span>
          {error && (
            <span role="alert" className="text-sm text-bad">
              {error}
            </span>
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {answered && (
          <div className="mt-3 rounded-lg bg-surface-2 p-3 text-sm">
            <p className={`font-semibold ${solved ? 'text-ok' : 'text-bad'}`}>
              {solved
                ? `Correct${answers.length > 1 ? ` after ${answers.length} tries` : ''}.`
                : `Not quite. The right answer is “${question.answer}”.`}
            </p>
            <Prose html={question.explanationHtml} className="mt-1" />
          </div>
        )}
      </div>
    </form>
  );
}
