import type { Lesson } from '../content/model';
import { Prose } from './Prose';

export function LessonHero({ lesson }: { lesson: Lesson }) {
  return (
    <header className="rounded-2xl border border-line bg-surface p-6 sm:p-8">
      <p className="font-mono text-xs uppercase tracking-widest text-muted">Lesson · {lesson.steps.length} steps{lesson.minutes ? ` · ~${lesson.minutes} min` : ''}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
      <p className="mt-3 max-w-3xl text-lg text-muted">{lesson.summary}</p>
      <aside aria-label="Callout" className="mt-6 rounded-xl border-l-4 border-warn bg-surface-2 p-4">
        <p className="font-semibold">{lesson.callout.title}</p>
        <Prose html={lesson.callout.html} className="mt-1" />
      </aside>
      <Prose html={lesson.introHtml} className="mt-6" />
    </header>
  );
}
