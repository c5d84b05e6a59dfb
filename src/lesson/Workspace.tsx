import { Suspense } from 'react';
import type { WorkspaceParts } from './SplitWorkspace';
import { splitWorkspace } from './splitWorkspaceChunk';

interface Props extends WorkspaceParts {
  /** Use the split view (screens ≥ 1024 px); otherwise one column. */
  wide: boolean;
}

/**
 * The step page as a workspace (issue 9): on wide screens the text and the work
 * sit side by side (SplitWorkspace). On narrower screens the same parts stack,
 * the run bar with its verdict directly above the editor.
 */
export function Workspace({ wide, ...parts }: Props) {
  if (!wide) return <Column {...parts} />;
  const Split = splitWorkspace.Component;
  // The route fetched the split view with the page when the screen was wide; a window
  // widened later shows the column until it arrives.
  return (
    <Suspense fallback={<Column {...parts} />}>
      <Split {...parts} />
    </Suspense>
  );
}

function Column({ text, bar, editor, preview }: WorkspaceParts) {
  return (
    <div className="grid min-w-0 gap-6">
      <div className="min-w-0">{text}</div>
      <section aria-label="Workspace" className="grid min-w-0 gap-3">
        <div className="grid min-w-0 gap-2">{bar}</div>
        <div className="min-w-0">{editor}</div>
        <div className="min-w-0">{preview}</div>
      </section>
    </div>
  );
}
