import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Step } from '../content/model';
import { ConfirmDialog } from './ConfirmDialog';
import { WorkspaceShortcuts } from './WorkspaceShortcuts';
import type { useStepLab } from './useStepLab';
import { timeLimitSeconds } from '../lab/page/runRequest';

type Lab = ReturnType<typeof useStepLab>;

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

/** Whole seconds since `running` turned true, ticking while it stays true. */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => {
      window.clearInterval(timer);
      setSeconds(0); // the next run counts from 0
    };
  }, [running]);
  return seconds;
}

/** Run, Stop, the run's status and Reset lab, with Ctrl/⌘ + Enter anywhere on the step page. */
export function RunBar({ lab, step, guard, verdict }: { lab: Lab; step: Step; guard: ReturnType<typeof useRunGuard>; verdict?: ReactNode }) {
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
  const elapsed = useElapsedSeconds(runState.running);
  const ready = engineState.status === 'ready' || engineState.status === 'running';
  return (
    <div className="flex flex-wrap items-center gap-2">
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
      <p className="min-w-0 text-xs text-muted">
        {/* Announced when it changes; the ticking seconds beside it are not, or a screen reader would read every second. */}
        <span aria-live="polite">
          {runState.running && !loading
            ? 'Running…'
            : loading
              ? `Loading engine… ${engineState.stage}`
              : ready
                ? `${step.runtime === 'shell' ? 'Shell' : 'Python'} ready · Ctrl/⌘ + Enter runs · limit ${timeLimitSeconds(step)} s`
                : ''}
        </span>
        {runState.running && !loading && <span> {elapsed} s</span>}
      </p>
      {/* On phones the verdict comes straight after Run; on wide screens the row above has room for the other buttons. */}
      {verdict && <div className="w-full min-w-0 lg:order-last">{verdict}</div>}
      <div className="ml-auto flex flex-wrap gap-2">
        <WorkspaceShortcuts />
        <button type="button" onClick={() => dialogRef.current?.showModal()} disabled={lab.readOnly} className="rounded-md border border-line px-2.5 py-1 text-xs hover:bg-surface-2 disabled:opacity-50">
          Reset lab…
        </button>
      </div>
      {engineState.notice && (
        <p role="alert" className="w-full text-xs text-warn">
          {engineState.notice}
          {engineState.setAside && (
            <button type="button" onClick={lab.downloadSetAside} className="ml-2 rounded-md border border-line px-2 py-0.5 text-xs text-fg hover:bg-surface-2">
              Download the saved copy
            </button>
          )}
        </p>
      )}
      <ConfirmDialog dialogRef={confirmRef} id="rerun" width="max-w-md" title={`Run step ${step.order} again?`} action="Run anyway" onConfirm={() => void run()}>
        Steps after this one already changed the lab ({laterDone.map((s) => `step ${s.order}, ${s.title}`).join('; ')}). Running this step again
        changes the lab again on top of what they left: files it writes replace theirs, a model it registers becomes a new version, and an
        alias it sets moves (such as <code>champion</code>), so their previews may differ until you run them again. Your XP and completed steps
        are kept. Run anyway?
      </ConfirmDialog>
      <ConfirmDialog dialogRef={dialogRef} id="reset-lab" title="Reset the lab?" action="Reset lab" tone="bad" onConfirm={() => void lab.resetLab()}>
        The lab’s project goes back to its starting files: your runs, registered models and any files your code wrote are removed. Your code in
        the editors, your XP and completed steps are kept.
      </ConfirmDialog>
    </div>
  );
}
