import { Link } from 'react-router-dom';
import type { CourseIndex, Lesson } from '../content';
import { nextStep, otherLessons, questionsLeft } from '../progress';
import { useProgress } from './useProgress';
import { stepPath } from './phases';

export function ContinueLearning({ lesson, course }: { lesson: Lesson; course: CourseIndex }) {
  const completedSteps = useProgress((s) => s.completedSteps);
  const quiz = useProgress((s) => s.quiz);
  const step = nextStep(lesson, { completedSteps });
  // A question whose answer was shown is settled too: it cannot be answered any more.
  const unanswered = questionsLeft(lesson, { quiz });
  const others = otherLessons(course, lesson);
  return (
    <ul className="grid gap-3 sm:grid-cols-3">
      <li className="rounded-xl border border-line bg-surface p-4">
        <p className="font-mono text-xs uppercase tracking-widest text-muted">Next step</p>
        {step ? (
          <Link to={stepPath(lesson.id, step.slug)} className="mt-1 block font-semibold text-accent hover:underline">
            Step {step.order}: {step.title}
          </Link>
        ) : (
          <p className="mt-1 font-semibold text-ok">All steps complete.</p>
        )}
      </li>
      <li className="rounded-xl border border-line bg-surface p-4">
        <p className="font-mono text-xs uppercase tracking-widest text-muted">Quiz</p>
        {unanswered > 0 ? (
          <a href="#quick-quiz" className="mt-1 block font-semibold text-accent hover:underline">
            {unanswered} question{unanswered === 1 ? '' : 's'} left to answer
          </a>
        ) : (
          <p className="mt-1 font-semibold text-ok">Quiz complete.</p>
        )}
      </li>
      <li className="rounded-xl border border-line bg-surface p-4">
        <p className="font-mono text-xs uppercase tracking-widest text-muted">Other lessons</p>
        {others.length > 0 ? (
          <ul className="mt-1">
            {others.map((l) => (
              <li key={l.id}>
                <Link to={`/lessons/${l.id}`} className="font-semibold text-accent hover:underline">
                  {l.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-muted">
            More lessons are on the way. <Link to="/" className="text-accent underline">See the course</Link>.
          </p>
        )}
      </li>
    </ul>
  );
}
