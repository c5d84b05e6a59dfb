import { lazy, Suspense, useState } from 'react';
import type { Step } from '../content/model';
import type { EngineState, LabEngine } from '../lab/engine';
import type { StepRunState } from '../lab/session';
import { ConsoleView } from '../preview/ConsoleView';
import { PreviewFrame } from '../preview/PreviewFrame';

// Each service's view (and its charting library) loads only when shown.
const TrainingReport = lazy(() => import('../preview/TrainingReport'));
const TrackingUI = lazy(() => import('../preview/TrackingUI'));
const DriftMonitor = lazy(() => import('../preview/DriftMonitor'));
const ModelApi = lazy(() => import('../preview/ModelApi'));

function statusLine(step: Step, engine: EngineState, run: StepRunState, runnable: boolean): string {
  if (!runnable) return 'Not run yet';
  if (run.running) {
    return engine.status === 'loading' || engine.status === 'restarting' ? `Loading engine… ${engine.stage} (your Run starts when it is ready)` : 'Running…';
  }
  if (run.failure) return `Could not run: ${run.failure}`;
  const result = run.result;
  if (result) {
    const how =
      result.ended === 'time-limit'
        ? `stopped at the ${step.timeLimitSeconds ?? 10} s time limit`
        : result.ended === 'stopped'
          ? 'stopped'
          : result.ended === 'crashed'
            ? 'engine crashed and was restarted'
            : result.outcome.error
              ? `raised ${result.outcome.error.type}${result.outcome.error.line ? ` on line ${result.outcome.error.line}` : ''}`
              : 'finished';
    return `Ran in ${Math.round(result.durationMs)} ms · ${how}`;
  }
  if (engine.error) return `The engine could not start: ${engine.error}`;
  if (engine.status === 'loading' || engine.status === 'restarting') return `Loading engine… ${engine.stage}`;
  if (engine.status === 'ready') return 'Engine ready · not run yet';
  return 'Not run yet';
}

interface Props {
  step: Step;
  engine: EngineState;
  run: StepRunState;
  runnable: boolean;
  send: LabEngine['request'];
}

export function StepPreview({ step, engine, run, runnable, send }: Props) {
  const [address, setAddress] = useState<string | null>(null);
  const result = run.result;
  const outcome = result?.outcome;
  const output = run.running ? run.live : (result?.output ?? []);
  let view = null;
  if (outcome && !run.running) {
    if (step.preview.service === 'training-report') view = <TrainingReport outcome={outcome} />;
    else if (step.preview.service === 'tracking-ui') view = <TrackingUI key={outcome.newRuns.join()} store={outcome.tracking} newRuns={outcome.newRuns} onNavigate={setAddress} />;
    else if (step.preview.service === 'monitor') view = <DriftMonitor outcome={outcome} />;
    else if (step.preview.service === 'model-api') view = <ModelApi key={result.durationMs} server={outcome.server} responses={outcome.responses} send={send} />;
  }

  return (
    <PreviewFrame address={address ?? step.preview.address} status={statusLine(step, engine, run, runnable)}>
      {!runnable ? (
        <>
          <p>This step has not been run yet.</p>
          <p className="mt-2 text-muted">
            The lab’s shell (git and DVC) is the next part of the lab to arrive; until then, read the step, edit the commands and compare them
            with the solution.
          </p>
        </>
      ) : (
        <div className="grid gap-3">
          {!result && !run.running && (
            <p>
              This step has not been run yet. Press <strong>Run</strong> (or Ctrl/⌘ + Enter) to run your code; this window then shows what{' '}
              {step.preview.address} shows for it.
            </p>
          )}
          {view && (
            <Suspense fallback={<p className="text-muted">Opening {step.preview.address}…</p>}>
              <div className="min-w-0">{view}</div>
            </Suspense>
          )}
          {(result || run.running) && (
            <ConsoleView output={output} truncatedLines={run.running ? 0 : (result?.truncatedLines ?? 0)} error={run.running ? null : (outcome?.error ?? null)} />
          )}
        </div>
      )}
    </PreviewFrame>
  );
}
