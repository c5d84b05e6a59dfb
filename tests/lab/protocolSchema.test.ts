// The page parses every message from the worker (src/lab/protocolSchema.ts):
// the parts of an outcome the previews read are checked too, not passed through.
import { describe, expect, it } from 'vitest';
import { parseFromWorker, parseTrackingFile } from '../../src/lab/protocolSchema';
import { readTrackingStore } from '../../src/preview/tracking/store';
import { emptyOutcome } from '../../src/lab/outcome';
import type { RunOutcome } from '../../src/lab/types';

const run = {
  run_id: 'r1',
  run_name: 'calm-owl-1',
  experiment_id: '0',
  status: 'FINISHED',
  start_time: 1,
  end_time: 2,
  lifecycle_stage: 'active',
  artifact_uri: '',
  params: {},
  metrics: {},
  tags: {},
  models: [],
};

const result = (outcome: unknown) => parseFromWorker({ type: 'result', id: 1, nonce: 'n', outcome, changes: { files: {}, removed: [] }, chunks: [], truncatedLines: 0, truncatedBytes: 0 });
const withRun = (extra: Record<string, unknown>) => {
  const base = emptyOutcome();
  return { ...base, tracking: { ...base.tracking, runs: { r1: { ...run, ...extra } } } };
};
const withResponse = (headers: unknown): RunOutcome => ({ ...emptyOutcome(), responses: [{ method: 'GET', path: '/', body: null, status: 307, json: null, headers } as RunOutcome['responses'][number]] });

describe('a result from the worker', () => {
  it('is accepted with a run’s artifacts and a response’s headers', () => {
    expect(result(withRun({ artifacts: { 'notes.txt': { size: 5, text: 'hello' }, 'model.pkl': { size: 900, text: null } } })).ok).toBe(true);
    expect(result(withResponse({ location: '/docs' })).ok).toBe(true);
  });

  it('is refused when a run’s artifact is not a size and a text', () => {
    expect(result(withRun({ artifacts: { 'notes.txt': { size: '5', text: 'hello' } } }))).toEqual({
      ok: false,
      reason: 'outcome.tracking.runs.r1.artifacts.notes.txt.size: expected number',
    });
  });

  it('is refused when a response’s headers are not text', () => {
    expect(result(withResponse({ location: 42 }))).toEqual({ ok: false, reason: 'outcome.responses.0.headers.location: expected string' });
  });
});

describe('the run outcome’s one schema', () => {
  it('checks each metric history is a list without walking its points; the tracking UI leaves a bad one out', () => {
    const outcome = withRun({ metrics: { loss: [[0.5, 1, 0]], odd: [['x', 1, 0]] } });
    const parsed = result(outcome);
    expect(parsed.ok).toBe(true);
    expect(result(withRun({ metrics: { loss: 'not a list' } }))).toEqual({ ok: false, reason: 'outcome.tracking.runs.r1.metrics.loss: expected a list of points' });
    const { store, notices } = readTrackingStore(outcome.tracking);
    expect(Object.keys(store.runs.r1!.metrics)).toEqual(['loss']);
    expect(notices).toEqual(['Run calm-owl-1: metric "odd" was left out — its values are not numbers.']);
  });

  it('fills what older labs’ stores lack with what MLflow shows', () => {
    const { lifecycle_stage: _stage, artifact_uri: _uri, params: _params, ...old } = run;
    const parsed = parseTrackingFile(JSON.stringify({ experiments: {}, runs: { r1: old }, logged_models: {}, registered_models: {} }));
    expect(parsed?.runs.r1).toMatchObject({ lifecycle_stage: 'active', artifact_uri: '', params: {} });
  });
});
