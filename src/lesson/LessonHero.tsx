import { Link } from 'react-router-dom';
import type { Lesson } from '../content';
import { isStepDone, nextStep } from '../progress';
import { useProgress } from './useProgress';
import { LessonHeader } from './LessonHeader';
import { stepPath } from './phases';
import { Prose } from './Prose';

/** The way into the steps, at the top of the page (issue 23: on a phone it was screens down): start, continue, or go over them again. */
function StartButton({ lesson }: { lesson: Lesson }) {
  const completedSteps = useProgress((s) => s.completedSteps);
  const next = nextStep(lesson, { completedSteps });
  const first = lesson.steps[0];
  if (!first) return null;
  const started = lesson.steps.some((s) => isStepDone({ completedSteps }, lesson.id, s.slug));
  const target = next ?? first;
  const label = !started ? `Start: Step 1, ${first.title}` : next ? `Continue: Step ${next.order}, ${next.title}` : `All steps done · go over Step 1, ${first.title}`;
  return (
    <Link to={stepPath(lesson.id, target.slug)} className="mt-5 inline-block rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90">
      {label} →
    </Link>
  );
}

export function LessonHero({ lesson }: { lesson: Lesson }) {
  return (
    <LessonHeader lesson={lesson}>
      <StartButton lesson={lesson} />
      <aside aria-label="Callout" className="mt-6 rounded-xl border-l-4 border-warn bg-surface-2 p-4">
        <p className="font-semibold">{lesson.callout.title}</p>
        <Prose html={lesson.callout.html} className="mt-1" />
      </aside>
      <Prose html={lesson.introHtml} className="mt-6" />
    </LessonHeader>
  );
}
