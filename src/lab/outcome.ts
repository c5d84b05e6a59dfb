import type { RunOutcome } from './types';

/** An outcome with nothing in it: the base of shell runs and of runs the engine had to end. */
export function emptyOutcome(patch: Partial<RunOutcome> = {}): RunOutcome {
  return {
    error: null,
    stopped: false,
    variables: {},
    training: [],
    drift: [],
    newRuns: [],
    newVersions: [],
    tracking: { experiments: {}, runs: {}, logged_models: {}, registered_models: {} },
    server: null,
    responses: [],
    ...patch,
  };
}
