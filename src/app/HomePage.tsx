import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { preloadCourse, requestLesson } from '../content';
import { useCourse } from './courseHooks';
import { whenSettled } from '../lib';
import { lessonProgress } from '../progress';
import { useProgress } from '../lesson/useProgress';
import { useDocumentTitle } from '../lib/react';

export function HomePage() {
  useDocumentTitle('Course');
  const course = useCourse();
  const learned = useProgress((s) => s.learned);
  const completedSteps = useProgress((s) => s.completedSteps);
  const quiz = useProgress((s) => s.quiz);
  const awards = useProgress((s) => s.awards);
  // Each lesson is its own chunk (issue 9 §4): fetch them once the page has settled, or as a link is pointed at.
  useEffect(() => whenSettled(() => void preloadCourse()), [course]);

  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">Lifecycle Lab</h1>
      <p className="mt-2 max-w-2xl text-lg text-muted">
        Interactive lessons on taking machine-learning models from a CSV file to a monitored service — with the tools
        teams use in production.
      </p>
      <h2 className="mt-10 text-xl font-semibold">Lessons</h2>
      <ul className="mt-4 grid gap-4">
        {course.lessons.map((lesson) => {
          const p = lessonProgress(lesson, { learned, completedSteps, quiz, awards });
          return (
            <li key={lesson.id} className="rounded-xl border border-line bg-surface p-5">
              <h3 className="text-lg font-semibold">
                <Link
                  to={`/lessons/${lesson.id}`}
                  onMouseEnter={() => requestLesson(lesson.id)}
                  onFocus={() => requestLesson(lesson.id)}
                  className="text-accent underline-offset-4 hover:underline">
                  {lesson.title}
                </Link>
              </h3>
              <p className="mt-1 text-muted">{lesson.summary}</p>
              <p className="mt-3 text-sm">
                {lesson.steps.length} steps · {lesson.quiz.length} quiz questions · {lesson.glossary.length} terms
                {lesson.minutes ? ` · about ${lesson.minutes} min` : ''}
              </p>
              <div className="mt-3 flex items-center gap-3 text-sm">
                <span
                  role="progressbar"
                  aria-label={`${lesson.title} progress`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={p.percent}
                  className="block h-2 w-48 overflow-hidden rounded-full bg-surface-2 ring-1 ring-line"
                >
                  <span className="block h-full bg-ok" style={{ width: `${p.percent}%` }} />
                </span>
                <span>
                  {p.percent}% done · {p.stepsDone}/{lesson.steps.length} steps
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
