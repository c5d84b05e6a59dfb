// What a step's Run asks of the engine, built in one place so the learner's Run
// (src/lesson/useStepLab.ts) and the author view's Prove (src/author/scratchLab.ts)
// run a step's files the same way: the first file runs, the others are written
// first, with the probes the step's checks need and the step's time limit.
import type { CodeFile, Step } from '../../content';
import { probesFor } from '../checks/checks';
import type { RunRequest } from './runMachine';

const DEFAULT_TIME_LIMIT_S = 10;

/** A step's per-run time limit, in seconds (frontmatter `timeLimitSeconds`, else 10). */
export const timeLimitSeconds = (step: Step) => step.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S;

/** The run request for these files of the step (main file first); null when there is no file to run. */
export function runRequestFor(step: Step, files: CodeFile[], onOutput?: RunRequest['onOutput']): RunRequest | null {
  const [main, ...others] = files;
  if (!main) return null;
  return {
    runtime: step.runtime,
    code: main.code,
    filename: main.file,
    extraFiles: Object.fromEntries(others.map((f) => [f.file, f.code])),
    ...probesFor(step.checks),
    timeLimitMs: timeLimitSeconds(step) * 1000,
    onOutput,
  };
}
