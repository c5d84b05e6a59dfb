import type { Lesson } from '../content/model';
import { LessonHeader } from './LessonHeader';
import { Prose } from './Prose';

export function LessonHero({ lesson }: { lesson: Lesson }) {
  return (
    <LessonHeader lesson={lesson}>
      <aside aria-label="Callout" className="mt-6 rounded-xl border-l-4 border-warn bg-surface-2 p-4">
        <p className="font-semibold">{lesson.callout.title}</p>
        <Prose html={lesson.callout.html} className="mt-1" />
      </aside>
      <Prose html={lesson.introHtml} className="mt-6" />
    </LessonHeader>
  );
}
