import { useEffect, useRef } from 'react';
import type { Step } from '../content/model';
import { timeLimitSeconds, type useStepLab } from './useStepLab';

type Lab = ReturnType<typeof useStepLab>;

/** Run, Stop and Reset lab, with Ctrl/⌘ + Enter anywhere on the step page. */
export function RunBar({ lab, step }: { lab: Lab; step: Step }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { run, stop, runState, engineState } = lab;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        e.preventDefault();
        void run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  const loading = engineState.status === 'loading' || engineState.status === 'restarting';
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => void run()}
        disabled={runState.running || lab.readOnly}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        className="rounded-md bg-accent px-4 py-1.5 text-sm font-semibold text-accent-ink disabled:opacity-50"
      >
        Run
      </button>
      <button
        type="button"
        onClick={stop}
        disabled={!runState.running}
        className="rounded-md border border-bad px-3 py-1.5 text-sm font-semibold text-bad disabled:border-line disabled:text-muted"
      >
        Stop
      </button>
      <span className="text-xs text-muted" aria-live="polite">
        {loading
            ? `Loading engine… ${engineState.stage}`
            : engineState.status === 'ready' || engineState.status === 'running'
              ? `${step.runtime === 'shell' ? 'Shell' : 'Python'} ready · Ctrl/⌘ + Enter runs · limit ${timeLimitSeconds(step)} s`
              : ''}
      </span>
      <button type="button" onClick={() => dialogRef.current?.showModal()} disabled={lab.readOnly} className="ml-auto rounded-md border border-line px-2.5 py-1 text-xs hover:bg-surface-2 disabled:opacity-50">
        Reset lab…
      </button>
      {engineState.notice && (
        <p role="alert" className="w-full text-xs text-warn">
          {engineState.notice}
        </p>
      )}
      <dialog ref={dialogRef} aria-labelledby="reset-lab-title" className="m-auto max-w-sm rounded-xl border border-line bg-surface p-5 text-ink backdrop:bg-black/60">
        <h2 id="reset-lab-title" className="text-lg font-semibold">
          Reset the lab?
        </h2>
        <p className="mt-2 text-sm text-muted">
          The lab’s project goes back to its starting files: your runs, registered models and any files your code wrote are removed. Your code in
          the editors, your XP and completed steps are kept.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-md border border-line px-3 py-1.5 text-sm">
            Cancel
          </button>
          <button
            type="button"
            onClick={() => {
              dialogRef.current?.close();
              void lab.resetLab();
            }}
            className="rounded-md bg-bad px-3 py-1.5 text-sm font-semibold text-bg"
          >
            Reset lab
          </button>
        </div>
      </dialog>
    </div>
  );
}
