// The tracking UI's reading of the store: what it keeps, decodes and leaves out.
import { describe, expect, it } from 'vitest';
import { fmtValue, latest, sortRuns } from '../../src/preview/tracking/runsTable';
import { metricValue, readTrackingStore, type UiRun } from '../../src/preview/tracking/store';

const runRecord = (id: string, extra: Record<string, unknown> = {}) => ({
  run_id: id,
  run_name: `run-${id}`,
  experiment_id: '0',
  status: 'FINISHED',
  start_time: 1,
  end_time: 2,
  params: {},
  metrics: {},
  tags: {},
  models: [],
  ...extra,
});

describe('reading the tracking store', () => {
  it('turns the wire strings back into NaN and ±Infinity (src/lab/python/mlflow/_store.py for_json)', () => {
    expect([metricValue('NaN'), metricValue('Infinity'), metricValue('-Infinity'), metricValue(0.5), metricValue('0.5')]).toEqual([NaN, Infinity, -Infinity, 0.5, undefined]);
    const { store, notices } = readTrackingStore({ runs: { r: runRecord('r', { metrics: { loss: [['NaN', 1, 0], [0.2, 2, 1]] } }) } });
    expect(notices).toEqual([]);
    expect(store.runs.r!.metrics.loss).toEqual([[NaN, 1, 0], [0.2, 2, 1]]);
  });

  it('keeps a run whose one metric is unreadable, without that metric, and says so', () => {
    const { store, notices } = readTrackingStore({ runs: { r: runRecord('r', { metrics: { ok: [[1, 1, 0]], odd: [[{}, 1, 0]] } }) } });
    expect(Object.keys(store.runs.r!.metrics)).toEqual(['ok']);
    expect(notices).toEqual(['Run run-r: metric "odd" was left out — its values are not numbers.']);
  });

  it('drops aliases that point at no version', () => {
    const { store, notices } = readTrackingStore({
      runs: { r: runRecord('r', { params: { lr: '0.1' }, tags: { t: 'x' } }) },
      registered_models: { m: { name: 'm', aliases: { champion: '1', ghost: '7' }, versions: { '1': { version: '1', run_id: 'r', model_id: 'm-1', creation_timestamp: 0 } } } },
    });
    expect(notices).toEqual([]);
    expect(store.runs.r!.params).toEqual({ lr: '0.1' });
    expect(store.registered_models.m!.aliases).toEqual({ champion: '1' });
    expect(store.registered_models.m!.versions['1']!.name).toBe('m');
  });

  it('leaves out a run whose params or tags are not text, and says which field', () => {
    const { store, notices } = readTrackingStore({
      runs: { r: runRecord('r', { params: { lr: '0.1', bad: 3 } }), s: runRecord('s', { tags: { u: null } }), ok: runRecord('ok') },
    });
    expect(Object.keys(store.runs)).toEqual(['ok']);
    expect(notices).toEqual(['Run r was left out: its params "bad" is not text.', 'Run s was left out: its tags "u" is not text.']);
  });

  it('says a missing field is missing', () => {
    const { run_name: _name, ...nameless } = runRecord('n');
    expect(readTrackingStore({ runs: { n: nameless } }).notices).toEqual(['Run n was left out: its run name is missing.']);
  });
});

describe('the runs table', () => {
  const run = (id: string, acc: number | undefined): UiRun => ({
    ...(runRecord(id) as unknown as UiRun),
    metrics: acc === undefined ? {} : { acc: [[acc, 1, 0]] },
    artifacts: {},
  });

  it('writes values with four significant digits and non-finite ones in words', () => {
    expect([0.123456, NaN, Infinity, -Infinity, undefined].map(fmtValue)).toEqual(['0.1235', 'NaN', 'Infinity', '-Infinity', '—']);
    expect(latest([[1, 5, 0], [2, 1, 1], [3, 2, 1]])).toBe(3);
  });

  it('sorts NaN and missing values last in both directions', () => {
    const runs = [run('a', NaN), run('b', 0.5), run('c', undefined), run('d', 0.9)];
    expect(sortRuns(runs, { column: 'metric:acc', direction: 'descending' }).map((r) => r.run_id)).toEqual(['d', 'b', 'a', 'c']);
    expect(sortRuns(runs, { column: 'metric:acc', direction: 'ascending' }).map((r) => r.run_id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
