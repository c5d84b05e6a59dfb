// The step page's split view (screens ≥ 1024 px): the text and the work side
// by side, each scrolling on its own, with resizable dividers whose sizes are
// remembered. Its own chunk (splitWorkspaceChunk.ts): phones never load it.
import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useStoredLayout } from './workspaceLayout';

export interface WorkspaceParts {
  /** The step's text: prose, checks, hints, recap, step navigation. */
  text: ReactNode;
  /** Run, Stop, status and verdict: kept in view above the editor. */
  bar: ReactNode;
  /** Asked before Run (the step's prediction), if anything is: above the bar, never inside a phone's sticky bar. */
  ask?: ReactNode;
  editor: ReactNode;
  preview: ReactNode;
}

// Panel ids become element ids, so they carry a prefix no lesson heading's id has.
const COLUMNS = ['step-text', 'step-work'] as const;
const ROWS = ['step-editor', 'step-preview'] as const;

// A visible grip with a wide hit area; the library gives it role=separator, arrow keys and aria-value*.
const separator =
  'group relative flex shrink-0 items-center justify-center bg-line transition-colors hover:bg-accent focus-visible:bg-accent data-[separator=active]:bg-accent';

export function SplitWorkspace({ text, ask, bar, editor, preview }: WorkspaceParts) {
  const columns = useStoredLayout('step-columns', COLUMNS);
  const rows = useStoredLayout('step-rows', ROWS);
  return (
    <Group id="step-columns" orientation="horizontal" className="h-full" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
      <Panel id="step-text" defaultSize="42%" minSize="22%">
        {/* relative: absolutely placed screen-reader text stays inside this scroll box, or the page itself would scroll. */}
        <div className="relative h-full overflow-y-auto px-6 pb-10 pt-5">
          <div className="mx-auto max-w-3xl">{text}</div>
        </div>
      </Panel>
      <Separator aria-label="Resize the step text and the workspace" className={`${separator} w-1.5`}>
        <span aria-hidden="true" className="h-8 w-0.5 rounded bg-muted group-hover:bg-accent-ink" />
      </Separator>
      <Panel id="step-work" minSize="30%">
        <section aria-label="Workspace" className="flex h-full min-h-0 flex-col gap-2 p-3">
          <div className="grid shrink-0 gap-2">
            {ask}
            {bar}
          </div>
          <Group id="step-rows" orientation="vertical" className="min-h-0 flex-1" defaultLayout={rows.defaultLayout} onLayoutChanged={rows.onLayoutChanged}>
            <Panel id="step-editor" defaultSize="55%" minSize="20%">
              <div className="relative h-full pb-1">{editor}</div>
            </Panel>
            <Separator aria-label="Resize the editor and the preview" className={`${separator} h-1.5`}>
              <span aria-hidden="true" className="h-0.5 w-8 rounded bg-muted group-hover:bg-accent-ink" />
            </Separator>
            <Panel id="step-preview" minSize="15%">
              {/* The preview's frame fills the pane, so its own body scrolls and its address bar stays. */}
              <div className="relative h-full overflow-auto pt-1 [&>section]:h-full">{preview}</div>
            </Panel>
          </Group>
        </section>
      </Panel>
    </Group>
  );
}
