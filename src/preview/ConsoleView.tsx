import type { OutputChunk, PythonError } from '../lab';

interface Props {
  /** The program's output; 'lab' chunks are the lab's own lines (e.g. where output was left out). */
  output: OutputChunk[];
  error: PythonError | null;
  /** While nothing has run yet. */
  empty?: string;
}

/** The program's stdout and stderr as they came, then its traceback. */
export function ConsoleView({ output, error, empty }: Props) {
  const nothing = output.length === 0 && !error;
  return (
    // Scrolls when long, so keyboard users must be able to focus it (axe scrollable-region-focusable).
    <pre
      role="log"
      aria-label="Console"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded-lg border border-line bg-bg p-3 font-mono text-xs leading-relaxed"
    >
      {nothing && <span className="text-muted">{empty ?? '(no output)'}</span>}
      {output.map((chunk, i) => (
        <span key={i} className={chunk.stream === 'stderr' ? 'text-warn' : chunk.stream === 'lab' ? 'text-muted' : undefined}>
          {chunk.text}
        </span>
      ))}
      {error && <span className="text-bad">{error.traceback}</span>}
    </pre>
  );
}
