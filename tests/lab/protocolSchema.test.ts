// The page parses every message from the worker (src/lab/protocolSchema.ts):
// the parts of an outcome the previews read are checked too, not passed through.
import { describe, expect, it } from 'vitest';
import { parseFromWorker, trackingOfFiles, withTracking } from '../../src/lab/protocolSchema';
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
const withResponse = (headers: unknown): RunOutcome => ({ ...emptyOutcome(), responses: [{ method: 'GET', path: '/', body: null, status: 307, json: null, headers } as RunOutcome['responses'][number]] });

describe('a result from the worker', () => {
  it('is accepted with a run’s artifacts and a response’s headers', () => {
    expect(result(withResponse({ location: '/docs' })).ok).toBe(true);
  });

  it('is refused when a response’s headers are not text', () => {
    expect(result(withResponse({ location: 42 }))).toEqual({ ok: false, reason: 'outcome.responses.0.headers.location: expected string' });
  });
});

describe('the tracking store, read from the files a run changed (withTracking)', () => {
  const known = emptyOutcome().tracking;
  const wire = () => {
    const { tracking: _t, ...rest } = emptyOutcome();
    return rest;
  };
  const runFile = (extra: Record<string, unknown>) => ({ '.lab/tracking/runs/r1.json': JSON.stringify({ ...run, ...extra }) });

  it('takes a run file it can trust, keeping every other entry as the page had it', () => {
    const before = { ...known, runs: { r0: { ...run, run_id: 'r0' } as never } };
    const changes = { files: runFile({ artifacts: { 'notes.txt': { size: 5, text: 'hello' }, 'model.pkl': { size: 900, text: null } } }), removed: [] };
    const after = withTracking(wire(), before, {}, changes).tracking;
    expect(Object.keys(after.runs).sort()).toEqual(['r0', 'r1']);
    expect(after.runs.r0).toBe(before.runs.r0);
    expect(after.runs.r1?.artifacts?.['notes.txt']).toEqual({ size: 5, text: 'hello' });
  });

  it('leaves out a run whose artifact is not a size and a text, and forgets a removed one', () => {
    const bad = withTracking(wire(), known, {}, { files: runFile({ artifacts: { 'notes.txt': { size: '5', text: 'hello' } } }), removed: [] }).tracking;
    expect(bad.runs).toEqual({});
    const had = { ...known, runs: { r1: run as never } };
    expect(withTracking(wire(), had, {}, { files: {}, removed: ['.lab/tracking/runs/r1.json'] }).tracking.runs).toEqual({});
  });

  it('reads the whole store from the project when the page has none, and an older lab\'s single file', () => {
    const files = { ...runFile({}), '.lab/tracking/store.json': JSON.stringify({ experiments: known.experiments, registered_models: {} }) };
    expect(Object.keys(trackingOfFiles(files).runs)).toEqual(['r1']);
    expect(Object.keys(trackingOfFiles({ '.lab/tracking.json': JSON.stringify({ ...known, runs: { r1: run } }) }).runs)).toEqual(['r1']);
    expect(withTracking(wire(), null, files, { files: {}, removed: [] }).tracking.runs.r1?.run_name).toBe('calm-owl-1');
  });
});

describe('the run outcome’s one schema', () => {
  const runFile = (extra: Record<string, unknown>) => ({ '.lab/tracking/runs/r1.json': JSON.stringify({ ...run, ...extra }) });

  it('checks each metric history is a list without walking its points; the tracking UI leaves a bad one out', () => {
    const store = trackingOfFiles(runFile({ metrics: { loss: [[0.5, 1, 0]], odd: [['x', 1, 0]] } }));
    expect(Object.keys(store.runs)).toEqual(['r1']);
    expect(trackingOfFiles(runFile({ metrics: { loss: 'not a list' } })).runs).toEqual({});
    const { store: shown, notices } = readTrackingStore(store);
    expect(Object.keys(shown.runs.r1!.metrics)).toEqual(['loss']);
    expect(notices).toEqual(['Run calm-owl-1: metric "odd" was left out — its values are not numbers.']);
  });

  it('fills what older labs’ stores lack with what MLflow shows', () => {
    const { lifecycle_stage: _stage, artifact_uri: _uri, params: _params, ...old } = run;
    const parsed = trackingOfFiles({ '.lab/tracking/runs/r1.json': JSON.stringify(old) });
    expect(parsed.runs.r1).toMatchObject({ lifecycle_stage: 'active', artifact_uri: '', params: {} });
  });
});
