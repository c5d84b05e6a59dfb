import type { Lesson } from '../content';
import { Prose } from './Prose';

export function Faq({ lesson }: { lesson: Lesson }) {
  return (
    <div className="grid gap-2">
      {lesson.faq.map((item) => (
        <details key={item.question} className="group rounded-xl border border-line bg-surface px-4 py-3">
          <summary className="cursor-pointer font-semibold marker:text-accent">
            <Prose inline html={item.questionHtml} />
          </summary>
          <Prose html={item.answerHtml} className="mt-2 text-sm" />
        </details>
      ))}
    </div>
  );
}
