import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Step } from '../content';
import { ConfirmDialog } from './ConfirmDialog';
import { WorkspaceShortcuts } from './WorkspaceShortcuts';
import type { useStepLab } from './useStepLab';
import { timeLimitSeconds } from '../lab/page';
import { Prose } from './Prose';
import { stopAskingBeforeRerun, useAsksBeforeRerun } from './rerunPrefs';

type Lab = ReturnType<typeof useStepLab>;

/**
 * Run, or first ask when running this step again changes what completed later
 * steps use (issue 7 §4). Only a step whose content declares that (`rerun:`,
 * its text) asks, and the learner can stop it asking (issue 23: trying
 * learning rates meant one dialog per Run). The editor's Ctrl/⌘ + Enter goes through it too.
 */
export function useRunGuard(lab: Lab, step: Step, laterDone: Step[], stepKey: string) {
  const confirmRef = useRef<HTMLDialogElement>(null);
  const { run } = lab;
  const asks = useAsksBeforeRerun(stepKey);
  const askFirst = laterDone.length > 0 && step.rerunHtml !== undefined && asks;
  const requestRun = useCallback(() => {
    if (askFirst) {
      if (!confirmRef.current?.open) confirmRef.current?.showModal();
    } else void run();
  }, [askFirst, run]);
  return { requestRun, confirmRef, laterDone, stepKey };
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
      {step.rerunHtml !== undefined && laterDone.length > 0 && (
        <RerunDialog dialogRef={confirmRef} step={step} laterDone={laterDone} onConfirm={(dontAsk) => {
          if (dontAsk) stopAskingBeforeRerun(guard.stepKey);
          void run();
        }} />
      )}
      <ConfirmDialog dialogRef={dialogRef} id="reset-lab" title="Reset the lab?" action="Reset lab" tone="bad" onConfirm={() => void lab.resetLab()}>
        The lab’s project goes back to its starting files: your runs, registered models and any files your code wrote are removed. Your code in
        the editors, your XP and completed steps are kept.
      </ConfirmDialog>
    </div>
  );
}

/** The re-run question: which later steps are done, and what this step's content says a re-run changes for them. */
function RerunDialog({
  dialogRef,
  step,
  laterDone,
  onConfirm,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  step: Step;
  laterDone: Step[];
  onConfirm: (dontAskAgain: boolean) => void;
}) {
  const [dontAsk, setDontAsk] = useState(false);
  const checkboxId = useId();
  return (
    <ConfirmDialog
      dialogRef={dialogRef}
      id="rerun"
      width="max-w-md"
      title={`Run step ${step.order} again?`}
      action="Run anyway"
      onConfirm={() => onConfirm(dontAsk)}
      extra={
        <label htmlFor={checkboxId} className="mt-3 flex items-center gap-2 text-sm">
          <input id={checkboxId} type="checkbox" checked={dontAsk} onChange={(e) => setDontAsk(e.target.checked)} />
          Don’t ask again for this step
        </label>
      }
    >
      Later steps are done ({laterDone.map((s) => `step ${s.order}, ${s.title}`).join('; ')}). <Prose html={step.rerunHtml ?? ''} inline /> Your XP
      and completed steps are kept.
    </ConfirmDialog>
  );
}
