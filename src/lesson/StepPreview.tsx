import { lazy, Suspense, useState } from 'react';
import type { Step } from '../content/model';
import type { EngineState, LabEngine } from '../lab/engine';
import type { StepRunState } from '../lab/session';
import type { WorldFiles } from '../lab/types';
import { learnerFileTexts } from '../lab/worldFiles';
import { ConsoleView } from '../preview/ConsoleView';
import { PreviewFrame } from '../preview/PreviewFrame';
import { timeLimitSeconds } from './useStepLab';

// Each service's view (and its charting library) loads only when shown.
const TrainingReport = lazy(() => import('../preview/TrainingReport'));
const TrackingUI = lazy(() => import('../preview/tracking/TrackingUI'));
const DriftMonitor = lazy(() => import('../preview/DriftMonitor'));
const ModelApi = lazy(() => import('../preview/ModelApi'));
const RepoExplorer = lazy(() => import('../preview/RepoExplorer'));

function statusLine(step: Step, engine: EngineState, run: StepRunState): string {
  if (run.running) {
    return engine.status === 'loading' || engine.status === 'restarting' ? `Loading engine… ${engine.stage} (your Run starts when it is ready)` : 'Running…';
  }
  if (run.failure) return `Could not run: ${run.failure}`;
  const result = run.result;
  if (result) {
    const how =
      result.ended === 'time-limit'
        ? `stopped at the ${timeLimitSeconds(step)} s time limit`
        : result.ended === 'stopped'
          ? 'stopped'
          : result.ended === 'crashed'
            ? 'engine crashed and was restarted'
            : result.ended === 'refused'
              ? 'the engine’s answer was refused, nothing was judged'
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
  send: LabEngine['request'];
  /** The project's files after the last run. */
  files: WorldFiles | null;
}

export function StepPreview({ step, engine, run, send, files }: Props) {
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
    else if (step.preview.service === 'repo-explorer') view = <RepoExplorer key={result.durationMs} repo={outcome.shell?.repo ?? null} files={learnerFileTexts(files ?? {})} />;
  }

  return (
    <PreviewFrame address={address ?? step.preview.address} status={statusLine(step, engine, run)}>
      <div className="grid gap-3">
        {!result && !run.running && (
          <p>
            This step has not been run yet. Press <strong>Run</strong> (or Ctrl/⌘ + Enter) to run your {step.runtime === 'shell' ? 'commands' : 'code'}; this window
            then shows what {step.preview.address} shows for it.
          </p>
        )}
        {view && (
          <Suspense fallback={<p className="text-muted">Opening {step.preview.address}…</p>}>
            <div className="min-w-0">{view}</div>
          </Suspense>
        )}
        {(result || run.running) && (
          <ConsoleView output={output} error={run.running ? null : (outcome?.error ?? null)} />
        )}
      </div>
    </PreviewFrame>
  );
}
