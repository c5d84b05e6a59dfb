// The step's "Lab reference" panel: what the learner's code can use in this lab — the
// Python modules the lesson lets it import, each function and class with its signature
// and first doc line, or, on a shell step, the commands the lab's bash has and what it
// lacks. Generated from the lab's code (src/lab/reference.ts), loaded when opened.
import { useState } from 'react';
import type { Lesson, Step } from '../content';
import type { ApiEntry, LabReference as Reference } from '../lab';

const loadReference = () => import('../lab/reference.json').then((m) => m.default as Reference);

export function LabReference({ lesson, step }: { lesson: Lesson; step: Step }) {
  const [reference, setReference] = useState<Reference | null>(null);
  const [failed, setFailed] = useState(false);
  const open = () => {
    if (!reference) loadReference().then(setReference, () => setFailed(true));
  };
  const importable = new Set<string>(lesson.lab.modules);
  const modules = reference?.modules.filter((m) => importable.has(m.module.split('.')[0] ?? '')) ?? [];
  return (
    <details className="mt-4 rounded-xl border border-line bg-surface p-4" onToggle={(e) => e.currentTarget.open && open()}>
      <summary className="cursor-pointer font-semibold">Lab reference</summary>
      <div className="mt-2 text-sm">
        {failed && <p role="alert">The reference could not be loaded: reload the page to try again.</p>}
        {!reference && !failed && <p className="text-muted">Loading…</p>}
        {reference && step.runtime === 'shell' && <ShellCommands shell={reference.shell} />}
        {reference && step.runtime !== 'shell' && (
          <>
            <p className="text-muted">What your code can import in this lab, as the lab defines it.</p>
            {modules.map((m) => (
              <section key={m.module} aria-label={`Module ${m.module}`} className="mt-3">
                <h3 className="font-mono font-semibold">{m.module}</h3>
                {m.doc && <p className="text-muted">{m.doc}</p>}
                <ul className="mt-1 grid gap-1">
                  {m.entries.map((e) => (
                    <Entry key={e.name} entry={e} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </details>
  );
}

function Entry({ entry }: { entry: ApiEntry }) {
  return (
    <li>
      <code className="break-words">
        {entry.kind === 'class' ? 'class ' : ''}
        {entry.name}
        {entry.signature}
      </code>
      {entry.doc && <span className="text-muted"> — {entry.doc}</span>}
      {entry.members && entry.members.length > 0 && (
        <ul className="ml-4 grid gap-0.5">
          {entry.members.map((m) => (
            <li key={m.name}>
              <code className="break-words">{m.kind === 'property' ? m.name : `${m.name}${m.signature.replace(/^\((self|cls)(, )?/, '(')}`}</code>
              {m.kind === 'property' && <span className="text-muted"> (attribute)</span>}
              {m.doc && <span className="text-muted"> — {m.doc}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ShellCommands({ shell }: { shell: Reference['shell'] }) {
  return (
    <>
      <p>
        <span className="font-semibold">The lab’s own commands</span> (they print what the real tools print): {shell.lab.map((c, i) => <span key={c}>{i > 0 && ', '}<code>{c}</code></span>)}.
      </p>
      <p className="mt-2">
        <span className="font-semibold">bash and its tools:</span> {shell.bash.map((c, i) => <span key={c}>{i > 0 && ', '}<code>{c}</code></span>)}, with bash’s syntax: variables, <code>$(…)</code>, globs, <code>if</code>/<code>for</code>/<code>while</code>, pipes and redirections.
      </p>
      <p className="mt-2 font-semibold">Not in the lab</p>
      <ul className="grid gap-0.5">
        {Object.entries(shell.missing).map(([name, why]) => (
          <li key={name}>
            <code>{name}</code>: {why}
          </li>
        ))}
      </ul>
    </>
  );
}
