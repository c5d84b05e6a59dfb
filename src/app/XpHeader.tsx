import { useMemo } from 'react';
import type { CourseIndex, LessonSummary } from '../content';
import { courseProgress, totalXp, xpBySkill } from '../progress';
import { useProgress } from '../lesson/useProgress';

/** Total XP, XP per skill and a progress bar for the open lesson (or the whole course). */
export function XpHeader({ lesson, course }: { lesson: LessonSummary | undefined; course: CourseIndex }) {
  const awards = useProgress((s) => s.awards);
  const learned = useProgress((s) => s.learned);
  const completedSteps = useProgress((s) => s.completedSteps);
  const quiz = useProgress((s) => s.quiz);

  const skills = useMemo(() => xpBySkill(awards, course.lessons.map((l) => l.skill)), [awards, course]);
  // XP is saved under the skill's id; the header says the name the lesson gives it.
  const skillName = useMemo(() => {
    const names = new Map<string, string>();
    for (const l of course.lessons) if (!names.has(l.skill)) names.set(l.skill, l.skillName);
    return (id: string) => names.get(id) ?? id;
  }, [course]);
  // Weighed by XP (selectors.ts): the share of the XP on offer that has been earned.
  const progress = useMemo(
    () => courseProgress(lesson ? [lesson] : course.lessons, { learned, completedSteps, quiz, awards }),
    [lesson, course, learned, completedSteps, quiz, awards],
  );

  return (
    <div className="flex min-w-0 items-center gap-x-3 text-sm sm:gap-x-4" aria-label="Your progress" role="group">
      <span className="shrink-0 whitespace-nowrap rounded-full bg-accent px-2.5 py-0.5 font-semibold text-accent-ink">Total XP: {totalXp(awards)}</span>
      {/* Per-skill XP needs the room of a wide header; the total is always there. */}
      {skills.map(([skill, xp]) => (
        <span key={skill} className="whitespace-nowrap text-muted max-lg:hidden">
          {skillName(skill)} XP: {xp}
        </span>
      ))}
      <span className="flex items-center gap-2">
        <span className="sr-only" id="progress-label">
          {lesson ? `${lesson.title} progress` : 'Course progress'}
        </span>
        <span
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          aria-valuetext={`${progress.percent}% (${progress.earned} of ${progress.available} XP)`}
          className="block h-2 w-14 overflow-hidden sm:w-28 rounded-full bg-surface-2 ring-1 ring-line"
        >
          <span className="block h-full bg-ok transition-[width] duration-500" style={{ width: `${progress.percent}%` }} />
        </span>
        {/* The bar says it on a phone (and its value is announced): at 390 px the figure ran under the Progress button. */}
        <span className="text-muted max-sm:hidden" aria-hidden="true">
          {progress.percent}%
        </span>
      </span>
    </div>
  );
}
