import type { Lesson } from '../content';
import { Prose } from './Prose';

export function InstructorCard({ instructor }: { instructor: Lesson['instructor'] }) {
  const initials = instructor.name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <aside aria-labelledby="instructor-heading" className="rounded-xl border border-line bg-surface p-4">
      <h2 id="instructor-heading" className="font-mono text-xs uppercase tracking-widest text-muted">
        Your instructor
      </h2>
      <div className="mt-3 flex items-center gap-3">
        <span aria-hidden="true" className="grid h-12 w-12 place-items-center rounded-full bg-accent font-bold text-accent-ink">
          {initials}
        </span>
        <div>
          <p className="font-semibold">{instructor.name}</p>
          <p className="text-sm text-muted">{instructor.role}</p>
        </div>
      </div>
      {instructor.bioHtml && <Prose html={instructor.bioHtml} className="mt-3 text-sm" />}
    </aside>
  );
}
