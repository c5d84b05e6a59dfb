// What the tracking UI's pages list, worked out without React.
import { describe, expect, it } from 'vitest';
import { trackingAddress } from '../../src/preview/tracking/address';
import {
  activeExperiments,
  aliasList,
  chartRows,
  compareRows,
  firstExperimentId,
  fmtDuration,
  fmtSize,
  metricSummary,
  registrationsOfRun,
  userTags,
  versionsNewestFirst,
} from '../../src/preview/tracking/pages';
import { readTrackingStore, type UiRun } from '../../src/preview/tracking/store';

const runRecord = (id: string, experiment: string, extra: Record<string, unknown> = {}) => ({
  run_id: id,
  run_name: `run-${id}`,
  experiment_id: experiment,
  status: 'FINISHED',
  start_time: 1_000,
  end_time: 2_500,
  params: {},
  metrics: {},
  tags: {},
  models: [],
  ...extra,
});

const experiment = (id: string, stage = 'active') => ({ experiment_id: id, name: `exp-${id}`, artifact_location: '', lifecycle_stage: stage, creation_time: 0, tags: {} });

const { store } = readTrackingStore({
  experiments: { '0': experiment('0'), '1': experiment('1'), '2': experiment('2', 'deleted') },
  runs: {
    a: runRecord('a', '0', { params: { lr: '0.1' }, metrics: { acc: [[0.8, 1, 0]] }, tags: { 'mlflow.runName': 'run-a', team: 'pumps' } }),
    b: runRecord('b', '1', { params: { depth: '3' }, metrics: { loss: [[0.5, 1, 0], ['NaN', 2, 1], [0.3, 3, 2]] } }),
  },
  logged_models: {},
  registered_models: {
    pump: {
      name: 'pump',
      creation_timestamp: 0,
      last_updated_timestamp: 0,
      aliases: { champion: '2' },
      versions: {
        '1': { name: 'pump', version: '1', run_id: 'a', model_id: 'm-a', creation_timestamp: 0, source: '', status: 'READY' },
        '2': { name: 'pump', version: '2', run_id: 'b', model_id: 'm-b', creation_timestamp: 0, source: '', status: 'READY' },
      },
    },
  },
});
const run = (id: string) => store.runs[id] as UiRun;

describe('the tracking UI’s pages', () => {
  it('opens the experiment of the newest run, else the last one not deleted', () => {
    expect(activeExperiments(store).map((e) => e.experiment_id)).toEqual(['0', '1']);
    expect(firstExperimentId(store, ['a'])).toBe('0');
    expect(firstExperimentId(store, [])).toBe('1');
  });

  it('writes MLflow’s addresses for each page', () => {
    expect(trackingAddress({ page: 'run', experimentId: '1', runId: 'b' })).toBe('localhost:5000/#/experiments/1/runs/b');
    expect(trackingAddress({ page: 'compare', runIds: ['a', 'b'] })).toBe('localhost:5000/#/compare-runs?runs=["a","b"]');
    expect(trackingAddress({ page: 'model', name: 'pump model' })).toBe('localhost:5000/#/models/pump%20model');
  });

  it('a run page lists its registered versions with aliases, the learner’s tags, and metric histories', () => {
    expect(registrationsOfRun(store, 'b')).toEqual([{ name: 'pump', version: '2', aliases: ['champion'] }]);
    expect(registrationsOfRun(store, 'nope')).toEqual([]);
    expect(userTags(run('a'))).toEqual([['team', 'pumps']]);
    expect(metricSummary(run('b').metrics.loss ?? [])).toBe('0.3 (3 points)');
    expect(metricSummary(run('a').metrics.acc ?? [])).toBe('0.8');
  });

  it('compares the union of params and metrics and charts only metrics with a history', () => {
    expect(compareRows([run('a'), run('b')])).toEqual({ params: ['depth', 'lr'], metrics: ['acc', 'loss'], charted: ['loss'] });
  });

  it('charts a row per step and counts the NaN it cannot draw', () => {
    const { rows, skipped } = chartRows([{ name: 'b', points: run('b').metrics.loss ?? [] }]);
    expect(rows).toEqual([{ step: 0, b: 0.5 }, { step: 1 }, { step: 2, b: 0.3 }]);
    expect(skipped).toBe(1);
  });

  it('lists a model’s versions newest first with its aliases', () => {
    const pump = store.registered_models.pump;
    expect(pump && versionsNewestFirst(pump).map((v) => v.version)).toEqual(['2', '1']);
    expect(pump && aliasList(pump)).toBe('@champion → v2');
  });

  it('writes durations and sizes as MLflow does', () => {
    expect(fmtDuration(run('a'))).toBe('1.5s');
    expect(fmtDuration({ start_time: 0, end_time: 125_000, status: 'FINISHED' })).toBe('2min 5s');
    expect(fmtDuration({ start_time: 0, end_time: null, status: 'RUNNING' })).toBe('running');
    expect(fmtSize(2048)).toBe('2.0 KB');
  });
});
