// One run as the page keeps it while the worker runs it: what was asked, the output kept so
// far (the page draws at most PAGE_OUTPUT_CHARS whatever arrives), its timer and how it is
// ending; and the result of a run whose worker had to be replaced. The engine (engine.ts)
// moves a run through its states; this module holds no engine state of its own.
import { emptyOutcome } from '../outcome';
import type { ContainerTrialSpec, HttpRequest, OutputChunk, RunResult, WorldFiles } from '../types';

export interface RunRequest {
  /** Python by default; a shell script for the shell steps. */
  runtime?: 'python' | 'shell';
  code: string;
  filename: string;
  /** Other editor files to write into the project first (e.g. a Dockerfile). */
  extraFiles?: WorldFiles;
  /** Variable names the step's checks will look at. */
  variables: string[];
  /** Requests to send to the app the code serves, if it defines one. */
  requests?: HttpRequest[];
  /** The step's container checks: the project's image to build, run and ask after the program. */
  containers?: ContainerTrialSpec[];
  /** The step's assert checks (Python), judged after the program by the judge's own worker (judge.ts). */
  asserts?: string[];
  /** The paths the step's git-committed checks name: a shell Run's repo summary says which differ from the last commit. */
  committedPaths?: string[];
  timeLimitMs: number;
  onOutput?: (chunks: OutputChunk[]) => void;
}

/** The worker caps a run's output near 80 KB; the page keeps at most this much whatever arrives. */
const PAGE_OUTPUT_CHARS = 128 * 1024;

export interface PendingRun {
  id: number;
  nonce: string;
  request: RunRequest;
  output: OutputChunk[];
  outputChars: number;
  droppedChars: number;
  started: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  ending?: 'stopped' | 'time-limit';
  resolve: (result: RunResult) => void;
}

export const seconds = (ms: number) => Math.round(ms / 1000);

export function pendingRun(id: number, nonce: string, request: RunRequest, resolve: (result: RunResult) => void): PendingRun {
  return { id, nonce, request, output: [], outputChars: 0, droppedChars: 0, started: performance.now(), resolve, timer: undefined };
}

/** What is kept of these chunks (within PAGE_OUTPUT_CHARS), added to the run's output. */
export function keepOutput(run: PendingRun, chunks: OutputChunk[]): OutputChunk[] {
  const kept: OutputChunk[] = [];
  for (const chunk of chunks) {
    const room = PAGE_OUTPUT_CHARS - run.outputChars;
    if (room <= 0) run.droppedChars += chunk.text.length;
    else {
      const text = chunk.text.length > room ? chunk.text.slice(0, room) : chunk.text;
      run.droppedChars += chunk.text.length - text.length;
      run.outputChars += text.length;
      kept.push({ stream: chunk.stream, text });
    }
  }
  run.output.push(...kept);
  return kept;
}

/** The run's last chunks (drawn with its result, not streamed) and a line saying how much the page left out. */
export function closeOutput(run: PendingRun, chunks: OutputChunk[]): OutputChunk[] {
  keepOutput(run, chunks);
  if (run.droppedChars > 0) run.output.push({ stream: 'lab', text: `… ${run.droppedChars.toLocaleString('en-US')} more characters of output not shown\n` });
  return run.output;
}

/** The result of a run whose worker had to be replaced (or was refused): no changes to the project. */
export function endedResult(run: PendingRun, ended: NonNullable<RunResult['ended']>, detail: string | null): RunResult {
  const reason =
    ended === 'time-limit'
      ? `The program ran longer than ${seconds(run.request.timeLimitMs)} s and was stopped.`
      : ended === 'stopped'
        ? 'The program was stopped.'
        : ended === 'refused'
          ? (detail ?? 'The lab refused a malformed message from the Python engine.')
          : `The Python engine crashed (${detail ?? 'unknown error'}) — often runaway recursion or memory use. It was restarted.`;
  const type = ended === 'crashed' ? 'EngineCrash' : ended === 'refused' ? 'EngineRefused' : 'KeyboardInterrupt';
  const outcome = emptyOutcome({ error: { type, message: reason, traceback: `${reason}\n`, line: null }, stopped: ended === 'stopped' || ended === 'time-limit' });
  return { outcome, output: run.output, truncatedLines: 0, durationMs: performance.now() - run.started, ended };
}
