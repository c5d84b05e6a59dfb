import { useCallback, useEffect, useRef } from 'react';
import type { Step } from '../content/model';
import { timeLimitSeconds, type useStepLab } from './useStepLab';

type Lab = ReturnType<typeof useStepLab>;

/** Run, Stop and Reset lab, with Ctrl/⌘ + Enter anywhere on the step page. */
/**
 * Run, or first ask when later steps are completed: they left the shared lab as
 * they need it, so say so before this step changes it again (issue 7 §4). The
 * editor's Ctrl/⌘ + Enter goes through it too.
 */
export function useRunGuard(lab: Lab, laterDone: Step[]) {
  const confirmRef = useRef<HTMLDialogElement>(null);
  const { run } = lab;
  const askFirst = laterDone.length > 0;
  const requestRun = useCallback(() => {
    if (askFirst) {
      if (!confirmRef.current?.open) confirmRef.current?.showModal();
    } else void run();
  }, [askFirst, run]);
  return { requestRun, confirmRef, laterDone };
}

export function RunBar({ lab, step, guard }: { lab: Lab; step: Step; guard: ReturnType<typeof useRunGuard> }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { run, stop, runState, engineState } = lab;
  const { requestRun, confirmRef, laterDone } = guard;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        e.preventDefault();
        requestRun();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestRun]);

  const loading = engineState.status === 'loading' || engineState.status === 'restarting';
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={requestRun}
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
      <dialog ref={confirmRef} aria-labelledby="rerun-title" aria-describedby="rerun-text" className="m-auto max-w-md rounded-xl border border-line bg-surface p-5 text-ink backdrop:bg-black/60">
        <h2 id="rerun-title" className="text-lg font-semibold">
          Run step {step.order} again?
        </h2>
        <p id="rerun-text" className="mt-2 text-sm text-muted">
          Steps after this one already changed the lab ({laterDone.map((s) => `step ${s.order}, ${s.title}`).join('; ')}). Running this step again
          changes the lab again on top of what they left: files it writes replace theirs, a model it registers becomes a new version, and an
          alias it sets moves (such as <code>champion</code>), so their previews may differ until you run them again. Your XP and completed steps
          are kept. Run anyway?
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => confirmRef.current?.close()} className="rounded-md border border-line px-3 py-1.5 text-sm">
            Cancel
          </button>
          <button
            type="button"
            onClick={() => {
              confirmRef.current?.close();
              void run();
            }}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink"
          >
            Run anyway
          </button>
        </div>
      </dialog>
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
