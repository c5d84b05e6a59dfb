import type { ReactNode } from 'react';

/** A titled lesson section; its id doubles as the in-page anchor. */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="mt-12 scroll-mt-20">
      <h2 id={`${id}-title`} className="text-2xl font-bold tracking-tight">
        {title}
      </h2>
      {intro && <p className="mt-1 max-w-3xl text-muted">{intro}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}
