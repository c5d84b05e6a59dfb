import { Suspense } from 'react';
import type { WorkspaceParts } from './SplitWorkspace';
import { splitWorkspace } from './splitWorkspaceChunk';

interface Props extends WorkspaceParts {
  /** Use the split view (screens ≥ 1024 px); otherwise one column. */
  wide: boolean;
}

/**
 * The step page as a workspace (issue 9): on wide screens the text and the work
 * sit side by side (SplitWorkspace). On narrower screens the same parts stack
 * under a run bar that stays on screen (Column).
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

/**
 * One column (phones, narrow windows). Run and its verdict stick to the top of the screen (issue 23: on a
 * phone Run sat 2.7 screens down the step), so the learner reads, scrolls to the code, and runs it
 * without scrolling back; the bar scrolls itself if a long verdict would fill the screen.
 */
function Column({ text, ask, bar, editor, preview }: WorkspaceParts) {
  return (
    <section aria-label="Workspace" className="grid min-w-0 gap-6">
      <div data-sticky-run-bar="" className="sticky top-0 z-20 -mx-4 grid max-h-[45dvh] min-w-0 gap-2 overflow-y-auto border-b border-line bg-bg px-4 py-2">
        {bar}
      </div>
      {/* Under the bar, in the page: a prediction held in the sticky bar filled it and pushed Run out of view. */}
      {ask && <div className="min-w-0">{ask}</div>}
      <div className="min-w-0">{text}</div>
      <div className="grid min-w-0 gap-3">
        <div className="min-w-0">{editor}</div>
        <div className="min-w-0">{preview}</div>
      </div>
    </section>
  );
}
