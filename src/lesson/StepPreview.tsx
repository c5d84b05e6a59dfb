import { Suspense, useMemo, useState } from 'react';
import type { Step } from '../content';
import { type EngineState, type LabEngine, type StepRunState, timeLimitSeconds } from '../lab/page';
import { type WorldFiles, learnerFileTexts } from '../lab';
import { ConsoleView, PreviewFrame, previews, type ChartMark, type PreviewEntry } from '../preview';

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

/** The step's chart marks with their values: a number as written, or what the run left in the named variable (none if not a number). */
export function chartMarks(step: Step, variables: Record<string, unknown>): ChartMark[] {
  return step.preview.marks.flatMap((m) => {
    const value = typeof m.at === 'number' ? m.at : variables[m.at.variable];
    return typeof value === 'number' && Number.isFinite(value) ? [{ axis: m.axis, value, label: m.label }] : [];
  });
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
  // The last run's view stays (dimmed, marked busy) while the next run goes, as a notebook keeps its
  // last output: the chart is then updated rather than built again, and the pane does not collapse.
  const marks = outcome ? chartMarks(step, outcome.variables) : [];
  const entry: PreviewEntry = previews[step.preview.service];
  // Once per set of files (a Run that changed none keeps the engine's object), and only for a view that reads them (issue 22).
  const wantsFiles = entry.evidence.includes('files');
  const texts = useMemo(() => (wantsFiles ? learnerFileTexts(files ?? {}) : {}), [wantsFiles, files]);
  const view = outcome ? entry.render({ result, outcome, files: texts, send, navigate: setAddress, marks }) : null;

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
            <div className={`min-w-0 transition-opacity ${run.running ? 'opacity-50' : ''}`} aria-busy={run.running}>
              {view}
            </div>
          </Suspense>
        )}
        {(result || run.running) && (
          <ConsoleView output={output} error={run.running ? null : (outcome?.error ?? null)} />
        )}
      </div>
    </PreviewFrame>
  );
}
