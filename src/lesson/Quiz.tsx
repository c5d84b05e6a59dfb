import { useId, useState, type FormEvent } from 'react';
import type { Lesson, SingleChoiceQuestion } from '../content';
import { quizKey, isRevealed, quizXpFor } from '../progress';
import { useProgress } from './useProgress';
import { Prose } from './Prose';
import { MultipleChoiceCard, NumericCard } from './QuizKinds';
import { QuizActions, QuizOption, QuizStatus } from './QuizParts';

export function Quiz({ lesson }: { lesson: Lesson }) {
  return (
    <ol className="grid gap-4">
      {lesson.quiz.map((q, i) => (
        <li key={q.id}>
          <AnyQuestionCard lesson={lesson} question={q} number={i + 1} />
        </li>
      ))}
    </ol>
  );
}

// A question (issue 7): a wrong try says why that choice is wrong without
// giving the answer away, and the learner tries again. The answer is shown
// after QUIZ_REVEAL_AFTER wrong tries or on "Show answer"; then it earns nothing.
export function QuestionCard({ lesson, question, number }: { lesson: Lesson; question: SingleChoiceQuestion; number?: number | undefined }) {
  const id = useId();
  const record = useProgress((s) => s.quiz[quizKey(lesson.id, question.id)]);
  const answerQuestion = useProgress((s) => s.answerQuestion);
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
          {number !== undefined && <span className="text-muted">{number}. </span>}
          <Prose inline html={question.promptHtml} />
        </legend>
        <div role="radiogroup" aria-labelledby={`${id}-legend`} className="mt-3 grid gap-2">
          {question.options.map((option, i) => {
            const isAnswer = settled && option === question.answer;
            const wasTried = tried.includes(option);
            return (
              <QuizOption
                key={option}
                type="radio"
                name={`${id}-option`}
                value={option}
                html={question.optionsHtml[i] ?? ''}
                checked={solved ? option === question.answer : choice === option}
                onChange={() => setChoice(option)}
                settled={settled}
                right={isAnswer ? '✓ right answer' : undefined}
                ruledOut={wasTried ? '✗ your answer, not this one' : undefined}
              />
            );
          })}
        </div>
      </fieldset>
      <QuizActions settled={settled} tried={wrongTries > 0} worth={worth} error={error} lesson={lesson} questionId={question.id} />
      <QuizStatus
        shown={answers.length > 0 || settled}
        solved={solved}
        tries={answers.length}
        revealed={revealed}
        rightAnswer={`The right answer is “${question.answer}”.`}
        explanationHtml={question.explanationHtml}
        worth={worth}
      >
        {lastWrong !== undefined && <WrongTry option={lastWrong} feedbackHtml={question.feedbackHtml[lastWrong]} />}
      </QuizStatus>
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

/** One question of any kind: the quiz's cards, also used for a step's prediction. */
export function AnyQuestionCard({ lesson, question, number }: { lesson: Lesson; question: Lesson['quiz'][number]; number?: number }) {
  return question.kind === 'single' ? (
    <QuestionCard lesson={lesson} question={question} number={number} />
  ) : question.kind === 'multiple' ? (
    <MultipleChoiceCard lesson={lesson} question={question} number={number} />
  ) : (
    <NumericCard lesson={lesson} question={question} number={number} />
  );
}
