import { Fragment } from 'react';

/**
 * Plain text with `backtick` spans shown as code (issue 23: verdicts showed raw
 * backticks). Built as React elements, never as HTML, so a message that
 * quotes the learner's own code cannot inject markup.
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-surface-2 px-1 font-mono text-[0.9em]">
            {part}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
